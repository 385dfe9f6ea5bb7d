/**
 * Collecting validation issues is linear and bounded (SPEC.md 5.2; issue 10, attack 13): at most
 * MAX_ISSUES issues, then one ERR_SCHEMA_TOO_MANY_ISSUES that counts the rest, and the work for
 * each issue does not grow with the value it is about. Everything here is counted, nothing timed
 * (the CPU-time figures are in `npm run bench`).
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import t from 'tap';
import { ajvIssues, MAX_ISSUES } from '../../src/schema/ajv-issues.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { readJson } from '../helpers.js';

const registry = SchemaRegistry.open();
const CHECKOUT = 'commercial/checkout.request';
const checkout = readJson('examples/v1.0.0/commercial/checkout/valid/checkout.request.protocol-commercial.json') as Record<string, unknown>;
/** The checkout request with n members its schema does not allow: n issues to report. */
const withUnknown = (n: number): Record<string, unknown> => {
  const doc = { ...checkout };
  for (let i = 0; i < n; i++) doc[`x${i}`] = i;
  return doc;
};
const issuesOf = (doc: unknown, allErrors = true) => {
  const r = registry.validate(CHECKOUT, doc, { allErrors });
  return r.ok ? [] : r.issues;
};

t.test('the fixture is valid: every issue below comes from the members added', async (t) => {
  t.same(issuesOf(checkout), []);
});

t.test('5,000 and 10,000 unknown members give the same capped report: the first 100, then the count of the rest', async (t) => {
  t.equal(MAX_ISSUES, 100, 'the cap SPEC.md 5.2 states');
  for (const n of [5000, 10000]) {
    const issues = issuesOf(withUnknown(n));
    t.equal(issues.length, MAX_ISSUES + 1, `${n} members: ${MAX_ISSUES} issues and the count`);
    t.same(
      issues.slice(0, MAX_ISSUES).map((i) => `${i.code} ${i.path}`),
      Array.from({ length: MAX_ISSUES }, (_, i) => `ERR_SCHEMA_ADDITIONAL_PROPERTY /x${i}`),
      'the first 100, in document order',
    );
    const last = issues[MAX_ISSUES];
    t.equal(last?.code, 'ERR_SCHEMA_TOO_MANY_ISSUES');
    t.equal(last?.path, '');
    t.same(last?.details, { collected: MAX_ISSUES, dropped: n - MAX_ISSUES }, 'every issue found is counted');
  }
});

t.test('up to the cap every issue is reported, and the count comes only past it', async (t) => {
  const at = issuesOf(withUnknown(MAX_ISSUES));
  t.equal(at.length, MAX_ISSUES);
  t.notOk(at.some((i) => i.code === 'ERR_SCHEMA_TOO_MANY_ISSUES'), 'exactly the cap: nothing dropped');
  const past = issuesOf(withUnknown(MAX_ISSUES + 1));
  t.same(past.slice(-1).map((i) => [i.code, i.details]), [['ERR_SCHEMA_TOO_MANY_ISSUES', { collected: MAX_ISSUES, dropped: 1 }]]);
});

t.test('stopping at the first problem reports one issue, whatever the document holds', async (t) => {
  t.same(issuesOf(withUnknown(10000), false).map((i) => `${i.code} ${i.path}`), ['ERR_SCHEMA_ADDITIONAL_PROPERTY /x0']);
});

t.test('a smaller cap is kept, and errors Ajv folds into one issue are not counted as dropped', async (t) => {
  // Each item fails both alternatives of its anyOf: Ajv reports three errors per item, writ one.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
  const validate = ajv.compile({ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'boolean' }] } });
  t.notOk(validate(Array.from({ length: 30 }, (_, i) => i)));
  const errors = validate.errors ?? [];
  t.equal(errors.length, 90);
  const issues = ajvIssues(errors, true, 10);
  t.same(
    issues.map((i) => `${i.code} ${i.path}`),
    [...Array.from({ length: 10 }, (_, i) => `ERR_SCHEMA_NO_MATCH /${i}`), 'ERR_SCHEMA_TOO_MANY_ISSUES '],
  );
  t.same(issues[10]?.details, { collected: 10, dropped: 20 });
});

t.test('the work per issue does not grow with the value it quotes: reads of a 5,000- and a 10,000-member object are counted', async (t) => {
  // 150 rules about one object, each quoting it in its message. Writing the whole object out
  // for each (as JSON.stringify did) reads every member per issue.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
  const validate = ajv.compile({ allOf: Array.from({ length: 150 }, (_, i) => ({ const: i })) });
  const count = (n: number) => {
    const target: Record<string, number> = {};
    for (let i = 0; i < n; i++) target[`m${i}`] = i;
    t.notOk(validate(target));
    const reads = { get: 0, ownKeys: 0 };
    const watched = new Proxy(target, {
      get: (o, k, r) => (reads.get++, Reflect.get(o, k, r)),
      ownKeys: (o) => (reads.ownKeys++, Reflect.ownKeys(o)),
    });
    const errors: ErrorObject[] = (validate.errors ?? []).map((e) => ({ ...e, data: watched }));
    const issues = ajvIssues(errors, true);
    return { errors: errors.length, issues: issues.length, codes: [...new Set(issues.map((i) => i.code))], reads };
  };
  const small = count(5000);
  const large = count(10000);
  t.same(small, large, 'the same work for twice the members');
  t.same(small.codes, ['ERR_SCHEMA_CONST', 'ERR_SCHEMA_TOO_MANY_ISSUES']);
  t.equal(small.errors, 150);
  t.equal(small.issues, MAX_ISSUES + 1);
  t.equal(small.reads.ownKeys, 1, 'the object is written out once, for every issue that quotes it');
  t.ok(small.reads.get <= 20, `${small.reads.get} member values read: only those the message quotes`);
});
