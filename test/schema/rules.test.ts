/**
 * Document rules (SPEC.md 5.3): each rule holds on the valid fixtures and is broken, with its
 * code and path, by a one-member change; SPEC.md lists every rule; every rule is also shown by
 * at least one invalid fixture or by a case here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { DOCUMENT_RULES, checkRules } from '../../src/schema/rules.js';
import { parseDecimal, compareDecimal, addDecimal, formatDecimal, mulDecimal, negDecimal } from '../../src/encoding/decimal.js';
import { fixtureSchema } from '../../src/schema/fixtures.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { ROOT, listFiles } from '../helpers.js';

const registry = SchemaRegistry.open();
const EX = join(ROOT, 'examples', registry.index.line);
const fixture = (rel: string): Record<string, any> => JSON.parse(readFileSync(join(EX, rel), 'utf8'));
const clone = <T>(v: T): T => structuredClone(v);

t.test('exact decimals', async (t) => {
  const d = (s: string) => parseDecimal(s) as NonNullable<ReturnType<typeof parseDecimal>>;
  t.equal(compareDecimal(d('0.1'), d('0.10')), 0);
  t.equal(formatDecimal(addDecimal(d('0.1'), d('0.2'))), '0.3', 'no binary floating point: 0.1 + 0.2 is 0.3');
  t.equal(formatDecimal(mulDecimal(d('19.99'), 3)), '59.97');
  t.equal(formatDecimal(addDecimal(d('45.00'), negDecimal(d('45.01')))), '-0.01');
  t.ok(compareDecimal(d('100'), d('99.999999')) > 0);
  t.equal(parseDecimal('1e3'), undefined);
  t.equal(parseDecimal('.5'), undefined);
});

t.test('every rule is listed in SPEC.md 5.3', async (t) => {
  const spec = readFileSync(join(ROOT, 'SPEC.md'), 'utf8');
  const table = spec.slice(spec.indexOf('### 5.3'), spec.indexOf('## 6.'));
  for (const [schema, rules] of Object.entries(DOCUMENT_RULES)) {
    t.ok(registry.find(schema)?.kind === 'document', `${schema} is a document schema`);
    t.match(table, `\`${schema}\``, `${schema} is in the table`);
    for (const r of rules) t.match(table, `| \`${r.id}\` |`, `${schema}: ${r.id}`);
  }
});

t.test('every rule holds on the valid fixtures of its document', async (t) => {
  for (const f of listFiles(EX).filter((x) => x.includes('/valid/'))) t.same(checkRules(fixtureSchema(registry, f) as string, fixture(f)), [], f);
});

/** Rules not shown by an invalid fixture, shown here: [schema, fixture, change, code, path]. */
const cases: [string, string, (d: Record<string, any>) => void, string, string][] = [
  ['commercial/checkout.receipt', 'commercial/checkout/valid/checkout.receipt.captured.json', (d) => (d.settlement.amount.currency = 'EUR'), 'ERR_RULE_CURRENCY_MISMATCH', '/settlement/amount/currency'],
  ['commercial/purchase.receipt', 'commercial/purchase/valid/purchase.receipt.captured.json', (d) => (d.amount_breakdown.total.amount = '20.00'), 'ERR_RULE_ARITHMETIC', '/amount_breakdown/total/amount'],
  ['commercial/purchase.receipt', 'commercial/purchase/valid/purchase.receipt.captured.json', (d) => (d.settlement.amount.currency = 'USD'), 'ERR_RULE_CURRENCY_MISMATCH', '/settlement/amount/currency'],
  ['commercial/checkout.receipt', 'commercial/checkout/valid/checkout.receipt.failed.json', (d) => (d.amount_breakdown.subtotal.amount = '40.00'), 'ERR_RULE_ARITHMETIC', '/amount_breakdown/total/amount'],
  ['commercial/checkout.request', 'commercial/checkout/valid/checkout.request.protocol-commercial.json', (d) => (d.items[0].quantity = 2), 'ERR_RULE_ARITHMETIC', '/amount_breakdown/subtotal/amount'],
  ['commercial/purchase.request', 'commercial/purchase/valid/purchase.request.paid-by-proof.json', (d) => (d.items[0].unit_price.currency = 'USD'), 'ERR_RULE_CURRENCY_MISMATCH', '/amount_breakdown/subtotal/currency'],
  ['commercial/purchase.request', 'commercial/purchase/valid/purchase.request.paid-by-proof.json', (d) => (d.amount_breakdown.tax = { amount: '1.00', currency: 'USDC', decimals: 2 }), 'ERR_RULE_ARITHMETIC', '/amount_breakdown/total/amount'],
  ['commercial/authorize.request', 'commercial/authorize/valid/authorize.request.with-payment-requirement.json', (d) => (d.payment_requirement.max_amount.currency = 'USD'), 'ERR_RULE_CURRENCY_MISMATCH', '/amount/currency'],
  [
    'capability/token',
    'capability/token/valid/token.vendor-liaison.incident-network.json',
    (d) => {
      const link = { capability_id: 'x', delegator: 'a'.repeat(64), delegatee: 'b'.repeat(64), timestamp: 10, signature: 'c'.repeat(128) };
      d.delegation_chain = [link, { ...link, delegator: 'd'.repeat(64), timestamp: 11 }];
    },
    'ERR_RULE_BROKEN_CHAIN',
    '/delegation_chain/1/delegator',
  ],
  [
    'capability/token',
    'capability/token/valid/token.vendor-liaison.incident-network.json',
    (d) => {
      const link = { capability_id: 'x', delegator: 'a'.repeat(64), delegatee: 'b'.repeat(64), timestamp: 10, signature: 'c'.repeat(128) };
      d.delegation_chain = [link, { ...link, delegator: 'b'.repeat(64), timestamp: 9 }];
    },
    'ERR_RULE_TIME_ORDER',
    '/delegation_chain/1/timestamp',
  ],
  ['capability/token', 'capability/token/valid/token.vendor-liaison.incident-network.json', (d) => (d.scope.grants[0].max_total_cost.currency = 'EUR'), 'ERR_RULE_CURRENCY_MISMATCH', '/scope/grants/0/max_cost_per_invocation/currency'],
  ['capability/lineage-chain', 'capability/lineage-chain/valid/lineage-chain.root-commander.incident-network.json', (d) => (d.chain[2].id = d.chain[1].id), 'ERR_RULE_DUPLICATE', '/chain/2/id'],
  ['capability/lineage-chain', 'capability/lineage-chain/valid/lineage-chain.root-commander.incident-network.json', (d) => (d.root_capability_id = 'INC-2026-0428-vendor'), 'ERR_RULE_MISMATCH', '/root_capability_id'],
  ['settlement/settlement-reconciliation', 'settlement/settlement-reconciliation/valid/settlement-reconciliation.commerce-network.json', (d) => (d.approved_amount_minor = 130000), 'ERR_RULE_EXCEEDS_LIMIT', '/approved_amount_minor'],
  ['settlement/spend-reconciliation', 'settlement/spend-reconciliation/valid/spend-reconciliation.overrun-fails-receipt.json', (d) => (d.overrun.units = 1), 'ERR_RULE_ARITHMETIC', '/overrun/units'],
  ['settlement/spend-reconciliation', 'settlement/spend-reconciliation/valid/spend-reconciliation.overrun-fails-receipt.json', (d) => (d.actual.currency = 'EUR'), 'ERR_RULE_CURRENCY_MISMATCH', '/actual/currency'],
  ['identity/did-document', 'identity/did-document/valid/did-document.dreamineering.commerce-rails.json', (d) => d.verificationMethod.push(d.verificationMethod[0]), 'ERR_RULE_DUPLICATE', '/verificationMethod/1/id'],
  ['identity/did-document', 'identity/did-document/valid/did-document.dreamineering.commerce-rails.json', (d) => (d.verificationMethod[0].id = 'did:web:elsewhere.example#key-1'), 'ERR_RULE_MISMATCH', '/verificationMethod/0/id'],
  ['identity/did-document', 'identity/did-document/valid/did-document.user-json-web-key.json', (d) => (d.authentication = ['#key-9']), 'ERR_RULE_DANGLING_REFERENCE', '/authentication/0'],
  ['identity/agent-credential', 'identity/agent-credential/valid/agent-credential.seller-agent-with-expiry.json', (d) => (d.validUntil = d.validFrom), 'ERR_RULE_TIME_ORDER', '/validUntil'],
  [
    'discovery/agent-card',
    'discovery/agent-card/valid/agent-card.dreamineering.commerce-rails.json',
    (d) => (d.tools[0].pricing = { pricing_model: 'hybrid', base_price: { units: 1, currency: 'USD' }, unit_price: { units: 1, currency: 'EUR' }, billing_unit: 'page' }),
    'ERR_RULE_CURRENCY_MISMATCH',
    '/tools/0/pricing/unit_price/currency',
  ],
  [
    'mandate/cart-mandate',
    'mandate/cart-mandate/valid/cart-mandate.shipped-goods.json',
    (d) => (d.contents.payment_request.details.shipping_options[0].amount.currency = 'EUR'),
    'ERR_RULE_CURRENCY_MISMATCH',
    '/contents/payment_request/details/shipping_options/0/amount/currency',
  ],
];

t.test('each rule is broken by a one-member change, with its code and path; the schema still passes', async (t) => {
  for (const [schema, file, change, code, path] of cases) {
    const doc = clone(fixture(file));
    change(doc);
    t.ok(registry.validate(schema, doc, { rules: false }).ok, `${file}: the change keeps the schema valid`);
    t.match(checkRules(schema, doc), [{ code, path }], `${schema} ${code} ${path}`);
    t.match(registry.validate(schema, doc), { ok: false, issues: [{ code, path }] }, 'and validate reports it');
  }
});

t.test('every rule is shown: by an invalid fixture or by a case above', async (t) => {
  const shown = new Set<string>();
  for (const f of listFiles(EX).filter((x) => x.endsWith('.expect.json'))) {
    const keyword = fixture(f).keyword as string;
    if (keyword.startsWith('rule:')) shown.add(`${fixtureSchema(registry, f.replace(/\.expect\.json$/, '.json'))}:${keyword.slice(5)}`);
  }
  for (const [schema, file, change] of cases) {
    const doc = clone(fixture(file));
    change(doc);
    for (const issue of checkRules(schema, doc)) shown.add(`${schema}:${String(issue.keyword).slice(5)}`);
  }
  for (const [schema, rules] of Object.entries(DOCUMENT_RULES)) for (const r of rules) t.ok(shown.has(`${schema}:${r.id}`), `${schema} ${r.id}`);
});
