/**
 * The kinds of transaction a bundle may record, and the artifacts each must hold (SPEC.md 12.8):
 * a bundle whose manifest declares its kind is missing a hop when one of these is absent, and
 * the report names it. Without the table, deleting the settlement, the lineage or the provider's
 * receipt from a bundle left a smaller bundle that still verified.
 */
import type { BundleManifest } from '../generated/types.js';
import type { Issue } from '../issues.js';

/** One requirement: at least `min` artifacts of `type`. */
export interface Requirement {
  readonly type: string;
  readonly min: number;
  /** What it is, for the message. */
  readonly what: string;
}

/** The kinds, each with the artifacts its bundle must hold. */
export const TRANSACTION_KINDS: Readonly<Record<NonNullable<BundleManifest['transaction']>, readonly Requirement[]>> = {
  // Agent Commerce Rails: the seven stations, identity to receipts.
  purchase: [
    { type: 'identity/agent-credential', min: 1, what: "the agent's credential" },
    { type: 'identity/merchant-credential', min: 1, what: "the merchant's credential" },
    { type: 'discovery/agent-card', min: 1, what: 'the agent card' },
    { type: 'capability/token', min: 1, what: "the agent's capability" },
    { type: 'capability/lineage-chain', min: 1, what: 'the lineage record' },
    { type: 'intent/governed-intent', min: 1, what: 'the governed intent' },
    { type: 'mandate/intent-mandate', min: 1, what: 'the intent mandate' },
    { type: 'mandate/cart-mandate', min: 1, what: 'the cart mandate' },
    { type: 'mandate/payment-mandate', min: 1, what: 'the payment mandate' },
    { type: 'settlement/budget-authorization', min: 1, what: 'the budget authorization' },
    { type: 'settlement/spend-reconciliation', min: 1, what: 'the spend reconciliation' },
    { type: 'settlement/settlement-reconciliation', min: 1, what: 'the settlement' },
    { type: 'receipt/tool-call', min: 2, what: "the buyer's and the provider's receipts" },
    { type: 'receipt/intent-trace', min: 1, what: 'the intent trace' },
  ],
  // Agent Commerce Network: procurement across two organisations, with a fulfillment package.
  procurement: [
    { type: 'capability/token', min: 1, what: 'the procurement capability' },
    { type: 'commercial/quote.response', min: 1, what: 'the quote the job was bought on' },
    { type: 'intent/governed-intent', min: 1, what: 'the governed intent' },
    { type: 'settlement/budget-authorization', min: 1, what: 'the budget authorization' },
    { type: 'settlement/spend-reconciliation', min: 1, what: 'the spend reconciliation' },
    { type: 'settlement/settlement-reconciliation', min: 1, what: 'the settlement' },
    { type: 'receipt/tool-call', min: 2, what: "the buyer's and the provider's receipts" },
    { type: 'task/fulfillment-package', min: 1, what: 'the fulfillment package' },
  ],
  // Incident Network: a fix delegated down a capability chain.
  'delegated-fix': [
    { type: 'capability/token', min: 2, what: 'the delegated capabilities (a root and its delegates)' },
    { type: 'capability/lineage-chain', min: 1, what: 'the lineage record' },
    { type: 'intent/governed-intent', min: 1, what: 'the governed intent' },
    { type: 'settlement/budget-authorization', min: 1, what: 'the budget authorization' },
    { type: 'receipt/tool-call', min: 1, what: "the executor's receipt" },
  ],
};

/**
 * What a bundle of a declared kind lacks.
 *
 * @param kind - the manifest's `transaction`, if any.
 * @param types - the types of the bundle's artifacts, one entry per artifact (a duplicate
 *   counts once: pass each document once).
 * @returns an `ERR_BUNDLE_REQUIRED_MISSING` issue per requirement not met.
 */
export function requiredIssues(kind: string | undefined, types: readonly (string | undefined)[]): Issue[] {
  if (kind === undefined || !Object.hasOwn(TRANSACTION_KINDS, kind)) return [];
  const out: Issue[] = [];
  for (const r of TRANSACTION_KINDS[kind as keyof typeof TRANSACTION_KINDS]) {
    const held = types.filter((t) => t === r.type).length;
    if (held < r.min) {
      out.push({ code: 'ERR_BUNDLE_REQUIRED_MISSING', path: 'bundle-manifest.json#/transaction', message: `a ${kind} bundle must hold ${r.what} (${r.min} ${r.type}); this one holds ${held}`, details: { transaction: kind, type: r.type, required: r.min, held } });
    }
  }
  return out;
}
