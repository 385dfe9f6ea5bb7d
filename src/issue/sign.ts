/**
 * Sign any signed document of the line (SPEC.md 6.4): the envelope is the one its type takes,
 * the type read from its members or named. What `writ sign` runs.
 *
 * - The compact envelope (a capability token, a revocation record, a tool-call receipt): the
 *   signer member (`issuer`, `revoked_by`, `kernel_key`) is set to the key's hex, or must
 *   already be it; `signature` and `algorithm` are replaced.
 * - A Data Integrity proof (eddsa-jcs-2022: credentials, agent cards, mandates, intent traces,
 *   bundle manifests): the proof is made for `assertionMethod` by the key's did:key method, or
 *   the method named (a did:web method needs its DID document among `documents`); an old proof
 *   is replaced.
 * - A governed intent is not signed but hashed: its `intent_hash` is set.
 * - A tool-call receipt without `intent_hash` or `capability_id` takes them from the one governed
 *   intent among the evidence.
 *
 * The result is verified as a counterparty would verify it, with the evidence given, before it is
 * returned (see issue.ts).
 */
import { signCompact, signDataIntegrity, type ProofOptions } from '../crypto/envelopes.js';
import { didKeyVerificationMethod } from '../crypto/keys.js';
import { notPlainJson } from '../crypto/jcs.js';
import { fail } from '../issues.js';
import { registryOf } from '../verify/context.js';
import { gate, misuse, rfc3339, signerOf, unixNow, unsignable, type IssueOptions, type IssueResult } from './issue.js';
import { createIntent } from './receipt.js';
import { intentHash } from '../verify/intent.js';
import type { GovernedIntent } from '../generated/types.js';

/** The compact envelope's types, each with its signer member and the member that says when it was made. */
export const COMPACT_SIGNERS: ReadonlyMap<string, { readonly signer: string; readonly at: string }> = new Map([
  ['capability/token', { signer: 'issuer', at: 'issued_at' }],
  ['capability/revocation', { signer: 'revoked_by', at: 'revoked_at' }],
  ['receipt/tool-call', { signer: 'kernel_key', at: 'timestamp' }],
]);

/** The types a Data Integrity proof signs. */
export const PROVED_TYPES: ReadonlySet<string> = new Set([
  'identity/agent-credential',
  'identity/merchant-credential',
  'discovery/agent-card',
  'mandate/intent-mandate',
  'mandate/cart-mandate',
  'mandate/payment-mandate',
  'receipt/intent-trace',
  'bundle/manifest',
]);

/** The options of {@link signDocument}: the context of the check, the type, and the proof's options. */
export interface SignOptions extends IssueOptions {
  /** Its schema id; read from its members when absent. */
  readonly type?: string;
  /** A proof's verification method; the key's did:key method by default. */
  readonly verificationMethod?: string;
  /** A proof's `created`, RFC 3339; the time of the check (or now) by default. */
  readonly created?: string;
  /** A proof's `expires`, RFC 3339. */
  readonly expires?: string;
}

/**
 * A receipt without `intent_hash` (or `capability_id`), filled from the one governed intent among
 * the evidence: its recomputed hash, and its capability. With none, or several, it is left as it is.
 */
function boundToIntent(receipt: Record<string, unknown>, evidence: readonly unknown[], registry: ReturnType<typeof registryOf>): Record<string, unknown> {
  if (receipt['intent_hash'] !== undefined && receipt['capability_id'] !== undefined) return receipt;
  const intents = evidence.filter((d) => { const r = registry.detect(d); return r.ok && r.schema.id === 'intent/governed-intent'; }) as GovernedIntent[];
  if (intents.length !== 1 || notPlainJson(intents[0]) !== undefined) return receipt;
  const intent = intents[0] as GovernedIntent;
  const { id, timestamp, ...rest } = receipt;
  return {
    ...(id === undefined ? {} : { id }),
    ...(timestamp === undefined ? {} : { timestamp }),
    capability_id: receipt['capability_id'] ?? intent.capability_id,
    intent_hash: receipt['intent_hash'] ?? intentHash(intent),
    ...rest,
  };
}

/**
 * Sign a document with the envelope its type takes, and verify it before returning it.
 *
 * @param doc - the document, unsigned or with a signature or proof to replace.
 * @param key - the signer's signing key.
 * @param options - its type (when its members do not say), the proof's options, and the context and evidence of the check.
 * @returns the signed document, as the verifier accepts it with the evidence given, or its refusal.
 * @example
 * ```ts
 * const signed = signDocument(JSON.parse(text), key, { evidence: [parent] });
 * if (!signed.ok) console.error(`${signed.code} at ${signed.path}: ${signed.message}`);
 * ```
 */
export function signDocument(doc: unknown, key: unknown, options: SignOptions = {}): IssueResult<Record<string, unknown>> {
  const signer = signerOf(key);
  if (!signer.ok) return signer;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return misuse('', 'the document must be a JSON object');
  const plain = notPlainJson(doc);
  if (plain !== undefined) return fail(plain.code, plain.path, `the document is not plain JSON: ${plain.message}`);
  const { type: named, verificationMethod, created, expires, ...ctx } = options;
  const registry = registryOf(ctx);
  let type = named;
  if (type === undefined) {
    const { signature: _s, algorithm: _a, proof: _p, ...body } = doc as Record<string, unknown>;
    const detected = registry.detect(body);
    // A document left for the signer to name (a token without its issuer, a receipt without its
    // kernel_key) is recognised with the signer member this key would fill.
    const unnamed = detected.ok ? undefined : [...COMPACT_SIGNERS].find(([id, { signer: member }]) => {
      const filled = registry.detect({ ...body, [member]: signer.hex });
      return filled.ok && filled.schema.id === id;
    });
    if (!detected.ok && unnamed === undefined) return fail(detected.code, detected.path, 'cannot tell which document this is from its members: name its type (type, or --type on the command line; see `writ schemas list`)');
    type = detected.ok ? detected.schema.id : (unnamed as [string, unknown])[0];
  } else if (registry.find(type)?.kind !== 'document') {
    return misuse('/type', `${JSON.stringify(type)} is not a document schema id of the line (see \`writ schemas list\`)`);
  }
  const record = doc as Record<string, unknown>;
  if (type === 'intent/governed-intent') return createIntent(record as never, ctx) as IssueResult<Record<string, unknown>>;
  const compact = COMPACT_SIGNERS.get(type);
  if (compact !== undefined) {
    const { signature: _s, algorithm: _a, ...given } = record;
    const body = type === 'receipt/tool-call' ? boundToIntent(given, ctx.evidence ?? [], registry) : given;
    if (!('intent_hash' in body) && type === 'receipt/tool-call') return misuse('/intent_hash', 'a receipt commits to its intent: give intent_hash, or the intent among the evidence (exactly one governed intent)');
    const named = body[compact.signer];
    if (named !== undefined && named !== signer.hex) {
      return fail('ERR_USAGE_INVALID_ARGUMENT', `/${compact.signer}`, `the document names ${String(named)} as its signer (${compact.signer}), and the key is ${signer.hex}: sign with that key, or leave ${compact.signer} out`);
    }
    const signed = { ...body, [compact.signer]: signer.hex };
    const refused = unsignable(signed);
    if (refused !== undefined) return refused;
    const at = typeof signed[compact.at] === 'number' ? (signed[compact.at] as number) : undefined;
    return gate(signCompact(signed, signer.seed), type, at, [], ctx);
  }
  if (!PROVED_TYPES.has(type)) {
    return misuse('/type', `a ${type} is not signed: the signed types are ${[...COMPACT_SIGNERS.keys(), ...PROVED_TYPES].join(', ')}; a governed intent is hashed`);
  }
  const { proof: _p, ...body } = record;
  const refused = unsignable(body);
  if (refused !== undefined) return refused;
  const at = ctx.now ?? unixNow();
  const proof: ProofOptions = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created: created ?? rfc3339(at),
    ...(expires === undefined ? {} : { expires }),
    verificationMethod: verificationMethod ?? didKeyVerificationMethod(signer.publicKey),
    proofPurpose: 'assertionMethod',
  };
  return gate(signDataIntegrity(body, proof, signer.seed), type, at, [], ctx);
}
