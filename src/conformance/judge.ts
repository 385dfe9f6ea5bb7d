/**
 * How the runner judges an answer (SPEC.md 13.2, 13.3). For the verifying profiles, an answer
 * agrees with the vector's expectation ({@link agrees}). For the producer profiles, the
 * implementation made an artifact from the case's inputs, and a vector that expects it to be
 * made states no bytes (a signature over a bundle of random ids, a uuid, a time, may differ
 * between correct implementations): the reference verifier judges what was made instead. It must
 * verify, with the case's evidence and context, as a counterparty would verify it; be signed by the
 * key the case gives; and say what the case asked, member for member, adding only what the
 * rules compute (the signer member, the signature or proof, the hashes, depth and parent, the
 * delegation link). A vector that expects a refusal is judged by its code, as any other.
 */
import type { CapabilityToken, CaseOutcome, ConformanceVector } from '../generated/types.js';
import { canonicalJson } from '../crypto/jcs.js';
import { documentHash } from '../crypto/hash.js';
import { toDidKey } from '../crypto/keys.js';
import { fromHex, toHex } from '../encoding/bytes.js';
import { isRecord, parseJson } from '../encoding/json.js';
import { importJwk } from '../issue/keys.js';
import { BUNDLE_MANIFEST_PATH, verifyBundle } from '../verify/bundle.js';
import { verifyCapabilityChain } from '../verify/capability.js';
import { verifyIntent } from '../verify/intent.js';
import { verifyReceipt } from '../verify/receipt.js';
import { agrees, PRODUCER_PROFILES } from './case.js';
import { bundleFiles, toContext } from './inputs.js';

/** A judgement: whether the answer passes, and when it does not, why, for people. */
export interface Judgement {
  readonly pass: boolean;
  readonly reason?: string;
}

const passed: Judgement = { pass: true };
const failed = (reason: string): Judgement => ({ pass: false, reason });

/** The canonical text of a value, or undefined when it has none. */
const canon = (value: unknown): string | undefined => {
  const c = canonicalJson(value);
  return c.ok ? c.text : undefined;
};
const same = (a: unknown, b: unknown): boolean => {
  const left = a === undefined ? undefined : canon(a);
  return left !== undefined && left === canon(b);
};

/**
 * Judge an answer to a vector.
 *
 * @param vector - the vector (its profile, input, context and expectation).
 * @param actual - the implementation's outcome.
 * @returns whether it passes; for a producer case that fails, why.
 * @example
 * ```ts
 * judge(vector, { verdict: 'accept', output: JSON.stringify(receipt) }).pass;
 * ```
 */
export function judge(vector: Pick<ConformanceVector, 'profile' | 'input' | 'context' | 'expect'>, actual: CaseOutcome): Judgement {
  if (!PRODUCER_PROFILES.has(vector.profile) || vector.expect.verdict === 'reject') return agrees(vector.expect, actual) ? passed : failed('the answer is not the one expected');
  if (actual.verdict !== 'accept') return failed(`the implementation refused to produce it (${String(actual.code ?? actual.codes?.join(', '))}), and it should have`);
  if (typeof actual.output !== 'string') return failed('the artifact produced is not in output, as its JSON text');
  const parsed = parseJson(actual.output);
  if (!parsed.ok) return failed(`the artifact produced is not JSON writ reads: ${parsed.code} at ${parsed.path || '(root)'}`);
  try {
    return judgeMade(vector, parsed.value, actual.output);
  } catch (e) {
    return failed(`the artifact could not be judged: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The judge of an artifact made, by profile. */
function judgeMade(vector: Pick<ConformanceVector, 'profile' | 'input' | 'context'>, made: unknown, text: string): Judgement {
  const input = vector.input as Record<string, unknown>;
  const ctx = toContext(vector.context);
  if (!isRecord(made)) return failed('the artifact produced is not a JSON object');
  const signer = signerHex(input['key']);
  switch (vector.profile) {
    case 'produce-intent': {
      const asked = { ...(input['intent'] as Record<string, unknown>) };
      delete asked['intent_hash'];
      const { intent_hash: _h, ...body } = made;
      if (!same(body, asked)) return failed('the intent produced is not the one asked for (beside its intent_hash)');
      if (made['intent_hash'] !== documentHash(asked)) return failed('its intent_hash is not the hash of the intent without it');
      return verdictOf(verifyIntent(made, ctx));
    }
    case 'produce-receipt': {
      const asked = input['receipt'] as Record<string, unknown>;
      const intent = input['intent'] as Record<string, unknown>;
      const computed = new Set(['kernel_key', 'signature', 'algorithm', 'intent_hash', 'capability_id', 'action']);
      const wrong = askedMembers(asked, made, computed);
      if (wrong !== undefined) return wrong;
      if (made['kernel_key'] !== signer) return failed(`the receipt is signed under ${String(made['kernel_key'])}, not the key the case gives (${String(signer)})`);
      if (made['capability_id'] !== (asked['capability_id'] ?? intent['capability_id'])) return failed('the receipt names another capability than the one asked (or, none asked, its intent\'s)');
      if (asked['action'] !== undefined) {
        const action = made['action'];
        if (!isRecord(action) || !same(action['parameters'], (asked['action'] as Record<string, unknown>)['parameters'])) return failed('the receipt does not record the parameters asked');
      }
      return verdictOf(verifyReceipt(made, { ...ctx, intent }));
    }
    case 'produce-delegation': {
      const parent = input['parent'] as CapabilityToken;
      const asked = input['child'] as Record<string, unknown>;
      const ancestors = (input['ancestors'] as unknown[] | undefined) ?? [];
      const computed = new Set(['issuer', 'signature', 'algorithm', 'delegation_depth', 'parent_capability_id', 'delegation_chain', 'scope', 'expires_at', 'ttl_secs']);
      const wrong = askedMembers(asked, made, computed);
      if (wrong !== undefined) return wrong;
      if (!same(made['scope'], asked['scope'] ?? parent.scope)) return failed('the child\'s scope is not the one asked (or, none asked, its parent\'s)');
      for (const m of ['expires_at', 'ttl_secs']) if (asked[m] !== undefined && made[m] !== asked[m]) return failed(`the child's ${m} is not the one asked`);
      if (made['issuer'] !== signer) return failed(`the child is signed by ${String(made['issuer'])}, not the key the case gives`);
      if (made['parent_capability_id'] !== parent.id) return failed('the child does not name its parent');
      const chain = Array.isArray(made['delegation_chain']) ? made['delegation_chain'] : [];
      const before = Array.isArray(parent.delegation_chain) ? parent.delegation_chain : [];
      if (input['link'] === false ? chain.length !== before.length : chain.length !== before.length + 1) return failed(input['link'] === false ? 'the child carries a link it was not asked for' : 'the child does not carry its parent\'s links and one for this hop');
      if (!same(chain.slice(0, before.length), before)) return failed('the child does not carry its parent\'s delegation links as they are');
      return verdictOf(verifyCapabilityChain(made, { ...ctx, evidence: [parent, ...ancestors] }));
    }
    case 'produce-seal': {
      const files = bundleFiles(input['files']);
      const asked = (input['bundle'] as Record<string, unknown> | undefined) ?? {};
      for (const [k, v] of Object.entries(asked)) if (!same(made[k], v)) return failed(`the manifest's ${k} is not the one asked`);
      const listed = isRecord(made['artifacts']) ? Object.keys(made['artifacts']).sort() : [];
      const given = [...files.keys()].filter((p) => p !== BUNDLE_MANIFEST_PATH).sort();
      if (listed.join('\n') !== given.join('\n')) return failed('the manifest does not list exactly the files of the bundle');
      if (signer === undefined) return failed('the case gives no key');
      files.set(BUNDLE_MANIFEST_PATH, new TextEncoder().encode(text));
      const sealer = toDidKey(fromHex(signer) as Uint8Array);
      const report = verifyBundle(files, { ...ctx, sealers: [sealer] });
      return report.ok ? passed : failed(`the sealed bundle does not verify under its sealer ${sealer}: ${report.errors.map((e) => e.code).join(', ')}`);
    }
    default:
      return failed(`no judge for ${vector.profile}`);
  }
}

/** Every member asked for is in the artifact as asked, and nothing else is there but what the rules compute. */
function askedMembers(asked: Record<string, unknown>, made: Record<string, unknown>, computed: ReadonlySet<string>): Judgement | undefined {
  for (const [k, v] of Object.entries(asked)) {
    if (computed.has(k)) continue;
    if (!same(made[k], v)) return failed(`the artifact's ${k} is not the one asked`);
  }
  for (const k of Object.keys(made)) if (!(k in asked) && !computed.has(k)) return failed(`the artifact holds ${k}, which was not asked for and no rule computes`);
  return undefined;
}

const verdictOf = (v: { ok: boolean; code?: string }): Judgement => (v.ok ? passed : failed(`the reference verifier refuses it: ${String(v.code)}`));

/** The hex public key of the case's JWK. */
function signerHex(jwk: unknown): string | undefined {
  const read = importJwk(jwk);
  return read.ok ? toHex(read.key.publicKey) : undefined;
}

