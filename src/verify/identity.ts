/**
 * Identity and discovery (SPEC.md 12.1): a credential is proved by a key of its issuer's DID,
 * for assertion, and is used within its validity period; an agent card is proved by a key of the
 * DID it describes, and the credentials it lists are the ones given, by hash (Agent Commerce Rails, stations
 * 1 and 2). did:web documents come from the caller.
 */
import { verifyDataIntegrity } from '../crypto/envelopes.js';
import { documentHash } from '../crypto/hash.js';
import { fail, pass, warn, type Verdict } from '../issues.js';
import { proofOptionsOf, readAs, reached, timeAt, within } from './common.js';
import { isRecord } from '../encoding/json.js';
import { contextProblem, registryOf, type VerifyContext } from './context.js';
import { readCall, verified } from '../model/read.js';

const CREDENTIAL_TYPES = ['identity/agent-credential', 'identity/merchant-credential'] as const;

/**
 * Verify an agent or merchant credential.
 *
 * @param credential - the credential (any value); its type is read from its `type` member.
 * @param ctx - the time, the issuer's DID document (for did:web), backend.
 * @returns a passing verdict with `details { issuer, subject, hash }`, or the first failure:
 *   schema codes, `ERR_PROOF_*`, `ERR_KEY_*`, `ERR_IDENTITY_ISSUER_MISMATCH`,
 *   `ERR_IDENTITY_NOT_YET_VALID`, `ERR_IDENTITY_EXPIRED`.
 * @example
 * ```ts
 * verifyCredential(merchantCredential, { now, documents: new Map([['did:web:dreamineering.com', didDocument]]) });
 * ```
 */
export function verifyCredential(credential: unknown, ctx: VerifyContext): Verdict {
  return readCall(
    ctx,
    () => [['', credential]],
    ([credential_], ctx) => verified(verifyCredentialModel(credential_, ctx), credential_),
  );
}

/** {@link verifyCredential} on its inputs as read once, into snapshots. */
function verifyCredentialModel(credential: unknown, ctx: VerifyContext): Verdict {
  const problem = contextProblem(ctx);
  if (problem !== undefined) return problem;
  const detected = registryOf(ctx).detect(credential);
  const id = CREDENTIAL_TYPES.find((t) => detected.ok && detected.schema.id === t) ?? 'identity/agent-credential';
  const read = readAs(ctx, id, credential);
  if (!read.ok) return read;
  const vc = read.doc;
  const issuer = typeof vc.issuer === 'string' ? vc.issuer : vc.issuer.id;
  const proved = proofBy(vc, issuer, ctx, 'ERR_IDENTITY_ISSUER_MISMATCH', `credential ${vc.id} is issued by ${issuer}`);
  if (!proved.ok) return proved;
  const from = timeAt(vc.validFrom, '/validFrom');
  if (!from.ok) return from;
  if (!reached(ctx.now, from.instant)) return fail('ERR_IDENTITY_NOT_YET_VALID', '/validFrom', `credential ${vc.id} is not valid before ${vc.validFrom}`);
  if (vc.validUntil !== undefined) {
    const until = timeAt(vc.validUntil, '/validUntil');
    if (!until.ok) return until;
    if (reached(ctx.now, until.instant)) return fail('ERR_IDENTITY_EXPIRED', '/validUntil', `credential ${vc.id} expired at ${vc.validUntil}`);
  }
  return pass(`credential ${vc.id} is issued and proved by ${issuer}`, { issuer, subject: vc.credentialSubject.id, hash: documentHash(vc) });
}

/** The options of {@link verifyAgentCard}: the context, and what the subject is checked against. */
export interface AgentCardOptions extends VerifyContext {
  /** The credentials the card lists by hash. */
  readonly credentials?: readonly unknown[] | undefined;
}

/**
 * Verify an agent card (the discovery manifest) and the credentials it lists.
 *
 * @param card - the agent card (any value).
 * @param options - the time, the card's DID document (for did:web), backend, and `credentials`: the credentials to check the card's list against.
 * @returns a passing verdict with `details { id, credentials, unchecked }`, or the first failure:
 *   schema codes, `ERR_PROOF_*`, `ERR_KEY_*`, `ERR_IDENTITY_ISSUER_MISMATCH` (proved by another
 *   DID than the card's id), `ERR_IDENTITY_CREDENTIAL_MISMATCH`, and the codes of
 *   {@link verifyCredential} under `/credentials/<i>`.
 * @example
 * ```ts
 * verifyAgentCard(card, { now, documents: new Map([[did, didDocument]]), credentials: [merchantCredential] });
 * ```
 */
export function verifyAgentCard(card: unknown, options: AgentCardOptions): Verdict {
  return readCall(
    options,
    (options) => [['', card], ['/credentials', options?.credentials]],
    ([card_, credentials_], options) => verified(verifyAgentCardModel(card_, credentials_ ?? [], options), card_),
  );
}

/** {@link verifyAgentCard} on its inputs as read once, into snapshots. */
function verifyAgentCardModel(card: unknown, credentials: unknown, ctx: VerifyContext): Verdict {
  const problem = contextProblem(ctx);
  if (problem !== undefined) return problem;
  const read = readAs(ctx, 'discovery/agent-card', card);
  if (!read.ok) return read;
  if (!Array.isArray(credentials)) return fail('ERR_USAGE_INVALID_ARGUMENT', '', 'verify: the credentials must be an array');
  const c = read.doc;
  const proved = proofBy(c, c.id, ctx, 'ERR_IDENTITY_ISSUER_MISMATCH', `the card describes ${c.id}`);
  if (!proved.ok) return proved;
  const byId = new Map<string, unknown>();
  for (const k of credentials) {
    const id = isRecord(k) ? k['id'] : undefined;
    if (typeof id === 'string') byId.set(id, k);
  }
  const checked: string[] = [];
  const unchecked: string[] = [];
  for (const [i, listed] of (c.credentials ?? []).entries()) {
    const given = byId.get(listed.id);
    if (given === undefined) {
      unchecked.push(listed.id);
      continue;
    }
    const v = verifyCredential(given, ctx);
    if (!v.ok) return within(`/credentials/${i}`, v);
    if (v.details?.['hash'] !== listed.hash) {
      return fail('ERR_IDENTITY_CREDENTIAL_MISMATCH', `/credentials/${i}/hash`, `the card lists ${listed.id} with hash ${listed.hash}; the credential given hashes to ${String(v.details?.['hash'])}`);
    }
    checked.push(listed.id);
  }
  const verdict = pass(`agent card of ${c.id} is proved by ${c.id}${checked.length > 0 ? `, with ${checked.length} credential(s) verified` : ''}`, { id: c.id, credentials: checked, unchecked });
  return warn(
    verdict,
    ...(c.credentials ?? []).flatMap((listed, i) =>
      unchecked.includes(listed.id) ? [{ code: 'ERR_IDENTITY_CREDENTIAL_NOT_GIVEN' as const, path: `/credentials/${i}`, message: `the card lists credential ${listed.id}, which was not given: its proof and its hash are not checked` }] : [],
    ),
  );
}

/** The document's proof verifies, for assertion, under a key of `did`. */
function proofBy(doc: unknown, did: string, ctx: VerifyContext, code: 'ERR_IDENTITY_ISSUER_MISMATCH', claim: string): Verdict {
  const proved = verifyDataIntegrity(doc, proofOptionsOf(ctx));
  if (!proved.ok) return proved;
  if (proved.details?.['signer'] !== did) return fail(code, '/proof/verificationMethod', `${claim}, but it is proved by a key of ${String(proved.details?.['signer'])}`);
  return proved;
}
