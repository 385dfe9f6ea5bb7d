/**
 * The examples' world (SPEC.md 9): the parties and their keys, the times the seeds happen at,
 * and the fixtures more than one profile's vectors are built from. Every signature in them is
 * real, made with the example keys.
 */
import { PARTIES, type Party } from '../../lib/parties.js';
import { at, fixture, mut, type Context } from './shared.js';
import { rootBy } from './builders.js';

/** Every party of the examples, by name. */
export const P = PARTIES;

/** Incident Network's clock: the root capability is issued at T0. */
export const T0 = 1776272775;
/** Twenty seconds in: the executor's capability is usable. */
export const NOW1 = T0 + 20;
/** Forty-five seconds in: the Incident Network bundles are checked. */
export const AT = T0 + 45;
/** Agent Commerce Rails: 2026-11-01T10:08:00Z, after the payment. */
export const NOV = Date.parse('2026-11-01T10:08:00Z') / 1000;

/** The party whose public key (hex) this is. */
export const holder = (hex: string): Party => {
  const found = Object.values(P).find((q) => q.hex === hex);
  if (found === undefined) throw new Error(`no party of the examples holds ${hex}`);
  return found;
};

// Agent Commerce Rails: Dreamineering's DID document, credentials and card.
export const merchantDid = fixture('identity/did-document', 'dreamineering.commerce-rails');
/** A context at `now` with Dreamineering's DID document supplied. */
export const didContext = (now: number): Context => at(now, { documents: [merchantDid] });
export const merchantCredential = fixture('identity/merchant-credential', 'dreamineering-self-issued.commerce-rails');
export const agentCredential = fixture('identity/agent-credential', 'shopping-agent.commerce-rails');
export const card = fixture('discovery/agent-card', 'dreamineering.commerce-rails');
export const meteredCard = fixture('discovery/agent-card', 'metered-tool');
export const seedCheckout = fixture('commercial/checkout', 'request.protocol-commercial');

// Agent Commerce Rails station 4: the mandates.
export const intentMandate = fixture('mandate/intent-mandate', 'shopping-agent.commerce-rails');
export const cart = fixture('mandate/cart-mandate', 'dreamineering.commerce-rails');
export const payment = fixture('mandate/payment-mandate', 'commerce-rails');

// Agent Commerce Network: the receipts, the procurement grant, the intent, the settlement.
export const buyer = fixture('receipt/tool-call', 'buyer.commerce-network');
export const provider = fixture('receipt/tool-call', 'provider.commerce-network');
export const procurement = fixture('capability/token', 'procurement.commerce-network');
export const intent = fixture('intent/governed-intent', 'commerce-network');
export const prepaid = fixture('intent/governed-intent', 'fixed-price-prepaid');
export const pair = fixture('receipt/receipt-pair', 'commerce-network');
export const settled = fixture('settlement/settlement-reconciliation', 'commerce-network');
export const reversal = fixture('settlement/settlement-reconciliation', 'dispute-reversal-pending.commerce-network');
export const dispute = fixture('settlement/dispute', 'opened.commerce-network');
export const quote = fixture('commercial/quote', 'response.commerce-network');

// Incident Network: the delegation chain and the revocation.
export const root = fixture('capability/token', 'root-commander.incident-network');
export const vendor = fixture('capability/token', 'vendor-liaison.incident-network');
export const coordinator = fixture('capability/token', 'provider-coordinator.incident-network');
export const executor = fixture('capability/token', 'provider-executor.incident-network');
export const revocation = fixture('capability/revocation', 'vendor-liaison.incident-network');

/** One id, one capability (SPEC.md 12.2): a fork of the vendor liaison's capability, a root the stranger issues itself (valid alone). */
export const forkedVendor = rootBy(mut(vendor, (d) => ((d.issuer = P.stranger.hex), (d.parent_capability_id = null), (d.delegation_depth = 0))), P.stranger);

/** Incident Network's smoke bundle: the documents, by the path the seed gives them. */
export const smoke = {
  'capabilities/root-commander.json': root,
  'capabilities/vendor-liaison-agent.json': vendor,
  'capabilities/provider-coordinator.json': coordinator,
  'capabilities/provider-executor.json': executor,
  'lineage/root-commander-chain.json': fixture('capability/lineage-chain', 'root-commander.incident-network'),
  'intent/disable-edge-rule.json': fixture('intent/governed-intent', 'disable-edge-rule.incident-network'),
  'financial/budget.json': fixture('settlement/budget-authorization', 'executor.incident-network'),
  'receipts/executor.json': fixture('receipt/tool-call', 'executor.incident-network'),
};
