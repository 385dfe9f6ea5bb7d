/**
 * Every JSON document printed in seeds 000, 001 and 004 (seed 002 prints none) is kept as a valid
 * fixture named after its source, and corresponds to what the seed prints:
 *
 * - member names and values are the printed ones, after the one documented mapping of spellings
 *   (test/seed-mapping.ts, stated in SPEC.md);
 * - an elided value ("f257309e...d6ed0", "<TRUST_PORT>") may be filled with any string, but the
 *   same elided text is filled with the same value everywhere in the seed;
 * - an elided member list ("...": "...") may be filled with any members;
 * - the only other members added are the ones a filled-in artifact carries and the excerpt
 *   leaves out, listed per document below (a capability's signature), and a list listed there may
 *   carry items after the printed ones: seed 001's root and vendor capabilities print one grant
 *   of several (the code above them shows more), and writ's carry the delegable provider-ops
 *   grant the coordinator's is narrowed from (SPEC.md 8).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { SchemaRegistry } from '../src/schema/registry.js';
import { fixtureSchema } from '../src/schema/fixtures.js';
import { MEMBER_NAMES, VALUES, toWritSpelling } from './seed-mapping.js';
import { ROOT, SHARED } from './helpers.js';

const registry = SchemaRegistry.open();
const EX = join(ROOT, 'examples', registry.index.line);
const seedText = (prefix: string) => {
  const dir = join(SHARED, 'seeds');
  return readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith(prefix)) as string), 'utf8');
};

/** The JSON value printed around `marker`: from the nearest opener (`{`, or `[` for a list) before it, balanced. */
function printed(text: string, marker: string, opener: '{' | '[' = '{'): unknown {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`marker not found: ${marker}`);
  const start = text.lastIndexOf(opener, at);
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return JSON.parse(text.slice(start, i + 1));
  }
  throw new Error(`unbalanced after ${marker}`);
}

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
    if (!open) for (const k of Object.keys(g)) if (!(k in w) && !added.includes(`${path}/${k}`)) out.push(`${path}/${k}: not printed by the seed`);
    return;
  }
  if (want !== got) out.push(`${path}: printed ${JSON.stringify(want)}, kept ${JSON.stringify(got)}`);
}

interface Printed {
  readonly fixture: string;
  readonly marker: string;
  /** Members a filled-in artifact carries that the excerpt leaves out. */
  readonly added?: readonly string[];
  /** The printed value sits at this pointer of the fixture (a jq projection of a document). */
  readonly within?: string;
}

const SEEDS: Record<string, readonly Printed[]> = {
  '004_': [{ fixture: 'commercial/checkout/valid/checkout.request.seed-004.json', marker: '"protocol": "commercial",\n"version": "1.1.0",\n"verb": "checkout"' }],
  '000_': [
    { fixture: 'commercial/quote/valid/quote.request.seed-000.json', marker: '"quote_id": "quote_req_lattice_001",\n"buyer_id"' },
    { fixture: 'commercial/quote/valid/quote.response.seed-000.json', marker: '"quote_id": "quote_vanguard_001",\n"request_id"' },
    { fixture: 'task/fulfillment-package/valid/fulfillment-package.seed-000.json', marker: '"fulfillment_id": "fulfillment_vanguard_001"' },
    { fixture: 'intent/governed-intent/valid/governed-intent.seed-000.json', marker: '"intent_id": "intent_lattice_vanguard_001"' },
    { fixture: 'receipt/tool-call/valid/tool-call.buyer.seed-000.json', marker: '"id": "rcpt-019d921b-buyer-...",' },
    { fixture: 'receipt/tool-call/valid/tool-call.provider.seed-000.json', marker: '"id": "rcpt-019d921b-provider-...",' },
    { fixture: 'settlement/settlement-reconciliation/valid/settlement-reconciliation.seed-000.json', marker: '"settlement_id": "settlement_lattice_vanguard_001"' },
  ],
  '001_': [
    { fixture: 'capability/token/valid/token.root-commander.seed-001.json', marker: '"id": "cap-019d921b-root-commander-...",\n  "subject"', added: ['/signature', '/scope/grants'] },
    { fixture: 'capability/token/valid/token.vendor-liaison.seed-001.json', marker: '"id": "INC-2026-0428-vendor",\n  "subject"', added: ['/signature', '/scope/grants'] },
    { fixture: 'capability/lineage-chain/valid/lineage-chain.root-commander.seed-001.json', marker: '{ "id": "cap-019d921b-root-commander-...", "delegation_depth": 0', within: '/chain' },
    { fixture: 'task/task-created/valid/task-created.seed-001.json', marker: '"task_id": "task_INC-2026-0428_001",\n  "incident_id"' },
    { fixture: 'task/process-task-request/valid/process-task-request.seed-001.json', marker: '"task": {\n    "task_id"' },
    { fixture: 'capability/revoke-response/valid/revoke-response.seed-001.json', marker: '"capability_id": "INC-2026-0428-vendor",\n  "revoked"' },
    { fixture: 'task/process-task-response/valid/process-task-response.revoked-ancestor.seed-001.json', marker: '"execution": {' },
  ],
};

for (const [seed, documents] of Object.entries(SEEDS)) {
  t.test(`seed ${seed.slice(0, 3)}: each printed document is kept, as written or through the mapping`, async (t) => {
    const text = seedText(seed);
    const fills = new Map<string, unknown>();
    for (const d of documents) {
      const kept = JSON.parse(readFileSync(join(EX, d.fixture), 'utf8'));
      const schema = fixtureSchema(registry, d.fixture) as string;
      t.ok(registry.validate(schema, kept).ok, `${d.fixture} is valid`);
      t.match(d.fixture, new RegExp(`\\.seed-${seed.slice(0, 3)}\\.json$`), 'named after its source');
      const want = toWritSpelling(printed(text, d.marker, d.within === undefined ? '{' : '['));
      const got = d.within === undefined ? kept : (kept as Record<string, unknown>)[d.within.slice(1)];
      const problems: string[] = [];
      correspond(want, got, '', fills, d.added ?? [], problems);
      t.same(problems, [], d.fixture);
    }
  });
}

t.test('the mapping is the one SPEC.md states', async (t) => {
  const spec = readFileSync(join(ROOT, 'SPEC.md'), 'utf8');
  for (const [seedName, writName] of Object.entries(MEMBER_NAMES)) t.match(spec, `| \`${seedName}\` | \`${writName}\` |`, seedName);
  for (const [member, values] of Object.entries(VALUES)) {
    for (const [seedValue, writValue] of Object.entries(values)) t.match(spec, `| \`${member}\` \`"${seedValue}"\` | \`"${writValue}"\` |`, `${member} ${seedValue}`);
  }
});

t.test('the mapping is needed: the seeds as printed are not in writ spelling', async (t) => {
  const root = printed(seedText('001_'), '"id": "cap-019d921b-root-commander-...",\n  "subject"');
  t.notOk(registry.validate('capability/token', { ...(root as object), signature: 'a'.repeat(128) }).ok, 'camelCase caps are not writ members');
  const intent = printed(seedText('000_'), '"intent_id": "intent_lattice_vanguard_001"');
  t.match(registry.validate('intent/governed-intent', intent), { ok: false });
});
