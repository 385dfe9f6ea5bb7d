/**
 * receipt/intent-trace: Agent Commerce Rails' station 5, recorded through {@link recordTrace},
 * every hash taken from the document it names (the intent and payment mandates, the agent's
 * credential, the action).
 */
import type { IntentTrace, X402SettleResponse } from '../../../src/generated/types.js';
import { recordTrace } from '../../../src/issue/trace.js';
import type { Identity } from './identity.js';
import type { Mandates } from './mandate.js';
import { at, invalid, made, missing, mut, valid, without } from './shared.js';
import { KEYS } from './world.js';

export interface Traces {
  readonly trace: IntentTrace;
}

/** The facilitator's answer to the market report's payment, as x402 writes it. */
export const settleResponse: X402SettleResponse = {
  success: true,
  payer: '0x51be77c0ffee0000000000000000000000000001',
  transaction: '0x9f1c3ab2e4d5c6b7a8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7',
  network: 'eip155:8453',
  amount: '5000000',
};

export function traceFamily({ agentCredential }: Pick<Identity, 'agentCredential'>, { intentMandate, paymentMandate }: Mandates): Traces {
  const anchored = { intent_mandate: intentMandate, payment_mandate: paymentMandate, credential: agentCredential, action: { tool: 'market-report', arguments: { category: 'agent payment rails' } } };
  const trace = valid(
    'receipt/intent-trace',
    'settled.commerce-rails',
    made(recordTrace({ trace_id: 'trace-2026-11-01-0001', outcome: 'settled', verified: true, references: { settlement_proof: settleResponse }, recorded_at: '2026-11-01T10:08:00Z', ...anchored }, KEYS.recorder), 'intent-trace.settled.commerce-rails'),
  );
  valid(
    'receipt/intent-trace',
    'payment-failed',
    made(
      recordTrace(
        {
          trace_id: 'trace-2026-11-01-0002',
          outcome: 'failed',
          verified: true,
          references: { settlement_proof: { success: false, errorReason: 'insufficient_funds', transaction: '', network: 'eip155:8453' } },
          recorded_at: '2026-11-01T10:21:00Z',
          ...anchored,
        },
        KEYS.recorder,
      ),
      'intent-trace.payment-failed',
    ),
  );
  invalid('receipt/intent-trace', 'settled-without-settlement-proof', mut(trace, (d) => delete d.references.settlement_proof), missing('/references', 'settlement_proof'));
  invalid('receipt/intent-trace', 'version-1.1', { ...trace, trace_version: '1.1' }, at('/trace_version', 'const', 'ERR_SCHEMA_CONST'));
  invalid('receipt/intent-trace', 'unsigned', without(trace, 'proof'), missing('', 'proof'));
  invalid(
    'receipt/intent-trace',
    'settled-proof-without-transaction',
    mut(trace, (d) => (d.references.settlement_proof.transaction = '')),
    at('/references/settlement_proof/transaction', 'minLength', 'ERR_SCHEMA_LENGTH'),
  );
  invalid('receipt/intent-trace', 'x402-amount-as-number', mut(trace, (d) => (d.references.settlement_proof.amount = 5000000)), at('/references/settlement_proof/amount', 'type', 'ERR_SCHEMA_TYPE'));
  return { trace };
}
