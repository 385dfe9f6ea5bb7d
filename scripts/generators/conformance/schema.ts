/**
 * schema (SPEC.md 4.2, 5): every example fixture, with the verdict its folder and sidecar record;
 * a type recognised from its members, or not guessed at; patterns that backtrack (4.1); names
 * Windows cannot hold (2); and the document rules' times and decimals (5.3, 6.1, 6.2).
 */
import { join } from 'node:path';
import { listFiles } from '../../../src/io/files.js';
import { fixtureSchema } from '../../../src/schema/fixtures.js';
import { SchemaRegistry } from '../../../src/schema/registry.js';
import { accept, at, EXAMPLES, fixture, mut, readJson, reject, vector, type Change, type Expect } from './shared.js';
import { agentCredential, meteredCard, seedCheckout } from './world.js';

const registry = SchemaRegistry.open();

export function schemaVectors(): void {
  for (const file of listFiles(EXAMPLES)) {
    if (!file.endsWith('.json') || file.endsWith('.expect.json') || file.startsWith('transactions/')) continue;
    const [, , kind, name] = file.split('/') as [string, string, string, string];
    const schema = fixtureSchema(registry, file);
    if (schema === undefined) throw new Error(`${file} is named for no schema of the line`);
    const [family, doc] = schema.split('/') as [string, string];
    const caseName = name.slice(doc.length + 1, -'.json'.length);
    const document = readJson(join(EXAMPLES, file));
    if (kind === 'valid') {
      vector(`schema/${family}/${doc}/${caseName}`, '5.1', `A valid ${schema} (the example fixture ${file}).`, { schema, document }, at(0), accept());
    } else {
      const sidecar = readJson(join(EXAMPLES, file.replace(/\.json$/, '.expect.json')));
      vector(`schema/${family}/${doc}/${caseName}`, sidecar.keyword.startsWith('rule:') ? '5.3' : '5.2', `An invalid ${schema}: it breaks ${sidecar.keyword} at ${sidecar.path || '(root)'} and nothing else (the example fixture ${file}).`, { schema, document }, at(0), reject(sidecar.code));
    }
  }
  vector('schema/detect/checkout-request', '4.2', 'Without a schema named, the type is recognised from the members: a checkout request.', { document: seedCheckout }, at(0), accept({ output: 'commercial/checkout.request' }));
  vector('schema/detect/capability-token', '4.2', 'Without a schema named, the type is recognised from the members: a capability token.', { document: fixture('capability/token', 'root-commander.incident-network') }, at(0), accept({ output: 'capability/token' }));
  vector('schema/detect/undetected', '4.2', 'A document whose members match no type is not guessed at.', { document: { hello: 'world' } }, at(0), reject('ERR_SCHEMA_UNDETECTED'));
  vector('schema/detect/ambiguous', '4.2', 'A document whose members match two types (a vector and an adapter command at once) is not guessed at.', { document: { cmd: 'stop', profile: 'jcs', input: {}, expect: { verdict: 'accept' } } }, at(0), reject('ERR_SCHEMA_AMBIGUOUS'));
  vector('schema/unknown-schema', '4.2', 'A schema id that is not in the line is refused, not fetched.', { schema: 'commercial/refund.request', document: {} }, at(0), reject('ERR_SCHEMA_UNKNOWN'));
  vector('schema/detect/not-an-object', '4.2', 'A document that is an array has no members for a rule to match: no type is guessed.', { document: [seedCheckout] }, at(0), reject('ERR_SCHEMA_UNDETECTED'));
  vector('schema/detect/agent-and-merchant-credential', '4.2', 'A credential whose type claims both AgentCredential and MerchantCredential matches two types at once and is not guessed at.', { document: mut(fixture('identity/agent-credential', 'shopping-agent.commerce-rails'), (d) => d.type.push('MerchantCredential')) }, at(0), reject('ERR_SCHEMA_AMBIGUOUS'));
  vector('schema/unknown-schema-in-another-case', '2', 'A schema id of a known type in another letter case (capability/Token): short ids are exact names, so it names no schema of the line.', { schema: 'capability/Token', document: fixture('capability/token', 'root-commander.incident-network') }, at(0), reject('ERR_SCHEMA_UNKNOWN'));
  // Patterns that backtrack (issue 10, SPEC.md 4.1): the extension-name pattern of the first drafts
  // tried every way of splitting a run of _ after a / or # (2^n of them) before refusing the name.
  const withExtension = (name: string) => ({ schema: 'discovery/agent-card', document: { ...meteredCard, extensions: { [name]: true } } });
  vector('schema/backtracking/extension-name', '4.1', 'Catastrophic backtracking: an extension member name of 60 characters (t.t#_, a run of _, then :) that a pattern with ambiguous repetitions takes minutes to refuse. It is no reverse-DNS name, and is refused at once.', withExtension(`t.t#_${'_'.repeat(54)}:`), at(0), reject('ERR_SCHEMA_PROPERTY_NAME'));
  vector('schema/backtracking/extension-name-longest', '4.1', 'An extension member name of 256 characters, the most allowed, made of the parts the pattern repeats.', withExtension(`com.example${'/a_b#c.d'.repeat(30)}/${'e'.repeat(4)}`), at(0), accept());
  vector('schema/backtracking/extension-name-too-long', '4.1', 'An extension member name of 257 characters.', withExtension(`com.example${'/a_b#c.d'.repeat(30)}/${'e'.repeat(5)}`), at(0), reject('ERR_SCHEMA_PROPERTY_NAME'));
  // Names Windows cannot hold as themselves (SPEC.md 2): each would be another file, or a device, there.
  const manifestListing = (...paths: string[]) => ({ schema: 'bundle/manifest', document: { artifacts: Object.fromEntries(paths.map((p) => [p, `sha256:${'0'.repeat(64)}`])) } });
  vector('schema/windows-path/trailing-dot', '2', 'A bundle manifest listing receipt.json and receipt.json. (with a trailing dot): on Windows the dot is dropped and both name one file.', manifestListing('receipt.json', 'receipt.json.'), at(0), reject('ERR_SCHEMA_PROPERTY_NAME'));
  vector('schema/windows-path/trailing-dot-folder', '2', 'A bundle manifest listing a./b.json: the folder a. is the folder a on Windows.', manifestListing('a./b.json'), at(0), reject('ERR_SCHEMA_PROPERTY_NAME'));
  vector('schema/windows-path/device-name', '2', 'A bundle manifest listing logs/NUL.json: on Windows, in any folder, that is the null device.', manifestListing('logs/NUL.json'), at(0), reject('ERR_SCHEMA_PROPERTY_NAME'));
  vector('schema/windows-path/device-name-lower-case', '2', 'A bundle manifest listing com1.tar.gz: a device name in any case, before any extension.', manifestListing('com1.tar.gz'), at(0), reject('ERR_SCHEMA_PROPERTY_NAME'));
  vector('schema/windows-path/near-device-names', '2', 'Names that only look like device names are files: com10.json, console.log, auxiliary/lpt.json, a.con.', manifestListing('com10.json', 'console.log', 'auxiliary/lpt.json', 'a.con'), at(0), accept());
  {
    // Two times compared (a credential's validity, SPEC.md 5.3): fractions digit by digit.
    const validity = (name: string, description: string, validFrom: string, validUntil: string, expect: Expect): void =>
      vector(`schema/encoding/validity/${name}`, '6.2', description, { schema: 'identity/agent-credential', document: { ...agentCredential, validFrom, validUntil } }, at(0), expect);
    validity('fraction-with-a-leading-zero', 'validFrom 2026-11-01T00:00:00.05Z, validUntil 2026-11-01T00:00:00.1Z: 0.05 is before 0.1.', '2026-11-01T00:00:00.05Z', '2026-11-01T00:00:00.1Z', accept());
    validity('fraction-later', 'validFrom 2026-11-01T00:00:00.2Z, validUntil 2026-11-01T00:00:00.1Z: not after.', '2026-11-01T00:00:00.2Z', '2026-11-01T00:00:00.1Z', reject('ERR_RULE_TIME_ORDER'));
    validity('fraction-equal-with-trailing-zeros', 'validFrom 2026-11-01T00:00:00.100Z, validUntil 2026-11-01T00:00:00.1Z: the same instant, so not after.', '2026-11-01T00:00:00.100Z', '2026-11-01T00:00:00.1Z', reject('ERR_RULE_TIME_ORDER'));
    validity('february-before-march', 'validFrom 2027-02-28T00:00:00Z, validUntil 2027-03-01T00:00:00Z.', '2027-02-28T00:00:00Z', '2027-03-01T00:00:00Z', accept());
    validity('january-after-february', 'validFrom 2027-02-01T00:00:00Z, validUntil 2027-01-31T00:00:00Z: before it.', '2027-02-01T00:00:00Z', '2027-01-31T00:00:00Z', reject('ERR_RULE_TIME_ORDER'));
  }
  {
    // Exact decimals (SPEC.md 6.1) in an order's breakdown (5.3).
    const order = (name: string, description: string, change: Change, expect: Expect): void => vector(`schema/encoding/breakdown/${name}`, '6.1', description, { schema: 'commercial/checkout.request', document: mut(seedCheckout, change) }, at(0), expect);
    const m = (amount: string) => ({ amount, currency: 'USDC', decimals: 2 });
    order('discount', 'Subtotal 49.99 less a discount of 10.00 is the total 39.99.', (d) => ((d.amount_breakdown.discount = m('10.00')), (d.amount_breakdown.total = m('39.99'))), accept());
    order('discount-not-taken', 'Subtotal 49.99, a discount of 10.00 and a total of 49.99: the discount is not subtracted.', (d) => (d.amount_breakdown.discount = m('10.00')), reject('ERR_RULE_ARITHMETIC'));
    order('discount-added', 'Subtotal 49.99, a discount of 10.00 and a total of 59.99: the discount added, not subtracted.', (d) => ((d.amount_breakdown.discount = m('10.00')), (d.amount_breakdown.total = m('59.99'))), reject('ERR_RULE_ARITHMETIC'));
    order('total-with-fewer-digits', 'Items of 2 × 24.95 make the subtotal 49.90, and a total written 49.9 is the same amount.', (d) => ((d.items[0].quantity = 2), (d.items[0].unit_price = m('24.95')), (d.amount_breakdown.subtotal = m('49.90')), (d.amount_breakdown.total = m('49.9'))), accept());
    order('subtotal-with-fewer-digits', 'One item of 49.90 and a subtotal written 49.9.', (d) => ((d.items[0].unit_price = m('49.90')), (d.amount_breakdown.subtotal = m('49.9')), (d.amount_breakdown.total = m('49.90'))), accept());
    order('tax-with-fewer-digits', 'Subtotal 49.90 and tax 5.1 make the total 55.00.', (d) => ((d.items[0].unit_price = m('49.90')), (d.amount_breakdown.subtotal = m('49.90')), (d.amount_breakdown.tax = m('5.1')), (d.amount_breakdown.total = m('55.00'))), accept());
    order('tax-with-fewer-digits-wrong', 'Subtotal 49.90 and tax 5.1 with a total of 54.91.', (d) => ((d.items[0].unit_price = m('49.90')), (d.amount_breakdown.subtotal = m('49.90')), (d.amount_breakdown.tax = m('5.1')), (d.amount_breakdown.total = m('54.91'))), reject('ERR_RULE_ARITHMETIC'));
    // Detection reads members through pointers (SPEC.md 4.2): a null where a rule looks inside is no member.
    vector('schema/encoding/detect-through-null', '4.2', 'A document whose contents, task and execution are null: the rules that look inside them find nothing, and no type is guessed.', { document: { contents: null, task: null, execution: null } }, at(0), reject('ERR_SCHEMA_UNDETECTED'));
  }
}
