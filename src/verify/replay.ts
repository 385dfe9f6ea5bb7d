/**
 * Transaction replay (SPEC.md 12.9): the artifacts of one transaction, in a bundle, replayed
 * hop by hop in the order of the seven stations (Agent Commerce Rails): identity -> manifest -> capability
 * chain -> intent -> mandates -> settlement -> receipts. Each hop gets a verdict: the first
 * problem with its artifacts (their files, their own verification) or with its links to the
 * hops before it. A tampered artifact fails the hop it belongs to, and the report names it.
 */
import type {
  AgentCard,
  AgentCredential,
  CartMandate,
  GovernedIntent,
  IntentMandate,
  PaymentMandate,
  ReportHop,
  VerificationReport,
} from '../generated/types.js';
import type { Issue } from '../issues.js';
import { documentHash } from '../crypto/hash.js';
import { minorExponent, toMinorUnits, unitsAt } from '../encoding/currency.js';
import { compareDecimal, parseDecimal } from '../encoding/decimal.js';
import { ArtifactWarnings, artifactIssue, costIssues, distinctTypes, lineageIssues, report, sealVerdict, startBundle, type BundleOptions } from './bundle.js';
import type { VerifyContext } from './context.js';
import { verifyWithEvidence } from './document.js';
import { verifyBilateralReceipts } from './receipt.js';
import { payeeOf } from './mandate.js';
import { docsOf, type ReadArtifact, duplicateIssues, ledgerIssues, receiptTimeIssues, settlementLinkIssues, traceRecorderIssues } from './bundle-ledger.js';
import { requiredIssues } from './transaction-kinds.js';

/** The hops of a replay, in order, with the document types that belong to each. */
export const HOPS: readonly { readonly hop: ReportHop['hop']; readonly types: readonly string[]; readonly needs: readonly string[] }[] = [
  { hop: 'identity', types: ['identity/did-document', 'identity/agent-credential', 'identity/merchant-credential'], needs: ['identity/agent-credential'] },
  { hop: 'manifest', types: ['discovery/agent-card'], needs: ['discovery/agent-card'] },
  { hop: 'capability_chain', types: ['capability/token', 'capability/revocation', 'capability/revoke-response', 'capability/lineage-chain'], needs: ['capability/token'] },
  { hop: 'intent', types: ['intent/governed-intent'], needs: ['intent/governed-intent'] },
  { hop: 'mandates', types: ['mandate/intent-mandate', 'mandate/cart-mandate', 'mandate/payment-mandate'], needs: ['mandate/intent-mandate', 'mandate/cart-mandate', 'mandate/payment-mandate'] },
  {
    hop: 'settlement',
    types: ['settlement/budget-authorization', 'settlement/spend-reconciliation', 'settlement/settlement-reconciliation', 'settlement/dispute', 'commercial/quote.request', 'commercial/quote.response'],
    needs: ['settlement/budget-authorization', 'settlement/spend-reconciliation'],
  },
  { hop: 'receipts', types: ['receipt/tool-call', 'receipt/receipt-pair', 'receipt/intent-trace'], needs: ['receipt/tool-call', 'receipt/intent-trace'] },
];

/** Which hop a document type belongs to. */
function hopOf(type: string | undefined): ReportHop['hop'] | undefined {
  return type === undefined ? undefined : HOPS.find((h) => h.types.includes(type))?.hop;
}

/**
 * Replay a transaction kept as a bundle.
 *
 * @param files - path -> bytes, with `bundle-manifest.json`.
 * @param options - the time (the time of the transaction, to replay it as it was), trust anchors, revocations, DID documents, and `readIssues`: problems found reading the files (from a folder).
 * @returns a verification report with a verdict per hop; `ok` only when every hop verified and
 *   nothing else in the bundle failed.
 * @example
 * ```ts
 * const folder = readBundleFolder('examples/v1.0.0/transactions/seven-station');
 * const r = replayTransaction(folder.files, { now: parseTime('2026-11-01T10:08:00Z'), readIssues: folder.issues });
 * r.hops?.find((h) => !h.ok); // the first hop that failed, with its code and path
 * ```
 */
export function replayTransaction(files: ReadonlyMap<string, Uint8Array>, options: BundleOptions): VerificationReport {
  const start = startBundle(files, options);
  if ('report' in start) return start.report;
  const { ctx, readIssues, opened, good, evidence, full } = start;
  const found = new Map<ReportHop['hop'], Issue[]>(HOPS.map((h) => [h.hop, []]));
  const hopIssues = (hop: ReportHop['hop']): Issue[] => {
    const list = found.get(hop) ?? [];
    found.set(hop, list);
    return list;
  };
  const general: Issue[] = [...readIssues];
  const warnings = new ArtifactWarnings(good);
  // Problems with the files themselves go to the hop of the file's type, or to the bundle.
  for (const issue of opened.issues) {
    const artifact = opened.artifacts.find((a) => a.issue === issue);
    const hop = hopOf(artifact?.type);
    (hop === undefined ? general : hopIssues(hop)).push(issue);
  }
  for (const h of HOPS) {
    const mine = good.filter((a) => h.types.includes(a.type));
    const issues = hopIssues(h.hop);
    for (const need of h.needs) {
      if (!mine.some((a) => a.type === need) && !opened.artifacts.some((a) => a.type === need)) {
        issues.push({ code: 'ERR_REPLAY_HOP_MISSING', path: '', message: `the ${h.hop.replace('_', ' ')} hop needs a ${need.split('/')[1]?.replace(/[-.]/g, ' ')}, and the bundle has none` });
      }
    }
    for (const a of mine) {
      const v = verifyWithEvidence(a.doc, a.type, evidence, full);
      if (!v.ok) issues.push(artifactIssue(a, v, good));
      else warnings.add(a, v);
    }
  }
  const links = linkIssues(good, full);
  for (const [hop, issue] of links) hopIssues(hop).push(issue);
  hopIssues('capability_chain').push(...lineageIssues(good));
  hopIssues('receipts').push(...costIssues(good));
  hopIssues('settlement').push(...ledgerIssues(good), ...settlementLinkIssues(good));
  hopIssues('receipts').push(...traceRecorderIssues(good, opened.sealer));
  hopIssues('receipts').push(...receiptTimeIssues(good, full));
  general.push(...duplicateIssues(good), ...requiredIssues(opened.transaction, distinctTypes(good)));
  const hops: ReportHop[] = HOPS.map((h) => {
    const issues = hopIssues(h.hop);
    const artifacts = opened.artifacts.filter((a) => hopOf(a.type) === h.hop).map((a) => a.path);
    const first = issues[0];
    return first === undefined
      ? { hop: h.hop, ok: true, artifacts }
      : { hop: h.hop, ok: false, code: first.code, path: first.path, message: first.message, artifacts };
  });
  const seal = sealVerdict(opened, ctx);
  return report([...seal.errors, ...general, ...HOPS.flatMap((h) => hopIssues(h.hop))], ctx.now, opened.bundle_id, hops, { seal: seal.seal, warnings: [...seal.warnings, ...warnings.list] });
}

/** What the link rules of a replay read: its readable artifacts, the one of each type the hops pair, the context. */
interface TransactionView {
  readonly good: readonly ReadArtifact[];
  readonly ctx: VerifyContext;
  readonly credential: [string, AgentCredential] | undefined;
  readonly card: [string, AgentCard] | undefined;
  readonly intent: [string, GovernedIntent] | undefined;
  readonly intentMandate: [string, IntentMandate] | undefined;
  readonly cart: [string, CartMandate] | undefined;
  readonly payment: [string, PaymentMandate] | undefined;
}

/** One link rule: a bullet of SPEC.md 12.9, the hop it reports to, and its check. */
export interface LinkRule {
  readonly hop: ReportHop['hop'];
  /** The bullet, as SPEC.md words it (shortened). */
  readonly rule: string;
  readonly check: (t: TransactionView) => Issue[];
}

const broken = (path: string, pointer: string, message: string): Issue => ({ code: 'ERR_REPLAY_LINK_BROKEN', path: `${path}#${pointer}`, message: `${path}: ${message}` });

/** The links between hops, one row per bullet of SPEC.md 12.9, in its order: each artifact refers to the ones before it. */
export const LINK_RULES: readonly LinkRule[] = [
  {
    hop: 'manifest',
    rule: 'the card lists a credential of the identity hop',
    check: ({ good, card }) => {
      if (card === undefined) return [];
      const given = new Set([...docsOf(good, 'identity/merchant-credential'), ...docsOf(good, 'identity/agent-credential')].map(([, c]) => c.id));
      return (card[1].credentials ?? []).some((c) => given.has(c.id)) ? [] : [broken(card[0], '/credentials', 'the card lists none of the credentials of the identity hop: its identity is not the one verified')];
    },
  },
  {
    hop: 'capability_chain',
    rule: "the intent's capability is in the bundle",
    check: ({ good, intent }) =>
      intent === undefined || good.some((a) => a.type === 'capability/token' && (a.doc as { id: string }).id === intent[1].capability_id)
        ? []
        : [broken(intent[0], '/capability_id', `the intent is made under capability ${intent[1].capability_id}, which is not in the bundle`)],
  },
  {
    hop: 'intent',
    rule: "the agent card offers the intent's tool",
    check: ({ card, intent }) =>
      intent === undefined || card === undefined || card[1].tools.some((t) => t.name === intent[1].tool_name && (t.server_id === undefined || t.server_id === intent[1].tool_server))
        ? []
        : [broken(intent[0], '/tool_name', `the intent calls ${intent[1].tool_server}/${intent[1].tool_name}, which the agent card does not offer`)],
  },
  {
    hop: 'mandates',
    rule: "the intent mandate's agent is the agent credential's subject; the cart's merchant is the card's id; the intent's worst-case price is within the spend cap, in its currency",
    check: ({ credential, card, intent, intentMandate, cart }) => {
      const out: Issue[] = [];
      if (intent !== undefined && intentMandate !== undefined) {
        const i = intent[1];
        const cap = intentMandate[1].spend_cap;
        // Compared as exact decimals (SPEC.md 6.1): the price's minor units at the currency's
        // exponent against the cap as written, which may be finer than a minor unit.
        const capValue = parseDecimal(cap.value);
        const price = { units: BigInt(i.billing_context.max_price_minor), scale: minorExponent(cap.currency) };
        if (i.billing_context.currency !== cap.currency || capValue === undefined || compareDecimal(price, capValue) > 0) {
          out.push(broken(intentMandate[0], '/spend_cap', `the intent's worst-case price of ${i.billing_context.max_price_minor} ${i.billing_context.currency} (minor units) is not within the mandate's spend cap of ${cap.value} ${cap.currency}`));
        }
      }
      if (intentMandate !== undefined && credential !== undefined && intentMandate[1].agent !== credential[1].credentialSubject.id) {
        out.push(broken(intentMandate[0], '/agent', `the mandate is for agent ${intentMandate[1].agent}; the identity hop verified ${credential[1].credentialSubject.id}`));
      }
      if (cart !== undefined && card !== undefined && cart[1].merchant !== card[1].id) out.push(broken(cart[0], '/merchant', `the cart is signed by merchant ${cart[1].merchant}; the agent card is ${card[1].id}'s`));
      return out;
    },
  },
  {
    hop: 'settlement',
    rule: "a spend reconciliation names a receipt of the bundle and an allowed authorization of its grant; an authorization is for the intent; a settlement settles the payment mandate's total and names a payment reference the receipts record; the reconciled actual cost is the payment mandate's total",
    check: (t) => {
      const out: Issue[] = [];
      const { good, intent, payment } = t;
      const reconciliations = docsOf(good, 'settlement/spend-reconciliation');
      const receipts = docsOf(good, 'receipt/tool-call');
      const authorizations = docsOf(good, 'settlement/budget-authorization');
      const [firstReconciliation] = reconciliations;
      if (payment !== undefined && firstReconciliation !== undefined) {
        const total = payment[1].payment_mandate_contents.payment_details_total.amount;
        const actual = reconciliations.map(([, r]) => r.actual);
        const sum = actual.reduce((s, m) => s + m.units, 0);
        if (actual.some((m) => m.currency !== total.currency) || sum !== toMinorUnits(total.value, total.currency)) {
          out.push(broken(firstReconciliation[0], '/actual', `the calls cost ${sum} ${actual[0]?.currency} (minor units); the payment mandate pays ${total.value} ${total.currency}`));
        }
      }
      // Unsigned settlement records are held to the signed artifacts they account for.
      for (const [path, r] of reconciliations) {
        if (!receipts.some(([, x]) => x.id === r.receipt_id)) out.push(broken(path, '/receipt_id', `receipt ${r.receipt_id} is not in the bundle`));
        const authorized = authorizations.some(([, b]) => b.capability_id === r.capability_id && b.grant_index === r.grant_index && b.decision === 'allowed');
        if (!authorized) out.push(broken(path, '/capability_id', `no allowed budget authorization in the bundle charged ${r.capability_id} grant ${r.grant_index}`));
      }
      for (const [path, b] of authorizations) {
        if (intent !== undefined && b.intent_hash !== undefined && b.intent_hash !== intent[1].intent_hash) out.push(broken(path, '/intent_hash', `the exposure is authorized for intent ${b.intent_hash}, not ${intent[1].intent_hash}`));
      }
      const references = receipts.map(([, r]) => r.payment_reference).filter((p) => p !== undefined);
      for (const [path, s] of docsOf(t.good, 'settlement/settlement-reconciliation')) {
        if (payment !== undefined) {
          const total = payment[1].payment_mandate_contents.payment_details_total.amount;
          if (total.currency !== s.currency || toMinorUnits(total.value, total.currency) !== s.settled_amount_minor) {
            out.push(broken(path, '/settled_amount_minor', `${s.settled_amount_minor} ${s.currency} settled; the payment mandate pays ${total.value} ${total.currency}`));
          }
        }
        if (s.payment_reference !== undefined && references.length > 0 && !references.includes(s.payment_reference)) out.push(broken(path, '/payment_reference', `payment ${s.payment_reference} is not the payment the receipts record`));
      }
      return out;
    },
  },
  {
    hop: 'receipts',
    rule: "a buyer's and a provider's receipt of the intent verify as a bilateral pair; every receipt commits to the intent; a settled trace carries a successful settlement proof; every trace's proof is bound to the payment it names",
    check: (t) => {
      const out: Issue[] = [];
      const { good, ctx, intent } = t;
      if (intent !== undefined) {
        // The bilateral pair: the buyer's and the provider's receipts of the intent, under two kernels.
        const receipts = docsOf(good, 'receipt/tool-call').filter(([, r]) => r.intent_hash === intent[1].intent_hash);
        const provider = receipts.find(([, r]) => r.tool_name === intent[1].tool_name && r.tool_server === intent[1].tool_server);
        const buyer = receipts.find((r) => r !== provider);
        if (provider === undefined || buyer === undefined) {
          out.push(broken(good.find((a) => a.type === 'receipt/intent-trace')?.path ?? intent[0], '', "the bundle lacks a receipt pair for the intent: one receipt by the buyer kernel and one by the provider kernel for the intent's tool"));
        } else {
          const v = verifyBilateralReceipts({ buyer: buyer[1], provider: provider[1] }, { ...ctx, intent: intent[1] });
          if (!v.ok) {
            const holder = v.path.startsWith('/buyer_receipt') ? buyer[0] : v.path.startsWith('/provider_receipt') ? provider[0] : intent[0];
            out.push(artifactIssue({ path: holder }, { ...v, path: v.path.replace(/^\/(buyer_receipt|provider_receipt|intent)/, '') }));
          }
        }
        // Every receipt of the transaction serves its intent: a loose receipt committing to
        // another intent is not evidence of this transaction.
        for (const [path, r] of docsOf(t.good, 'receipt/tool-call')) {
          if (r.intent_hash !== intent[1].intent_hash) out.push({ code: 'ERR_RECEIPT_INTENT_MISMATCH', path: `${path}#/intent_hash`, message: `${path}: the receipt commits to ${r.intent_hash}, not to the transaction's intent ${intent[1].intent_hash}` });
        }
      }
      // Every trace, not the first: whoever writes the manifest chooses its order. Each settlement
      // proof is bound to the payment its trace names, and that payment's cart.
      for (const [path, trace] of docsOf(t.good, 'receipt/intent-trace')) {
        if (trace.outcome === 'settled' && trace.references.settlement_proof?.success !== true) out.push(broken(path, '/references/settlement_proof', 'the trace records a settled outcome without a successful settlement proof'));
        const proof = trace.references.settlement_proof;
        if (proof === undefined || proof === null) continue;
        const paid = docsOf(t.good, 'mandate/payment-mandate').find(([, p]) => documentHash(p) === trace.references.mandate_hash)?.[1];
        const paidCart = paid === undefined ? undefined : docsOf(t.good, 'mandate/cart-mandate').find(([, c]) => documentHash(c) === paid.cart_mandate_hash)?.[1];
        // A trace naming no payment of the bundle fails its own check (its mandate_hash); a
        // payment or cart that failed to read is reported at its own hop.
        if (paid === undefined || paidCart === undefined) continue;
        for (const problem of settlementProofProblems(proof, paidCart, paid)) out.push(broken(path, `/references/settlement_proof${problem.member === '' ? '' : `/${problem.member}`}`, problem.message));
      }
      return out;
    },
  },
];

/** The link rules run over a replay's artifacts: each issue with the hop it reports to. */
function linkIssues(good: readonly ReadArtifact[], ctx: VerifyContext): [ReportHop['hop'], Issue][] {
  const view: TransactionView = {
    good,
    ctx,
    credential: docsOf(good, 'identity/agent-credential')[0],
    card: docsOf(good, 'discovery/agent-card')[0],
    intent: docsOf(good, 'intent/governed-intent')[0],
    intentMandate: docsOf(good, 'mandate/intent-mandate')[0],
    cart: docsOf(good, 'mandate/cart-mandate')[0],
    payment: docsOf(good, 'mandate/payment-mandate')[0],
  };
  return LINK_RULES.flatMap((r) => r.check(view).map((issue): [ReportHop['hop'], Issue] => [r.hop, issue]));
}

/** Assets whose units writ can bind to a payment's amount: their decimals and the currency they track. */
const X402_ASSETS: Readonly<Record<string, { readonly decimals: number; readonly currency: string }>> = {
  USDC: { decimals: 6, currency: 'USD' },
};

/**
 * An x402 settlement proof is bound to what it claims to pay (SPEC.md 12.9): the network the
 * cart's x402 method names, the payer of the payment mandate, and the payment's total in the
 * asset's units (5.00 USD is 5000000 USDC units). A proof of 6 USDC for a 5.00 USD mandate, or
 * on another network, is not the proof of this payment.
 */
function settlementProofProblems(proof: { network?: string; amount?: string | null; payer?: string | null }, cart: CartMandate, payment: PaymentMandate): { member: string; message: string }[] {
  const method = cart.contents.payment_request.method_data.find((m) => m.supported_methods === 'https://www.x402.org/');
  if (method === undefined) return [];
  const data = (method.data ?? {}) as { network?: unknown; asset?: unknown };
  const out: { member: string; message: string }[] = [];
  // x402's settle response names no payee: whom the payment paid is bound through the mandates,
  // the cart's payTo, which the payment mandate must pay (SPEC.md 12.6), so the cart must name it.
  if (payeeOf(method.data) === undefined) out.push({ member: '', message: "the cart's x402 method names no payee (payTo): whom the settlement paid cannot be bound" });
  if (typeof data.network === 'string' && proof.network !== data.network) out.push({ member: 'network', message: `the settlement proof is on ${String(proof.network)}; the cart's x402 method names ${data.network}` });
  const payer = (payment.payment_mandate_contents.payment_response.details as { payer?: unknown } | undefined)?.payer;
  if (typeof payer === 'string' && proof.payer !== payer) out.push({ member: 'payer', message: `the settlement proof is paid by ${proof.payer}; the payment mandate's payer is ${payer}` });
  const total = payment.payment_mandate_contents.payment_details_total.amount;
  const asset = typeof data.asset === 'string' ? X402_ASSETS[data.asset] : undefined;
  if (asset === undefined || asset.currency !== total.currency) {
    out.push({ member: 'amount', message: `the settlement proof's amount cannot be bound to ${total.value} ${total.currency}: writ knows the units of ${Object.keys(X402_ASSETS).join(', ')} only` });
  } else {
    const expected = unitsAt(total.value, asset.decimals)?.toString();
    if (expected === undefined || proof.amount !== expected) out.push({ member: 'amount', message: `the settlement proof pays ${String(proof.amount)} ${String(data.asset)} units; ${total.value} ${total.currency} is ${String(expected)}` });
  }
  return out;
}
