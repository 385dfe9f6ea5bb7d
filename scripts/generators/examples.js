// @ts-check
/**
 * Generates the example fixtures of every signed family (identity, discovery, capability,
 * intent, mandate, settlement, receipt, task, bundle) into examples/<line>/<family>/, from fixed
 * key seeds, so that every signature, proof and hash in them is real and reproducible.
 *
 *   npm run generate:examples            write the fixtures (and remove stale ones)
 *   npm run generate:examples -- --check exit 1 if any differs from what this script produces
 *
 * Keys: the seed of party <label> is SHA-256("writ/v1.0.0/examples/<label>"), an Ed25519 private
 * key; SPEC.md ("Example keys") lists the labels. The commercial family's fixtures are written by
 * hand and are not touched here; the fixtures that sit at the boundaries of its document rules
 * (SPEC.md 5.3) are made here from them, each a hand-written fixture with one change, into the
 * same folders (examples/<line>/commercial/<verb>/).
 *
 * A valid fixture is a document as a conforming producer would write it. An invalid fixture is a
 * valid one with exactly one rule broken; its expectation (instancePath, keyword, path, code) is
 * stated here by hand and checked by the test suite, never computed from a validator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicKeyOf } from '../../src/crypto/ed25519.js';
import { signCompact, signDataIntegrity } from '../../src/crypto/envelopes.js';
import { documentHash, sha256Bytes } from '../../src/crypto/hash.js';
import { didKeyVerificationMethod, toDidKey, toMultikey } from '../../src/crypto/keys.js';
import { toBase64Url, toHex } from '../../src/encoding/bytes.js';
import { ROOT, emit } from '../lib/emit.js';
import { PARTIES, rehash, reprove, resign } from '../lib/parties.js';

const LINE = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')).line;
const BASE = `https://writ.dev/schemas/${LINE}/`;
const FAMILIES = ['identity', 'discovery', 'capability', 'intent', 'mandate', 'settlement', 'receipt', 'task', 'bundle', 'release', 'conformance'];

// ---------------------------------------------------------------------------------------------
// Output

/** @type {Map<string, string>} */
const out = new Map();
const text = (value) => `${JSON.stringify(value, null, 2)}\n`;
const clone = (value) => JSON.parse(JSON.stringify(value));

/** The folder of a document's fixtures: the document, or for the commercial family its verb. */
const group = (family, doc) => (family === 'commercial' ? doc.split('.')[0] : doc);

/**
 * @param {string} id schema id, e.g. capability/token
 * @param {string} name case name
 * @param {unknown} value
 */
function valid(id, name, value) {
  const [family, doc] = id.split('/');
  out.set(`examples/${LINE}/${family}/${group(family, doc)}/valid/${doc}.${name}.json`, text(value));
  return value;
}

/**
 * @param {string} id schema id
 * @param {string} name case name: the rule broken
 * @param {unknown} value the document
 * @param {{ path: string, keyword: string, code: string, instancePath?: string }} expect
 *   instancePath defaults to path (right for every keyword but required, additionalProperties,
 *   dependentRequired and propertyNames, which apply at the object holding the member).
 */
function invalid(id, name, value, expect) {
  const [family, doc] = id.split('/');
  const at = `examples/${LINE}/${family}/${group(family, doc)}/invalid/${doc}.${name}`;
  out.set(`${at}.json`, text(value));
  out.set(
    `${at}.expect.json`,
    text({ $schema: `${BASE}release/fixture-expectation.schema.json`, instancePath: expect.instancePath ?? expect.path, keyword: expect.keyword, path: expect.path, code: expect.code }),
  );
}

/** Expectation of a missing member: the keyword applies at the parent. */
const missing = (parent, member) => ({ instancePath: parent, keyword: 'required', path: `${parent}/${member}`, code: 'ERR_SCHEMA_REQUIRED' });
const extra = (parent, member) => ({ instancePath: parent, keyword: 'additionalProperties', path: `${parent}/${member}`, code: 'ERR_SCHEMA_ADDITIONAL_PROPERTY' });
const at = (path, keyword, code) => ({ path, keyword, code });
const broken = (path, rule, code) => ({ path, keyword: `rule:${rule}`, code });

/** A copy of `value` changed by `change`. */
function mut(value, change) {
  const copy = clone(value);
  change(copy);
  return copy;
}
/** Remove members from a copy. */
const without = (value, ...members) => mut(value, (d) => members.forEach((m) => delete d[m]));

// ---------------------------------------------------------------------------------------------
// Parties and signing

const compact = (doc, signer) => signCompact(doc, signer.seed);
/** @param {Record<string, unknown>} doc */
function prove(doc, signer, verificationMethod, created, purpose = 'assertionMethod') {
  return signDataIntegrity(doc, { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created, verificationMethod, proofPurpose: purpose }, signer.seed);
}

// The three worlds of the source documents.
const { trust000, buyerKernel, providerKernel, commander, triage, change, liaison, coordinator, executor, merchant, user, agent, recorder, opsKernel, toolsKernel, agentKernel, trust002, stranger } = PARTIES;
// Agent Commerce Network: lattice-platform-security buys a security review from vanguard-security.
// Incident Network: a six-hop delegation across Meridian Labs and Stratos Networks.
// Agent Commerce Rails: the seven stations at Dreamineering.

const T0 = 1776272775; // 2026-04-15T17:06:15Z, the source documents' clock (Incident Network's root issued_at)
const iso = (unix) => new Date(unix * 1000).toISOString().replace('.000Z', 'Z');
const MERCHANT_DID = 'did:web:dreamineering.com';
const MERCHANT_VM = `${MERCHANT_DID}#key-1`;
const usd = (units) => ({ units, currency: 'USD' });

// ---------------------------------------------------------------------------------------------
// commercial: the boundaries of its document rules (SPEC.md 5.3), each a hand-written fixture with
// one change. A rule that compares two values has a valid fixture on its side of the boundary and an
// invalid one just past it; an amount in another currency is tried at more than one place.

const handWritten = (verb, kind, name) => JSON.parse(readFileSync(join(ROOT, `examples/${LINE}/commercial/${verb}/${kind}/${name}.json`), 'utf8'));
const money = (value, currency = 'USD') => ({ amount: value, currency, decimals: 2 });

const authorizeRequest = handWritten('authorize', 'valid', 'authorize.request.with-payment-requirement'); // amount = max_amount
valid('commercial/authorize.request', 'amount-one-cent-below-requirement', mut(authorizeRequest, (d) => (d.amount.amount = '119.99')));
valid('commercial/authorize.request', 'amount-equal-to-requirement-in-fewer-digits', mut(authorizeRequest, (d) => (d.amount.amount = '120')));
invalid('commercial/authorize.request', 'amount-one-cent-above-requirement', mut(authorizeRequest, (d) => (d.amount.amount = '120.01')), broken('/amount/amount', 'within-requirement', 'ERR_RULE_EXCEEDS_LIMIT'));
invalid('commercial/authorize.request', 'requirement-in-another-currency', mut(authorizeRequest, (d) => (d.payment_requirement.max_amount.currency = 'USD')), broken('/amount/currency', 'within-requirement', 'ERR_RULE_CURRENCY_MISMATCH'));

// Items 2 x 10.00 + 1 x 5.00 = 25.00; 25.00 + 2.00 tax + 0.50 fees + 4.00 shipping - 3.00 discount = 28.50.
// Each part differs from the others, so a sum that leaves any one out, or adds the discount, is off.
const checkoutRequest = handWritten('checkout', 'valid', 'checkout.request.with-tax-fees-and-provider'); // 3 x 10.00 + 1 x 15.00
const everyPart = valid(
  'commercial/checkout.request',
  'every-breakdown-part',
  mut(checkoutRequest, (d) => {
    d.request_id = 'checkoutreq-003';
    d.order_ref = { type: 'order', id: 'ord-1003' };
    d.invoice_ref = { type: 'invoice', id: 'inv-1003' };
    d.items = [
      { sku: 'sku-printed-report', description: 'Printed market report', quantity: 2, unit_price: money('10.00') },
      { sku: 'sku-report-binder', description: 'Report binder', quantity: 1, unit_price: money('5.00') },
    ];
    d.amount_breakdown = { subtotal: money('25.00'), tax: money('2.00'), fees: money('0.50'), shipping: money('4.00'), discount: money('3.00'), total: money('28.50') };
    d.fulfillment_intent = { mode: 'shipment', destination_ref: 'addr-buyer-7' };
  }),
);
invalid('commercial/checkout.request', 'discount-added-not-subtracted', mut(everyPart, (d) => (d.amount_breakdown.total.amount = '34.50')), broken('/amount_breakdown/total/amount', 'breakdown-adds-up', 'ERR_RULE_ARITHMETIC'));
invalid('commercial/checkout.request', 'total-leaves-out-shipping', mut(everyPart, (d) => (d.amount_breakdown.total.amount = '24.50')), broken('/amount_breakdown/total/amount', 'breakdown-adds-up', 'ERR_RULE_ARITHMETIC'));
invalid(
  'commercial/checkout.request',
  'subtotal-counts-each-item-once',
  mut(checkoutRequest, (d) => ((d.amount_breakdown.subtotal.amount = '25.00'), (d.amount_breakdown.total.amount = '29.00'))),
  broken('/amount_breakdown/subtotal/amount', 'items-make-subtotal', 'ERR_RULE_ARITHMETIC'),
);
// sameCurrency names the first amount whose currency is not the first amount's.
invalid('commercial/checkout.request', 'first-unit-price-in-another-currency', mut(checkoutRequest, (d) => (d.items[0].unit_price.currency = 'EUR')), broken('/items/1/unit_price/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));
invalid('commercial/checkout.request', 'second-unit-price-in-another-currency', mut(checkoutRequest, (d) => (d.items[1].unit_price.currency = 'EUR')), broken('/items/1/unit_price/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));
invalid('commercial/checkout.request', 'discount-in-another-currency', mut(everyPart, (d) => (d.amount_breakdown.discount.currency = 'EUR')), broken('/amount_breakdown/discount/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));
invalid('commercial/checkout.request', 'total-in-another-currency', mut(checkoutRequest, (d) => (d.amount_breakdown.total.currency = 'EUR')), broken('/amount_breakdown/total/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));
const purchaseRequest = handWritten('purchase', 'valid', 'purchase.request.paid-by-proof');
valid(
  'commercial/purchase.request',
  'several-units-with-discount',
  mut(purchaseRequest, (d) => {
    d.items[0].quantity = 3;
    d.amount_breakdown = { subtotal: money('57.00', 'USDC'), discount: money('7.00', 'USDC'), total: money('50.00', 'USDC') };
  }),
);
invalid('commercial/purchase.request', 'shipping-in-another-currency', mut(purchaseRequest, (d) => (d.amount_breakdown = { subtotal: money('19.00', 'USDC'), shipping: money('2.00', 'USD'), total: money('21.00', 'USDC') })), broken('/amount_breakdown/shipping/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));

// captured-total-settled applies to a captured receipt only: a pending or failed one may settle less.
const checkoutCaptured = handWritten('checkout', 'valid', 'checkout.receipt.captured');
const checkoutPending = handWritten('checkout', 'valid', 'checkout.receipt.pending');
valid('commercial/checkout.receipt', 'pending-settles-part-of-total', mut(checkoutPending, (d) => (d.settlement.amount.amount = '20.00')));
valid('commercial/checkout.receipt', 'failed-settles-nothing', mut(handWritten('checkout', 'valid', 'checkout.receipt.failed'), (d) => (d.settlement.amount.amount = '0.00')));
invalid('commercial/checkout.receipt', 'captured-settles-one-cent-more-than-total', mut(checkoutCaptured, (d) => (d.settlement.amount.amount = '50.00')), broken('/settlement/amount/amount', 'captured-total-settled', 'ERR_RULE_MISMATCH'));
invalid('commercial/checkout.receipt', 'settlement-in-another-currency', mut(checkoutPending, (d) => (d.settlement.amount.currency = 'USD')), broken('/settlement/amount/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));
// Captured, in another currency and another amount: one-currency says so, and captured-total-settled
// does not compare amounts of two currencies.
invalid('commercial/checkout.receipt', 'captured-settlement-in-another-currency', mut(checkoutCaptured, (d) => (d.settlement.amount = money('50.00'))), broken('/settlement/amount/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));
const purchasePending = handWritten('purchase', 'valid', 'purchase.receipt.pending');
valid(
  'commercial/purchase.receipt',
  'captured-with-discount',
  mut(handWritten('purchase', 'valid', 'purchase.receipt.captured'), (d) => {
    d.amount_breakdown = { subtotal: money('19.00', 'USDC'), discount: money('1.00', 'USDC'), total: money('18.00', 'USDC') };
    d.settlement.amount.amount = '18.00';
  }),
);
invalid('commercial/purchase.receipt', 'total-does-not-add-up', mut(purchasePending, (d) => (d.amount_breakdown = { subtotal: money('19.00', 'USDC'), tax: money('1.00', 'USDC'), total: money('19.00', 'USDC') })), broken('/amount_breakdown/total/amount', 'breakdown-adds-up', 'ERR_RULE_ARITHMETIC'));
invalid('commercial/purchase.receipt', 'tax-in-another-currency', mut(purchasePending, (d) => (d.amount_breakdown = { subtotal: money('19.00', 'USDC'), tax: money('1.00', 'USD'), total: money('20.00', 'USDC') })), broken('/amount_breakdown/tax/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));

// ---------------------------------------------------------------------------------------------
// identity

const merchantDidDoc = valid('identity/did-document', 'dreamineering.commerce-rails', {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
  id: MERCHANT_DID,
  verificationMethod: [{ id: MERCHANT_VM, type: 'Multikey', controller: MERCHANT_DID, publicKeyMultibase: merchant.multikey }],
  authentication: [MERCHANT_VM],
  assertionMethod: [MERCHANT_VM],
  service: [{ id: `${MERCHANT_DID}#agent-card`, type: 'AgentCard', serviceEndpoint: 'https://dreamineering.com/.well-known/agent.json' }],
});
valid('identity/did-document', 'shopping-agent-did-key', {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
  id: agent.didKey,
  verificationMethod: [{ id: agent.vm, type: 'Multikey', controller: agent.didKey, publicKeyMultibase: agent.multikey }],
  authentication: [agent.vm],
  assertionMethod: [agent.vm],
  capabilityInvocation: [agent.vm],
  capabilityDelegation: [agent.vm],
});
const userDidDoc = valid('identity/did-document', 'user-json-web-key', {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/jwk/v1'],
  id: 'did:web:alice.example:users:alice',
  verificationMethod: [
    { id: 'did:web:alice.example:users:alice#key-1', type: 'JsonWebKey', controller: 'did:web:alice.example:users:alice', publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(user.pk) } },
  ],
  authentication: ['#key-1'],
  assertionMethod: ['#key-1'],
});
invalid('identity/did-document', 'method-with-two-keys', mut(merchantDidDoc, (d) => (d.verificationMethod[0].publicKeyJwk = { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(merchant.pk) })), at('/verificationMethod/0/publicKeyJwk', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));
invalid('identity/did-document', 'jwk-with-private-key', mut(userDidDoc, (d) => (d.verificationMethod[0].publicKeyJwk.d = toBase64Url(user.seed))), extra('/verificationMethod/0/publicKeyJwk', 'd'));
invalid('identity/did-document', 'id-not-a-did', mut(merchantDidDoc, (d) => (d.id = 'dreamineering.com')), at('/id', 'pattern', 'ERR_SCHEMA_PATTERN'));
invalid('identity/did-document', 'assertion-method-names-no-key', mut(merchantDidDoc, (d) => (d.assertionMethod = [`${MERCHANT_DID}#key-2`])), broken('/assertionMethod/0', 'methods-resolve', 'ERR_RULE_DANGLING_REFERENCE'));
// methods-resolve: an embedded method is not a reference; ids are unique, <did>#..., and a #fragment
// reference is read against the document's id.
valid(
  'identity/did-document',
  'embedded-authentication-method',
  mut(merchantDidDoc, (d) => d.authentication.push({ id: `${MERCHANT_DID}#auth-1`, type: 'Multikey', controller: MERCHANT_DID, publicKeyMultibase: merchant.multikey })),
);
valid('identity/did-document', 'absolute-and-relative-references', mut(userDidDoc, (d) => (d.assertionMethod = [d.verificationMethod[0].id])));
invalid('identity/did-document', 'method-listed-twice', mut(merchantDidDoc, (d) => d.verificationMethod.push(clone(d.verificationMethod[0]))), broken('/verificationMethod/1/id', 'methods-resolve', 'ERR_RULE_DUPLICATE'));
invalid(
  'identity/did-document',
  'method-of-another-did',
  mut(merchantDidDoc, (d) => d.verificationMethod.push({ ...d.verificationMethod[0], id: 'did:web:elsewhere.example#key-1', controller: 'did:web:elsewhere.example' })),
  broken('/verificationMethod/1/id', 'methods-resolve', 'ERR_RULE_MISMATCH'),
);
invalid(
  'identity/did-document',
  'method-of-a-longer-did',
  mut(merchantDidDoc, (d) => d.verificationMethod.push({ ...d.verificationMethod[0], id: 'did:web:dreamineering.community#key-1', controller: 'did:web:dreamineering.community' })),
  broken('/verificationMethod/1/id', 'methods-resolve', 'ERR_RULE_MISMATCH'),
);
invalid('identity/did-document', 'relative-reference-names-no-key', mut(userDidDoc, (d) => (d.assertionMethod = ['#key-2'])), broken('/assertionMethod/0', 'methods-resolve', 'ERR_RULE_DANGLING_REFERENCE'));
invalid('identity/did-document', 'reference-without-methods', without(userDidDoc, 'verificationMethod', 'assertionMethod'), broken('/authentication/0', 'methods-resolve', 'ERR_RULE_DANGLING_REFERENCE'));

const VC = ['https://www.w3.org/ns/credentials/v2'];
const merchantCredentialBody = {
  '@context': VC,
  id: 'urn:uuid:7f2c1e0a-9b8d-4c6e-a1f3-2d5b7c9e0a14',
  type: ['VerifiableCredential', 'MerchantCredential'],
  issuer: MERCHANT_DID,
  name: 'Dreamineering merchant credential',
  validFrom: '2026-11-01T00:00:00Z',
  validUntil: '2027-11-01T00:00:00Z',
  credentialSubject: { id: MERCHANT_DID, legal_name: 'Dreamineering Ltd', domain: 'dreamineering.com', jurisdiction: 'NZ', website: 'https://dreamineering.com' },
};
const merchantCredential = valid('identity/merchant-credential', 'dreamineering-self-issued.commerce-rails', prove(merchantCredentialBody, merchant, MERCHANT_VM, '2026-11-01T00:00:00Z'));
valid(
  'identity/merchant-credential',
  'issuer-object-with-status',
  prove(
    {
      ...merchantCredentialBody,
      id: 'urn:uuid:0c4d1b52-3f6a-4e8b-9d70-a2b3c4d5e6f7',
      issuer: { id: MERCHANT_DID, name: 'Dreamineering Ltd' },
      credentialStatus: { id: 'https://dreamineering.com/status/1#42', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '42', statusListCredential: 'https://dreamineering.com/status/1' },
    },
    merchant,
    MERCHANT_VM,
    '2026-11-01T00:00:00Z',
  ),
);
invalid('identity/merchant-credential', 'missing-proof', without(merchantCredential, 'proof'), missing('', 'proof'));
invalid('identity/merchant-credential', 'vc-1.1-issuance-date', { ...merchantCredential, issuanceDate: '2026-11-01T00:00:00Z' }, extra('', 'issuanceDate'));
invalid('identity/merchant-credential', 'vc-1.1-context-first', mut(merchantCredential, (d) => (d['@context'] = ['https://www.w3.org/2018/credentials/v1'])), at('/@context/0', 'const', 'ERR_SCHEMA_CONST'));
invalid('identity/merchant-credential', 'type-lacks-merchant-credential', mut(merchantCredential, (d) => (d.type = ['VerifiableCredential', 'OrganizationCredential'])), at('/type', 'contains', 'ERR_SCHEMA_CONTAINS'));
invalid('identity/merchant-credential', 'valid-until-before-valid-from', mut(merchantCredential, (d) => (d.validUntil = '2026-10-01T00:00:00Z')), broken('/validUntil', 'valid-period', 'ERR_RULE_TIME_ORDER'));
invalid('identity/merchant-credential', 'valid-until-equal-to-valid-from', reprove({ ...merchantCredential, validUntil: merchantCredential.validFrom }, merchant), broken('/validUntil', 'valid-period', 'ERR_RULE_TIME_ORDER'));
valid('identity/merchant-credential', 'valid-for-one-second', reprove({ ...merchantCredential, id: 'urn:uuid:3b9e6d20-5c1a-4f7e-8d24-9a0b1c2d3e4f', validUntil: '2026-11-01T00:00:01Z' }, merchant));

const agentCredential = valid(
  'identity/agent-credential',
  'shopping-agent.commerce-rails',
  prove(
    {
      '@context': VC,
      id: 'urn:uuid:5e8a2c41-7d3b-4f90-b6e2-8c1d4a7f3e29',
      type: ['VerifiableCredential', 'AgentCredential'],
      issuer: MERCHANT_DID,
      validFrom: '2026-11-01T00:00:00Z',
      credentialSubject: { id: agent.didKey, name: 'Dreamineering shopping agent', operator: MERCHANT_DID, roles: ['buyer'], agent_card: 'https://dreamineering.com/.well-known/agent.json' },
    },
    merchant,
    MERCHANT_VM,
    '2026-11-01T00:00:00Z',
  ),
);
valid(
  'identity/agent-credential',
  'seller-agent-with-expiry',
  prove(
    {
      '@context': VC,
      id: 'urn:uuid:a3f19c7e-2b6d-48e0-9f15-6c8b0d2e4a71',
      type: ['VerifiableCredential', 'AgentCredential'],
      issuer: { id: MERCHANT_DID, name: 'Dreamineering Ltd' },
      validFrom: '2026-11-01T00:00:00Z',
      validUntil: '2027-05-01T00:00:00Z',
      credentialSubject: { id: stranger.didKey, operator: MERCHANT_DID, roles: ['seller', 'broker'] },
    },
    merchant,
    MERCHANT_VM,
    '2026-11-01T00:00:00Z',
  ),
);
invalid('identity/agent-credential', 'subject-without-operator', mut(agentCredential, (d) => delete d.credentialSubject.operator), missing('/credentialSubject', 'operator'));
invalid('identity/agent-credential', 'proof-rdfc-cryptosuite', mut(agentCredential, (d) => (d.proof.cryptosuite = 'eddsa-rdfc-2022')), at('/proof/cryptosuite', 'const', 'ERR_SCHEMA_CONST'));
invalid('identity/agent-credential', 'proof-value-in-hex', mut(agentCredential, (d) => (d.proof.proofValue = toHex(sha256Bytes(new Uint8Array([1]))))), at('/proof/proofValue', 'pattern', 'ERR_SCHEMA_PATTERN'));
invalid('identity/agent-credential', 'unknown-role', mut(agentCredential, (d) => (d.credentialSubject.roles = ['buyer', 'admin'])), at('/credentialSubject/roles/1', 'enum', 'ERR_SCHEMA_ENUM'));
invalid('identity/agent-credential', 'type-lacks-verifiable-credential', mut(agentCredential, (d) => (d.type = ['AgentCredential', 'OperatorCredential'])), at('/type', 'contains', 'ERR_SCHEMA_CONTAINS'));
// valid-period compares instants: one second after validFrom is after it; the same instant written
// with another offset is not.
valid('identity/agent-credential', 'valid-for-one-second', reprove({ ...agentCredential, id: 'urn:uuid:9d4c2b18-6e3f-4a75-b0c1-2e3f4a5b6c7d', validUntil: '2026-11-01T00:00:01Z' }, merchant));
invalid('identity/agent-credential', 'valid-until-before-valid-from', reprove({ ...agentCredential, validUntil: '2026-10-31T23:59:59Z' }, merchant), broken('/validUntil', 'valid-period', 'ERR_RULE_TIME_ORDER'));
invalid('identity/agent-credential', 'valid-until-equal-to-valid-from', reprove({ ...agentCredential, validUntil: '2026-11-01T00:00:00Z' }, merchant), broken('/validUntil', 'valid-period', 'ERR_RULE_TIME_ORDER'));
invalid('identity/agent-credential', 'valid-until-same-instant-other-offset', reprove({ ...agentCredential, validUntil: '2026-11-01T01:00:00+01:00' }, merchant), broken('/validUntil', 'valid-period', 'ERR_RULE_TIME_ORDER'));

// ---------------------------------------------------------------------------------------------
// discovery

const cardBody = {
  id: MERCHANT_DID,
  name: 'Dreamineering tools',
  description: 'Market research tools sold to agents, paid per call over x402.',
  version: '2026.11.1',
  endpoints: [
    { url: 'https://dreamineering.com/mcp', protocol: 'mcp' },
    { url: 'https://dreamineering.com/a2a', protocol: 'a2a' },
  ],
  tools: [
    {
      name: 'market-report',
      description: 'A market report for one product category, as PDF.',
      server_id: 'dreamineering-tools',
      input_schema: { type: 'object', required: ['category'], properties: { category: { type: 'string' } } },
      pricing: { pricing_model: 'per_invocation', base_price: usd(500) },
      payment_schemes: ['x402'],
    },
  ],
  credentials: [{ id: merchantCredential.id, hash: documentHash(merchantCredential) }],
  updated_at: '2026-11-01T09:00:00Z',
};
const card = valid('discovery/agent-card', 'dreamineering.commerce-rails', prove(cardBody, merchant, MERCHANT_VM, '2026-11-01T09:00:00Z'));
valid(
  'discovery/agent-card',
  'metered-tool',
  prove(
    {
      ...cardBody,
      version: '2026.11.2',
      tools: [
        cardBody.tools[0],
        { name: 'summarise', description: 'Summarise a document.', server_id: 'dreamineering-tools', pricing: { pricing_model: 'per_unit', unit_price: usd(2), billing_unit: '1k_tokens' }, payment_schemes: ['x402', 'card'] },
      ],
      extensions: { 'com.dreamineering.support': { email: 'agents@dreamineering.com' } },
    },
    merchant,
    MERCHANT_VM,
    '2026-11-02T09:00:00Z',
  ),
);
invalid('discovery/agent-card', 'per-unit-without-unit-price', mut(card, (d) => (d.tools[0].pricing = { pricing_model: 'per_unit', billing_unit: '1k_tokens' })), missing('/tools/0/pricing', 'unit_price'));
invalid('discovery/agent-card', 'no-tools', mut(card, (d) => (d.tools = [])), at('/tools', 'minItems', 'ERR_SCHEMA_ITEMS'));
invalid('discovery/agent-card', 'unknown-proof-purpose', mut(card, (d) => (d.proof.proofPurpose = 'signing')), at('/proof/proofPurpose', 'enum', 'ERR_SCHEMA_ENUM'));
invalid('discovery/agent-card', 'price-as-decimal-string', mut(card, (d) => (d.tools[0].pricing.base_price.units = '5.00')), at('/tools/0/pricing/base_price/units', 'type', 'ERR_SCHEMA_TYPE'));
invalid('discovery/agent-card', 'tool-listed-twice', mut(card, (d) => d.tools.push(clone(d.tools[0]))), broken('/tools/1/name', 'tools-unique', 'ERR_RULE_DUPLICATE'));
// tools-unique: a tool without pricing has no prices to compare; one tool's prices are in one
// currency, two tools may use two.
valid('discovery/agent-card', 'tool-without-pricing', reprove(mut(card, (d) => d.tools.push({ name: 'list-categories', description: 'The product categories there are reports for.', server_id: 'dreamineering-tools' })), merchant));
valid(
  'discovery/agent-card',
  'hybrid-tool-in-another-currency',
  reprove(
    mut(card, (d) =>
      d.tools.push({
        name: 'translate-report',
        description: 'A market report translated, priced per report and per page.',
        server_id: 'dreamineering-tools',
        pricing: { pricing_model: 'hybrid', base_price: { units: 300, currency: 'EUR' }, unit_price: { units: 20, currency: 'EUR' }, billing_unit: 'page' },
      }),
    ),
    merchant,
  ),
);
invalid(
  'discovery/agent-card',
  'hybrid-tool-priced-in-two-currencies',
  reprove(mut(card, (d) => (d.tools[0].pricing = { pricing_model: 'hybrid', base_price: usd(500), unit_price: { units: 20, currency: 'EUR' }, billing_unit: 'page' })), merchant),
  broken('/tools/0/pricing/unit_price/currency', 'tools-unique', 'ERR_RULE_CURRENCY_MISMATCH'),
);

// ---------------------------------------------------------------------------------------------
// capability (Incident Network's chain; Agent Commerce Network's procurement capability)

/** A capability token in the source documents' member order, signed by its issuer. */
const capabilityToken = ({ id, issuer, subject, grants, issuedAt, ttl, depth, parent }) =>
  compact(
    {
      id,
      issuer: issuer.hex,
      subject,
      scope: { grants },
      issued_at: issuedAt,
      expires_at: issuedAt + ttl,
      ttl_secs: ttl,
      delegation_depth: depth,
      parent_capability_id: parent,
    },
    issuer,
  );
const ROOT_ID = 'cap-019d921b-root-commander-7a3c73e9';
const VENDOR_ID = 'INC-2026-0428-vendor';
const TASK_ID = 'task_INC-2026-0428_001';
const COORD_ID = `${TASK_ID}-provider-coordinator`;
const EXEC_ID = `${TASK_ID}-provider-executor`;
const createTask = (maxInvocations, total, perCall, extra = {}) => ({
  server_id: 'acp-broker',
  tool_name: 'create_task',
  operations: ['invoke', 'delegate'],
  max_invocations: maxInvocations,
  max_total_cost: usd(total),
  max_cost_per_invocation: usd(perCall),
  ...extra,
});
// Incident Network delegates the coordinator's provider-ops/disable_edge_rule grant from the vendor
// capability, whose printed excerpt shows only acp-broker/create_task. Under writ's attenuation
// (SPEC.md 12.2) every child grant must sit within a delegable parent grant, so the root and the
// vendor capabilities carry this grant after the printed one (SPEC.md 8).
// Incident Network's approval-required scenario: a broader rollback needs a signed approval before
// dispatch. Calls on the provider-ops grant above $3.00 need one, on every hop.
const APPROVAL_ABOVE_300 = { type: 'require_approval_above', value: { threshold_units: 300 } };
const providerOps = (maxInvocations, total) => ({
  server_id: 'provider-ops',
  tool_name: 'disable_edge_rule',
  operations: ['invoke', 'delegate'],
  constraints: [APPROVAL_ABOVE_300],
  max_invocations: maxInvocations,
  max_total_cost: usd(total),
  max_cost_per_invocation: usd(500),
});
// The seed prints the root's issuer and subject as the same key: the commander holds the root
// authority over its own incident tools.
const rootToken = capabilityToken({ id: ROOT_ID, issuer: commander, subject: commander.hex, grants: [createTask(100, 1000, 500), providerOps(10, 1000)], issuedAt: T0, ttl: 1800, depth: 0, parent: null });
valid('capability/token', 'root-commander.incident-network', rootToken);
const vendorToken = capabilityToken({ id: VENDOR_ID, issuer: commander, subject: liaison.hex, grants: [createTask(10, 500, 500), providerOps(5, 500)], issuedAt: T0, ttl: 900, depth: 1, parent: ROOT_ID });
valid('capability/token', 'vendor-liaison.incident-network', vendorToken);
const disableRule = (maxInvocations, extra = {}) => ({
  server_id: 'provider-ops',
  tool_name: 'disable_edge_rule',
  operations: ['invoke', 'delegate'],
  constraints: [{ type: 'custom', value: ['target_rule', 'geo-restrict-v42'] }, APPROVAL_ABOVE_300],
  max_invocations: maxInvocations,
  max_total_cost: usd(500),
  max_cost_per_invocation: usd(500),
  ...extra,
});
const coordinatorToken = capabilityToken({ id: COORD_ID, issuer: liaison, subject: coordinator.hex, grants: [disableRule(2)], issuedAt: T0 + 5, ttl: 600, depth: 2, parent: VENDOR_ID });
valid('capability/token', 'provider-coordinator.incident-network', coordinatorToken);
const executorToken = capabilityToken({ id: EXEC_ID, issuer: coordinator, subject: executor.hex, grants: [{ ...disableRule(1), operations: ['invoke'] }], issuedAt: T0 + 10, ttl: 300, depth: 3, parent: COORD_ID });
valid('capability/token', 'provider-executor.incident-network', executorToken);
// Incident Network's attenuation-deny scenario: the executor's capability asks for any rule, not the
// one rule its chain allows. The token is well formed; its chain is not.
valid(
  'capability/token',
  'provider-executor-broader-rule.incident-network',
  compact({ ...without(executorToken, 'signature'), scope: { grants: [{ ...disableRule(1), operations: ['invoke'], constraints: [{ type: 'custom', value: ['target_rule', '*'] }, APPROVAL_ABOVE_300] }] } }, coordinator),
);
const PROCUREMENT_ID = 'cap-019d921b-4c2e-73e9-a8b1-procurement';
const procurementToken = compact(
  {
    id: PROCUREMENT_ID,
    issuer: trust000.hex,
    subject: '00'.repeat(32),
    scope: {
      grants: [
        { server_id: 'http-sidecar-client', tool_name: 'procurement_quote_read', operations: ['invoke'] },
        {
          server_id: 'http-sidecar-client',
          tool_name: 'procurement_job_write',
          operations: ['invoke'],
          constraints: [{ type: 'require_approval_above', value: { threshold_units: 100000 } }],
          max_invocations: 3,
          max_cost_per_invocation: usd(150000),
          max_total_cost: usd(150000),
        },
      ],
    },
    issued_at: T0 - 60,
    expires_at: T0 + 3540,
    ttl_secs: 3600,
    delegation_depth: 0,
  },
  trust000,
);
valid('capability/token', 'procurement.commerce-network', procurementToken);
invalid('capability/token', 'negative-cap', mut(vendorToken, (d) => (d.scope.grants[0].max_total_cost.units = -500)), at('/scope/grants/0/max_total_cost/units', 'minimum', 'ERR_SCHEMA_RANGE'));
invalid('capability/token', 'child-without-parent-id', without(vendorToken, 'parent_capability_id'), missing('', 'parent_capability_id'));
invalid(
  'capability/token',
  'camel-case-cap',
  mut(vendorToken, (d) => {
    d.scope.grants[0].maxInvocations = d.scope.grants[0].max_invocations;
    delete d.scope.grants[0].max_invocations;
  }),
  extra('/scope/grants/0', 'maxInvocations'),
);
invalid('capability/token', 'unknown-operation', mut(vendorToken, (d) => (d.scope.grants[0].operations = ['invoke', 'execute'])), at('/scope/grants/0/operations/1', 'enum', 'ERR_SCHEMA_ENUM'));
invalid('capability/token', 'constraint-without-value', mut(coordinatorToken, (d) => (d.scope.grants[0].constraints = [{ type: 'path_prefix' }])), missing('/scope/grants/0/constraints/0', 'value'));
invalid('capability/token', 'ttl-does-not-match', mut(vendorToken, (d) => (d.ttl_secs = 1800)), broken('/ttl_secs', 'ttl-matches', 'ERR_RULE_TTL_MISMATCH'));
invalid('capability/token', 'expires-before-issued', mut(vendorToken, (d) => ((d.expires_at = T0 - 1), delete d.ttl_secs)), broken('/expires_at', 'valid-period', 'ERR_RULE_TIME_ORDER'));
invalid('capability/token', 'per-call-above-total', mut(vendorToken, (d) => (d.scope.grants[0].max_cost_per_invocation.units = 600)), broken('/scope/grants/0/max_cost_per_invocation/units', 'grant-caps-agree', 'ERR_RULE_EXCEEDS_LIMIT'));
invalid('capability/token', 'ttl-one-second-long', mut(coordinatorToken, (d) => (d.ttl_secs = 601)), broken('/ttl_secs', 'ttl-matches', 'ERR_RULE_TTL_MISMATCH'));
// valid-period: expires_at must be after issued_at, so one second after is the shortest life.
valid('capability/token', 'expires-one-second-after-issued', capabilityToken({ id: `${EXEC_ID}-one-second`, issuer: coordinator, subject: executor.hex, grants: [{ ...disableRule(1), operations: ['invoke'] }], issuedAt: T0 + 10, ttl: 1, depth: 3, parent: COORD_ID }));
invalid('capability/token', 'expires-when-issued', resign(mut(executorToken, (d) => ((d.expires_at = d.issued_at), delete d.ttl_secs)), coordinator), broken('/expires_at', 'valid-period', 'ERR_RULE_TIME_ORDER'));
valid('capability/token', 'without-ttl-secs', resign(without(vendorToken, 'ttl_secs'), commander));
invalid('capability/token', 'ttl-one-second-short', resign(mut(coordinatorToken, (d) => (d.ttl_secs = 599)), liaison), broken('/ttl_secs', 'ttl-matches', 'ERR_RULE_TTL_MISMATCH'));
// grant-caps-agree compares the caps only when a grant has both (vendor-liaison's are equal, 500 and 500).
valid('capability/token', 'total-cap-without-per-call-cap', resign(mut(vendorToken, (d) => delete d.scope.grants[0].max_cost_per_invocation), commander));
valid('capability/token', 'per-call-cap-without-total-cap', resign(mut(vendorToken, (d) => delete d.scope.grants[0].max_total_cost), commander));
invalid('capability/token', 'per-call-one-cent-above-total', resign(mut(vendorToken, (d) => (d.scope.grants[0].max_cost_per_invocation.units = 501)), commander), broken('/scope/grants/0/max_cost_per_invocation/units', 'grant-caps-agree', 'ERR_RULE_EXCEEDS_LIMIT'));
invalid('capability/token', 'caps-in-two-currencies', resign(mut(vendorToken, (d) => (d.scope.grants[0].max_cost_per_invocation.currency = 'EUR')), commander), broken('/scope/grants/0/max_cost_per_invocation/currency', 'grant-caps-agree', 'ERR_RULE_CURRENCY_MISMATCH'));
{
  // Links that do not connect: the second is made by the commander, not by the first link's delegatee.
  const link = (signer, capabilityId, delegatee, timestamp) => compact({ capability_id: capabilityId, delegator: signer.hex, delegatee, timestamp, signature: '0'.repeat(128) }, signer);
  const links = [link(commander, ROOT_ID, liaison.hex, T0), link(commander, VENDOR_ID, coordinator.hex, T0 + 5)];
  invalid('capability/token', 'delegation-links-do-not-connect', compact({ ...executorToken, delegation_chain: links, signature: '0'.repeat(128) }, coordinator), broken('/delegation_chain/1/delegator', 'delegation-links-connect', 'ERR_RULE_BROKEN_CHAIN'));
  // Links that connect: commander -> liaison -> coordinator -> executor. A link may be as old as the
  // one before it, not older.
  const connected = (last) => [link(commander, ROOT_ID, liaison.hex, T0), link(liaison, VENDOR_ID, coordinator.hex, T0 + 5), link(coordinator, COORD_ID, executor.hex, last)];
  valid('capability/token', 'delegation-links-in-one-second', compact({ ...without(executorToken, 'signature'), delegation_chain: connected(T0 + 5) }, coordinator));
  invalid('capability/token', 'delegation-link-one-second-older', compact({ ...without(executorToken, 'signature'), delegation_chain: connected(T0 + 4) }, coordinator), broken('/delegation_chain/2/timestamp', 'delegation-links-connect', 'ERR_RULE_TIME_ORDER'));
}

const revocation = valid(
  'capability/revocation',
  'vendor-liaison.incident-network',
  compact({ capability_id: VENDOR_ID, revoked_at: T0 + 15, revoked_by: commander.hex, reason: 'incident scope changed; vendor hand-off withdrawn' }, commander),
);
valid('capability/revocation', 'unsigned-local-record', { capability_id: COORD_ID, revoked_at: T0 + 20 });
invalid('capability/revocation', 'signature-without-revoker', without(revocation, 'revoked_by'), { instancePath: '', keyword: 'dependentRequired', path: '/revoked_by', code: 'ERR_SCHEMA_DEPENDENCY' });
invalid('capability/revocation', 'negative-time', { ...revocation, revoked_at: -1 }, at('/revoked_at', 'minimum', 'ERR_SCHEMA_RANGE'));
invalid('capability/revocation', 'time-as-iso-string', { ...revocation, revoked_at: iso(T0 + 15) }, at('/revoked_at', 'type', 'ERR_SCHEMA_TYPE'));

const revokeResponse = valid('capability/revoke-response', 'incident-network', { capability_id: VENDOR_ID, revoked: true, newly_revoked: true, revoked_at: T0 + 15 });
const alreadyRevoked = valid('capability/revoke-response', 'already-revoked', { ...revokeResponse, newly_revoked: false });
invalid('capability/revoke-response', 'newly-revoked-but-not-revoked', { ...revokeResponse, revoked: false }, at('/revoked', 'const', 'ERR_SCHEMA_CONST'));
invalid('capability/revoke-response', 'revoked-without-time', without(revokeResponse, 'revoked_at'), missing('', 'revoked_at'));
invalid('capability/revoke-response', 'revoked-as-string', { ...alreadyRevoked, revoked: 'true' }, at('/revoked', 'type', 'ERR_SCHEMA_TYPE'));

const entry = (id, depth, parent) => ({ id, delegation_depth: depth, parent_capability_id: parent });
const lineage = valid('capability/lineage-chain', 'root-commander.incident-network', {
  root_capability_id: ROOT_ID,
  chain: [
    entry(ROOT_ID, 0, null),
    entry('INC-2026-0428-triage', 1, ROOT_ID),
    entry('INC-2026-0428-change', 1, ROOT_ID),
    entry(VENDOR_ID, 1, ROOT_ID),
    entry(COORD_ID, 2, VENDOR_ID),
    entry(EXEC_ID, 3, COORD_ID),
  ],
});
valid('capability/lineage-chain', 'provider-executor-with-keys', {
  chain: [rootToken, vendorToken, coordinatorToken, executorToken].map((t) => ({
    ...entry(t.id, t.delegation_depth, t.parent_capability_id),
    issuer: t.issuer,
    subject: t.subject,
    issued_at: t.issued_at,
    expires_at: t.expires_at,
  })),
});
invalid('capability/lineage-chain', 'root-with-parent', mut(lineage, (d) => (d.chain[0].parent_capability_id = 'cap-elsewhere')), at('/chain/0/parent_capability_id', 'type', 'ERR_SCHEMA_TYPE'));
invalid('capability/lineage-chain', 'child-with-null-parent', mut(lineage, (d) => (d.chain[3].parent_capability_id = null)), at('/chain/3/parent_capability_id', 'type', 'ERR_SCHEMA_TYPE'));
invalid('capability/lineage-chain', 'empty', { chain: [] }, at('/chain', 'minItems', 'ERR_SCHEMA_ITEMS'));
invalid('capability/lineage-chain', 'parent-not-listed', mut(lineage, (d) => (d.chain[4].parent_capability_id = 'INC-2026-0428-unknown')), broken('/chain/4/parent_capability_id', 'lineage-links-up', 'ERR_RULE_DANGLING_REFERENCE'));
invalid('capability/lineage-chain', 'depth-skips-a-level', mut(lineage, (d) => (d.chain[5].delegation_depth = 4)), broken('/chain/5/delegation_depth', 'lineage-links-up', 'ERR_RULE_BROKEN_CHAIN'));
invalid('capability/lineage-chain', 'depth-same-as-parent', mut(lineage, (d) => (d.chain[5].delegation_depth = 2)), broken('/chain/5/delegation_depth', 'lineage-links-up', 'ERR_RULE_BROKEN_CHAIN'));
invalid('capability/lineage-chain', 'entry-listed-twice', mut(lineage, (d) => (d.chain[2] = clone(d.chain[1]))), broken('/chain/2/id', 'lineage-links-up', 'ERR_RULE_DUPLICATE'));
invalid('capability/lineage-chain', 'root-id-names-another-entry', { ...lineage, root_capability_id: VENDOR_ID }, broken('/root_capability_id', 'lineage-links-up', 'ERR_RULE_MISMATCH'));

// ---------------------------------------------------------------------------------------------
// intent (Agent Commerce Network, phase 2)

const intent = valid(
  'intent/governed-intent',
  'commerce-network',
  rehash({
    intent_id: 'intent_lattice_vanguard_001',
    capability_id: PROCUREMENT_ID,
    buyer_org: 'lattice-platform-security',
    provider_org: 'vanguard-security',
    tool_server: 'provider-security-review',
    tool_name: 'execute_review',
    settlement_mode: 'allow_then_settle',
    billing_context: { scheme: 'metered', quote_id: 'quote_vanguard_001', max_price_minor: 125000, currency: 'USD' },
  }),
);
valid(
  'intent/governed-intent',
  'fixed-price-prepaid',
  rehash({
    intent_id: 'intent_lattice_vanguard_002',
    capability_id: PROCUREMENT_ID,
    buyer_org: 'lattice-platform-security',
    provider_org: 'vanguard-security',
    tool_server: 'provider-security-review',
    tool_name: 'execute_review',
    purpose: 'dependency audit of payments-api',
    settlement_mode: 'must_prepay',
    billing_context: { scheme: 'fixed', max_price_minor: 40000, currency: 'USD' },
    created_at: T0 + 3600,
    expires_at: T0 + 7200,
    parameters_hash: documentHash({ target: 'git://lattice.example/payments-api', scope: 'dependency-audit' }),
  }),
);
invalid('intent/governed-intent', 'rust-variant-settlement-mode', { ...intent, settlement_mode: 'AllowThenSettle' }, at('/settlement_mode', 'enum', 'ERR_SCHEMA_ENUM'));
invalid('intent/governed-intent', 'metered-without-quote', mut(intent, (d) => delete d.billing_context.quote_id), missing('/billing_context', 'quote_id'));
invalid('intent/governed-intent', 'hash-without-prefix', { ...intent, intent_hash: intent.intent_hash.slice('sha256:'.length) }, at('/intent_hash', 'pattern', 'ERR_SCHEMA_PATTERN'));
invalid('intent/governed-intent', 'price-as-decimal-string', mut(intent, (d) => (d.billing_context.max_price_minor = '1250.00')), at('/billing_context/max_price_minor', 'type', 'ERR_SCHEMA_TYPE'));

// Incident Network: the executor's call, as a governed intent (the seed's executor call has none; a
// writ receipt commits to one).
const disableIntent = valid(
  'intent/governed-intent',
  'disable-edge-rule.incident-network',
  rehash({
    intent_id: 'intent_INC-2026-0428_disable-geo-restrict',
    capability_id: EXEC_ID,
    buyer_org: 'meridian-labs',
    provider_org: 'stratos-networks',
    tool_server: 'provider-ops',
    tool_name: 'disable_edge_rule',
    purpose: 'disable geo-restrict-v42 on inference-gateway (INC-2026-0428)',
    settlement_mode: 'allow_then_settle',
    billing_context: { scheme: 'fixed', max_price_minor: 250, currency: 'USD' },
    created_at: T0 + 30,
    expires_at: T0 + 300,
  }),
);

// ---------------------------------------------------------------------------------------------
// receipt (Agent Commerce Network, phase 4)

const buyerReceipt = valid(
  'receipt/tool-call',
  'buyer.commerce-network',
  compact(
    {
      id: 'rcpt-019d921b-buyer-0001',
      timestamp: T0,
      capability_id: PROCUREMENT_ID,
      intent_hash: intent.intent_hash,
      tool_server: 'http-sidecar-client',
      tool_name: 'procurement_job_write',
      decision: { verdict: 'allow' },
      kernel_key: buyerKernel.hex,
      settlement_status: 'charged',
    },
    buyerKernel,
  ),
);
const providerReceipt = valid(
  'receipt/tool-call',
  'provider.commerce-network',
  compact(
    {
      id: 'rcpt-019d921b-provider-0001',
      timestamp: T0 + 1,
      capability_id: PROCUREMENT_ID,
      intent_hash: intent.intent_hash,
      tool_server: 'provider-security-review',
      tool_name: 'execute_review',
      decision: { verdict: 'allow' },
      kernel_key: providerKernel.hex,
    },
    providerKernel,
  ),
);
valid(
  'receipt/tool-call',
  'denied-over-budget',
  compact(
    {
      id: 'rcpt-019d921b-buyer-0002',
      timestamp: T0 + 120,
      capability_id: PROCUREMENT_ID,
      intent_hash: intent.intent_hash,
      tool_server: 'http-sidecar-client',
      tool_name: 'procurement_job_write',
      action: { parameters: { quote_id: 'quote_vanguard_003' }, parameter_hash: documentHash({ quote_id: 'quote_vanguard_003' }) },
      decision: { verdict: 'deny', reason: 'requested work exceeds the buyer budget envelope', guard: 'budget' },
      policy_hash: 'lattice-procurement-policy-v3',
      cost: usd(0),
      settlement_status: 'not_applicable',
      evidence: [{ guard_name: 'budget', verdict: false, details: 'max_total_cost 150000 USD; requested 210000' }],
      metadata: { financial: { attempted_cost: 210000, currency: 'USD' } },
      kernel_key: buyerKernel.hex,
    },
    buyerKernel,
  ),
);
// Incident Network phase 6: the provider-ops kernel admits the executor's call and charges it.
const executorReceipt = valid(
  'receipt/tool-call',
  'executor.incident-network',
  compact(
    {
      id: 'rcpt-019d921b-executor-0001',
      timestamp: T0 + 42,
      capability_id: EXEC_ID,
      intent_hash: disableIntent.intent_hash,
      tool_server: 'provider-ops',
      tool_name: 'disable_edge_rule',
      action: { parameters: { service: 'inference-gateway', rule: 'geo-restrict-v42' }, parameter_hash: documentHash({ service: 'inference-gateway', rule: 'geo-restrict-v42' }) },
      decision: { verdict: 'allow' },
      cost: usd(250),
      settlement_status: 'charged',
      kernel_key: opsKernel.hex,
    },
    opsKernel,
  ),
);
invalid('receipt/tool-call', 'missing-intent-hash', without(buyerReceipt, 'intent_hash'), missing('', 'intent_hash'));
invalid('receipt/tool-call', 'deny-without-reason', mut(buyerReceipt, (d) => (d.decision = { verdict: 'deny' })), missing('/decision', 'reason'));
invalid('receipt/tool-call', 'rust-variant-settlement-status', { ...buyerReceipt, settlement_status: 'Charged' }, at('/settlement_status', 'enum', 'ERR_SCHEMA_ENUM'));
invalid('receipt/tool-call', 'signature-in-upper-case', { ...buyerReceipt, signature: buyerReceipt.signature.toUpperCase() }, at('/signature', 'pattern', 'ERR_SCHEMA_PATTERN'));

const pair = valid('receipt/receipt-pair', 'commerce-network', { pair_id: 'pair-lattice-vanguard-001', intent_hash: intent.intent_hash, buyer_receipt: buyerReceipt, provider_receipt: providerReceipt });
const prepaid = JSON.parse(out.get(`examples/${LINE}/intent/governed-intent/valid/governed-intent.fixed-price-prepaid.json`) ?? '{}');
const prepaidReceipt = (kernel, side, toolServer, toolName, extra) =>
  compact({ id: `rcpt-019d9a40-${side}-0001`, timestamp: T0 + 3700, capability_id: PROCUREMENT_ID, intent_hash: prepaid.intent_hash, tool_server: toolServer, tool_name: toolName, decision: { verdict: 'allow' }, ...extra, kernel_key: kernel.hex }, kernel);
const prepaidPair = valid('receipt/receipt-pair', 'prepaid-audit', {
  pair_id: 'pair-lattice-vanguard-002',
  intent_hash: prepaid.intent_hash,
  buyer_receipt: prepaidReceipt(buyerKernel, 'buyer', 'http-sidecar-client', 'procurement_job_write', { cost: usd(40000), settlement_status: 'settled', payment_reference: 'x402:eip155:8453:0x77aa' }),
  provider_receipt: prepaidReceipt(providerKernel, 'provider', 'provider-security-review', 'execute_review', { cost: usd(40000), settlement_status: 'settled' }),
});
invalid('receipt/receipt-pair', 'receipts-for-different-intents', mut(pair, (d) => (d.provider_receipt.intent_hash = documentHash({ another: 'intent' }))), broken('/provider_receipt/intent_hash', 'one-intent', 'ERR_RULE_MISMATCH'));
invalid('receipt/receipt-pair', 'one-kernel-signed-both', mut(pair, (d) => (d.provider_receipt.kernel_key = buyerKernel.hex)), broken('/provider_receipt/kernel_key', 'two-signers', 'ERR_RULE_SAME_SIGNER'));
invalid('receipt/receipt-pair', 'prepaid-audit-one-kernel', mut(prepaidPair, (d) => (d.provider_receipt.kernel_key = buyerKernel.hex)), broken('/provider_receipt/kernel_key', 'two-signers', 'ERR_RULE_SAME_SIGNER'));
invalid('receipt/receipt-pair', 'missing-provider-receipt', without(pair, 'provider_receipt'), missing('', 'provider_receipt'));
invalid(
  'receipt/receipt-pair',
  'buyer-receipt-for-another-intent',
  mut(pair, (d) => (d.buyer_receipt = resign({ ...d.buyer_receipt, intent_hash: documentHash({ another: 'intent' }) }, buyerKernel))),
  broken('/buyer_receipt/intent_hash', 'one-intent', 'ERR_RULE_MISMATCH'),
);

// ---------------------------------------------------------------------------------------------
// mandate (Agent Commerce Rails, station 4)

const cap = { currency: 'USD', value: '20.00' };
const intentMandate = valid(
  'mandate/intent-mandate',
  'shopping-agent.commerce-rails',
  prove(
    {
      mandate_id: 'im-2026-11-01-0001',
      user: user.didKey,
      agent: agent.didKey,
      user_cart_confirmation_required: false,
      natural_language_description: 'Buy one market report on agent payment rails from Dreamineering, up to 20 USD in total.',
      merchants: ['Dreamineering'],
      skus: null,
      requires_refundability: false,
      spend_cap: cap,
      intent_expiry: '2026-11-02T10:00:00Z',
    },
    user,
    user.vm,
    '2026-11-01T10:00:00Z',
  ),
);
valid(
  'mandate/intent-mandate',
  'any-merchant-ap2-nulls',
  prove(
    {
      mandate_id: 'im-2026-11-01-0002',
      user: user.didKey,
      agent: agent.didKey,
      user_cart_confirmation_required: true,
      natural_language_description: 'Two pairs of running shoes under 150 EUR.',
      merchants: null,
      skus: null,
      requires_refundability: null,
      spend_cap: { currency: 'EUR', value: '150.00' },
      intent_expiry: '2026-11-08T10:00:00Z',
    },
    user,
    user.vm,
    '2026-11-01T10:00:00Z',
  ),
);
invalid('mandate/intent-mandate', 'spend-cap-as-json-number', mut(intentMandate, (d) => (d.spend_cap.value = 20.0)), at('/spend_cap/value', 'type', 'ERR_SCHEMA_TYPE'));
invalid('mandate/intent-mandate', 'negative-spend-cap', mut(intentMandate, (d) => (d.spend_cap.value = '-20.00')), at('/spend_cap/value', 'not', 'ERR_SCHEMA_FORBIDDEN'));
invalid('mandate/intent-mandate', 'missing-expiry', without(intentMandate, 'intent_expiry'), missing('', 'intent_expiry'));
invalid('mandate/intent-mandate', 'user-not-a-did', { ...intentMandate, user: 'alice@example.com' }, at('/user', 'pattern', 'ERR_SCHEMA_PATTERN'));

const amount = (value, currency = 'USD') => ({ currency, value });
const DREAMINEERING_PAY_TO = '0xd2eac0ffee00000000000000000000000000000a';
const cartContents = {
  id: 'cart-dreamineering-0001',
  user_cart_confirmation_required: false,
  payment_request: {
    // payTo: x402's name for the payee's address (PaymentRequirements), which the payment must pay.
    method_data: [{ supported_methods: 'https://www.x402.org/', data: { network: 'eip155:8453', asset: 'USDC', payTo: DREAMINEERING_PAY_TO } }],
    details: {
      id: 'pr-dreamineering-0001',
      display_items: [{ label: 'Market report: agent payment rails', amount: amount('5.00'), pending: null, refund_period: 30 }],
      shipping_options: null,
      modifiers: null,
      total: { label: 'Total', amount: amount('5.00'), pending: null, refund_period: 30 },
    },
    options: { request_payer_name: false, request_payer_email: false, request_payer_phone: false, request_shipping: false, shipping_type: null },
    shipping_address: null,
  },
  cart_expiry: '2026-11-01T10:30:00Z',
  merchant_name: 'Dreamineering',
};
const cartMandate = valid(
  'mandate/cart-mandate',
  'dreamineering.commerce-rails',
  prove({ contents: cartContents, merchant_authorization: null, merchant: MERCHANT_DID, intent_mandate_hash: documentHash(intentMandate), spend_cap: cap }, merchant, MERCHANT_VM, '2026-11-01T10:05:00Z'),
);
const shippedCart = valid(
  'mandate/cart-mandate',
  'shipped-goods',
  prove(
    {
      contents: mut(cartContents, (c) => {
        c.id = 'cart-dreamineering-0002';
        c.user_cart_confirmation_required = true;
        c.payment_request.details = {
          id: 'pr-dreamineering-0002',
          display_items: [
            { label: 'Printed report', amount: amount('12.00'), pending: null, refund_period: 30 },
            { label: 'Shipping', amount: amount('4.00'), pending: null, refund_period: 0 },
          ],
          shipping_options: [{ id: 'standard', label: 'Standard post', amount: amount('4.00'), selected: true }],
          modifiers: null,
          total: { label: 'Total', amount: amount('16.00'), pending: null, refund_period: 30 },
        };
        c.payment_request.options.request_shipping = true;
        c.payment_request.options.shipping_type = 'shipping';
        c.payment_request.shipping_address = { recipient: 'A. User', address_line: ['1 Example Street'], city: 'Wellington', postal_code: '6011', country: 'NZ', region: null, organization: null, dependent_locality: null, phone_number: null, sorting_code: null };
      }),
      merchant_authorization: null,
      merchant: MERCHANT_DID,
      intent_mandate_hash: documentHash(intentMandate),
      spend_cap: cap,
    },
    merchant,
    MERCHANT_VM,
    '2026-11-01T10:06:00Z',
  ),
);
invalid(
  'mandate/cart-mandate',
  'spend-cap-currency-differs-from-cart',
  mut(cartMandate, (d) => (d.spend_cap = { currency: 'EUR', value: '20.00' })),
  broken('/contents/payment_request/details/total/amount/currency', 'cart-within-cap', 'ERR_RULE_CURRENCY_MISMATCH'),
);
invalid('mandate/cart-mandate', 'total-above-spend-cap', mut(cartMandate, (d) => (d.spend_cap.value = '4.99')), broken('/contents/payment_request/details/total/amount/value', 'cart-within-cap', 'ERR_RULE_EXCEEDS_LIMIT'));
invalid('mandate/cart-mandate', 'negative-total', mut(cartMandate, (d) => (d.contents.payment_request.details.total.amount.value = '-5.00')), at('/contents/payment_request/details/total/amount/value', 'not', 'ERR_SCHEMA_FORBIDDEN'));
invalid('mandate/cart-mandate', 'not-chained-to-intent', without(cartMandate, 'intent_mandate_hash'), missing('', 'intent_mandate_hash'));
// cart-within-cap: a total equal to the cap is within it (total-above-spend-cap is one cent over);
// every amount, wherever it is, is in the cap's currency.
// The cart restates the cap of the intent mandate it names (SPEC.md 12.6): the total is raised
// to the 20.00 USD cap, not the cap lowered to the total (which no intent mandate here states).
valid('mandate/cart-mandate', 'total-equal-to-spend-cap', reprove(mut(cartMandate, (d) => { for (const a of [d.contents.payment_request.details.display_items[0].amount, d.contents.payment_request.details.total.amount]) a.value = d.spend_cap.value; }), merchant));
invalid(
  'mandate/cart-mandate',
  'display-item-in-another-currency',
  reprove(mut(shippedCart, (d) => (d.contents.payment_request.details.display_items[1].amount.currency = 'EUR')), merchant),
  broken('/contents/payment_request/details/display_items/1/amount/currency', 'cart-within-cap', 'ERR_RULE_CURRENCY_MISMATCH'),
);
invalid(
  'mandate/cart-mandate',
  'shipping-option-in-another-currency',
  reprove(mut(shippedCart, (d) => (d.contents.payment_request.details.shipping_options[0].amount.currency = 'EUR')), merchant),
  broken('/contents/payment_request/details/shipping_options/0/amount/currency', 'cart-within-cap', 'ERR_RULE_CURRENCY_MISMATCH'),
);

const paymentContents = {
  payment_mandate_id: 'pm-2026-11-01-0001',
  payment_details_id: 'pr-dreamineering-0001',
  payment_details_total: { label: 'Total', amount: amount('5.00'), pending: null, refund_period: 30 },
  payment_response: { request_id: 'pr-dreamineering-0001', method_name: 'https://www.x402.org/', details: { payer: '0x51be77c0ffee0000000000000000000000000001', payTo: DREAMINEERING_PAY_TO }, shipping_address: null, shipping_option: null, payer_name: null, payer_email: null, payer_phone: null },
  merchant_agent: 'Dreamineering',
  timestamp: '2026-11-01T10:07:00Z',
};
const paymentMandate = valid(
  'mandate/payment-mandate',
  'commerce-rails',
  prove({ payment_mandate_contents: paymentContents, user_authorization: null, cart_mandate_hash: documentHash(cartMandate), intent_mandate_hash: documentHash(intentMandate) }, user, user.vm, '2026-11-01T10:07:00Z'),
);
valid(
  'mandate/payment-mandate',
  'second-payment-same-intent',
  prove(
    {
      payment_mandate_contents: { ...paymentContents, payment_mandate_id: 'pm-2026-11-01-0002', timestamp: '2026-11-01T10:20:00Z' },
      cart_mandate_hash: documentHash(cartMandate),
      intent_mandate_hash: documentHash(intentMandate),
    },
    user,
    user.vm,
    '2026-11-01T10:20:00Z',
  ),
);
invalid('mandate/payment-mandate', 'not-chained-to-cart', without(paymentMandate, 'cart_mandate_hash'), missing('', 'cart_mandate_hash'));
invalid('mandate/payment-mandate', 'timestamp-without-zone', mut(paymentMandate, (d) => (d.payment_mandate_contents.timestamp = '2026-11-01T10:07:00')), at('/payment_mandate_contents/timestamp', 'format', 'ERR_SCHEMA_FORMAT'));
invalid('mandate/payment-mandate', 'total-as-json-number', mut(paymentMandate, (d) => (d.payment_mandate_contents.payment_details_total.amount.value = 5)), at('/payment_mandate_contents/payment_details_total/amount/value', 'type', 'ERR_SCHEMA_TYPE'));
invalid('mandate/payment-mandate', 'w3c-shipping-option-id', mut(paymentMandate, (d) => (d.payment_mandate_contents.payment_response.shipping_option = 'standard')), at('/payment_mandate_contents/payment_response/shipping_option', 'type', 'ERR_SCHEMA_TYPE'));

// ---------------------------------------------------------------------------------------------
// settlement (Agent Commerce Network, phases 2, 5, 6 and failure paths)

const authorization = valid('settlement/budget-authorization', 'allowed.commerce-network', {
  capability_id: PROCUREMENT_ID,
  grant_index: 1,
  intent_hash: intent.intent_hash,
  exposure: usd(125000),
  decision: 'allowed',
  invocation_count: 1,
  total_exposure: usd(125000),
  hold_id: 'hold-lattice-0001',
  // 125000 is above the grant's require_approval_above threshold (100000): the quote said
  // approval_required, and the approval is recorded before dispatch (Agent Commerce Network, failure paths).
  approval: { approved_by: 'lattice-procurement-lead', reason: 'release review for the 2026-04 window; within the quarter budget', approved_at: T0 - 30 },
  decided_at: T0 - 5,
});
valid('settlement/budget-authorization', 'pending-approval.commerce-network', {
  capability_id: PROCUREMENT_ID,
  grant_index: 1,
  intent_hash: intent.intent_hash,
  exposure: usd(125000),
  decision: 'denied',
  denial: 'approval_required',
  invocation_count: 0,
  total_exposure: usd(0),
  decided_at: T0 - 60,
});
valid('settlement/budget-authorization', 'denied-budget.commerce-network', {
  capability_id: PROCUREMENT_ID,
  grant_index: 1,
  exposure: usd(210000),
  decision: 'denied',
  denial: 'max_total_cost',
  invocation_count: 1,
  total_exposure: usd(125000),
  decided_at: T0 + 118,
});
// Incident Network: the executor's call fits its grant; a broader rollback (4.50) is above the $3.00
// approval threshold and waits for a signed approval, then goes ahead.
const executorBudget = (name, exposure, extra) =>
  valid('settlement/budget-authorization', name, { capability_id: EXEC_ID, grant_index: 0, exposure: usd(exposure), ...extra, decided_at: T0 + 40 });
const executorAllowed = executorBudget('executor.incident-network', 250, { intent_hash: disableIntent.intent_hash, decision: 'allowed', invocation_count: 1, total_exposure: usd(250) });
executorBudget('broader-rollback-pending-approval.incident-network', 450, { decision: 'denied', denial: 'approval_required', invocation_count: 0, total_exposure: usd(0) });
executorBudget('broader-rollback-approved.incident-network', 450, {
  decision: 'allowed',
  invocation_count: 1,
  total_exposure: usd(450),
  approval: { approved_by: 'meridian-incident-commander', reason: 'rollback of the whole geo-restrict rule set approved for INC-2026-0428', approved_at: T0 + 35 },
});
invalid('settlement/budget-authorization', 'denied-without-limit', { ...without(authorization, 'hold_id'), decision: 'denied' }, missing('', 'denial'));
invalid('settlement/budget-authorization', 'approval-without-reason', mut(authorization, (d) => delete d.approval.reason), missing('/approval', 'reason'));
invalid('settlement/budget-authorization', 'allowed-with-denial', { ...authorization, denial: 'max_invocations' }, at('/denial', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));
invalid('settlement/budget-authorization', 'grant-index-negative', { ...authorization, grant_index: -1 }, at('/grant_index', 'minimum', 'ERR_SCHEMA_RANGE'));
invalid('settlement/budget-authorization', 'running-total-in-another-currency', { ...authorization, total_exposure: { units: 125000, currency: 'EUR' } }, broken('/total_exposure/currency', 'one-currency', 'ERR_RULE_CURRENCY_MISMATCH'));

const recon = (outcome, actual, extra) => ({
  capability_id: PROCUREMENT_ID,
  grant_index: 1,
  receipt_id: 'rcpt-019d921b-buyer-0001',
  charged: usd(125000),
  actual: usd(actual),
  outcome,
  ...extra,
  reconciled_at: T0 + 900,
});
const credited = valid('settlement/spend-reconciliation', 'credited', recon('credited', 118000, { credited: usd(7000), settlement_status: 'charged' }));
const unchangedRecon = valid('settlement/spend-reconciliation', 'unchanged.commerce-network', recon('unchanged', 125000, { settlement_status: 'settled' }));
const overrun = valid('settlement/spend-reconciliation', 'overrun-fails-receipt', recon('overrun', 131000, { overrun: usd(6000), settlement_status: 'failed' }));
invalid('settlement/spend-reconciliation', 'overrun-not-failed', { ...overrun, settlement_status: 'charged' }, at('/settlement_status', 'const', 'ERR_SCHEMA_CONST'));
invalid('settlement/spend-reconciliation', 'credited-without-amount', without(credited, 'credited'), missing('', 'credited'));
invalid('settlement/spend-reconciliation', 'outcome-contradicts-amounts', { ...credited, actual: usd(125000), credited: usd(0) }, broken('/outcome', 'reconciliation-adds-up', 'ERR_RULE_MISMATCH'));
invalid('settlement/spend-reconciliation', 'credit-miscalculated', { ...credited, credited: usd(700) }, broken('/credited/units', 'reconciliation-adds-up', 'ERR_RULE_ARITHMETIC'));
// The outcome at one unit either side of charged, and each amount one unit off.
valid('settlement/spend-reconciliation', 'credited-one-unit', recon('credited', 124999, { credited: usd(1), settlement_status: 'charged' }));
valid('settlement/spend-reconciliation', 'overrun-one-unit', recon('overrun', 125001, { overrun: usd(1), settlement_status: 'failed' }));
invalid('settlement/spend-reconciliation', 'unchanged-but-actual-one-unit-above', { ...unchangedRecon, actual: usd(125001) }, broken('/outcome', 'reconciliation-adds-up', 'ERR_RULE_MISMATCH'));
invalid('settlement/spend-reconciliation', 'overrun-but-actual-one-unit-below', { ...overrun, actual: usd(124999) }, broken('/outcome', 'reconciliation-adds-up', 'ERR_RULE_MISMATCH'));
invalid('settlement/spend-reconciliation', 'credit-one-unit-short', { ...credited, credited: usd(6999) }, broken('/credited/units', 'reconciliation-adds-up', 'ERR_RULE_ARITHMETIC'));
invalid('settlement/spend-reconciliation', 'overrun-one-unit-short', { ...overrun, overrun: usd(5999) }, broken('/overrun/units', 'reconciliation-adds-up', 'ERR_RULE_ARITHMETIC'));
invalid('settlement/spend-reconciliation', 'actual-in-another-currency', { ...credited, actual: { units: 118000, currency: 'EUR' } }, broken('/actual/currency', 'reconciliation-adds-up', 'ERR_RULE_CURRENCY_MISMATCH'));

const settlementRecord = valid('settlement/settlement-reconciliation', 'commerce-network', {
  settlement_id: 'settlement_lattice_vanguard_001',
  job_id: 'job_lattice_001',
  quoted_amount_minor: 125000,
  approved_amount_minor: 125000,
  settled_amount_minor: 125000,
  currency: 'USD',
  status: 'reconciled',
  buyer_position: 'accepted',
  provider_position: 'accepted',
});
const reversal = valid('settlement/settlement-reconciliation', 'dispute-reversal-pending.commerce-network', {
  ...settlementRecord,
  status: 'reversal_pending',
  buyer_position: 'disputed',
  dispute_id: 'dispute_lattice_001',
});
invalid('settlement/settlement-reconciliation', 'reconciled-while-disputed', { ...settlementRecord, buyer_position: 'disputed' }, at('/buyer_position', 'const', 'ERR_SCHEMA_CONST'));
invalid('settlement/settlement-reconciliation', 'reversal-without-dispute', without(reversal, 'dispute_id'), missing('', 'dispute_id'));
invalid('settlement/settlement-reconciliation', 'reversal-nobody-disputes', { ...reversal, buyer_position: 'accepted' }, at('/provider_position', 'const', 'ERR_SCHEMA_CONST'));
invalid('settlement/settlement-reconciliation', 'settled-above-approved', { ...settlementRecord, settled_amount_minor: 130000 }, broken('/settled_amount_minor', 'amounts-in-order', 'ERR_RULE_EXCEEDS_LIMIT'));
// amounts-in-order: commerce-network has quoted = approved = settled; each may be less, not more.
valid('settlement/settlement-reconciliation', 'settled-below-approved-below-quoted', { ...settlementRecord, settlement_id: 'settlement_lattice_vanguard_003', approved_amount_minor: 120000, settled_amount_minor: 118000 });
invalid('settlement/settlement-reconciliation', 'settled-one-unit-above-approved', { ...settlementRecord, settled_amount_minor: 125001 }, broken('/settled_amount_minor', 'amounts-in-order', 'ERR_RULE_EXCEEDS_LIMIT'));
invalid('settlement/settlement-reconciliation', 'approved-one-unit-above-quoted', { ...settlementRecord, approved_amount_minor: 125001 }, broken('/approved_amount_minor', 'amounts-in-order', 'ERR_RULE_EXCEEDS_LIMIT'));

const dispute = valid('settlement/dispute', 'opened.commerce-network', {
  dispute_id: 'dispute_lattice_001',
  settlement_id: 'settlement_lattice_vanguard_001',
  job_id: 'job_lattice_001',
  opened_by: 'buyer',
  reason: 'two high findings were not reproducible on the release window',
  opened_at: T0 + 86400,
  status: 'reversal_pending',
});
const resolved = valid('settlement/dispute', 'reversed', { ...dispute, status: 'reversed', resolved_at: T0 + 3 * 86400, resolution: 'provider agreed; settlement reversed in full' });
invalid('settlement/dispute', 'resolved-without-resolution', without(resolved, 'resolution'), missing('', 'resolution'));
invalid('settlement/dispute', 'opened-by-a-third-party', { ...dispute, opened_by: 'broker' }, at('/opened_by', 'enum', 'ERR_SCHEMA_ENUM'));
invalid('settlement/dispute', 'resolved-before-opened', { ...resolved, resolved_at: T0 }, broken('/resolved_at', 'resolved-after-opened', 'ERR_RULE_TIME_ORDER'));
valid('settlement/dispute', 'resolved-when-opened', { ...resolved, resolved_at: resolved.opened_at });
invalid('settlement/dispute', 'resolved-one-second-before-opened', { ...resolved, resolved_at: resolved.opened_at - 1 }, broken('/resolved_at', 'resolved-after-opened', 'ERR_RULE_TIME_ORDER'));

// ---------------------------------------------------------------------------------------------
// receipt: intent trace (Agent Commerce Rails, station 5)

const settleResponse = { success: true, payer: '0x51be77c0ffee0000000000000000000000000001', transaction: '0x9f1c3ab2e4d5c6b7a8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7', network: 'eip155:8453', amount: '5000000' };
const trace = valid(
  'receipt/intent-trace',
  'settled.commerce-rails',
  prove(
    {
      trace_version: '1.2',
      trace_id: 'trace-2026-11-01-0001',
      subject: agent.didKey,
      intent_ref: documentHash(intentMandate),
      action_hash: documentHash({ tool: 'market-report', arguments: { category: 'agent payment rails' } }),
      outcome: 'settled',
      verified: true,
      references: {
        mandate_hash: documentHash(paymentMandate),
        settlement_proof: settleResponse,
        identity_credential: { id: agentCredential.id, hash: documentHash(agentCredential) },
      },
      recorded_at: '2026-11-01T10:08:00Z',
    },
    recorder,
    recorder.vm,
    '2026-11-01T10:08:00Z',
  ),
);
valid(
  'receipt/intent-trace',
  'payment-failed',
  prove(
    {
      trace_version: '1.2',
      trace_id: 'trace-2026-11-01-0002',
      subject: agent.didKey,
      intent_ref: documentHash(intentMandate),
      action_hash: documentHash({ tool: 'market-report', arguments: { category: 'agent payment rails' } }),
      outcome: 'failed',
      verified: true,
      references: {
        mandate_hash: documentHash(paymentMandate),
        settlement_proof: { success: false, errorReason: 'insufficient_funds', transaction: '', network: 'eip155:8453' },
        identity_credential: { id: agentCredential.id, hash: documentHash(agentCredential) },
      },
      recorded_at: '2026-11-01T10:21:00Z',
    },
    recorder,
    recorder.vm,
    '2026-11-01T10:21:00Z',
  ),
);
invalid('receipt/intent-trace', 'settled-without-settlement-proof', mut(trace, (d) => delete d.references.settlement_proof), missing('/references', 'settlement_proof'));
invalid('receipt/intent-trace', 'version-1.1', { ...trace, trace_version: '1.1' }, at('/trace_version', 'const', 'ERR_SCHEMA_CONST'));
invalid('receipt/intent-trace', 'unsigned', without(trace, 'proof'), missing('', 'proof'));
invalid('receipt/intent-trace', 'x402-amount-as-number', mut(trace, (d) => (d.references.settlement_proof.amount = 5000000)), at('/references/settlement_proof/amount', 'type', 'ERR_SCHEMA_TYPE'));

// ---------------------------------------------------------------------------------------------
// task (Incident Network, phases 5 and 6, Agent Commerce Network phase 3)

const taskCreated = valid('task/task-created', 'incident-network', {
  task_id: TASK_ID,
  incident_id: 'INC-2026-0428',
  target_service: 'inference-gateway',
  target_rule: 'geo-restrict-v42',
  bounded_action: 'disable_rule',
  provider_instructions: 'Disable the geo-restrict rule for the affected region.',
  vendor_liaison_capability: vendorToken,
  execution_deadline: T0 + 900,
});
valid('task/task-created', 'minimal', { task_id: 'task_INC-2026-0428_002', target_service: 'inference-gateway', bounded_action: 'purge_cache', vendor_liaison_capability: vendorToken, execution_deadline: T0 + 600 });
invalid('task/task-created', 'without-capability', without(taskCreated, 'vendor_liaison_capability'), missing('', 'vendor_liaison_capability'));
invalid('task/task-created', 'deadline-as-iso-string', { ...taskCreated, execution_deadline: iso(T0 + 900) }, at('/execution_deadline', 'type', 'ERR_SCHEMA_TYPE'));
invalid('task/task-created', 'deadline-after-capability-expires', { ...taskCreated, execution_deadline: T0 + 1800 }, broken('/execution_deadline', 'deadline-within-capability', 'ERR_RULE_EXCEEDS_LIMIT'));
// incident-network's deadline is the capability's expiry itself (T0 + 900); one second later is not.
invalid('task/task-created', 'deadline-one-second-after-capability-expires', { ...taskCreated, execution_deadline: vendorToken.expires_at + 1 }, broken('/execution_deadline', 'deadline-within-capability', 'ERR_RULE_EXCEEDS_LIMIT'));

const processRequest = valid('task/process-task-request', 'incident-network', {
  task: {
    task_id: TASK_ID,
    target_service: 'inference-gateway',
    target_rule: 'geo-restrict-v42',
    bounded_action: 'disable_rule',
    provider_coordinator_capability: entry(COORD_ID, 2, VENDOR_ID),
  },
  provider_coordinator_seed_hex: toHex(coordinator.seed),
  provider_executor_public_key: executor.hex,
  control_url: 'http://127.0.0.1:48211',
  service_token: 'demo-token',
  provider_executor_url: 'http://127.0.0.1:48217',
  executor_ttl_seconds: 600,
});
valid('task/process-task-request', 'without-secrets', without(processRequest, 'provider_coordinator_seed_hex', 'service_token'));
invalid('task/process-task-request', 'coordinator-capability-without-parent', mut(processRequest, (d) => delete d.task.provider_coordinator_capability.parent_capability_id), missing('/task/provider_coordinator_capability', 'parent_capability_id'));
invalid('task/process-task-request', 'control-url-without-scheme', { ...processRequest, control_url: '127.0.0.1:48211' }, at('/control_url', 'format', 'ERR_SCHEMA_FORMAT'));
invalid('task/process-task-request', 'zero-ttl', { ...processRequest, executor_ttl_seconds: 0 }, at('/executor_ttl_seconds', 'minimum', 'ERR_SCHEMA_RANGE'));

const denial = valid('task/process-task-response', 'revoked-ancestor.incident-network', {
  execution: { verdict: 'deny', reason: 'ancestor capability revoked', revoked_capability_id: VENDOR_ID, denied_at_depth: 1 },
});
valid('task/process-task-response', 'executed.incident-network', { execution: { verdict: 'allow', receipt_id: 'rcpt-019d921b-executor-0001', completed_at: T0 + 42 } });
invalid('task/process-task-response', 'deny-without-reason', mut(denial, (d) => delete d.execution.reason), missing('/execution', 'reason'));
invalid('task/process-task-response', 'revoked-without-depth', mut(denial, (d) => delete d.execution.denied_at_depth), { instancePath: '/execution', keyword: 'dependentRequired', path: '/execution/denied_at_depth', code: 'ERR_SCHEMA_DEPENDENCY' });
invalid('task/process-task-response', 'allow-naming-revoked-ancestor', { execution: { verdict: 'allow', revoked_capability_id: VENDOR_ID, denied_at_depth: 1 } }, at('/execution/revoked_capability_id', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));

const fulfillment = valid('task/fulfillment-package', 'commerce-network', {
  fulfillment_id: 'fulfillment_vanguard_001',
  job_id: 'job_lattice_001',
  service_family: 'security-review',
  deliverables: ['executive-summary.md', 'findings.json', 'remediation-checklist.md'],
  status: 'completed_with_findings',
  severity_summary: { critical: 0, high: 2, medium: 5, low: 7 },
});
valid('task/fulfillment-package', 'clean-review', { ...without(fulfillment, 'severity_summary'), fulfillment_id: 'fulfillment_vanguard_002', job_id: 'job_lattice_002', status: 'completed' });
invalid('task/fulfillment-package', 'findings-without-summary', without(fulfillment, 'severity_summary'), missing('', 'severity_summary'));
invalid('task/fulfillment-package', 'no-deliverables', { ...fulfillment, deliverables: [] }, at('/deliverables', 'minItems', 'ERR_SCHEMA_ITEMS'));
invalid('task/fulfillment-package', 'negative-finding-count', mut(fulfillment, (d) => (d.severity_summary.low = -1)), at('/severity_summary/low', 'minimum', 'ERR_SCHEMA_RANGE'));

// ---------------------------------------------------------------------------------------------
// bundle (Agent Commerce Network and Incident Network: bundle-manifest.json, review-result.json)

const commerceArtifacts = {
  'capability.json': procurementToken,
  'contracts/quote-response.json': JSON.parse(readFileSync(join(ROOT, `examples/${LINE}/commercial/quote/valid/quote.response.commerce-network.json`), 'utf8')),
  'contracts/governed-intent.json': intent,
  'contracts/fulfillment-package.json': fulfillment,
  'contracts/settlement-reconciliation.json': settlementRecord,
  'receipts/buyer.json': buyerReceipt,
  'receipts/provider.json': providerReceipt,
};
const manifest = valid('bundle/manifest', 'commerce-network', {
  bundle_id: 'agent-commerce-network-20260415T162615Z',
  created_at: iso(T0 + 1000),
  artifacts: Object.fromEntries(Object.entries(commerceArtifacts).map(([path, doc]) => [path, documentHash(doc)])),
});
// Incident Network's delegation: the chain, its lineage and the task that carries it.
const incidentDelegation = {
  'capabilities/root-commander.json': rootToken,
  'capabilities/vendor-liaison-agent.json': vendorToken,
  'capabilities/provider-coordinator.json': coordinatorToken,
  'capabilities/provider-executor.json': executorToken,
  'lineage/root-commander-chain.json': lineage,
  'acp/task-created.json': taskCreated,
};
valid('bundle/manifest', 'incident-network', {
  bundle_id: 'internet-of-agents-incident-network-20260415T162615Z',
  artifacts: Object.fromEntries(Object.entries({ ...incidentDelegation, 'provider/process-task-request.json': processRequest }).map(([path, doc]) => [path, documentHash(doc)])),
});
const artifactsWith = (path, hash) => mut(manifest, (d) => (d.artifacts[path] = hash));
invalid('bundle/manifest', 'path-climbs-out', artifactsWith('../secrets/trust-authority.json', documentHash({})), { instancePath: '/artifacts', keyword: 'propertyNames', path: '/artifacts/..~1secrets~1trust-authority.json', code: 'ERR_SCHEMA_PROPERTY_NAME' });
invalid('bundle/manifest', 'absolute-path', artifactsWith('/etc/passwd', documentHash({})), { instancePath: '/artifacts', keyword: 'propertyNames', path: '/artifacts/~1etc~1passwd', code: 'ERR_SCHEMA_PROPERTY_NAME' });
invalid('bundle/manifest', 'hash-without-prefix', artifactsWith('receipts/buyer.json', documentHash(buyerReceipt).slice('sha256:'.length)), at('/artifacts/receipts~1buyer.json', 'pattern', 'ERR_SCHEMA_PATTERN'));
invalid('bundle/manifest', 'paths-differ-only-in-case', artifactsWith('Receipts/Buyer.json', documentHash(buyerReceipt)), broken('/artifacts/Receipts~1Buyer.json', 'no-case-collisions', 'ERR_RULE_DUPLICATE'));
invalid('bundle/manifest', 'no-artifacts', { ...manifest, artifacts: {} }, at('/artifacts', 'minProperties', 'ERR_SCHEMA_PROPERTY_COUNT'));

// A trust policy (SPEC.md 12.8): the seven-station bundler as sealer, Dreamineering's DID document pinned.
const trustPolicy = valid('bundle/trust-policy', 'seven-station', {
  $schema: `${BASE}bundle/trust-policy.schema.json`,
  trust_policy: 'writ/1',
  sealers: [recorder.didKey],
  pinned_documents: [documentHash(merchantDidDoc)],
});
valid('bundle/trust-policy', 'incident-network-roots', { trust_policy: 'writ/1', sealers: [commander.didKey], trust_anchors: [commander.hex] });
invalid('bundle/trust-policy', 'sealer-not-a-did', { ...trustPolicy, sealers: [recorder.hex] }, at('/sealers/0', 'pattern', 'ERR_SCHEMA_PATTERN'));
invalid('bundle/trust-policy', 'pin-without-prefix', { ...trustPolicy, pinned_documents: [documentHash(merchantDidDoc).slice('sha256:'.length)] }, at('/pinned_documents/0', 'pattern', 'ERR_SCHEMA_PATTERN'));
invalid('bundle/trust-policy', 'unknown-member', { ...trustPolicy, trust_everyone: true }, extra('', 'trust_everyone'));
const reportOk = valid('bundle/verification-report', 'ok.commerce-network', { ok: true, verified_at: iso(T0 + 1010), subject: manifest.bundle_id, errors: [] });
const reportFailed = valid('bundle/verification-report', 'revoked-ancestor.incident-network', {
  ok: false,
  verified_at: iso(T0 + 60),
  subject: 'internet-of-agents-incident-network-20260415T162615Z',
  errors: [{ code: 'ERR_SCHEMA_REQUIRED', path: '/parent_capability_id', message: 'required member "parent_capability_id" is missing', keyword: 'required' }],
  hops: [
    { hop: 'identity', ok: true },
    { hop: 'capability_chain', ok: false, code: 'ERR_SCHEMA_REQUIRED', path: 'capabilities/provider-executor.json', message: 'the executor capability does not name its parent', artifacts: ['capabilities/provider-executor.json'] },
  ],
});
invalid('bundle/verification-report', 'ok-with-errors', { ...reportOk, errors: reportFailed.errors }, at('/errors', 'maxItems', 'ERR_SCHEMA_ITEMS'));
invalid('bundle/verification-report', 'failed-without-errors', { ...reportFailed, errors: [] }, at('/errors', 'minItems', 'ERR_SCHEMA_ITEMS'));
invalid('bundle/verification-report', 'failed-hop-without-code', mut(reportFailed, (d) => delete d.hops[1].code), missing('/hops/1', 'code'));
invalid('bundle/verification-report', 'code-not-in-registry-form', mut(reportFailed, (d) => (d.errors[0].code = 'CHIO-CAP-NARROWING')), at('/errors/0/code', 'pattern', 'ERR_SCHEMA_PATTERN'));

// ---------------------------------------------------------------------------------------------
// conformance (SPEC.md 13: the vector format, the adapter protocol, the JSON-lines report)

const PROTOCOL = 'writ-adapter/1';
const jcsVector = valid('conformance/vector', 'jcs-sorts-members', {
  id: 'jcs/sorts-members',
  profile: 'jcs',
  description: 'Members are written in the order of their names as UTF-16 code units.',
  spec: '6.3',
  input: { text: '{"b":1,"a":2}' },
  context: { now: 0 },
  expect: { verdict: 'accept', output: '{"a":2,"b":1}' },
});
valid('conformance/vector', 'chain-revoke-midchain.incident-network', {
  id: 'chain/incident-network/revoke-midchain',
  profile: 'chain',
  description: "Incident Network: the vendor liaison's capability is revoked after the executor's was issued; the executor's call is denied, naming the revoked ancestor.",
  spec: '12.2',
  input: { capability: executorToken, capabilities: [rootToken, vendorToken, coordinatorToken] },
  context: { now: T0 + 20, revocations: [{ capability_id: VENDOR_ID, revoked_at: T0 + 15 }] },
  expect: { verdict: 'reject', code: 'ERR_CHAIN_REVOKED_ANCESTOR' },
});
invalid('conformance/vector', 'reject-without-code', mut(jcsVector, (d) => (d.expect = { verdict: 'reject' })), at('/expect', 'anyOf', 'ERR_SCHEMA_NO_MATCH'));
invalid('conformance/vector', 'accept-with-code', mut(jcsVector, (d) => (d.expect.code = 'ERR_JSON_SYNTAX')), at('/expect/code', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));
invalid('conformance/vector', 'unknown-profile', { ...jcsVector, profile: 'ledger' }, at('/profile', 'enum', 'ERR_SCHEMA_ENUM'));
invalid('conformance/vector', 'context-without-time', { ...jcsVector, context: {} }, missing('/context', 'now'));

const runCase = { id: jcsVector.id, profile: jcsVector.profile, input: jcsVector.input, context: jcsVector.context };
valid('conformance/adapter-command', 'start', { cmd: 'start', protocol: PROTOCOL });
const offer = valid('conformance/adapter-command', 'start-offering-v2', { cmd: 'start', protocol: PROTOCOL, protocols: ['writ-adapter/1', 'writ-adapter/2'] });
invalid('conformance/adapter-command', 'start-offering-unknown-protocol', { ...offer, protocols: ['writ-adapter/1', 'writ-adapter/3'] }, at('/protocols/1', 'enum', 'ERR_SCHEMA_ENUM'));
const runCommand = valid('conformance/adapter-command', 'run', { cmd: 'run', seq: 7, case: runCase });
valid('conformance/adapter-command', 'stop', { cmd: 'stop' });
invalid('conformance/adapter-command', 'run-with-expectation', mut(runCommand, (d) => (d.case.expect = jcsVector.expect)), extra('/case', 'expect'));
invalid('conformance/adapter-command', 'run-without-seq', without(runCommand, 'seq'), missing('', 'seq'));
invalid('conformance/adapter-command', 'run-with-protocols', { ...runCommand, protocols: offer.protocols }, at('/protocols', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));
invalid('conformance/adapter-command', 'start-another-protocol', { cmd: 'start', protocol: 'writ-adapter/2' }, at('/protocol', 'const', 'ERR_SCHEMA_CONST'));

const ALL_PROFILES = ['schema', 'jcs', 'hash', 'signature', 'proof', 'compact', 'capability', 'chain', 'budget', 'intent', 'mandate', 'receipt', 'settlement', 'document', 'bundle', 'replay', 'release'];
const reference = { name: 'writ', version: '1.0.0-draft.1', language: 'TypeScript', homepage: 'https://writ.dev/' };
const hello = valid('conformance/adapter-hello', 'reference', { protocol: PROTOCOL, implementation: reference, profiles: ALL_PROFILES });
valid('conformance/adapter-hello', 'python-harness', { protocol: PROTOCOL, implementation: { name: 'writ-python-harness', version: '0.1.0', language: 'Python' }, profiles: ['jcs', 'hash', 'signature', 'capability', 'chain', 'budget'] });
const windowed = valid('conformance/adapter-hello', 'reference-v2', { protocol: 'writ-adapter/2', implementation: reference, profiles: ALL_PROFILES, window: 64 });
invalid('conformance/adapter-hello', 'window-with-v1', { ...windowed, protocol: PROTOCOL }, at('/window', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));
invalid('conformance/adapter-hello', 'window-too-wide', { ...windowed, window: 1025 }, at('/window', 'maximum', 'ERR_SCHEMA_RANGE'));
invalid('conformance/adapter-hello', 'window-empty', { ...windowed, window: 0 }, at('/window', 'minimum', 'ERR_SCHEMA_RANGE'));
invalid('conformance/adapter-hello', 'unknown-profile', mut(hello, (d) => (d.profiles = ['jcs', 'ledger'])), at('/profiles/1', 'enum', 'ERR_SCHEMA_ENUM'));
invalid('conformance/adapter-hello', 'profile-twice', mut(hello, (d) => (d.profiles = ['jcs', 'jcs'])), at('/profiles', 'uniqueItems', 'ERR_SCHEMA_UNIQUE_ITEMS'));
invalid('conformance/adapter-hello', 'without-language', mut(hello, (d) => delete d.implementation.language), missing('/implementation', 'language'));

const rejection = valid('conformance/adapter-result', 'reject-with-code', { seq: 7, verdict: 'reject', code: 'ERR_CHAIN_REVOKED_ANCESTOR' });
const skip = valid('conformance/adapter-result', 'skipped', { seq: 8, skipped: true, reason: 'replay is not implemented yet', issue_url: 'https://example.org/impl/issues/12' });
valid('conformance/adapter-result', 'errored', { seq: 9, errored: true, context: { message: 'unexpected token at 1:1' } });
valid('conformance/adapter-result', 'jcs-output', { seq: 10, verdict: 'accept', output: '{"a":2,"b":1}' });
invalid('conformance/adapter-result', 'skip-without-reason', without(skip, 'reason'), missing('', 'reason'));
invalid('conformance/adapter-result', 'accept-with-code', { ...rejection, verdict: 'accept' }, at('/code', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));
invalid('conformance/adapter-result', 'errored-with-verdict', { seq: 9, errored: true, context: {}, verdict: 'accept' }, at('/verdict', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));
invalid('conformance/adapter-result', 'reject-without-code', without(rejection, 'code'), at('', 'anyOf', 'ERR_SCHEMA_NO_MATCH'));

const header = valid('conformance/report-header', 'reference', {
  type: 'header',
  protocol: PROTOCOL,
  runner: { name: 'writ', version: '1.0.0-draft.1', line: LINE },
  implementation: reference,
  profiles: ALL_PROFILES,
  started_at: '2026-11-22T09:00:00Z',
  vectors: 640,
});
valid('conformance/report-header', 'python-harness', { ...header, implementation: { name: 'writ-python-harness', version: '0.1.0', language: 'Python' }, profiles: ['jcs', 'hash', 'signature', 'capability', 'chain', 'budget'] });
invalid('conformance/report-header', 'without-start', without(header, 'started_at'), missing('', 'started_at'));
invalid('conformance/report-header', 'another-runner', mut(header, (d) => (d.runner.name = 'bowtie')), at('/runner/name', 'const', 'ERR_SCHEMA_CONST'));
invalid('conformance/report-header', 'negative-vector-count', { ...header, vectors: -1 }, at('/vectors', 'minimum', 'ERR_SCHEMA_RANGE'));

const failed = valid('conformance/report-case', 'fail.incident-network', {
  type: 'case',
  id: 'chain/incident-network/revoke-midchain',
  profile: 'chain',
  outcome: 'fail',
  expected: { verdict: 'reject', code: 'ERR_CHAIN_REVOKED_ANCESTOR' },
  actual: { verdict: 'accept' },
  duration_ms: 1.8,
});
const skipped = valid('conformance/report-case', 'skip', { type: 'case', id: 'replay/seven-station', profile: 'replay', outcome: 'skip', expected: { verdict: 'accept' }, reason: 'replay is not implemented yet', duration_ms: 0 });
invalid('conformance/report-case', 'fail-without-answer', without(failed, 'actual'), missing('', 'actual'));
invalid('conformance/report-case', 'skip-without-reason', without(skipped, 'reason'), missing('', 'reason'));
invalid('conformance/report-case', 'unknown-outcome', { ...failed, outcome: 'flaky' }, at('/outcome', 'enum', 'ERR_SCHEMA_ENUM'));
const errored = valid('conformance/report-case', 'error-timeout', {
  type: 'case',
  id: 'chain/incident-network/revoke-midchain',
  profile: 'chain',
  outcome: 'error',
  expected: { verdict: 'reject', code: 'ERR_CHAIN_REVOKED_ANCESTOR' },
  code: 'ERR_RUNNER_TIMEOUT',
  reason: 'no answer within 10000 ms: the implementation hangs',
  duration_ms: 10000.412,
});
invalid('conformance/report-case', 'error-without-code', without(errored, 'code'), missing('', 'code'));
invalid('conformance/report-case', 'skip-with-code', { ...skipped, code: 'ERR_RUNNER_TIMEOUT' }, at('/code', 'false schema', 'ERR_SCHEMA_FORBIDDEN'));

const counts = (pass, fail, skip, error) => ({ pass, fail, skip, error });
const footer = valid('conformance/report-footer', 'ok', { type: 'footer', ok: true, counts: { jcs: counts(40, 0, 0, 0), hash: counts(12, 0, 0, 0) }, totals: counts(52, 0, 0, 0), finished_at: '2026-11-22T09:00:03Z', duration_ms: 2950 });
valid('conformance/report-footer', 'failures', { ...footer, ok: false, counts: { chain: counts(20, 1, 0, 0), replay: counts(0, 0, 3, 0) }, totals: counts(20, 1, 3, 0) });
invalid('conformance/report-footer', 'unknown-profile-counted', mut(footer, (d) => (d.counts.ledger = counts(1, 0, 0, 0))), { instancePath: '/counts', keyword: 'propertyNames', path: '/counts/ledger', code: 'ERR_SCHEMA_PROPERTY_NAME' });
invalid('conformance/report-footer', 'counts-without-errors', mut(footer, (d) => delete d.totals.error), missing('/totals', 'error'));
invalid('conformance/report-footer', 'negative-count', mut(footer, (d) => (d.counts.jcs.pass = -1)), at('/counts/jcs/pass', 'minimum', 'ERR_SCHEMA_RANGE'));

// ---------------------------------------------------------------------------------------------
// release (the formats of the release itself, from this release's own files)

const ownManifest = valid('release/manifest', 'this-release', JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')));
valid('release/manifest', 'vendored-subset', { ...ownManifest, name: 'acme-writ-vendored', version: '1.0.0', boundary: ['manifest.json', 'checksums.txt', `schemas/${LINE}/`] });
invalid('release/manifest', 'boundary-climbs-out', mut(ownManifest, (d) => d.boundary.push('../secrets/')), at(`/boundary/${ownManifest.boundary.length}`, 'pattern', 'ERR_SCHEMA_PATTERN'));
invalid('release/manifest', 'version-not-semver', { ...ownManifest, version: 'v1' }, at('/version', 'pattern', 'ERR_SCHEMA_PATTERN'));
invalid('release/manifest', 'without-schema-index', without(ownManifest, 'schema_index'), missing('', 'schema_index'));

const ownIndex = valid('release/schema-index', 'this-line', JSON.parse(readFileSync(join(ROOT, `schemas/${LINE}/index.json`), 'utf8')));
valid('release/schema-index', 'one-document', { ...ownIndex, documents: ownIndex.documents.slice(0, 1), definitions: [] });
invalid('release/schema-index', 'detect-pointer-without-slash', mut(ownIndex, (d) => (d.documents[0].detect.present = ['request_id'])), at('/documents/0/detect/present/0', 'pattern', 'ERR_SCHEMA_PATTERN'));
invalid('release/schema-index', 'empty-detect', mut(ownIndex, (d) => (d.documents[0].detect = {})), at('/documents/0/detect', 'minProperties', 'ERR_SCHEMA_PROPERTY_COUNT'));
invalid('release/schema-index', 'id-in-upper-case', mut(ownIndex, (d) => (d.documents[0].id = 'Commercial/Authorize.Request')), at('/documents/0/id', 'pattern', 'ERR_SCHEMA_PATTERN'));

const ownCodes = valid('release/error-codes', 'this-line', JSON.parse(readFileSync(join(ROOT, `schemas/${LINE}/error-codes.json`), 'utf8')));
valid('release/error-codes', 'one-area', { ...ownCodes, areas: ownCodes.areas.slice(0, 1), codes: ownCodes.codes.filter((c) => c.area === ownCodes.areas[0].area) });
invalid('release/error-codes', 'code-in-lower-case', mut(ownCodes, (d) => (d.codes[0].code = 'err_json_syntax')), at('/codes/0/code', 'pattern', 'ERR_SCHEMA_PATTERN'));
invalid('release/error-codes', 'code-without-description', mut(ownCodes, (d) => delete d.codes[0].description), missing('/codes/0', 'description'));
invalid('release/error-codes', 'chio-style-code', mut(ownCodes, (d) => (d.codes[0].code = 'CHIO-CAP-NARROWING')), at('/codes/0/code', 'pattern', 'ERR_SCHEMA_PATTERN'));

const sidecar = (name) => JSON.parse(out.get(`examples/${LINE}/capability/token/invalid/token.${name}.expect.json`) ?? '{}');
const expectation = valid('release/fixture-expectation', 'schema-rule', sidecar('negative-cap'));
valid('release/fixture-expectation', 'document-rule', sidecar('ttl-does-not-match'));
invalid('release/fixture-expectation', 'empty-keyword', { ...expectation, keyword: '' }, at('/keyword', 'minLength', 'ERR_SCHEMA_LENGTH'));
invalid('release/fixture-expectation', 'path-not-a-pointer', { ...expectation, path: 'scope.grants[0]' }, at('/path', 'pattern', 'ERR_SCHEMA_PATTERN'));
invalid('release/fixture-expectation', 'message-instead-of-code', { ...expectation, code: 'must be >= 0' }, at('/code', 'pattern', 'ERR_SCHEMA_PATTERN'));

// ---------------------------------------------------------------------------------------------
// A whole transaction: Agent Commerce Rails' stations, with the chio-side artifacts between them, as the
// bundle `writ verify` replays hop by hop (SPEC.md 12.9). Files are written as every example is
// (two-space JSON and a newline); the manifest records the SHA-256 of those bytes.

const T7 = Date.parse('2026-11-01T10:00:00Z') / 1000;
const sidecarGrant = (operations, invocations, total, perCall) => ({
  server_id: 'agent-sidecar',
  tool_name: 'buy_tool_call',
  operations,
  max_invocations: invocations,
  max_total_cost: usd(total),
  max_cost_per_invocation: usd(perCall),
});
const agentsRoot = capabilityToken({ id: 'cap-dreamineering-agents-root', issuer: trust002, subject: trust002.hex, grants: [sidecarGrant(['invoke', 'delegate'], 100, 10000, 2000)], issuedAt: T7, ttl: 86400, depth: 0, parent: null });
const agentCap = capabilityToken({ id: 'cap-dreamineering-shopping-agent-0001', issuer: trust002, subject: agent.hex, grants: [sidecarGrant(['invoke'], 4, 2000, 500)], issuedAt: T7, ttl: 3600, depth: 1, parent: agentsRoot.id });
const buyIntent = rehash({
  intent_id: 'intent_dreamineering_market_report_0001',
  capability_id: agentCap.id,
  buyer_org: 'dreamineering-agents',
  provider_org: 'dreamineering-tools',
  tool_server: 'dreamineering-tools',
  tool_name: 'market-report',
  purpose: 'a market report on agent payment rails; Dreamineering pays its own tool first',
  settlement_mode: 'must_prepay',
  billing_context: { scheme: 'fixed', max_price_minor: 500, currency: 'USD' },
  created_at: T7 + 360,
  expires_at: T7 + 1800,
});
const paymentReference = `x402:eip155:8453:${settleResponse.transaction}`;
const buyerSide = compact(
  {
    id: 'rcpt-dreamineering-agent-0001',
    timestamp: T7 + 420,
    capability_id: agentCap.id,
    intent_hash: buyIntent.intent_hash,
    tool_server: 'agent-sidecar',
    tool_name: 'buy_tool_call',
    decision: { verdict: 'allow' },
    cost: usd(500),
    settlement_status: 'settled',
    payment_reference: paymentReference,
    kernel_key: agentKernel.hex,
  },
  agentKernel,
);
const reportArguments = { category: 'agent payment rails' };
const providerSide = compact(
  {
    id: 'rcpt-dreamineering-tools-0001',
    timestamp: T7 + 421,
    capability_id: agentCap.id,
    intent_hash: buyIntent.intent_hash,
    tool_server: 'dreamineering-tools',
    tool_name: 'market-report',
    action: { parameters: reportArguments, parameter_hash: documentHash(reportArguments) },
    decision: { verdict: 'allow' },
    cost: usd(500),
    settlement_status: 'settled',
    payment_reference: paymentReference,
    kernel_key: toolsKernel.hex,
  },
  toolsKernel,
);
const transaction = {
  'identity/dreamineering-did.json': merchantDidDoc,
  'identity/merchant-credential.json': merchantCredential,
  'identity/agent-credential.json': agentCredential,
  'manifest/agent-card.json': card,
  'capability/agents-root.json': agentsRoot,
  'capability/shopping-agent.json': agentCap,
  'capability/lineage.json': { root_capability_id: agentsRoot.id, chain: [entry(agentsRoot.id, 0, null), entry(agentCap.id, 1, agentsRoot.id)] },
  'intent/governed-intent.json': buyIntent,
  'mandates/intent-mandate.json': intentMandate,
  'mandates/cart-mandate.json': cartMandate,
  'mandates/payment-mandate.json': paymentMandate,
  'settlement/budget-authorization.json': {
    capability_id: agentCap.id,
    grant_index: 0,
    intent_hash: buyIntent.intent_hash,
    exposure: usd(500),
    decision: 'allowed',
    invocation_count: 1,
    total_exposure: usd(500),
    hold_id: 'hold-dreamineering-0001',
    decided_at: T7 + 390,
  },
  'settlement/spend-reconciliation.json': {
    capability_id: agentCap.id,
    grant_index: 0,
    receipt_id: buyerSide.id,
    charged: usd(500),
    actual: usd(500),
    outcome: 'unchanged',
    settlement_status: 'settled',
    reconciled_at: T7 + 450,
  },
  'settlement/settlement.json': {
    settlement_id: 'settlement_dreamineering_0001',
    job_id: 'job_market_report_0001',
    quoted_amount_minor: 500,
    approved_amount_minor: 500,
    settled_amount_minor: 500,
    currency: 'USD',
    status: 'reconciled',
    buyer_position: 'accepted',
    provider_position: 'accepted',
    payment_reference: paymentReference,
  },
  'receipts/buyer-receipt.json': buyerSide,
  'receipts/provider-receipt.json': providerSide,
  // Station 5's trace, anchored to this transaction's receipts and the action they record.
  'receipts/intent-trace.json': prove(
    {
      ...without(trace, 'proof'),
      action_hash: documentHash(providerSide.action),
      references: { ...trace.references, receipt_hashes: [documentHash(buyerSide), documentHash(providerSide)] },
    },
    recorder,
    recorder.vm,
    trace.recorded_at,
  ),
};
const TX = `examples/${LINE}/transactions/seven-station`;
const fileHash = (body) => `sha256:${toHex(sha256Bytes(new TextEncoder().encode(body)))}`;
for (const [path, doc] of Object.entries(transaction)) out.set(`${TX}/${path}`, text(doc));
// The recorder signs the manifest too, so that no file can be changed and its hash recomputed.
out.set(
  `${TX}/bundle-manifest.json`,
  text(
    prove(
      {
        bundle_id: 'dreamineering-seven-station-20261101T100800Z',
        created_at: '2026-11-01T10:08:30Z',
        transaction: 'purchase',
        artifacts: Object.fromEntries(Object.entries(transaction).map(([path, doc]) => [path, fileHash(text(doc))])),
      },
      recorder,
      recorder.vm,
      '2026-11-01T10:08:30Z',
    ),
  ),
);

// Incident Network and Agent Commerce Network as transaction folders beside the seven-station one
// (SPEC.md 12.8): each declares its kind and is sealed, and the seeds' smoke assertions run over
// them as bundle vectors.
const transactionFolder = (name, docs, head, sealer) => {
  const dir = `examples/${LINE}/transactions/${name}`;
  for (const [path, doc] of Object.entries(docs)) out.set(`${dir}/${path}`, text(doc));
  const artifacts = Object.fromEntries(Object.entries(docs).map(([path, doc]) => [path, fileHash(text(doc))]));
  out.set(`${dir}/bundle-manifest.json`, text(prove({ ...head, artifacts }, sealer, sealer.vm, head.created_at)));
};
transactionFolder(
  'incident-network',
  {
    ...incidentDelegation,
    'intent/disable-edge-rule.json': disableIntent,
    'financial/budget.json': executorAllowed,
    'receipts/executor.json': executorReceipt,
  },
  { bundle_id: 'internet-of-agents-incident-network-20260415T162615Z', created_at: iso(T0 + 60), transaction: 'delegated-fix' },
  commander,
);
transactionFolder(
  'commerce-network',
  { ...commerceArtifacts, 'contracts/budget-authorization.json': authorization, 'contracts/spend-reconciliation.json': unchangedRecon },
  { bundle_id: 'agent-commerce-network-20260415T162615Z', created_at: iso(T0 + 1000), transaction: 'procurement' },
  trust000,
);

// Keep the parties that only sign an invalid fixture referenced, so a typo cannot hide.
void [triage, change, userDidDoc, reversal, revokeResponse];

emit(
  'generate:examples',
  out,
  process.argv.slice(2),
  { owned: [...FAMILIES, 'transactions'].map((f) => `examples/${LINE}/${f}`) },
);
