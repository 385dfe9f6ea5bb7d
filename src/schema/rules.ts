/**
 * Document rules (SPEC.md 5.3): the rules of a family that compare values across members of one
 * document, which JSON Schema cannot state. They run only on a document that is valid against
 * its schema, so each rule can rely on the document's shape. Rules that need other documents,
 * keys or the time of day belong to the verifier, not here.
 */
import type { ErrorCode } from '../generated/error-codes.js';
import type {
  AgentCard,
  AgentCredential,
  AmountBreakdown,
  AuthorizeRequest,
  BudgetAuthorization,
  BundleManifest,
  CapabilityToken,
  CartMandate,
  CheckoutReceipt,
  CheckoutRequest,
  DidDocument,
  Dispute,
  LineageChain,
  MerchantCredential,
  Money,
  MoneyUnits,
  PaymentCurrencyAmount,
  PurchaseReceipt,
  PurchaseRequest,
  ReceiptPair,
  SettlementReconciliation,
  SpendReconciliation,
  TaskCreated,
} from '../generated/types.js';
import { pointerAppend } from '../encoding/pointer.js';
import { compareInstants, readRfc3339 } from '../encoding/time.js';
import type { Issue } from '../issues.js';
import { addDecimal, compareDecimal, formatDecimal, mulDecimal, negDecimal, parseDecimal, type Decimal } from '../encoding/decimal.js';

/** One rule of one document type. */
export interface DocumentRule {
  /** Stable, kebab-case; an issue's keyword is `rule:<id>`. */
  readonly id: string;
  /** The rule, for people (SPEC.md lists the same text). */
  readonly description: string;
  /** The issues a schema-valid document breaks the rule with; none when it keeps it. */
  readonly check: (doc: unknown) => Issue[];
}

function rule<T>(id: string, description: string, check: (doc: T, fail: Fail) => void): DocumentRule {
  return {
    id,
    description,
    check: (doc) => {
      const issues: Issue[] = [];
      try {
        check(doc as T, (code, path, message, details) => {
          issues.push({ code, path, keyword: `rule:${id}`, message: `${message}; rule: ${lowerFirst(description)}`, details: { instancePath: path, ...details } });
        });
      } catch {
        // A rule reads members its schema requires. Given a document that does not have them
        // (rules run after the schema; a caller that skipped it gets this), the rule cannot be
        // applied, which is a refusal, never a crash or a pass.
        return [{ code: 'ERR_SCHEMA_TYPE', path: '', keyword: `rule:${id}`, message: `rule ${id} cannot be applied: the document does not have the shape its schema requires; validate it against its schema first`, details: { instancePath: '' } }];
      }
      return issues;
    },
  };
}

type Fail = (code: ErrorCode, path: string, message: string, details?: Record<string, unknown>) => void;

const lowerFirst = (s: string): string => (/^[A-Z](?![A-Z0-9])/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s).replace(/\.$/, '');
const dec = (s: string): Decimal => parseDecimal(s) as Decimal;
const units = (n: number): Decimal => ({ units: BigInt(n), scale: 0 });

/** Amounts found in a document, each with its pointer, currency and value. */
interface Located {
  readonly path: string;
  readonly currency: string;
  readonly value: Decimal;
}
const money = (path: string, m: Money | undefined): Located[] => (m === undefined ? [] : [{ path, currency: m.currency, value: dec(m.amount) }]);
const moneyUnits = (path: string, m: MoneyUnits | undefined): Located[] => (m === undefined ? [] : [{ path, currency: m.currency, value: units(m.units) }]);
const paymentAmount = (path: string, m: PaymentCurrencyAmount | undefined): Located[] => (m === undefined ? [] : [{ path, currency: m.currency, value: dec(m.value) }]);

/** Report the first amount whose currency differs from the first amount's. */
function sameCurrency(amounts: readonly Located[], fail: Fail, what: string): boolean {
  const first = amounts[0];
  const other = amounts.find((a) => a.currency !== first?.currency);
  if (first === undefined || other === undefined) return true;
  fail('ERR_RULE_CURRENCY_MISMATCH', `${other.path}/currency`, `${what}: ${other.path} is in ${other.currency} but ${first.path} is in ${first.currency}`, {
    expected: first.currency,
    actual: other.currency,
  });
  return false;
}

const BREAKDOWN_PARTS = ['subtotal', 'tax', 'fees', 'shipping', 'discount', 'total'] as const;
const breakdownAmounts = (at: string, b: AmountBreakdown): Located[] => BREAKDOWN_PARTS.flatMap((k) => money(`${at}/${k}`, b[k]));

function breakdownAddsUp(at: string, b: AmountBreakdown, fail: Fail): void {
  let sum = dec(b.subtotal.amount);
  for (const k of ['tax', 'fees', 'shipping'] as const) if (b[k]) sum = addDecimal(sum, dec((b[k] as Money).amount));
  if (b.discount) sum = addDecimal(sum, negDecimal(dec(b.discount.amount)));
  if (compareDecimal(sum, dec(b.total.amount)) !== 0) {
    fail('ERR_RULE_ARITHMETIC', `${at}/total/amount`, `total is ${b.total.amount} but subtotal + tax + fees + shipping - discount is ${formatDecimal(sum)}`, {
      expected: formatDecimal(sum),
      actual: b.total.amount,
    });
  }
}

function itemsMakeSubtotal(items: CheckoutRequest['items'], b: AmountBreakdown, fail: Fail): void {
  let sum: Decimal = { units: 0n, scale: 0 };
  for (const item of items) sum = addDecimal(sum, mulDecimal(dec(item.unit_price.amount), item.quantity));
  if (compareDecimal(sum, dec(b.subtotal.amount)) !== 0) {
    fail('ERR_RULE_ARITHMETIC', '/amount_breakdown/subtotal/amount', `subtotal is ${b.subtotal.amount} but the items add up to ${formatDecimal(sum)}`, {
      expected: formatDecimal(sum),
      actual: b.subtotal.amount,
    });
  }
}

const orderRules = <T extends CheckoutRequest | PurchaseRequest>(): DocumentRule[] => [
  rule<T>('one-currency', 'Every amount of an order (unit prices and the breakdown) is in one currency.', (d, fail) => {
    sameCurrency([...d.items.flatMap((item, i) => money(`/items/${i}/unit_price`, item.unit_price)), ...breakdownAmounts('/amount_breakdown', d.amount_breakdown)], fail, 'an order is priced in one currency');
  }),
  rule<T>('breakdown-adds-up', 'The total is subtotal + tax + fees + shipping - discount.', (d, fail) => breakdownAddsUp('/amount_breakdown', d.amount_breakdown, fail)),
  rule<T>('items-make-subtotal', 'The subtotal is the sum of quantity x unit price over the items.', (d, fail) => itemsMakeSubtotal(d.items, d.amount_breakdown, fail)),
];

const settledRules = <T extends CheckoutReceipt | PurchaseReceipt>(): DocumentRule[] => [
  rule<T>('one-currency', 'The breakdown and the settlement are in one currency.', (d, fail) => {
    sameCurrency([...breakdownAmounts('/amount_breakdown', d.amount_breakdown), ...money('/settlement/amount', d.settlement.amount)], fail, 'a receipt is priced in one currency');
  }),
  rule<T>('breakdown-adds-up', 'The total is subtotal + tax + fees + shipping - discount.', (d, fail) => breakdownAddsUp('/amount_breakdown', d.amount_breakdown, fail)),
  rule<T>('captured-total-settled', 'A captured receipt settles exactly its total.', (d, fail) => {
    if (d.status !== 'captured' || d.settlement.amount.currency !== d.amount_breakdown.total.currency) return;
    if (compareDecimal(dec(d.settlement.amount.amount), dec(d.amount_breakdown.total.amount)) !== 0) {
      fail('ERR_RULE_MISMATCH', '/settlement/amount/amount', `settled ${d.settlement.amount.amount} but the total is ${d.amount_breakdown.total.amount}`);
    }
  }),
];

function timeOrder(fail: Fail, path: string, earlier: number, later: number, what: string): void {
  if (!(later > earlier)) fail('ERR_RULE_TIME_ORDER', path, what);
}


/** The rules of each document type, by schema id. */
export const DOCUMENT_RULES: Readonly<Record<string, readonly DocumentRule[]>> = {
  'commercial/authorize.request': [
    rule<AuthorizeRequest>('within-requirement', 'An authorization is in the currency of its payment requirement and does not exceed its max_amount.', (d, fail) => {
      if (d.payment_requirement === undefined) return;
      const ok = sameCurrency([...money('/payment_requirement/max_amount', d.payment_requirement.max_amount), ...money('/amount', d.amount)], fail, 'an authorization is in its requirement\'s currency');
      if (ok && compareDecimal(dec(d.amount.amount), dec(d.payment_requirement.max_amount.amount)) > 0) {
        fail('ERR_RULE_EXCEEDS_LIMIT', '/amount/amount', `amount ${d.amount.amount} exceeds the payment requirement's max_amount ${d.payment_requirement.max_amount.amount}`);
      }
    }),
  ],
  'commercial/checkout.request': orderRules<CheckoutRequest>(),
  'commercial/purchase.request': orderRules<PurchaseRequest>(),
  'commercial/checkout.receipt': settledRules<CheckoutReceipt>(),
  'commercial/purchase.receipt': settledRules<PurchaseReceipt>(),
  'capability/token': [
    rule<CapabilityToken>('valid-period', 'A capability expires after it is issued.', (d, fail) =>
      timeOrder(fail, '/expires_at', d.issued_at, d.expires_at, `expires_at ${d.expires_at} is not after issued_at ${d.issued_at}`),
    ),
    rule<CapabilityToken>('ttl-matches', 'ttl_secs, when present, is expires_at - issued_at.', (d, fail) => {
      if (d.ttl_secs !== undefined && d.ttl_secs !== d.expires_at - d.issued_at) {
        fail('ERR_RULE_TTL_MISMATCH', '/ttl_secs', `ttl_secs is ${d.ttl_secs} but expires_at - issued_at is ${d.expires_at - d.issued_at}`);
      }
    }),
    rule<CapabilityToken>('grant-caps-agree', "A grant's per-call and total money caps are in one currency, and the per-call cap does not exceed the total.", (d, fail) => {
      (d.scope.grants ?? []).forEach((g, i) => {
        const at = `/scope/grants/${i}`;
        if (g.max_cost_per_invocation === undefined || g.max_total_cost === undefined) return;
        if (!sameCurrency([...moneyUnits(`${at}/max_total_cost`, g.max_total_cost), ...moneyUnits(`${at}/max_cost_per_invocation`, g.max_cost_per_invocation)], fail, "a grant's caps are in one currency")) return;
        if (g.max_cost_per_invocation.units > g.max_total_cost.units) {
          fail('ERR_RULE_EXCEEDS_LIMIT', `${at}/max_cost_per_invocation/units`, `the per-call cap ${g.max_cost_per_invocation.units} exceeds the total cap ${g.max_total_cost.units}`);
        }
      });
    }),
    rule<CapabilityToken>('delegation-links-connect', "Each delegation link is made by the previous link's delegatee, no earlier than it.", (d, fail) => {
      const links = d.delegation_chain ?? [];
      for (let i = 1; i < links.length; i++) {
        const [prev, link] = [links[i - 1], links[i]] as [NonNullable<typeof links[number]>, NonNullable<typeof links[number]>];
        if (link.delegator !== prev.delegatee) fail('ERR_RULE_BROKEN_CHAIN', `/delegation_chain/${i}/delegator`, `link ${i} is delegated by ${link.delegator}, not by link ${i - 1}'s delegatee ${prev.delegatee}`);
        if (link.timestamp < prev.timestamp) fail('ERR_RULE_TIME_ORDER', `/delegation_chain/${i}/timestamp`, `link ${i} (${link.timestamp}) is older than link ${i - 1} (${prev.timestamp})`);
      }
    }),
  ],
  'capability/lineage-chain': [
    rule<LineageChain>('lineage-links-up', 'Every entry is listed once, after its parent, one level deeper; the root is the first entry.', (d, fail) => {
      const depth = new Map<string, number>();
      d.chain.forEach((e, i) => {
        if (depth.has(e.id)) fail('ERR_RULE_DUPLICATE', `/chain/${i}/id`, `capability ${e.id} is listed twice`);
        if (i > 0) {
          const parent = e.parent_capability_id as string;
          const parentDepth = depth.get(parent);
          if (parentDepth === undefined) fail('ERR_RULE_DANGLING_REFERENCE', `/chain/${i}/parent_capability_id`, `parent ${parent} of ${e.id} is not listed before it`);
          else if (e.delegation_depth !== parentDepth + 1) fail('ERR_RULE_BROKEN_CHAIN', `/chain/${i}/delegation_depth`, `${e.id} is at depth ${e.delegation_depth} but its parent is at ${parentDepth}`);
        }
        depth.set(e.id, e.delegation_depth);
      });
      if (d.root_capability_id !== undefined && d.root_capability_id !== d.chain[0].id) {
        fail('ERR_RULE_MISMATCH', '/root_capability_id', `root_capability_id is ${d.root_capability_id} but the first entry is ${d.chain[0].id}`);
      }
    }),
  ],
  'mandate/cart-mandate': [
    rule<CartMandate>('cart-within-cap', "Every amount of the cart is in the spend cap's currency, and the total does not exceed the cap.", (d, fail) => {
      const details = d.contents.payment_request.details;
      const at = '/contents/payment_request/details';
      const amounts = [
        ...paymentAmount('/spend_cap', d.spend_cap),
        ...paymentAmount(`${at}/total/amount`, details.total.amount),
        ...details.display_items.flatMap((item, i) => paymentAmount(`${at}/display_items/${i}/amount`, item.amount)),
        ...(details.shipping_options ?? []).flatMap((o, i) => paymentAmount(`${at}/shipping_options/${i}/amount`, o.amount)),
      ];
      if (!sameCurrency(amounts, fail, "a cart is in its spend cap's currency")) return;
      if (compareDecimal(dec(details.total.amount.value), dec(d.spend_cap.value)) > 0) {
        fail('ERR_RULE_EXCEEDS_LIMIT', `${at}/total/amount/value`, `the cart total ${details.total.amount.value} exceeds the spend cap ${d.spend_cap.value}`);
      }
    }),
  ],
  'settlement/budget-authorization': [
    rule<BudgetAuthorization>('one-currency', 'The exposure and the running total are in one currency.', (d, fail) => {
      sameCurrency([...moneyUnits('/exposure', d.exposure), ...moneyUnits('/total_exposure', d.total_exposure)], fail, 'exposure is counted in one currency');
    }),
  ],
  'settlement/spend-reconciliation': [
    rule<SpendReconciliation>('reconciliation-adds-up', 'Charged, actual, credited and overrun are in one currency; the outcome follows from actual against charged; credited = charged - actual and overrun = actual - charged.', (d, fail) => {
      const all = [...moneyUnits('/charged', d.charged), ...moneyUnits('/actual', d.actual), ...moneyUnits('/credited', d.credited), ...moneyUnits('/overrun', d.overrun)];
      if (!sameCurrency(all, fail, 'a reconciliation is in one currency')) return;
      const diff = d.actual.units - d.charged.units;
      const outcome = diff < 0 ? 'credited' : diff === 0 ? 'unchanged' : 'overrun';
      if (outcome !== d.outcome) {
        fail('ERR_RULE_MISMATCH', '/outcome', `actual ${d.actual.units} against charged ${d.charged.units} is ${outcome}, not ${d.outcome}`);
        return;
      }
      if (d.credited !== undefined && d.credited.units !== -diff) fail('ERR_RULE_ARITHMETIC', '/credited/units', `credited is ${d.credited.units} but charged - actual is ${-diff}`);
      if (d.overrun !== undefined && d.overrun.units !== diff) fail('ERR_RULE_ARITHMETIC', '/overrun/units', `overrun is ${d.overrun.units} but actual - charged is ${diff}`);
    }),
  ],
  'settlement/settlement-reconciliation': [
    rule<SettlementReconciliation>('amounts-in-order', 'The approved amount does not exceed the quote, and the settled amount does not exceed the approved one.', (d, fail) => {
      if (d.approved_amount_minor > d.quoted_amount_minor) fail('ERR_RULE_EXCEEDS_LIMIT', '/approved_amount_minor', `approved ${d.approved_amount_minor} exceeds quoted ${d.quoted_amount_minor}`);
      if (d.settled_amount_minor > d.approved_amount_minor) fail('ERR_RULE_EXCEEDS_LIMIT', '/settled_amount_minor', `settled ${d.settled_amount_minor} exceeds approved ${d.approved_amount_minor}`);
    }),
  ],
  'settlement/dispute': [
    rule<Dispute>('resolved-after-opened', 'A dispute is resolved no earlier than it is opened.', (d, fail) => {
      if (d.resolved_at !== undefined && d.resolved_at < d.opened_at) fail('ERR_RULE_TIME_ORDER', '/resolved_at', `resolved_at ${d.resolved_at} is before opened_at ${d.opened_at}`);
    }),
  ],
  'receipt/receipt-pair': [
    rule<ReceiptPair>('one-intent', "Both receipts commit to the pair's intent hash.", (d, fail) => {
      for (const side of ['buyer_receipt', 'provider_receipt'] as const) {
        if (d[side].intent_hash !== d.intent_hash) fail('ERR_RULE_MISMATCH', `/${side}/intent_hash`, `the ${side.replace('_', ' ')} commits to ${d[side].intent_hash}, not to the pair's ${d.intent_hash}`);
      }
    }),
    rule<ReceiptPair>('two-signers', 'The two receipts are signed by different kernel keys.', (d, fail) => {
      if (d.buyer_receipt.kernel_key === d.provider_receipt.kernel_key) fail('ERR_RULE_SAME_SIGNER', '/provider_receipt/kernel_key', 'both receipts are signed by the same kernel key; bilateral evidence needs two');
    }),
  ],
  'task/task-created': [
    rule<TaskCreated>('deadline-within-capability', "The execution deadline is no later than the task capability's expiry.", (d, fail) => {
      if (d.execution_deadline > d.vendor_liaison_capability.expires_at) {
        fail('ERR_RULE_EXCEEDS_LIMIT', '/execution_deadline', `the deadline ${d.execution_deadline} is after the capability expires (${d.vendor_liaison_capability.expires_at})`);
      }
    }),
  ],
  'bundle/manifest': [
    rule<BundleManifest>('no-case-collisions', 'No two artifact paths differ only in letter case (they would be one file on a case-insensitive file system).', (d, fail) => {
      const seen = new Map<string, string>();
      for (const path of Object.keys(d.artifacts)) {
        const folded = path.toLowerCase();
        const other = seen.get(folded);
        if (other !== undefined) fail('ERR_RULE_DUPLICATE', pointerAppend('/artifacts', path), `${path} and ${other} differ only in case`);
        else seen.set(folded, path);
      }
    }),
  ],
  'identity/did-document': [
    rule<DidDocument>('methods-resolve', "Verification method ids are unique and belong to the document; every reference in a verification relationship names one of its methods.", (d, fail) => {
      const ids = new Set<string>();
      (d.verificationMethod ?? []).forEach((m, i) => {
        if (ids.has(m.id)) fail('ERR_RULE_DUPLICATE', `/verificationMethod/${i}/id`, `method ${m.id} is listed twice`);
        if (!m.id.startsWith(`${d.id}#`)) fail('ERR_RULE_MISMATCH', `/verificationMethod/${i}/id`, `method ${m.id} does not belong to ${d.id}`);
        ids.add(m.id);
      });
      for (const relation of ['authentication', 'assertionMethod', 'capabilityInvocation', 'capabilityDelegation', 'keyAgreement'] as const) {
        (d[relation] ?? []).forEach((entry, i) => {
          if (typeof entry !== 'string') return;
          const id = entry.startsWith('#') ? `${d.id}${entry}` : entry;
          if (!ids.has(id)) fail('ERR_RULE_DANGLING_REFERENCE', `/${relation}/${i}`, `${relation} names ${entry}, which is not a verification method of the document`);
        });
      }
    }),
  ],
  'identity/agent-credential': [credentialPeriod<AgentCredential>()],
  'identity/merchant-credential': [credentialPeriod<MerchantCredential>()],
  'discovery/agent-card': [
    rule<AgentCard>('tools-unique', 'Tool names are unique, and a tool priced both per call and per unit uses one currency.', (d, fail) => {
      const seen = new Set<string>();
      d.tools.forEach((t, i) => {
        if (seen.has(t.name)) fail('ERR_RULE_DUPLICATE', `/tools/${i}/name`, `tool ${t.name} is listed twice`);
        seen.add(t.name);
        if (t.pricing) sameCurrency([...moneyUnits(`/tools/${i}/pricing/base_price`, t.pricing.base_price), ...moneyUnits(`/tools/${i}/pricing/unit_price`, t.pricing.unit_price)], fail, "a tool's prices are in one currency");
      });
    }),
  ],
};

function credentialPeriod<T extends AgentCredential | MerchantCredential>(): DocumentRule {
  return rule<T>('valid-period', 'A credential stops being valid after it starts.', (d, fail) => {
    if (d.validUntil === undefined) return;
    const from = readRfc3339(d.validFrom);
    const until = readRfc3339(d.validUntil);
    // A time that does not read is refused, never taken as "in order".
    if (!from.ok) return fail(from.code, '/validFrom', from.message);
    if (!until.ok) return fail(until.code, '/validUntil', until.message);
    if (compareInstants(from.instant, until.instant) >= 0) fail('ERR_RULE_TIME_ORDER', '/validUntil', `validUntil ${d.validUntil} is not after validFrom ${d.validFrom}`);
  });
}

/**
 * Check a schema-valid document against the rules of its type.
 *
 * @param schemaId - the document's schema id.
 * @param doc - the document, already valid against that schema.
 * @returns every rule issue (code `ERR_RULE_*`, keyword `rule:<id>`); none when all rules hold.
 * @example
 * ```ts
 * checkRules('commercial/checkout.request', doc); // [] for the Protocol-Commercial v1.1.0 request
 * ```
 */
export function checkRules(schemaId: string, doc: unknown): Issue[] {
  return (DOCUMENT_RULES[schemaId] ?? []).flatMap((r) => r.check(doc));
}
