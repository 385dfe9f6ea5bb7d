/**
 * writ's own answers to conformance cases (SPEC.md 13.2): each profile's input handed to the
 * reference verifiers, and their verdicts turned into outcomes. This is what `writ conformance`
 * runs in-process, and what `writ adapter` serves over the adapter protocol. It never throws: a
 * case it cannot process is an `errored` result.
 */
import type { AdapterHello, HopVerdict } from '../generated/types.js';
import { verifyEd25519, type Ed25519Options } from '../crypto/ed25519.js';
import { precheckVerdict, verifyCompact, verifyDataIntegrity, verifyProofSet } from '../crypto/envelopes.js';
import { documentHash } from '../crypto/hash.js';
import { canonicalJson } from '../crypto/jcs.js';
import { fromBase64Url, fromHex } from '../encoding/bytes.js';
import { parseJson } from '../encoding/json.js';
import type { Issue, Verdict } from '../issues.js';
import { fail } from '../issues.js';
import { checkIntegrity } from '../release/integrity.js';
import { withScratchFolder, type ScratchEntry } from '../io/scratch.js';
import { checkFixtures } from '../schema/fixtures.js';
import type { SchemaRegistry } from '../schema/registry.js';
import { FunctionAdapter, PROTOCOL } from './adapters.js';
import { PROFILES, type CaseResult, type ConformanceCase } from './case.js';
import { bundleFiles, fileEntries, toContext } from './inputs.js';
import { sealBundle } from '../issue/bundle.js';
import { delegateCapability } from '../issue/capability.js';
import { importJwk, isSigningKey } from '../issue/keys.js';
import { createIntent, signReceipt } from '../issue/receipt.js';
import { authorizeExposure, reconcileSpend, verifyBudgetAuthorization, verifySpendReconciliation } from '../verify/budget.js';
import { verifyBundle } from '../verify/bundle.js';
import { verifyDocument } from '../verify/document.js';
import { verifyCapabilityChain } from '../verify/capability.js';
import { backendOf } from '../verify/common.js';
import { registryOf, type VerifyContext } from '../verify/context.js';
import { verifyAgentCard, verifyCredential } from '../verify/identity.js';
import { verifyIntent } from '../verify/intent.js';
import { verifyMandateChain } from '../verify/mandate.js';
import { verifyBilateralReceipts, verifyReceipt, verifyReceiptPair } from '../verify/receipt.js';
import { ReadCache } from '../verify/read-cache.js';
import { replayTransaction } from '../verify/replay.js';
import { verifySettlement } from '../verify/settlement.js';

/** The package's schemas: the registry every verifier uses by default, so they compile once. */
const schemas = (): SchemaRegistry => registryOf({});

/**
 * Compile every schema of the package's registry now, before the first case, so that no case
 * pays for a compilation (an adapter does this before it answers `start`).
 */
export function compileReferenceSchemas(): void {
  const registry = schemas();
  // Both modes: the verifiers stop at the first issue, the fixture checks (the release profile) collect them all.
  for (const entry of registry.documents()) for (const allErrors of [false, true]) registry.validate(entry.id, null, { allErrors });
}

/** How the reference answers: which Ed25519 implementation, and a read cache shared by the cases of one run. */
export interface ReferenceOptions extends Ed25519Options {
  /** Bundle files read by earlier cases (the bundle and replay vectors share most of theirs); none by default. */
  readonly cache?: ReadCache;
}

/**
 * The reference implementation's answer to one case.
 *
 * @param c - the case.
 * @param options - which Ed25519 implementation verifies its signatures (both give the same
 *   answer; the mutation test runs the portable one too, so that its code is measured), and the
 *   read cache of the run, if any (only the work differs).
 * @returns its outcome, or `{ errored, context }` when the input is not what the profile takes.
 * @example
 * ```ts
 * referenceAnswer({ id: 'jcs/x', profile: 'jcs', input: { text: '[1.0]' }, context: { now: 0 } }); // { verdict: 'accept', output: '[1]' }
 * ```
 */
export function referenceAnswer(c: ConformanceCase, options: ReferenceOptions = {}): CaseResult {
  try {
    const input = c.input;
    const ctx: VerifyContext = { ...toContext(c.context), ...backendOf(options), ...(options.cache === undefined ? {} : { cache: options.cache }) };
    switch (c.profile) {
      case 'schema':
        return schemaCase(input);
      case 'jcs':
      case 'hash': {
        const parsed = parseJson(typeof input['bytes'] === 'string' ? (fromBase64Url(input['bytes']) ?? new Uint8Array([0xff])) : new TextEncoder().encode(String(input['text'])));
        if (!parsed.ok) return reject(parsed.code);
        const canonical = canonicalJson(parsed.value);
        if (!canonical.ok) return reject(canonical.code);
        return { verdict: 'accept', output: c.profile === 'jcs' ? canonical.text : documentHash(parsed.value) };
      }
      case 'signature':
        return signatureCase(input, options);
      case 'proof':
        return proofCase(input, ctx);
      case 'compact': {
        const doc = documentOf(input);
        return 'code' in doc ? reject(doc.code) : outcome(verifyCompact(doc.value, String(input['signer']), options));
      }
      case 'capability':
      case 'chain':
        return outcome(verifyCapabilityChain(input['capability'], { ...ctx, evidence: input['capabilities'] as unknown[] }));
      case 'intent':
        return outcome(verifyIntent(input['intent'], { ...ctx, call: input['call'] as never }));
      case 'receipt':
        return outcome(
          'pair' in input
            ? verifyReceiptPair(input['pair'], { ...ctx, intent: input['intent'] })
            : 'buyer_receipt' in input
              ? verifyBilateralReceipts({ buyer: input['buyer_receipt'], provider: input['provider_receipt'] }, { ...ctx, intent: input['intent'] })
              : verifyReceipt(input['receipt'], { ...ctx, intent: input['intent'] }),
        );
      case 'budget':
        return budgetCase(input, ctx);
      case 'mandate':
        return outcome(verifyMandateChain({ intent_mandate: input['intent_mandate'], cart_mandate: input['cart_mandate'], payment_mandate: input['payment_mandate'] }, { ...ctx, spent: input['spent'] as never }));
      case 'settlement':
        return outcome(verifySettlement(input['settlement'], { ...ctx, ...pick(input, 'quote'), ...pick(input, 'intent'), ...pick(input, 'dispute') }));
      case 'document': {
        const doc = documentOf(input);
        if ('code' in doc) return reject(doc.code);
        return outcome(verifyDocument(doc.value, { ...ctx, evidence: input['evidence'] as unknown[] | undefined, ...(typeof input['type'] === 'string' ? { type: input['type'] } : {}) }));
      }
      case 'bundle': {
        const r = verifyBundle(bundleFiles(input['files']), { ...ctx, readIssues: linkIssues(input['files']) });
        return r.ok ? { verdict: 'accept' } : { verdict: 'reject', codes: nonEmpty(distinct(r.errors.map((e) => e.code))) };
      }
      case 'replay': {
        const r = replayTransaction(bundleFiles(input['files']), { ...ctx, readIssues: linkIssues(input['files']) });
        const hops: HopVerdict[] = (r.hops ?? []).map((h) => (h.ok ? { hop: h.hop, verdict: 'accept' } : { hop: h.hop, verdict: 'reject', code: h.code as string }));
        if (hops.length === 0) return { verdict: 'reject', codes: nonEmpty(distinct(r.errors.map((e) => e.code))) };
        return r.ok ? { verdict: 'accept', hops: nonEmpty(hops) } : { verdict: 'reject', hops: nonEmpty(hops) };
      }
      case 'release':
        return releaseCase(input);
      case 'produce-intent':
      case 'produce-receipt':
      case 'produce-delegation':
      case 'produce-seal':
        return produceCase(c.profile, input, ctx);
      default:
        return { errored: true, context: { message: `no profile ${String(c.profile)}` } };
    }
  } catch (e) {
    return { errored: true, context: { message: e instanceof Error ? e.message : String(e) } };
  }
}

/**
 * A producer case, answered through the builders (src/issue/): the artifact's JSON text, or the
 * builder's refusal, which is the verifier's.
 */
function produceCase(profile: 'produce-intent' | 'produce-receipt' | 'produce-delegation' | 'produce-seal', input: Record<string, unknown>, ctx: VerifyContext): CaseResult {
  const made = (r: { ok: true; value: unknown } | { ok: false; code: string }): CaseResult => (r.ok ? { verdict: 'accept', output: JSON.stringify(r.value) } : reject(r.code));
  if (profile === 'produce-intent') return made(createIntent(input['intent'] as never, ctx));
  const key = importJwk(input['key']);
  if (!key.ok || !isSigningKey(key.key)) return { errored: true, context: { message: 'the case gives no signing key (a JWK with d)' } };
  switch (profile) {
    case 'produce-receipt':
      return made(signReceipt(input['receipt'] as never, input['intent'] as never, key.key, ctx));
    case 'produce-delegation':
      return made(delegateCapability(input['parent'] as never, { ...(input['child'] as object), ...(input['link'] === false ? { link: false } : {}) } as never, key.key, { ...ctx, ancestors: (input['ancestors'] as never) ?? [] }));
    case 'produce-seal': {
      const sealed = sealBundle(bundleFiles(input['files']), (input['bundle'] as never) ?? {}, key.key, ctx);
      return sealed.ok ? { verdict: 'accept', output: new TextDecoder().decode(sealed.bytes) } : reject(sealed.code);
    }
  }
}

function reject(code: string): CaseResult {
  return { verdict: 'reject', code };
}

function outcome(v: Verdict): CaseResult {
  return v.ok ? { verdict: 'accept' } : reject(v.code);
}

/** A list the caller knows is not empty, as the generated types write it. */
function nonEmpty<T>(items: T[]): [T, ...T[]] {
  return items as [T, ...T[]];
}

function distinct(codes: readonly string[]): string[] {
  return [...new Set(codes)].sort();
}

function pick(input: Record<string, unknown>, key: string): Record<string, unknown> {
  return input[key] === undefined ? {} : { [key]: input[key] };
}

function schemaCase(input: Record<string, unknown>): CaseResult {
  const doc = input['document'];
  const id = input['schema'];
  if (id === undefined) {
    const detected = schemas().detect(doc);
    return detected.ok ? { verdict: 'accept', output: detected.schema.id } : reject(detected.code);
  }
  const result = schemas().validate(String(id), doc, { allErrors: false });
  return result.ok ? { verdict: 'accept' } : reject((result.issues[0] as Issue).code);
}

function signatureCase(input: Record<string, unknown>, options: Ed25519Options): CaseResult {
  const key = typeof input['public_key'] === 'string' ? fromHex(input['public_key']) : undefined;
  const sig = typeof input['signature'] === 'string' ? fromHex(input['signature']) : undefined;
  const message = typeof input['message'] === 'string' ? fromHex(input['message']) : undefined;
  if (key === undefined || sig === undefined || message === undefined) return reject('ERR_SIG_MALFORMED');
  const refused = precheckVerdict(sig, key, '/signature', '/public_key');
  if (refused !== undefined) return outcome(refused);
  return verifyEd25519(sig, message, key, options) ? { verdict: 'accept' } : reject('ERR_SIG_INVALID');
}

/** The document of a compact or proof case: `document`, or `document_text` read as section 3 says. */
function documentOf(input: Record<string, unknown>): { value: unknown } | { code: string } {
  if (typeof input['document_text'] !== 'string') return { value: input['document'] };
  const parsed = parseJson(new TextEncoder().encode(input['document_text']));
  return parsed.ok ? { value: parsed.value } : { code: parsed.code };
}

function proofCase(input: Record<string, unknown>, ctx: VerifyContext): CaseResult {
  const doc = documentOf(input);
  if ('code' in doc) return reject(doc.code);
  input = { ...input, document: doc.value };
  switch (input['operation'] ?? 'proof') {
    case 'credential':
      return outcome(verifyCredential(input['document'], ctx));
    case 'agent_card':
      return outcome(verifyAgentCard(input['document'], { ...ctx, credentials: (input['credentials'] as unknown[] | undefined) ?? [] }));
    case 'set':
      return outcome(verifyProofSet(input['document'], { documents: ctx.documents ?? new Map(), now: ctx.now, ...backendOf(ctx) }));
    default:
      return outcome(verifyDataIntegrity(input['document'], { documents: ctx.documents ?? new Map(), now: ctx.now, ...backendOf(ctx) }));
  }
}

function budgetCase(input: Record<string, unknown>, ctx: VerifyContext): CaseResult {
  switch (input['operation']) {
    case 'authorize':
      return outcome(authorizeExposure(input['capability'], { ...ctx, grantIndex: input['grant_index'] as number, exposure: input['exposure'], ledger: input['ledger'] as never, approved: input['approved'] === true }));
    case 'record':
      return outcome(verifyBudgetAuthorization(input['record'], { ...ctx, capability: input['capability'], ledger: input['ledger'] as never }));
    case 'reconcile':
      return outcome(reconcileSpend(input['charged'] as never, input['actual'] as never));
    case 'reconciliation':
      return outcome(verifySpendReconciliation(input['record'], { ...ctx, authorization: input['authorization'], receipt: input['receipt'] }));
    default:
      return outcome(fail('ERR_USAGE_INVALID_ARGUMENT', '/operation', 'a budget case names its operation: authorize, record, reconcile or reconciliation'));
  }
}

/** A bundle entry given as a symbolic link is what a folder reader reports, and never follows. */
function linkIssues(files: unknown): Issue[] {
  return fileEntries(files)
    .filter(([, entry]) => entry.symlink !== undefined)
    .map(([path]) => ({ code: 'ERR_BUNDLE_SYMLINK', path, message: `${path} is a symbolic link; a bundle holds regular files only` }));
}

/** A release copy (or a fixtures folder) written out, to check as a user's copy is checked. */
function releaseCase(input: Record<string, unknown>): CaseResult {
  const entries = new Map<string, ScratchEntry>();
  for (const [path, entry] of fileEntries(input['files'])) {
    entries.set(path, entry.symlink !== undefined ? { symlink: entry.symlink } : { bytes: fromBase64Url(entry.base64 ?? '') ?? new Uint8Array() });
  }
  const issues = withScratchFolder(entries, (dir): readonly Issue[] =>
    input['operation'] === 'fixtures' ? checkFixtures(dir, schemas()).results.flatMap((r) => (r.ok ? [] : r.issues)) : checkIntegrity(dir).issues,
  );
  if ('outside' in issues) return { errored: true, context: { message: `a release case may not write outside its folder: ${issues.outside}` } };
  return issues.length === 0 ? { verdict: 'accept' } : { verdict: 'reject', codes: nonEmpty(distinct(issues.map((i) => i.code))) };
}

/**
 * writ's own implementation, answering in-process.
 *
 * @example
 * ```ts
 * const report = await runConformance(new ReferenceAdapter('1.0.0'), vectors, { runner });
 * ```
 */
export class ReferenceAdapter extends FunctionAdapter {
  /** @param version - the version it gives in its hello. */
  constructor(version: string) {
    const cache = new ReadCache();
    super(referenceHello(version, PROTOCOL), (c) => referenceAnswer(c, { cache }));
  }
}

/**
 * What writ's implementation says of itself.
 *
 * @param version - its version.
 * @param protocol - the protocol it answers in.
 * @param window - with writ-adapter/2, how many cases it takes in flight.
 * @returns its hello.
 * @example
 * ```ts
 * referenceHello('1.0.0', 'writ-adapter/2', 64); // { protocol: 'writ-adapter/2', implementation: { name: 'writ', ... }, profiles, window: 64 }
 * ```
 */
export function referenceHello(version: string, protocol: AdapterHello['protocol'], window?: number): AdapterHello {
  return {
    protocol,
    implementation: { name: 'writ', version, language: 'TypeScript', homepage: 'https://writ.dev/' },
    profiles: [...PROFILES],
    ...(protocol === 'writ-adapter/2' && window !== undefined ? { window } : {}),
  };
}
