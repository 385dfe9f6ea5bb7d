/**
 * A differential test against CommandLayer Protocol-Commercial v1.1.0 (SPEC.md 7.1): its own
 * published schemas (test/vectors/protocol-commercial/, see test/vectors/PROVENANCE.md), compiled
 * the way its own validation compiles them (Ajv, draft 2020-12, strict, with ajv-formats), are
 * run beside writ's schemas on every commercial fixture of both projects and on variants of each
 * valid one. writ may refuse what Protocol-Commercial accepts only by a rule of SPEC 7.1's
 * compatibility table, which this test reads from SPEC.md; it may never accept what
 * Protocol-Commercial refuses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import t from 'tap';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { ROOT, VECTORS } from '../helpers.js';
import { enumsByName, variants } from './variants.js';

const PC = join(VECTORS, 'protocol-commercial');
const PC_SCHEMAS = join(PC, 'schemas', 'v1.1.0', 'commercial');
const PC_EXAMPLES = join(PC, 'examples', 'v1.1.0', 'commercial');
const KINDS = ['request', 'receipt'] as const;
const VERBS = readdirSync(PC_SCHEMAS).sort();
const registry = SchemaRegistry.open();
const WRIT_EXAMPLES = join(ROOT, 'examples', registry.index.line, 'commercial');
const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** One issue as the comparison sees it. */
interface Refusal {
  readonly keyword: string;
  readonly path: string;
}

// ---------------------------------------------------------------------------------------------
// SPEC 7.1's compatibility table: what writ adds, the issues it refuses with, and why.

/** A row of the table. */
interface Addition {
  readonly n: string;
  readonly rule: string;
  readonly keyword: RegExp;
  readonly paths: readonly RegExp[];
  readonly why: string;
}

const glob = (text: string, segments: boolean): RegExp => {
  if (!segments) return new RegExp(`^${text.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  const parts = text.split('/').map((seg, i) => {
    if (seg === '**') return '(?:/[^/]*)*';
    if (i === 0 && seg === '') return '';
    return `/${seg.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}`;
  });
  return new RegExp(`^${parts.join('')}$`);
};

function additions(): Addition[] {
  const spec = readFileSync(join(ROOT, 'SPEC.md'), 'utf8');
  const section = spec.slice(spec.indexOf('### 7.1 Commercial'), spec.indexOf('### 7.2 '));
  const table = section.slice(section.indexOf('**Compatibility.**'), section.indexOf('**Envelope.**'));
  const rows: Addition[] = [];
  for (const line of table.split('\n')) {
    const cells = /^\| (\d+) \| (.+) \| (.+) \| (.+) \|$/.exec(line);
    if (cells === null) continue;
    const [, n, rule, refused, why] = cells as unknown as [string, string, string, string, string];
    const spans = [...refused.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
    const [keyword, ...paths] = spans;
    if (keyword === undefined || paths.length === 0 || !/^`[^`]+` at `/.test(refused)) throw new Error(`SPEC 7.1 row ${n}: "refused as" must read \`keyword\` at \`path\`, ...`);
    rows.push({ n, rule, keyword: glob(keyword, false), paths: paths.map((p) => glob(p, true)), why: why.trim() });
  }
  return rows;
}

const TABLE = additions();
/** The row that lists an issue, if one does. */
const listedBy = (issue: Refusal): Addition | undefined => TABLE.find((row) => row.keyword.test(issue.keyword) && row.paths.some((p) => p.test(issue.path)));

// ---------------------------------------------------------------------------------------------
// The two sides.

// As Protocol-Commercial's scripts/validate-examples.mjs compiles them: Ajv 2020, strict, all
// errors, ajv-formats in its default (full) mode. It also loads ajv-errors, for an `errorMessage`
// keyword its schemas do not use: strict mode refuses an unknown keyword, so compiling proves it.
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: false });
addFormats.default(ajv);
const theirs = new Map<string, ValidateFunction>();
const enums = new Map<string, ReturnType<typeof enumsByName>>();
for (const verb of VERBS) {
  for (const kind of KINDS) {
    const schema = json(join(PC_SCHEMAS, verb, `${verb}.${kind}.schema.json`));
    theirs.set(`commercial/${verb}.${kind}`, ajv.compile(schema as object));
    enums.set(`commercial/${verb}.${kind}`, enumsByName(schema));
  }
}
const IDS = [...theirs.keys()];

/** writ's verdict: null when it accepts, else its issues. */
const writ = (id: string, doc: unknown): readonly Refusal[] | null => {
  const r = registry.validate(id, doc);
  return r.ok ? null : r.issues.map((i) => ({ keyword: i.keyword ?? i.code, path: i.path }));
};

/** What one side accepting and the other refusing looked like. */
interface Disagreement {
  readonly id: string;
  readonly base: string;
  readonly change: string;
  readonly issues?: readonly Refusal[];
}

/** The outcome of comparing two sides over the variants of some documents. */
interface Comparison {
  readonly compared: number;
  /** Ours accepts, theirs refuses. */
  readonly accepts: Disagreement[];
  /** Ours refuses, theirs accepts: all of ours' issues, with the rows that list them. */
  readonly refuses: (Disagreement & { readonly rows: readonly (Addition | undefined)[] })[];
}

/**
 * Compare two validators over every variant of some documents valid on both sides.
 *
 * @param id - the schema id (for the enumerated values and the report).
 * @param bases - named documents of that type.
 * @param ours - null when it accepts, else its issues.
 * @param accepts - the other side's verdict.
 */
function compare(id: string, bases: readonly [string, unknown][], ours: (doc: unknown) => readonly Refusal[] | null, accepts: (doc: unknown) => boolean): Comparison {
  const out: Comparison = { compared: 0, accepts: [], refuses: [] };
  for (const [name, base] of bases) {
    const donors = bases.filter(([other]) => other !== name).map(([, doc]) => doc);
    for (const v of variants(base, enums.get(id) ?? new Map(), donors)) {
      (out as { compared: number }).compared++;
      const mine = ours(v.doc);
      const other = accepts(v.doc);
      if (mine === null && !other) out.accepts.push({ id, base: name, change: v.change });
      if (mine !== null && other) out.refuses.push({ id, base: name, change: v.change, issues: mine, rows: mine.map(listedBy) });
    }
  }
  return out;
}

const fixtures = (dir: string, prefix: string): [string, unknown][] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.expect.json') && f.includes(prefix))
    .sort()
    .map((f) => [f, json(join(dir, f))]);

// ---------------------------------------------------------------------------------------------

t.test('SPEC 7.1 lists each addition with the issues it refuses with and why', async (t) => {
  t.ok(TABLE.length >= 5, `${TABLE.length} rows`);
  t.same(
    TABLE.map((r) => r.n),
    TABLE.map((_, i) => String(i + 1)),
    'numbered 1, 2, ...',
  );
  for (const row of TABLE) t.ok(row.why.length > 20, `row ${row.n} gives its reason`);
  t.ok(listedBy({ keyword: 'const', path: '/payment_input/payment_session_ref/type' }), 'a pattern with ** matches at any depth');
  t.notOk(listedBy({ keyword: 'required', path: '/merchant' }), 'a missing member is listed by no row');
  t.notOk(listedBy({ keyword: 'const', path: '/settlement/status/x' }), 'a path matches whole, not as a prefix');
});

t.test("Protocol-Commercial's 30 fixtures classify in writ as they do in Protocol-Commercial", async (t) => {
  let count = 0;
  for (const verb of VERBS) {
    for (const group of ['valid', 'invalid'] as const) {
      for (const [file, doc] of fixtures(join(PC_EXAMPLES, verb, group), verb)) {
        count++;
        const m = /^\d+-([a-z]+\.(?:request|receipt))\.(valid|invalid)\.json$/.exec(file);
        t.ok(m, `${file} is named <n>-<verb>.<kind>.<valid|invalid>.json`);
        if (m === null) continue;
        const id = `commercial/${m[1]}`;
        t.equal(m[2], group, `${file} is in the folder its name gives`);
        t.equal(theirs.get(id)?.(doc), group === 'valid', `${verb}/${group}/${file} is ${group} under Protocol-Commercial's schema`);
        const mine = writ(id, doc);
        t.equal(mine === null, group === 'valid', `${verb}/${group}/${file} is ${group} in writ${mine === null ? '' : `: ${JSON.stringify(mine)}`}`);
        if (group === 'valid') {
          const detected = registry.detect(doc);
          t.equal(detected.ok ? detected.schema.id : detected.code, id, `${file} is recognised as ${id}`);
        }
      }
    }
  }
  t.equal(count, 30);
});

t.test('every writ commercial fixture: valid ones are valid there, invalid ones are invalid there or refused by a listed rule', async (t) => {
  let valid = 0;
  let listed = 0;
  for (const id of IDS) {
    const [verb, kind] = id.slice('commercial/'.length).split('.') as [string, string];
    const check = theirs.get(id) as ValidateFunction;
    for (const [file, doc] of fixtures(join(WRIT_EXAMPLES, verb, 'valid'), `${verb}.${kind}.`)) {
      valid++;
      t.ok(check(doc), `valid/${file} is valid under Protocol-Commercial${check.errors ? `: ${ajv.errorsText(check.errors)}` : ''}`);
    }
    for (const [file, doc] of fixtures(join(WRIT_EXAMPLES, verb, 'invalid'), `${verb}.${kind}.`)) {
      if (!check(doc)) continue;
      listed++;
      const expect = json(join(WRIT_EXAMPLES, verb, 'invalid', file.replace(/\.json$/, '.expect.json'))) as Refusal;
      const row = listedBy(expect);
      t.ok(row, `invalid/${file} is valid under Protocol-Commercial, and writ refuses it (${expect.keyword} at ${expect.path}) by SPEC 7.1 row ${row?.n ?? '(none)'}`);
    }
  }
  t.ok(valid >= 30, `${valid} valid writ fixtures`);
  t.ok(listed > 0, `${listed} invalid writ fixtures are valid there, each refused by a listed rule`);
});

/**
 * Disagreements that are known and not this test's to resolve: the payment layers (SPEC 7.1,
 * "Payment layers") are their own work. Their URIs (`payment_proof.uri`, the requirement's and
 * the session's `resource`) still take the common URI, which lets `https:` through where
 * Protocol-Commercial's validation refuses it. Each entry must still disagree: once resolved, it
 * is removed from here.
 */
const PENDING: readonly { readonly path: RegExp; readonly why: string }[] = [
  { path: glob('**/payment_proof/uri', true), why: 'payment_proof.uri takes the common uri, without the commercial uri pattern' },
  { path: glob('**/payment_requirement/resource', true), why: 'payment_requirement.resource takes the common uri, without the commercial uri pattern' },
  { path: glob('**/payment_session/resource', true), why: 'payment_session.resource takes the common uri, without the commercial uri pattern' },
];
const pendingFor = (d: Disagreement) => PENDING.find((p) => p.path.test(/^(?:set|remove) (\S*)/.exec(d.change)?.[1] ?? ''));

t.test("variants of every valid fixture: writ never accepts what Protocol-Commercial refuses, and refuses only by SPEC 7.1's rules", async (t) => {
  let compared = 0;
  const accepts: Disagreement[] = [];
  const pending = new Map<(typeof PENDING)[number], Disagreement[]>();
  const unlisted: Disagreement[] = [];
  const used = new Map<string, number>();
  for (const id of IDS) {
    const [verb, kind] = id.slice('commercial/'.length).split('.') as [string, string];
    const bases: [string, unknown][] = [
      ...fixtures(join(WRIT_EXAMPLES, verb, 'valid'), `${verb}.${kind}.`).map(([f, d]): [string, unknown] => [`writ ${f}`, d]),
      ...fixtures(join(PC_EXAMPLES, verb, 'valid'), `${verb}.${kind}.`).map(([f, d]): [string, unknown] => [`protocol-commercial ${f}`, d]),
    ];
    const check = theirs.get(id) as ValidateFunction;
    const r = compare(id, bases, (doc) => writ(id, doc), (doc) => check(doc) as boolean);
    compared += r.compared;
    for (const d of r.accepts) {
      const p = pendingFor(d);
      if (p === undefined) accepts.push(d);
      else pending.set(p, [...(pending.get(p) ?? []), d]);
    }
    for (const d of r.refuses) {
      if (d.rows.some((row) => row === undefined)) unlisted.push({ id: d.id, base: d.base, change: d.change, ...(d.issues ? { issues: d.issues } : {}) });
      for (const row of d.rows) if (row !== undefined) used.set(row.n, (used.get(row.n) ?? 0) + 1);
    }
  }
  t.ok(compared > 20000, `${compared} variants compared`);
  t.same(accepts.slice(0, 20), [], `writ accepts none that Protocol-Commercial refuses (${accepts.length} found)`);
  t.same(unlisted.slice(0, 20), [], `writ refuses none that Protocol-Commercial accepts but by a rule SPEC 7.1 lists (${unlisted.length} found)`);
  for (const row of TABLE) t.ok((used.get(row.n) ?? 0) > 0, `SPEC 7.1 row ${row.n} (${row.rule}) is what writ refuses ${used.get(row.n) ?? 0} variants by`);
  for (const p of PENDING) {
    const found = pending.get(p) ?? [];
    t.ok(found.length > 0, `the pending disagreement "${p.why}" still disagrees (else remove it from PENDING)`);
    t.ok(false, `${p.why}: writ accepts ${found.length} variants Protocol-Commercial refuses, e.g. ${found[0]?.id} ${found[0]?.change}`, { todo: 'the payment layers are reconciled with their own work (SPEC 7.1 "Payment layers")' });
  }
});

t.test('the comparison finds a disagreement where there is one', async (t) => {
  // A side that leaves out one requirement of Protocol-Commercial's authorize receipt, as writ's
  // did before it required merchant: the variants find it, and only it.
  const id = 'commercial/authorize.receipt';
  const schema = json(join(PC_SCHEMAS, 'authorize', 'authorize.receipt.schema.json')) as { required: string[]; $id: string };
  const lax = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(lax);
  const laxCheck = lax.compile({ ...schema, required: schema.required.filter((m) => m !== 'merchant') });
  const ours = (doc: unknown): readonly Refusal[] | null => (laxCheck(doc) ? null : (laxCheck.errors ?? []).map((e) => ({ keyword: e.keyword, path: e.instancePath })));
  const bases = fixtures(join(PC_EXAMPLES, 'authorize', 'valid'), 'authorize.receipt');
  const r = compare(id, bases, ours, (doc) => theirs.get(id)?.(doc) as boolean);
  t.ok(r.compared > 100, `${r.compared} variants`);
  t.same([...new Set(r.accepts.map((d) => d.change))], ['remove /merchant'], 'the lax side accepts exactly the receipt without merchant');
  t.same(r.refuses, [], 'and refuses nothing the other accepts');
});
