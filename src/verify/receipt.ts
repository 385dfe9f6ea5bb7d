/**
 * Receipts (SPEC.md 12.4). A receipt is a kernel's signed record of one call; a bilateral pair is
 * two such records of one intent, by two kernels. Each signature must verify, both receipts
 * must commit to the hash recomputed from the buyer's intent (never to the hash the intent
 * states), both must name the intent's capability, the provider's must be the call the intent
 * names, and the two must be signed under different keys (Agent Commerce Network, phase 4).
 */
import type { GovernedIntent, ToolCallReceipt } from '../generated/types.js';
import { verifyCompact } from '../crypto/envelopes.js';
import { documentHash } from '../crypto/hash.js';
import { fail, pass, warn, type Issue, type Refusal, type Verdict } from '../issues.js';
import { backendOf, readAs, within, type Read } from './common.js';
import { contextProblem, registryOf, type VerifyContext } from './context.js';
import { readIntactIntent } from './intent.js';
import { readCall, readDocument, verified } from '../model/read.js';

/** The options of {@link verifyReceipt}: the context, and what the subject is checked against. */
export interface ReceiptOptions extends VerifyContext {
  /** The governed intent the receipt commits to; without it the commitment is not checked. */
  readonly intent?: unknown | undefined;
}

/**
 * Verify one tool-call receipt: its shape and its kernel's signature, and, given the intent it
 * serves, its commitment to that intent.
 *
 * @param receipt - the receipt (any value).
 * @param options - the context (backend, registry; receipts are not time-dependent) and `intent`: the governed intent it commits to, when known.
 * @returns a passing verdict with `details.kernel_key`, or the first failure: schema codes,
 *   `ERR_SIG_*`, `ERR_INTENT_HASH_MISMATCH` (for the intent), `ERR_RECEIPT_INTENT_MISMATCH`,
 *   `ERR_RECEIPT_CAPABILITY_MISMATCH`.
 * @example
 * ```ts
 * const v = verifyReceipt(receipt, { now, intent });
 * if (v.ok) console.log(v.value); // the frozen receipt that was verified
 * ```
 */
export function verifyReceipt(receipt: unknown, options: ReceiptOptions): Verdict {
  return readCall(
    options,
    (options) => [['', receipt], ['/intent', options?.intent]],
    ([receipt_, intent_], options) => verified(verifyReceiptModel(receipt_, intent_, options), receipt_),
  );
}

/** {@link verifyReceipt} on its inputs as read once, into snapshots. */
function verifyReceiptModel(receipt: unknown, intent: unknown, ctx: VerifyContext): Verdict {
  const problem = contextProblem(ctx);
  if (problem !== undefined) return problem;
  const signed = signedReceipt(receipt, ctx);
  if (!signed.ok) return signed;
  const verdict = pass(`receipt ${signed.doc.id} is signed by kernel ${signed.doc.kernel_key}`, { kernel_key: signed.doc.kernel_key });
  if (intent === undefined) return warn(verdict, intentNotGiven('', signed.doc));
  const intact = readIntactIntent(intent, ctx);
  if (!intact.ok) return within('/intent', intact);
  return bindToIntent(signed.doc, intact.doc) ?? verdict;
}

/**
 * The warning that a receipt's commitment to its intent was not checked.
 *
 * @param at - where the receipt is, inside what was verified.
 * @param r - the receipt.
 * @returns the warning.
 */
export function intentNotGiven(at: string, r: Pick<ToolCallReceipt, 'id' | 'intent_hash'>): Issue {
  return { code: 'ERR_RECEIPT_INTENT_NOT_GIVEN', path: `${at}/intent_hash`, message: `receipt ${r.id} commits to intent ${r.intent_hash}, which was not given: its signature is checked, its commitment is not` };
}

/** A receipt is well formed and signed by its kernel_key: the receipt, typed. */
function signedReceipt(receipt: unknown, ctx: VerifyContext): Read<ToolCallReceipt> {
  const read = readDocument(registryOf(ctx), 'receipt/tool-call', receipt);
  if (!read.ok) return read;
  const r = read.doc;
  const signed = verifyCompact(r, 'kernel_key', backendOf(ctx));
  if (!signed.ok) return signed;
  // The kernel signed the hash and the arguments both; they must be one claim, not two.
  if (r.action !== undefined && documentHash(r.action.parameters) !== r.action.parameter_hash) {
    return fail('ERR_RECEIPT_PARAMETER_HASH', '/action/parameter_hash', `receipt ${r.id} records parameter_hash ${r.action.parameter_hash}, but its parameters hash to ${documentHash(r.action.parameters)}`);
  }
  return read;
}

/** The two receipts of one call, one from each side's kernel. */
export interface BilateralReceipts {
  /** The buyer kernel's receipt. */
  readonly buyer: unknown;
  /** The provider kernel's receipt. */
  readonly provider: unknown;
}

/**
 * Verify the two receipts of one intent as bilateral evidence.
 *
 * @param receipts - the buyer kernel's receipt (`buyer`) and the provider kernel's (`provider`).
 * @param options - the context and `intent`: the buyer's governed intent.
 * @returns a passing verdict with `details.intent_hash`, or the first failure, its path under
 *   `/buyer_receipt`, `/provider_receipt` or `/intent`: `ERR_RECEIPT_SAME_KERNEL` when one key
 *   signed both, and the codes of {@link verifyReceipt} and {@link verifyIntent}.
 * @example
 * ```ts
 * verifyBilateralReceipts({ buyer: buyerReceipt, provider: providerReceipt }, { now, intent }).ok; // true when both commit to the intent under two kernels
 * ```
 */
export function verifyBilateralReceipts(receipts: BilateralReceipts, options: ReceiptOptions): Verdict {
  return readCall(
    options,
    (options) => [['/buyer_receipt', receipts?.buyer], ['/provider_receipt', receipts?.provider], ['/intent', options?.intent]],
    ([buyer_, provider_, intent_], options) => verifyBilateralReceiptsModel(buyer_, provider_, intent_, options),
  );
}

/** {@link verifyBilateralReceipts} on its inputs as read once, into snapshots. */
function verifyBilateralReceiptsModel(buyer: unknown, provider: unknown, intent: unknown, ctx: VerifyContext): Verdict {
  const problem = contextProblem(ctx);
  if (problem !== undefined) return problem;
  const intact = readIntactIntent(intent, ctx);
  if (!intact.ok) return within('/intent', intact);
  const i = intact.doc;
  const buyerRead = boundReceipt(buyer, i, ctx);
  if (!buyerRead.ok) return within('/buyer_receipt', buyerRead);
  const providerRead = boundReceipt(provider, i, ctx);
  if (!providerRead.ok) return within('/provider_receipt', providerRead);
  const b = buyerRead.doc;
  const p = providerRead.doc;
  if (p.tool_server !== i.tool_server || p.tool_name !== i.tool_name) {
    return fail('ERR_INTENT_TOOL_MISMATCH', '/provider_receipt/tool_name', `the provider's receipt is for ${p.tool_server}/${p.tool_name}, but intent ${i.intent_id} names ${i.tool_server}/${i.tool_name}`);
  }
  if (b.kernel_key === p.kernel_key) {
    return fail('ERR_RECEIPT_SAME_KERNEL', '/provider_receipt/kernel_key', `both receipts are signed by kernel ${b.kernel_key}: bilateral evidence needs two kernels`);
  }
  return pass(`receipts ${b.id} and ${p.id} commit to ${i.intent_hash} under two kernels`, { intent_hash: i.intent_hash, kernels: [b.kernel_key, p.kernel_key] });
}

/**
 * Verify a receipt pair against the buyer's intent.
 *
 * @param pair - the receipt pair (any value).
 * @param options - the context and `intent`: the buyer's governed intent.
 * @returns as {@link verifyBilateralReceipts}, and `ERR_RECEIPT_INTENT_MISMATCH` at `/intent_hash`
 *   when the pair's own hash is not the recomputed one.
 * @example
 * ```ts
 * const v = verifyReceiptPair(pair, { now, intent });
 * if (!v.ok && v.code === 'ERR_RECEIPT_SAME_KERNEL') ... // one kernel signed both sides
 * ```
 */
export function verifyReceiptPair(pair: unknown, options: ReceiptOptions): Verdict {
  return readCall(
    options,
    (options) => [['', pair], ['/intent', options?.intent]],
    ([pair_, intent_], options) => verified(verifyReceiptPairModel(pair_, intent_, options), pair_),
  );
}

/** {@link verifyReceiptPair} on its inputs as read once, into snapshots. */
function verifyReceiptPairModel(pair: unknown, intent: unknown, ctx: VerifyContext): Verdict {
  // The pair's document rules (one intent, two signers) are decided below, with this
  // verifier's codes, once the signatures are known to be good: the shape alone comes first.
  const problem = contextProblem(ctx);
  if (problem !== undefined) return problem;
  const read = readAs(ctx, 'receipt/receipt-pair', pair, '', false);
  if (!read.ok) return read;
  const p = read.doc;
  const v = verifyBilateralReceipts({ buyer: p.buyer_receipt, provider: p.provider_receipt }, { ...ctx, intent });
  if (!v.ok) return v;
  // The bilateral check read the intent, intact, and both receipts commit to its hash.
  const hash = v.details?.['intent_hash'];
  if (p.intent_hash !== hash) {
    return fail('ERR_RECEIPT_INTENT_MISMATCH', '/intent_hash', `pair ${p.pair_id} names intent ${p.intent_hash}, but the buyer's intent hashes to ${String(hash)}`);
  }
  return pass(`pair ${p.pair_id}: ${v.message}`, v.details);
}

/** A receipt signed by its kernel and committed to an intact intent. */
function boundReceipt(receipt: unknown, i: GovernedIntent, ctx: VerifyContext): Read<ToolCallReceipt> {
  const signed = signedReceipt(receipt, ctx);
  return signed.ok ? (bindToIntent(signed.doc, i) ?? signed) : signed;
}

/** The receipt's commitment to an intact intent: its recomputed hash, its capability. */
function bindToIntent(r: ToolCallReceipt, i: GovernedIntent): Refusal | undefined {
  if (r.intent_hash !== i.intent_hash) {
    return fail('ERR_RECEIPT_INTENT_MISMATCH', '/intent_hash', `receipt ${r.id} commits to ${r.intent_hash}, but the intent hashes to ${i.intent_hash}`);
  }
  if (r.capability_id !== i.capability_id) {
    return fail('ERR_RECEIPT_CAPABILITY_MISMATCH', '/capability_id', `receipt ${r.id} is under ${r.capability_id}, but intent ${i.intent_id} names ${i.capability_id}`);
  }
  return undefined;
}
