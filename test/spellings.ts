/**
 * The one mapping between the spellings the source documents print and writ's wire form (SPEC.md,
 * "Spellings of the source documents"). The source documents' capability excerpts spell grant caps as chio's
 * trust-control API does (camelCase) and print Rust enum variant names where the wire carries
 * snake_case values. SPEC.md states this table; a test checks the two agree.
 */

/** Member names: printed spelling -> writ member. */
export const MEMBER_NAMES: Readonly<Record<string, string>> = {
  maxInvocations: 'max_invocations',
  maxCostPerInvocation: 'max_cost_per_invocation',
  maxTotalCost: 'max_total_cost',
  capabilityId: 'capability_id',
  newlyRevoked: 'newly_revoked',
  revokedAt: 'revoked_at',
};

/** Values: printed spelling -> writ value, for the member named. */
export const VALUES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  settlement_mode: { AllowThenSettle: 'allow_then_settle', MustPrepay: 'must_prepay', HoldCapture: 'hold_capture' },
  settlement_status: { Charged: 'charged', Settled: 'settled', Failed: 'failed', Pending: 'pending' },
};

/**
 * Rewrite a document from the source documents' spelling into writ's.
 *
 * @param value - a printed document.
 * @returns the same document in writ's spelling.
 */
export function toWritSpelling(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toWritSpelling);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      const name = MEMBER_NAMES[k] ?? k;
      const mapped = typeof v === 'string' ? (VALUES[name]?.[v] ?? v) : toWritSpelling(v);
      return [name, mapped];
    }),
  );
}
