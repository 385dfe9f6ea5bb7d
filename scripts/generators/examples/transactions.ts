/**
 * transactions: whole transactions as the bundles `writ verify` replays hop by hop (SPEC.md
 * 12.8, 12.9), one folder each, sealed through {@link sealBundle} (which verifies the bundle as a
 * counterparty would before it returns the manifest). Files are written as every example is
 * (two-space JSON and a newline); the manifest records the SHA-256 of those bytes.
 *
 * - seven-station: Agent Commerce Rails' stations, with the chio-side artifacts between them
 *   (capabilities, intent, receipts, budget), sealed by the trace recorder.
 * - incident-network and commerce-network: the two other worlds beside it, each declaring its
 *   kind; the seeds' smoke assertions run over them as bundle vectors.
 */
import type { LineageChain, SettlementReconciliation, ToolGrant } from '../../../src/generated/types.js';
import { delegateCapability, issueCapability } from '../../../src/issue/capability.js';
import { documentHash } from '../../../src/crypto/hash.js';
import { sealBundle, type SealInput, type SealOptions } from '../../../src/issue/bundle.js';
import type { SigningKey } from '../../../src/issue/keys.js';
import { recordTrace } from '../../../src/issue/trace.js';
import type { Artifacts, Bundles } from './bundle.js';
import type { Identity } from './identity.js';
import { intentOf, type Intents } from './intent.js';
import type { Discovery } from './discovery.js';
import type { Mandates } from './mandate.js';
import { receiptOf, type Receipts } from './receipt.js';
import { budgetOf, reconciliationOf, type Settlement } from './settlement.js';
import { LINE, made, moved, out, text } from './shared.js';
import { settleResponse, type Traces } from './trace.js';
import { entry, iso, KEYS, PARTIES, T0, T7, unix, usd } from './world.js';

/**
 * Write a transaction folder: its files, and the manifest that seals them.
 *
 * @param name - the folder, under examples/<line>/transactions/.
 * @param docs - path -> document, in the order the manifest lists them.
 * @param head - the manifest's id, time and transaction kind.
 * @param sealer - who seals it, at the manifest's created_at.
 * @param options - the context the sealed bundle is verified in (the DID documents it vouches for).
 */
function transactionFolder(name: string, docs: Artifacts, head: SealInput & { readonly created_at: string }, sealer: SigningKey, options: SealOptions = {}): void {
  const dir = `examples/${LINE}/transactions/${name}`;
  const files = new Map<string, Uint8Array>();
  for (const [path, doc] of Object.entries(docs)) {
    const body = text(doc);
    out.set(`${dir}/${path}`, body);
    files.set(path, new TextEncoder().encode(body));
  }
  const sealed = sealBundle(files, head, sealer, { ...options, now: unix(head.created_at) });
  if (!sealed.ok) throw new Error(`transactions/${name}: the bundle does not seal: ${sealed.code} at ${sealed.path}: ${sealed.message}`);
  out.set(`${dir}/bundle-manifest.json`, new TextDecoder().decode(sealed.bytes));
}

const sidecarGrant = (operations: ToolGrant['operations'], invocations: number, total: number, perCall: number): ToolGrant => ({
  server_id: 'agent-sidecar',
  tool_name: 'buy_tool_call',
  operations,
  max_invocations: invocations,
  max_total_cost: usd(total),
  max_cost_per_invocation: usd(perCall),
});

export function transactionsFamily(
  { merchantDidDoc, merchantCredential, agentCredential }: Identity,
  { card }: Discovery,
  { disableIntent }: Intents,
  { executorReceipt }: Receipts,
  { intentMandate, cartMandate, paymentMandate }: Mandates,
  { authorization, executorAllowed, unchangedRecon }: Settlement,
  { trace }: Traces,
  { commerceArtifacts, incidentDelegation }: Bundles,
): void {
  const { trust002, agent } = PARTIES;

  // Agent Commerce Rails: Dreamineering's agents' root capability, and the shopping agent's, delegated from it.
  const agentsRoot = made(
    issueCapability({ id: 'cap-dreamineering-agents-root', subject: trust002.hex, scope: { grants: [sidecarGrant(['invoke', 'delegate'], 100, 10000, 2000)] }, issued_at: T7, ttl_secs: 86400 }, KEYS.trust002),
    'seven-station: capability/agents-root.json',
  );
  const agentCap = made(
    delegateCapability(agentsRoot, { id: 'cap-dreamineering-shopping-agent-0001', subject: agent.hex, scope: { grants: [sidecarGrant(['invoke'], 4, 2000, 500)] }, issued_at: T7, ttl_secs: 3600, link: false }, KEYS.trust002),
    'seven-station: capability/shopping-agent.json',
  );
  const buyIntent = intentOf(
    {
      intent_id: 'intent_dreamineering_market_report_0001',
      capability_id: agentCap.id,
      buyer_org: 'dreamineering-agents',
      provider_org: 'dreamineering-tools',
      tool_server: 'dreamineering-tools',
      tool_name: 'market-report',
      purpose: 'a market report on agent payment rails; Dreamineering pays its own tool first',
      settlement_mode: 'must_prepay',
      billing_context: { scheme: 'fixed', max_price_minor: 500, currency: 'USD' },
      created_at: T7 + 360,
      expires_at: T7 + 1800,
    },
    'seven-station: intent/governed-intent.json',
  );
  const paymentReference = `x402:eip155:8453:${settleResponse.transaction}`;
  const buyerSide = receiptOf(
    {
      id: 'rcpt-dreamineering-agent-0001',
      timestamp: T7 + 420,
      tool_server: 'agent-sidecar',
      tool_name: 'buy_tool_call',
      decision: { verdict: 'allow' },
      cost: usd(500),
      settlement_status: 'settled',
      payment_reference: paymentReference,
    },
    buyIntent,
    KEYS.agentKernel,
    'seven-station: receipts/buyer-receipt.json',
  );
  const providerSide = receiptOf(
    {
      id: 'rcpt-dreamineering-tools-0001',
      timestamp: T7 + 421,
      tool_server: 'dreamineering-tools',
      tool_name: 'market-report',
      action: { parameters: { category: 'agent payment rails' } },
      decision: { verdict: 'allow' },
      cost: usd(500),
      settlement_status: 'settled',
      payment_reference: paymentReference,
    },
    buyIntent,
    KEYS.toolsKernel,
    'seven-station: receipts/provider-receipt.json',
  );
  const budget = budgetOf(agentCap, { grant_index: 0, intent_hash: buyIntent.intent_hash, exposure: usd(500), hold_id: 'hold-dreamineering-0001', decided_at: T7 + 390 }, 'seven-station: settlement/budget-authorization.json');
  const settlement: SettlementReconciliation = {
    settlement_id: 'settlement_dreamineering_0001',
    job_id: 'job_market_report_0001',
    quoted_amount_minor: 500,
    approved_amount_minor: 500,
    settled_amount_minor: 500,
    currency: 'USD',
    status: 'reconciled',
    buyer_position: 'accepted',
    provider_position: 'accepted',
    payment_reference: paymentReference,
  };
  const lineage: LineageChain = { root_capability_id: agentsRoot.id, chain: [entry(agentsRoot.id, 0, null), entry(agentCap.id, 1, agentsRoot.id)] };
  // Station 5's trace, anchored to this transaction's receipts and the action they record. The
  // file predates the builder: its receipt_hashes come last among the references (the same trace).
  const anchored = made(
    recordTrace(
      {
        trace_id: trace.trace_id,
        outcome: trace.outcome,
        verified: trace.verified,
        references: { settlement_proof: settleResponse },
        recorded_at: trace.recorded_at,
        intent_mandate: intentMandate,
        payment_mandate: paymentMandate,
        credential: agentCredential,
        receipts: [buyerSide, providerSide],
      },
      KEYS.recorder,
    ),
    'seven-station: receipts/intent-trace.json',
  );
  const sevenStationTrace = { ...anchored, references: moved(anchored.references, 'receipt_hashes', 'identity_credential') };

  transactionFolder(
    'seven-station',
    {
      'identity/dreamineering-did.json': merchantDidDoc,
      'identity/merchant-credential.json': merchantCredential,
      'identity/agent-credential.json': agentCredential,
      'manifest/agent-card.json': card,
      'capability/agents-root.json': agentsRoot,
      'capability/shopping-agent.json': agentCap,
      'capability/lineage.json': lineage,
      'intent/governed-intent.json': buyIntent,
      'mandates/intent-mandate.json': intentMandate,
      'mandates/cart-mandate.json': cartMandate,
      'mandates/payment-mandate.json': paymentMandate,
      'settlement/budget-authorization.json': budget,
      'settlement/spend-reconciliation.json': reconciliationOf(budget, buyerSide, usd(500), T7 + 450, 'seven-station: settlement/spend-reconciliation.json'),
      'settlement/settlement.json': settlement,
      'receipts/buyer-receipt.json': buyerSide,
      'receipts/provider-receipt.json': providerSide,
      'receipts/intent-trace.json': sevenStationTrace,
    },
    // The recorder seals the manifest too, so that no file can be changed and its hash recomputed.
    { bundle_id: 'dreamineering-seven-station-20261101T100800Z', created_at: '2026-11-01T10:08:30Z', transaction: 'purchase' },
    KEYS.recorder,
    // As the seven-station trust policy (bundle/trust-policy) has it: Dreamineering's DID document pinned.
    { pinnedDocuments: [documentHash(merchantDidDoc)] },
  );
  transactionFolder(
    'incident-network',
    { ...incidentDelegation, 'intent/disable-edge-rule.json': disableIntent, 'financial/budget.json': executorAllowed, 'receipts/executor.json': executorReceipt },
    { bundle_id: 'internet-of-agents-incident-network-20260415T162615Z', created_at: iso(T0 + 60), transaction: 'delegated-fix' },
    KEYS.commander,
  );
  transactionFolder(
    'commerce-network',
    { ...commerceArtifacts, 'contracts/budget-authorization.json': authorization, 'contracts/spend-reconciliation.json': unchangedRecon },
    { bundle_id: 'agent-commerce-network-20260415T162615Z', created_at: iso(T0 + 1000), transaction: 'procurement' },
    KEYS.trust000,
  );
}
