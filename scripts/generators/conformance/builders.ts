/**
 * The valid artifacts the vectors need freshly made, made by writ's own builders (src/issue/).
 * A builder checks what it makes with the verifier before returning it, so what is made here is
 * what the verifier accepts; a refusal ends the run, since the vector asked for a valid artifact.
 *
 * Each wrapper takes the document as the vectors hold it (a fixture, or a copy changed by
 * `mut`) and hands the builder its members, so that the builder fills what the rules compute
 * (the signer member, the depth, a hash link, the proof) and the output is the fixture's own form,
 * member for member. Attacks are still made by hand in the profile modules (`resign`, `reprove`):
 * a builder refuses them by design.
 */
import { delegateCapability, issueCapability, revokeCapability } from '../../../src/issue/capability.js';
import { issueAgentCard, issueCredential, type AgentCardInput, type CredentialInput } from '../../../src/issue/identity.js';
import type { IssueResult } from '../../../src/issue/issue.js';
import { signingKeyOf, type SigningKey } from '../../../src/issue/keys.js';
import { issueCartMandate, issueIntentMandate, issuePaymentMandate, type CartMandateInput, type IntentMandateInput, type PaymentMandateInput } from '../../../src/issue/mandate.js';
import { createIntent, type IntentInput } from '../../../src/issue/receipt.js';
import type { CapabilityToken, CartMandate, IntentMandate } from '../../../src/generated/types.js';
import type { Party } from '../../lib/parties.js';
import type { Doc } from './shared.js';

/** A party's signing key, from its seed (SPEC.md 9). */
export const keyOf = (party: Party): SigningKey => {
  const read = signingKeyOf(party.seed);
  if (!read.ok) throw new Error(`${party.label}: ${read.message}`);
  return read.key;
};

/** What a builder made; its refusal is an error of the generator (the vector wanted a valid artifact). */
export function issued<T>(result: IssueResult<T>, what: string): Doc {
  if (!result.ok) throw new Error(`the builder refused ${what}: ${result.code} at ${result.path || '(root)'}: ${result.message}`);
  return result.value as Doc;
}

/** A document without its proof: what a Data Integrity builder is given. */
const unproved = (doc: Doc): Doc => {
  const { proof: _proof, ...body } = doc;
  return body;
};

/** DID documents as a builder's check takes them, by DID. */
const byDid = (documents: readonly Doc[]): Map<string, unknown> => new Map(documents.map((d) => [d.id as string, d]));

// ---------------------------------------------------------------------------------------------
// Capabilities (SPEC.md 12.2)

/** What a capability builder is given: the token's id, holder, scope and lifetime. */
const capabilityInput = (token: Doc) => ({
  id: token.id as string,
  subject: token.subject as string,
  scope: token.scope,
  issued_at: token.issued_at as number,
  expires_at: token.expires_at as number,
  ...(token.ttl_secs === undefined ? {} : { ttl_secs: token.ttl_secs as number }),
});

/** A root capability with `token`'s members, issued and signed by `issuer` (issueCapability). */
export const rootBy = (token: Doc, issuer: Party): Doc => issued(issueCapability(capabilityInput(token), keyOf(issuer)), `the root capability ${token.id}`);

/**
 * A capability with `token`'s members delegated from `parent` by its holder (delegateCapability),
 * checked with the parent's `ancestors`. Without the delegation link of the hop unless `link`:
 * Incident Network's tokens, like chio's, carry none.
 */
export const delegatedBy = (parent: Doc, token: Doc, delegator: Party, ancestors: readonly Doc[], link = false): Doc =>
  issued(delegateCapability(parent as CapabilityToken, { ...capabilityInput(token), link }, keyOf(delegator), { ancestors: ancestors as CapabilityToken[] }), `the capability ${token.id} under ${parent.id}`);

/** The revocation `record` (its time and reason) of `capability`, signed by `revoker`, an issuer on its chain (revokeCapability). */
export const revokedBy = (capability: Doc, record: Doc, revoker: Party, ancestors: readonly Doc[]): Doc =>
  issued(
    revokeCapability(capability as CapabilityToken, { revoked_at: record.revoked_at as number, ...(record.reason === undefined ? {} : { reason: record.reason as string }) }, keyOf(revoker), { ancestors: ancestors as CapabilityToken[] }),
    `the revocation of ${capability.id}`,
  );

// ---------------------------------------------------------------------------------------------
// Intents (SPEC.md 12.3)

/** A governed intent with its hash computed (createIntent), checked at `now`. */
export const intentAt = (intent: Doc, now: number): Doc => issued(createIntent(intent as IntentInput, { now }), `the intent ${intent.intent_id}`);

// ---------------------------------------------------------------------------------------------
// Mandates (SPEC.md 12.6), proved at the time their proof states

/** The intent mandate `mandate` proved by `user` (issueIntentMandate). */
export const intentMandateBy = (mandate: Doc, user: Party): Doc =>
  issued(issueIntentMandate(unproved(mandate) as IntentMandateInput, keyOf(user), { created: mandate.proof.created as string }), `the intent mandate ${mandate.mandate_id}`);

/** The cart mandate `cart` under `intentMandate`, proved by `merchant` with `verificationMethod` (issueCartMandate): it must honour the intent mandate. */
export const cartMandateBy = (cart: Doc, intentMandate: Doc, merchant: Party, verificationMethod: string, documents: readonly Doc[]): Doc => {
  const { intent_mandate_hash: _link, ...input } = unproved(cart);
  return issued(
    issueCartMandate(input as CartMandateInput, intentMandate as IntentMandate, keyOf(merchant), { verificationMethod, created: cart.proof.created as string, documents: byDid(documents) }),
    `the cart mandate ${cart.contents?.id}`,
  );
};

/** The payment mandate `payment` of `cart` under `intentMandate`, proved by `user` (issuePaymentMandate): it must pay what the cart asks. */
export const paymentMandateBy = (payment: Doc, cart: Doc, intentMandate: Doc, user: Party, documents: readonly Doc[]): Doc => {
  const { cart_mandate_hash: _cart, intent_mandate_hash: _intent, ...input } = unproved(payment);
  return issued(
    issuePaymentMandate(input as PaymentMandateInput, cart as CartMandate, intentMandate as IntentMandate, keyOf(user), { created: payment.proof.created as string, documents: byDid(documents) }),
    `the payment mandate ${payment.payment_mandate_contents?.payment_mandate_id}`,
  );
};

// ---------------------------------------------------------------------------------------------
// Identity (SPEC.md 12.1)

/** The credential `credential` proved by `issuer` with `verificationMethod` (issueCredential). */
export const credentialBy = (credential: Doc, issuer: Party, verificationMethod: string, documents: readonly Doc[]): Doc =>
  issued(issueCredential(unproved(credential) as CredentialInput, keyOf(issuer), { verificationMethod, created: credential.proof.created as string, documents: byDid(documents) }), `the credential ${credential.id}`);

/** The agent card `card` proved by `key` with `verificationMethod` (issueAgentCard). */
export const cardBy = (card: Doc, key: Party, verificationMethod: string, documents: readonly Doc[]): Doc =>
  issued(issueAgentCard(unproved(card) as AgentCardInput, keyOf(key), { verificationMethod, created: card.proof.created as string, documents: byDid(documents) }), `the agent card ${card.id}`);
