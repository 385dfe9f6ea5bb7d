/**
 * intent: Agent Commerce Network's governed intents (phase 2) and the executor's call in
 * Incident Network, each hashed through {@link createIntent}.
 */
import type { GovernedIntent } from '../../../src/generated/types.js';
import { documentHash } from '../../../src/crypto/hash.js';
import { createIntent, type IntentInput } from '../../../src/issue/receipt.js';
import { at, invalid, made, missing, mut, valid } from './shared.js';
import { EXEC_ID, PROCUREMENT_ID, T0 } from './world.js';

export interface Intents {
  /** The metered security review (commerce-network). */
  readonly intent: GovernedIntent;
  /** The fixed-price, prepaid audit. */
  readonly prepaid: GovernedIntent;
  /** Incident Network's disable-edge-rule call. */
  readonly disableIntent: GovernedIntent;
}

/** An intent made and hashed by the builder, checked at `now` (its created_at, when it has one). */
export const intentOf = (input: IntentInput, what: string): GovernedIntent => made(createIntent(input, { now: input.created_at ?? T0 }), what);

export function intentFamily(): Intents {
  const governed = (name: string, input: IntentInput): GovernedIntent => valid('intent/governed-intent', name, intentOf(input, `governed-intent.${name}`));
  const intent = governed('commerce-network', {
    intent_id: 'intent_lattice_vanguard_001',
    capability_id: PROCUREMENT_ID,
    buyer_org: 'lattice-platform-security',
    provider_org: 'vanguard-security',
    tool_server: 'provider-security-review',
    tool_name: 'execute_review',
    settlement_mode: 'allow_then_settle',
    billing_context: { scheme: 'metered', quote_id: 'quote_vanguard_001', max_price_minor: 125000, currency: 'USD' },
  });
  const prepaid = governed('fixed-price-prepaid', {
    intent_id: 'intent_lattice_vanguard_002',
    capability_id: PROCUREMENT_ID,
    buyer_org: 'lattice-platform-security',
    provider_org: 'vanguard-security',
    tool_server: 'provider-security-review',
    tool_name: 'execute_review',
    purpose: 'dependency audit of payments-api',
    settlement_mode: 'must_prepay',
    billing_context: { scheme: 'fixed', max_price_minor: 40000, currency: 'USD' },
    created_at: T0 + 3600,
    expires_at: T0 + 7200,
    parameters_hash: documentHash({ target: 'git://lattice.example/payments-api', scope: 'dependency-audit' }),
  });
  invalid('intent/governed-intent', 'rust-variant-settlement-mode', { ...intent, settlement_mode: 'AllowThenSettle' }, at('/settlement_mode', 'enum', 'ERR_SCHEMA_ENUM'));
  invalid('intent/governed-intent', 'metered-without-quote', mut(intent, (d) => delete d.billing_context.quote_id), missing('/billing_context', 'quote_id'));
  invalid('intent/governed-intent', 'hash-without-prefix', { ...intent, intent_hash: intent.intent_hash.slice('sha256:'.length) }, at('/intent_hash', 'pattern', 'ERR_SCHEMA_PATTERN'));
  invalid('intent/governed-intent', 'price-as-decimal-string', mut(intent, (d) => (d.billing_context.max_price_minor = '1250.00')), at('/billing_context/max_price_minor', 'type', 'ERR_SCHEMA_TYPE'));

  // Incident Network: the executor's call, as a governed intent (the seed's executor call has none; a
  // writ receipt commits to one).
  const disableIntent = governed('disable-edge-rule.incident-network', {
    intent_id: 'intent_INC-2026-0428_disable-geo-restrict',
    capability_id: EXEC_ID,
    buyer_org: 'meridian-labs',
    provider_org: 'stratos-networks',
    tool_server: 'provider-ops',
    tool_name: 'disable_edge_rule',
    purpose: 'disable geo-restrict-v42 on inference-gateway (INC-2026-0428)',
    settlement_mode: 'allow_then_settle',
    billing_context: { scheme: 'fixed', max_price_minor: 250, currency: 'USD' },
    created_at: T0 + 30,
    expires_at: T0 + 300,
  });
  return { intent, prepaid, disableIntent };
}
