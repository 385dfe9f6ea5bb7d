/**
 * Governed intents and the receipts bound to them, issued (SPEC.md 7.5, 7.8, 12.3, 12.4): an
 * intent with its hash, a kernel's signed tool-call receipt committed to an intent, and the
 * bilateral pair of the buyer's and the provider's receipts. Each is checked by the verifier
 * before it is returned (see issue.ts).
 */
import type { GovernedIntent, ReceiptPair, ToolCallReceipt } from '../generated/types.js';
import { signCompact } from '../crypto/envelopes.js';
import { documentHash } from '../crypto/hash.js';
import { intactIntent, intentHash } from '../verify/intent.js';
import type { Refusal } from '../issues.js';
import { gate, misuse, notObject, signerOf, unixNow, unsignable, type IssueOptions, type IssueResult } from './issue.js';

/**
 * The refusal of an intent that is not intact (its hash stale, its members refused), at
 * `/intent`: a receipt committed to it would commit to nothing its parties agreed.
 */
function brokenIntent(intent: unknown, options: IssueOptions): Refusal | undefined {
  const { evidence: _e, now, ...ctx } = options;
  const intact = intactIntent(intent, { ...ctx, now: now ?? unixNow() });
  return intact.ok ? undefined : { ...intact, path: `/intent${intact.path}` };
}

/** A governed intent as its parties agree it, without the hash the builder computes. */
export type IntentInput = Omit<GovernedIntent, 'intent_hash'>;

/**
 * Make a governed intent: its `intent_hash` is the hash (SPEC.md 6.3) of the rest of it.
 *
 * @param input - the intent without `intent_hash` (a stale one is replaced).
 * @param options - the context of the check; checked at its `created_at` by default (else the current time).
 * @returns the intent, as the verifier accepts it, or its refusal (a member the schema refuses, a value with no canonical form, `ERR_INTENT_EXPIRED` for one that has expired at the time of the check).
 * @example
 * ```ts
 * const intent = createIntent({ intent_id, capability_id: root.value.id, buyer_org, provider_org, tool_server, tool_name, settlement_mode: 'allow_then_settle', billing_context });
 * ```
 */
export function createIntent(input: IntentInput, options: IssueOptions = {}): IssueResult<GovernedIntent> {
  if (notObject(input)) return misuse('', 'the intent must be an object');
  const { intent_hash: _stale, ...body } = input as IntentInput & { intent_hash?: unknown };
  const refused = unsignable(body);
  if (refused !== undefined) return refused;
  // Checked as at its making: its created_at when it states one (an intent made in April is not
  // refused in December for having expired since).
  const made = typeof body['created_at'] === 'number' ? body['created_at'] : undefined;
  return gate({ ...body, intent_hash: documentHash(body) } as GovernedIntent, 'intent/governed-intent', made, [], options);
}

/** A tool-call receipt as its kernel records the call, without what the builder fills. */
export interface ReceiptInput extends Omit<ToolCallReceipt, 'kernel_key' | 'signature' | 'algorithm' | 'intent_hash' | 'timestamp' | 'action' | 'capability_id'> {
  /** When the call was decided, Unix seconds; `options.now` or the current time by default. */
  readonly timestamp?: number;
  /** The capability the call was made under; the intent's by default. */
  readonly capability_id?: string;
  /** The call's arguments; their `parameter_hash` is computed when not given. */
  readonly action?: { readonly parameters: unknown; readonly parameter_hash?: string };
}

/**
 * Sign a tool-call receipt as the kernel that decided the call, committed to its intent.
 *
 * @param input - the call: id, tool, decision, and what it cost.
 * @param intent - the governed intent the call serves; the receipt commits to its recomputed hash.
 * @param kernel - the kernel's signing key (`kernel_key` is its public key).
 * @param options - the context of the check; checked at `timestamp` by default.
 * @returns the receipt, as the verifier accepts it with its intent, or its refusal
 *   (`ERR_INTENT_HASH_MISMATCH` for an intent whose hash is stale, `ERR_RECEIPT_CAPABILITY_MISMATCH`
 *   for a call under another capability).
 * @example
 * ```ts
 * const receipt = signReceipt({ id: 'rcpt-1', tool_server, tool_name, decision: { verdict: 'allow' } }, intent.value, buyerKernel);
 * ```
 */
export function signReceipt(input: ReceiptInput, intent: GovernedIntent, kernel: unknown, options: IssueOptions = {}): IssueResult<ToolCallReceipt> {
  const signer = signerOf(kernel, '/kernel_key');
  if (!signer.ok) return signer;
  if (notObject(input)) return misuse('', 'the receipt must be an object with its id, tool and decision');
  if (notObject(intent)) return misuse('/intent', 'the intent must be a governed intent');
  const broken = brokenIntent(intent, options);
  if (broken !== undefined) return broken;
  const { timestamp, capability_id, action, ...rest } = input;
  const at = timestamp ?? options.now ?? unixNow();
  if (action !== undefined && notObject(action)) return misuse('/action', 'the action must be an object with its parameters');
  const hash = intentHash(intent);
  const { id, ...after } = rest;
  const body = {
    id,
    timestamp: at,
    capability_id: capability_id ?? intent.capability_id,
    intent_hash: hash,
    ...after,
    ...(action === undefined ? {} : { action: { parameters: action.parameters, parameter_hash: action.parameter_hash ?? documentHash(action.parameters) } }),
    kernel_key: signer.hex,
  };
  const refused = unsignable(body);
  if (refused !== undefined) return refused;
  return gate(signCompact(body, signer.seed) as ToolCallReceipt, 'receipt/tool-call', at, [intent], options);
}

/**
 * Pair the buyer kernel's and the provider kernel's receipts of one intent.
 *
 * @param buyer - the buyer kernel's receipt.
 * @param provider - the provider kernel's receipt.
 * @param intent - the intent both commit to.
 * @param options - the context of the check, and the pair's id.
 * @returns the pair, as the verifier accepts it, or its refusal (`ERR_RECEIPT_SAME_KERNEL` for
 *   receipts signed under one key, `ERR_INTENT_TOOL_MISMATCH` for a provider receipt of another tool).
 * @example
 * ```ts
 * const pair = pairReceipts(buyerReceipt.value, providerReceipt.value, intent.value, { pairId: 'pair-1' });
 * ```
 */
export function pairReceipts(buyer: ToolCallReceipt, provider: ToolCallReceipt, intent: GovernedIntent, options: IssueOptions & { readonly pairId?: string } = {}): IssueResult<ReceiptPair> {
  if (notObject(intent)) return misuse('/intent', 'the intent must be a governed intent');
  const broken = brokenIntent(intent, options);
  if (broken !== undefined) return broken;
  const { pairId, ...ctx } = options;
  const pair = {
    ...(pairId === undefined ? {} : { pair_id: pairId }),
    intent_hash: intentHash(intent),
    buyer_receipt: buyer,
    provider_receipt: provider,
  };
  const at = typeof provider?.timestamp === 'number' ? provider.timestamp : undefined;
  return gate(pair as ReceiptPair, 'receipt/receipt-pair', at, [intent], ctx);
}
