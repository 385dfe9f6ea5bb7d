/**
 * identity: DID documents (not signed), and the merchant and agent credentials, issued by
 * Dreamineering's did:web key through {@link issueCredential}.
 */
import type { AgentCredential, AgentCredentialSubject, CredentialContext, DidDocument, MerchantCredential } from '../../../src/generated/types.js';
import { sha256Bytes } from '../../../src/crypto/hash.js';
import type { DidDocuments } from '../../../src/crypto/resolve.js';
import { toBase64Url, toHex } from '../../../src/encoding/bytes.js';
import { issueCredential, type AgentCredentialInput, type MerchantCredentialInput } from '../../../src/issue/identity.js';
import { reprove } from '../../lib/parties.js';
import { at, broken, clone, extra, invalid, made, missing, moved, mut, valid, without } from './shared.js';
import { KEYS, MERCHANT_DID, MERCHANT_VM, PARTIES } from './world.js';

export interface Identity {
  /** Dreamineering's DID document: what resolves its did:web key. */
  readonly merchantDidDoc: DidDocument;
  readonly userDidDoc: DidDocument;
  readonly merchantCredential: MerchantCredential;
  readonly agentCredential: AgentCredential;
  /** The DID documents a check of what Dreamineering signs resolves its key with. */
  readonly documents: DidDocuments;
}

const VC: CredentialContext = ['https://www.w3.org/ns/credentials/v2'];

export function identityFamily(): Identity {
  const { merchant, agent, user, stranger } = PARTIES;

  const merchantDidDoc = valid<DidDocument>('identity/did-document', 'dreamineering.commerce-rails', {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: MERCHANT_DID,
    verificationMethod: [{ id: MERCHANT_VM, type: 'Multikey', controller: MERCHANT_DID, publicKeyMultibase: merchant.multikey }],
    authentication: [MERCHANT_VM],
    assertionMethod: [MERCHANT_VM],
    service: [{ id: `${MERCHANT_DID}#agent-card`, type: 'AgentCard', serviceEndpoint: 'https://dreamineering.com/.well-known/agent.json' }],
  });
  valid<DidDocument>('identity/did-document', 'shopping-agent-did-key', {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: agent.didKey,
    verificationMethod: [{ id: agent.vm, type: 'Multikey', controller: agent.didKey, publicKeyMultibase: agent.multikey }],
    authentication: [agent.vm],
    assertionMethod: [agent.vm],
    capabilityInvocation: [agent.vm],
    capabilityDelegation: [agent.vm],
  });
  const userDidDoc = valid<DidDocument>('identity/did-document', 'user-json-web-key', {
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

  // Dreamineering signs with its did:web key, resolved from its DID document above.
  const documents: DidDocuments = new Map([[MERCHANT_DID, merchantDidDoc]]);
  const byMerchant = { verificationMethod: MERCHANT_VM, documents };
  const merchantCredentialOf = (name: string, input: MerchantCredentialInput): MerchantCredential =>
    valid('identity/merchant-credential', name, made(issueCredential(input, KEYS.merchant, byMerchant), `merchant-credential.${name}`));
  const agentCredentialOf = (input: AgentCredentialInput, name: string): AgentCredential => made(issueCredential(input, KEYS.merchant, byMerchant), `agent-credential.${name}`);

  const merchantCredentialBody: MerchantCredentialInput = {
    '@context': VC,
    id: 'urn:uuid:7f2c1e0a-9b8d-4c6e-a1f3-2d5b7c9e0a14',
    type: 'MerchantCredential',
    issuer: MERCHANT_DID,
    name: 'Dreamineering merchant credential',
    validFrom: '2026-11-01T00:00:00Z',
    validUntil: '2027-11-01T00:00:00Z',
    credentialSubject: { id: MERCHANT_DID, legal_name: 'Dreamineering Ltd', domain: 'dreamineering.com', jurisdiction: 'NZ', website: 'https://dreamineering.com' },
  };
  const merchantCredential = merchantCredentialOf('dreamineering-self-issued.commerce-rails', merchantCredentialBody);
  merchantCredentialOf('issuer-object-with-status', {
    ...merchantCredentialBody,
    id: 'urn:uuid:0c4d1b52-3f6a-4e8b-9d70-a2b3c4d5e6f7',
    issuer: { id: MERCHANT_DID, name: 'Dreamineering Ltd' },
    credentialStatus: { id: 'https://dreamineering.com/status/1#42', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '42', statusListCredential: 'https://dreamineering.com/status/1' },
  });
  invalid('identity/merchant-credential', 'missing-proof', without(merchantCredential, 'proof'), missing('', 'proof'));
  invalid('identity/merchant-credential', 'vc-1.1-issuance-date', { ...merchantCredential, issuanceDate: '2026-11-01T00:00:00Z' }, extra('', 'issuanceDate'));
  invalid('identity/merchant-credential', 'vc-1.1-context-first', mut(merchantCredential, (d) => (d['@context'] = ['https://www.w3.org/2018/credentials/v1'])), at('/@context/0', 'const', 'ERR_SCHEMA_CONST'));
  invalid('identity/merchant-credential', 'type-lacks-merchant-credential', mut(merchantCredential, (d) => (d.type = ['VerifiableCredential', 'OrganizationCredential'])), at('/type', 'contains', 'ERR_SCHEMA_CONTAINS'));
  invalid('identity/merchant-credential', 'valid-until-before-valid-from', mut(merchantCredential, (d) => (d.validUntil = '2026-10-01T00:00:00Z')), broken('/validUntil', 'valid-period', 'ERR_RULE_TIME_ORDER'));
  invalid('identity/merchant-credential', 'valid-until-equal-to-valid-from', reprove({ ...merchantCredential, validUntil: merchantCredential.validFrom }, merchant), broken('/validUntil', 'valid-period', 'ERR_RULE_TIME_ORDER'));
  merchantCredentialOf('valid-for-one-second', { ...merchantCredentialBody, id: 'urn:uuid:3b9e6d20-5c1a-4f7e-8d24-9a0b1c2d3e4f', validUntil: '2026-11-01T00:00:01Z' });

  const shoppingAgent: AgentCredentialSubject = { id: agent.didKey, name: 'Dreamineering shopping agent', operator: MERCHANT_DID, roles: ['buyer'], agent_card: 'https://dreamineering.com/.well-known/agent.json' };
  const agentCredentialBody: AgentCredentialInput = {
    '@context': VC,
    id: 'urn:uuid:5e8a2c41-7d3b-4f90-b6e2-8c1d4a7f3e29',
    type: 'AgentCredential',
    issuer: MERCHANT_DID,
    validFrom: '2026-11-01T00:00:00Z',
    credentialSubject: shoppingAgent,
  };
  const agentCredential = valid('identity/agent-credential', 'shopping-agent.commerce-rails', agentCredentialOf(agentCredentialBody, 'shopping-agent.commerce-rails'));
  valid(
    'identity/agent-credential',
    'seller-agent-with-expiry',
    agentCredentialOf(
      {
        '@context': VC,
        id: 'urn:uuid:a3f19c7e-2b6d-48e0-9f15-6c8b0d2e4a71',
        type: 'AgentCredential',
        issuer: { id: MERCHANT_DID, name: 'Dreamineering Ltd' },
        validFrom: '2026-11-01T00:00:00Z',
        validUntil: '2027-05-01T00:00:00Z',
        credentialSubject: { id: stranger.didKey, operator: MERCHANT_DID, roles: ['seller', 'broker'] },
      },
      'seller-agent-with-expiry',
    ),
  );
  invalid('identity/agent-credential', 'subject-without-operator', mut(agentCredential, (d) => delete d.credentialSubject.operator), missing('/credentialSubject', 'operator'));
  invalid('identity/agent-credential', 'proof-rdfc-cryptosuite', mut(agentCredential, (d) => (d.proof.cryptosuite = 'eddsa-rdfc-2022')), at('/proof/cryptosuite', 'const', 'ERR_SCHEMA_CONST'));
  invalid('identity/agent-credential', 'proof-value-in-hex', mut(agentCredential, (d) => (d.proof.proofValue = toHex(sha256Bytes(new Uint8Array([1]))))), at('/proof/proofValue', 'pattern', 'ERR_SCHEMA_PATTERN'));
  invalid('identity/agent-credential', 'unknown-role', mut(agentCredential, (d) => (d.credentialSubject.roles = ['buyer', 'admin'])), at('/credentialSubject/roles/1', 'enum', 'ERR_SCHEMA_ENUM'));
  invalid('identity/agent-credential', 'type-lacks-verifiable-credential', mut(agentCredential, (d) => (d.type = ['AgentCredential', 'OperatorCredential'])), at('/type', 'contains', 'ERR_SCHEMA_CONTAINS'));
  // valid-period compares instants: one second after validFrom is after it; the same instant written
  // with another offset is not. The fixture predates the builder, which writes validUntil before the
  // subject; it has validUntil after the subject: the same document, hash and proof.
  valid(
    'identity/agent-credential',
    'valid-for-one-second',
    moved(agentCredentialOf({ ...agentCredentialBody, id: 'urn:uuid:9d4c2b18-6e3f-4a75-b0c1-2e3f4a5b6c7d', validUntil: '2026-11-01T00:00:01Z' }, 'valid-for-one-second'), 'validUntil', 'credentialSubject'),
  );
  invalid('identity/agent-credential', 'valid-until-before-valid-from', reprove({ ...agentCredential, validUntil: '2026-10-31T23:59:59Z' }, merchant), broken('/validUntil', 'valid-period', 'ERR_RULE_TIME_ORDER'));
  invalid('identity/agent-credential', 'valid-until-equal-to-valid-from', reprove({ ...agentCredential, validUntil: '2026-11-01T00:00:00Z' }, merchant), broken('/validUntil', 'valid-period', 'ERR_RULE_TIME_ORDER'));
  invalid('identity/agent-credential', 'valid-until-same-instant-other-offset', reprove({ ...agentCredential, validUntil: '2026-11-01T01:00:00+01:00' }, merchant), broken('/validUntil', 'valid-period', 'ERR_RULE_TIME_ORDER'));

  return { merchantDidDoc, userDidDoc, merchantCredential, agentCredential, documents };
}
