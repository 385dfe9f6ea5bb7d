/**
 * Every JSON document the source documents print (SPEC.md 8; kept in test/sources/, one file per
 * printed document) is kept as a valid fixture named after its source, and corresponds to what
 * the source prints:
 *
 * - member names and values are the printed ones, after the one documented mapping of spellings
 *   (test/spellings.ts, stated in SPEC.md 8);
 * - an elided value ("f257309e...d6ed0", "<TRUST_PORT>") may be filled with any string, but the
 *   same elided text is filled with the same value everywhere in the source;
 * - an elided member list ("...": "...") may be filled with any members;
 * - the only other members added are the ones a filled-in artifact carries and the excerpt
 *   leaves out, listed per document below (a capability's signature), and a list listed there may
 *   carry items after the printed ones: the Incident Network's root and vendor capabilities print
 *   one grant of several (the code above them shows more), and writ's carry the delegable
 *   provider-ops grant the coordinator's is narrowed from (SPEC.md 8).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { SchemaRegistry } from '../src/schema/registry.js';
import { fixtureSchema } from '../src/schema/fixtures.js';
import { MEMBER_NAMES, VALUES, toWritSpelling } from './spellings.js';
import { ROOT } from './helpers.js';

const registry = SchemaRegistry.open();
const EX = join(ROOT, 'examples', registry.index.line);
const SOURCES = join(ROOT, 'test', 'sources');

/** The public title of each source, by the folder its printed documents are kept in (SPEC.md 8). */
const TITLES: Readonly<Record<string, string>> = {
  'commerce-network': 'chio: Agent Commerce Network',
  'incident-network': 'chio: Internet of Agents: Incident Network',
  'protocol-commercial': 'CommandLayer Protocol-Commercial v1.1.0 README',
};

/** A printed document as kept: its source's public title and the JSON as printed. */
const kept = (source: string, name: string): { source: string; printed: unknown } => JSON.parse(readFileSync(join(SOURCES, source, name), 'utf8'));

const elided = (s: string) => s.includes('...') || /<[A-Z_]+>/.test(s);

/** Differences between a printed value (writ spelling) and the fixture, as readable strings. */
function correspond(want: unknown, got: unknown, path: string, fills: Map<string, unknown>, added: readonly string[], out: string[]): void {
  if (typeof want === 'string' && elided(want)) {
    if (typeof got !== 'string' && !(want === '...' && got !== undefined)) out.push(`${path}: elided ${want} must be filled, got ${JSON.stringify(got)}`);
    if (fills.has(want) && JSON.stringify(fills.get(want)) !== JSON.stringify(got)) out.push(`${path}: ${want} is filled two ways`);
    fills.set(want, got);
    return;
  }
  if (Array.isArray(want)) {
    // A list named in `added` may carry items after the printed ones (an excerpt of a longer list).
    const longer = added.includes(path) && Array.isArray(got) && got.length > want.length;
    if (!Array.isArray(got) || (got.length !== want.length && !longer)) return void out.push(`${path}: expected ${want.length} items`);
    want.forEach((w, i) => correspond(w, got[i], `${path}/${i}`, fills, added, out));
    return;
  }
  if (want !== null && typeof want === 'object') {
    if (got === null || typeof got !== 'object' || Array.isArray(got)) return void out.push(`${path}: expected an object`);
    const w = want as Record<string, unknown>;
    const g = got as Record<string, unknown>;
    const open = w['...'] === '...';
    for (const [k, v] of Object.entries(w)) if (k !== '...') correspond(v, g[k], `${path}/${k}`, fills, added, out);
    if (!open) for (const k of Object.keys(g)) if (!(k in w) && !added.includes(`${path}/${k}`)) out.push(`${path}/${k}: not printed by the source`);
    return;
  }
  if (want !== got) out.push(`${path}: printed ${JSON.stringify(want)}, kept ${JSON.stringify(got)}`);
}

interface Printed {
  /** The fixture that keeps the printed document. */
  readonly fixture: string;
  /** Members a filled-in artifact carries that the excerpt leaves out. */
  readonly added?: readonly string[];
  /** The printed value sits at this pointer of the fixture (a jq projection of a document). */
  readonly within?: string;
}

/** For each source, each printed document kept (test/sources/<source>/<name>) and its fixture. */
const KEPT: Readonly<Record<string, Readonly<Record<string, Printed>>>> = {
  'protocol-commercial': { 'checkout.request.json': { fixture: 'commercial/checkout/valid/checkout.request.protocol-commercial.json' } },
  'commerce-network': {
    'quote.request.json': { fixture: 'commercial/quote/valid/quote.request.commerce-network.json' },
    'quote.response.json': { fixture: 'commercial/quote/valid/quote.response.commerce-network.json' },
    'fulfillment-package.json': { fixture: 'task/fulfillment-package/valid/fulfillment-package.commerce-network.json' },
    'governed-intent.json': { fixture: 'intent/governed-intent/valid/governed-intent.commerce-network.json' },
    'tool-call.buyer.json': { fixture: 'receipt/tool-call/valid/tool-call.buyer.commerce-network.json' },
    'tool-call.provider.json': { fixture: 'receipt/tool-call/valid/tool-call.provider.commerce-network.json' },
    'settlement-reconciliation.json': { fixture: 'settlement/settlement-reconciliation/valid/settlement-reconciliation.commerce-network.json' },
  },
  'incident-network': {
    'token.root-commander.json': { fixture: 'capability/token/valid/token.root-commander.incident-network.json', added: ['/signature', '/scope/grants'] },
    'token.vendor-liaison.json': { fixture: 'capability/token/valid/token.vendor-liaison.incident-network.json', added: ['/signature', '/scope/grants'] },
    'lineage-chain.root-commander.json': { fixture: 'capability/lineage-chain/valid/lineage-chain.root-commander.incident-network.json', within: '/chain' },
    'task-created.json': { fixture: 'task/task-created/valid/task-created.incident-network.json' },
    'process-task-request.json': { fixture: 'task/process-task-request/valid/process-task-request.incident-network.json' },
    'revoke-response.json': { fixture: 'capability/revoke-response/valid/revoke-response.incident-network.json' },
    'process-task-response.revoked-ancestor.json': { fixture: 'task/process-task-response/valid/process-task-response.revoked-ancestor.incident-network.json' },
  },
};

t.test('every printed document kept in test/sources has a fixture, and names its source by its public title', async (t) => {
  t.same(readdirSync(SOURCES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort(), Object.keys(TITLES).sort(), 'one folder per source');
  for (const [source, documents] of Object.entries(KEPT)) {
    t.same(readdirSync(join(SOURCES, source)).sort(), Object.keys(documents).sort(), `${source}: every kept document is checked`);
    for (const name of Object.keys(documents)) t.equal(kept(source, name).source, TITLES[source], `${source}/${name}`);
  }
});

for (const [source, documents] of Object.entries(KEPT)) {
  t.test(`${TITLES[source]}: each printed document is kept, as written or through the mapping`, async (t) => {
    const fills = new Map<string, unknown>();
    for (const [name, d] of Object.entries(documents)) {
      const fixture = JSON.parse(readFileSync(join(EX, d.fixture), 'utf8'));
      const schema = fixtureSchema(registry, d.fixture) as string;
      t.ok(registry.validate(schema, fixture).ok, `${d.fixture} is valid`);
      t.ok(d.fixture.endsWith(`.${source}.json`), `${d.fixture} is named after its source`);
      const want = toWritSpelling(kept(source, name).printed);
      const got = d.within === undefined ? fixture : (fixture as Record<string, unknown>)[d.within.slice(1)];
      const problems: string[] = [];
      correspond(want, got, '', fills, d.added ?? [], problems);
      t.same(problems, [], d.fixture);
    }
  });
}

t.test('the correspondence can fail: a fixture that differs from its printed document is caught', async (t) => {
  const want = toWritSpelling(kept('commerce-network', 'governed-intent.json').printed) as Record<string, unknown>;
  const fixture = JSON.parse(readFileSync(join(EX, KEPT['commerce-network']!['governed-intent.json']!.fixture), 'utf8')) as Record<string, unknown>;
  const problems: string[] = [];
  correspond(want, { ...fixture, intent_id: 'intent_other', unprinted: true }, '', new Map(), [], problems);
  t.same(problems, ['/intent_id: printed "intent_lattice_vanguard_001", kept "intent_other"', '/unprinted: not printed by the source']);
});

t.test('the mapping is the one SPEC.md states', async (t) => {
  const spec = readFileSync(join(ROOT, 'SPEC.md'), 'utf8');
  for (const [printedName, writName] of Object.entries(MEMBER_NAMES)) t.match(spec, `| \`${printedName}\` | \`${writName}\` |`, printedName);
  for (const [member, values] of Object.entries(VALUES)) {
    for (const [printedValue, writValue] of Object.entries(values)) t.match(spec, `| \`${member}\` \`"${printedValue}"\` | \`"${writValue}"\` |`, `${member} ${printedValue}`);
  }
});

t.test('the mapping is needed: the documents as printed are not in writ spelling', async (t) => {
  const root = kept('incident-network', 'token.root-commander.json').printed;
  t.notOk(registry.validate('capability/token', { ...(root as object), signature: 'a'.repeat(128) }).ok, 'camelCase caps are not writ members');
  const intent = kept('commerce-network', 'governed-intent.json').printed;
  t.match(registry.validate('intent/governed-intent', intent), { ok: false });
});
