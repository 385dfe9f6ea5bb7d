/**
 * Governed intents (SPEC.md 12.3): the intent's hash is recomputed, never trusted, and the call
 * it is used for must be the one it names: the same capability, the same tool, before it expires.
 */
import type { GovernedIntent } from '../generated/types.js';
import { documentHash } from '../crypto/hash.js';
import { snapshotJson } from '../encoding/snapshot.js';
import { signedContentIssue } from '../crypto/jcs.js';
import { fail, pass, type Verdict } from '../issues.js';
import { contextProblem, registryOf, type VerifyContext } from './context.js';
import { readCall, readDocument, verified } from '../model/read.js';
import type { Read } from './common.js';
import { isRecord } from '../encoding/json.js';

/** The call an intent is used for: what a kernel knows when it dispatches. */
export interface IntentCall {
  /** The capability the call is made under. */
  readonly capability_id?: string;
  /** The tool server called. */
  readonly tool_server?: string;
  /** The tool called. */
  readonly tool_name?: string;
}

/**
 * The hash of a governed intent: SHA-256 of its canonical form without `intent_hash` (SPEC.md 6.3).
 *
 * @param intent - a governed intent (plain JSON; its own `intent_hash` is ignored).
 * @returns `sha256:<64 hex>`.
 * @throws TypeError when the intent is not a plain JSON object (a caller's mistake: verifiers check first).
 * @example
 * ```ts
 * intentHash(intent) === intent.intent_hash; // true for an intent not changed since it was hashed
 * ```
 */
export function intentHash(intent: GovernedIntent | Readonly<Record<string, unknown>>): string {
  const snap = snapshotJson(intent);
  if (!snap.ok || snap.value === null || typeof snap.value !== 'object' || Array.isArray(snap.value)) {
    throw new TypeError(`intentHash: the intent must be a plain JSON object${snap.ok ? '' : ` (${snap.message} at ${snap.path || 'its root'})`}`);
  }
  const frozen = snap.value;
  const known = INTENT_HASHES.get(frozen);
  if (known !== undefined) return known;
  const { intent_hash: _ignored, ...body } = frozen;
  const hash = documentHash(body);
  INTENT_HASHES.set(frozen, hash);
  return hash;
}

/** Each snapshot's intent hash, computed once. */
const INTENT_HASHES = new WeakMap<object, string>();

/** The options of {@link verifyIntent}: the context, and what the subject is checked against. */
export interface IntentOptions extends VerifyContext {
  /** The call the intent is used for; what is absent is not compared. */
  readonly call?: IntentCall | undefined;
}

/**
 * Verify a governed intent, and that a call is the one it names.
 *
 * @param intent - the intent (any value).
 * @param options - the context (`now` is the time of dispatch, for `expires_at`) and `call`: the call it is used for; what is absent is not compared.
 * @returns a passing verdict with `details.intent_hash`, or the first failure: schema codes,
 *   `ERR_JSON_NEGATIVE_ZERO`, `ERR_JSON_UNSAFE_INTEGER`, `ERR_INTENT_HASH_MISMATCH`,
 *   `ERR_INTENT_CAPABILITY_MISMATCH`, `ERR_INTENT_TOOL_MISMATCH`, `ERR_INTENT_EXPIRED`.
 * @example
 * ```ts
 * verifyIntent(intent, { now, call: { capability_id: cap.id, tool_server: 'provider-security-review', tool_name: 'execute_review' } });
 * ```
 */
export function verifyIntent(intent: unknown, options: IntentOptions): Verdict {
  return readCall(
    options,
    (options) => [['', intent], ['/call', options?.call]],
    ([intent_, call_], options) => verified(verifyIntentModel(intent_, call_, options), intent_),
  );
}

/** {@link verifyIntent} on its inputs as read once, into snapshots. */
function verifyIntentModel(intent: unknown, given: unknown, ctx: VerifyContext): Verdict {
  const read = callOf(given);
  if (!read.ok) return read;
  const call = read.doc;
  const intact = readIntactIntent(intent, ctx);
  if (!intact.ok) return intact;
  const doc = intact.doc;
  if (call !== undefined) {
    if (call.capability_id !== undefined && call.capability_id !== doc.capability_id) {
      return fail('ERR_INTENT_CAPABILITY_MISMATCH', '/capability_id', `the call is made under ${String(call.capability_id)}, but intent ${doc.intent_id} names ${doc.capability_id}`);
    }
    const server = call.tool_server ?? doc.tool_server;
    const tool = call.tool_name ?? doc.tool_name;
    if (server !== doc.tool_server || tool !== doc.tool_name) {
      return fail('ERR_INTENT_TOOL_MISMATCH', server !== doc.tool_server ? '/tool_server' : '/tool_name', `the call is to ${String(server)}/${String(tool)}, but intent ${doc.intent_id} names ${doc.tool_server}/${doc.tool_name}`);
    }
  }
  if (doc.expires_at !== undefined && ctx.now >= doc.expires_at) {
    return fail('ERR_INTENT_EXPIRED', '/expires_at', `intent ${doc.intent_id} expired at ${doc.expires_at} (now ${ctx.now})`);
  }
  return pass(`intent ${doc.intent_id} is intact (${doc.intent_hash})`, { intent_hash: doc.intent_hash });
}

/** A call that is not an object of strings would compare as "nothing given": refuse it instead. */
function callOf(call: unknown): Read<IntentCall | undefined> {
  if (call === undefined) return { ok: true, doc: undefined };
  const usage = fail('ERR_USAGE_INVALID_ARGUMENT', '/call', 'verify: the call must be an object with capability_id, tool_server and tool_name, each a string when given');
  if (!isRecord(call)) return usage;
  const known = ['capability_id', 'tool_server', 'tool_name'];
  if (Object.keys(call).some((k) => !known.includes(k))) return usage;
  const text = (k: string): string | undefined | null => {
    const v = call[k];
    return v === undefined ? undefined : typeof v === 'string' ? v : null;
  };
  const [capability_id, tool_server, tool_name] = known.map(text);
  if (capability_id === null || tool_server === null || tool_name === null) return usage;
  return { ok: true, doc: { ...(capability_id === undefined ? {} : { capability_id }), ...(tool_server === undefined ? {} : { tool_server }), ...(tool_name === undefined ? {} : { tool_name }) } };
}

/**
 * A governed intent is well formed and its hash is its own (no call, no time).
 *
 * @param intent - the intent (any value).
 * @param ctx - the context.
 * @returns a passing verdict with `details.intent_hash`, or schema codes, `ERR_JSON_*`,
 *   `ERR_INTENT_HASH_MISMATCH`.
 */
export function intactIntent(intent: unknown, ctx: VerifyContext): Verdict {
  const read = readIntactIntent(intent, ctx);
  return read.ok ? pass(`intent ${read.doc.intent_id} is intact (${read.doc.intent_hash})`, { intent_hash: read.doc.intent_hash }) : read;
}

/**
 * {@link intactIntent}, yielding the intent typed as its schema and its hash prove.
 *
 * @param intent - the intent (any value).
 * @param ctx - the context.
 * @returns the intent, or the refusal {@link intactIntent} gives.
 */
export function readIntactIntent(intent: unknown, ctx: VerifyContext): Read<GovernedIntent> {
  const problem = contextProblem(ctx);
  if (problem !== undefined) return problem;
  const read = readDocument(registryOf(ctx), 'intent/governed-intent', intent);
  if (!read.ok) return read;
  const doc = read.doc;
  const content = signedContentIssue(doc);
  if (content !== undefined) return fail(content.code, content.path, content.message);
  const recomputed = intentHash(doc);
  if (recomputed !== doc.intent_hash) {
    return fail('ERR_INTENT_HASH_MISMATCH', '/intent_hash', `intent ${doc.intent_id} hashes to ${recomputed}, not the ${doc.intent_hash} it states: it was changed after it was hashed`, { recomputed });
  }
  return read;
}
