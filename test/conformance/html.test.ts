/**
 * The reports meant to be looked at (SPEC.md 13.4): the HTML page says what the run says (the
 * failures first, each with its expected and actual answer and its SPEC section, whose text the
 * page holds), escapes whatever an implementation sends, and opens in a real browser (headless
 * Chromium) with no console errors, its filters working; the badge gives the pass rate of the
 * required profiles in shields.io's endpoint form.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import t from 'tap';
import { FunctionAdapter } from '../../src/conformance/adapters.js';
import { conformanceBadge, htmlReport, specSections } from '../../src/conformance/html.js';
import { ReferenceAdapter } from '../../src/conformance/reference.js';
import { runConformance, selectVectors, type RunReport } from '../../src/conformance/runner.js';
import { packagedVectors, readVectors } from '../../src/conformance/vectors.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { ROOT } from '../helpers.js';
import { CHROMIUM, needs, present } from '../tools.js';
import { sortedStringify } from './broken.js';

const registry = SchemaRegistry.open();
const set = readVectors(packagedVectors(registry.index.line), registry);
const runner = { version: 'test', line: registry.index.line };
const spec = readFileSync(join(ROOT, 'SPEC.md'), 'utf8');
const jcs = selectVectors(set.vectors, { profiles: ['jcs', 'hash', 'signature'] });

// An implementation that fails some cases (sorted JSON.stringify), and one whose error carries markup.
const failing = await runConformance(sortedStringify, jcs, { runner, require: ['jcs', 'signature'] });
const hostileText = '<img src=x onerror="document.title=1"></td><script>alert(1)</script>';
const hostile = await runConformance(
  new FunctionAdapter({ protocol: 'writ-adapter/1', implementation: { name: '<b>evil</b>', version: '"1"', language: 'x', homepage: 'javascript:alert(document.domain)' }, profiles: ['jcs', 'hash', 'signature'] }, () => ({ errored: true, context: { message: hostileText } })),
  jcs.slice(0, 2),
  { runner },
);
const passing = await runConformance(new ReferenceAdapter('test'), jcs, { runner, require: ['jcs'] });
const rows = (html: string, section: string): string[] => [...(html.split(`<section id="${section}">`)[1]?.split('</section>')[0] ?? '').matchAll(/<tr class="(\w+)" data-outcome/g)].map((m) => m[1] as string);

t.test('the SPEC sections every vector cites are found in SPEC.md', async (t) => {
  const sections = specSections(spec);
  t.equal(sections.get('12.2')?.title, 'Capability chains');
  t.match(sections.get('6.3')?.title, 'Hashes');
  t.match(sections.get('6.3')?.text, /SHA-256 of its RFC 8785/);
  t.notOk(sections.get('6.3')?.text.includes('### 6.4'), 'a section stops at the next heading of its level');
  t.ok((sections.get('13')?.text.length ?? 0) > (sections.get('13.3')?.text.length ?? 0), 'a section holds its subsections');
  t.same([...specSections(spec.replace(/\n/g, '\r\n')).keys()], [...sections.keys()], 'the same sections from CRLF text');
  const missing = [...new Set(set.vectors.map((v) => v.spec))].filter((n) => !sections.has(n));
  t.same(missing, [], 'no vector cites a section SPEC.md does not have');
});

t.test('the page: the failures first, each with its answers and its SPEC section, whose text it holds', async (t) => {
  const html = htmlReport(failing, { spec, required: ['jcs', 'signature'] });
  const bad = failing.cases.filter((c) => c.outcome === 'fail' || c.outcome === 'error');
  t.ok(bad.length > 5, `${bad.length} failures`);
  const order = { fail: 0, error: 1 } as Record<string, number>;
  t.same(rows(html, 'failures'), bad.map((c) => c.outcome).sort((a, b) => (order[a] ?? 2) - (order[b] ?? 2)), 'the failures section holds the failures and errors, failures first');
  const mixed = htmlReport({ ...failing, cases: [...hostile.cases, ...failing.cases] }, { spec });
  t.same(rows(mixed, 'failures').slice(0, 1), ['fail'], 'a failure before the errors given first');
  t.same(rows(mixed, 'failures').slice(-2), ['error', 'error']);
  t.ok(html.indexOf('<section id="failures">') < html.indexOf('<section id="profiles">'), 'before anything else');
  const first = bad.find((c) => c.outcome === 'fail');
  t.ok(first !== undefined);
  t.match(html, `<code>${first?.id}</code>`);
  t.match(html, /#verdict|id="verdict" class="not-ok">not ok/);
  t.match(html, /<section id="unmet">.*profile:signature/s, 'the requirement not met is said');
  for (const n of new Set(failing.cases.map((c) => c.spec))) {
    t.match(html, `href="#spec-${n}"`, `cases link §${n}`);
    t.match(html, `<article id="spec-${n}">`, `and the page holds §${n}`);
  }
  t.notMatch(html, /<link |<script src|https?:\/\/[^"]*\.(css|js)/, 'it loads nothing');
  const all = rows(html, 'cases');
  t.equal(all.length, failing.cases.length, 'every case is listed once more, by profile');
});

t.test('whatever an implementation sends is text on the page, never markup', async (t) => {
  const html = htmlReport(hostile, { spec });
  t.notMatch(html, '<img', 'no element from its error');
  t.notMatch(html, '<b>evil', 'nor from its name');
  t.match(html, '&lt;img src=x onerror=');
  t.equal(html.match(/<script>/g)?.length, 1, 'the page\'s own script only');
  t.notMatch(html, /href="javascript:/i, 'a javascript: homepage is text, not a link');
  t.match(html, 'javascript:alert(document.domain)', 'though it is shown');
  t.match(html, /script-src 'sha256-[A-Za-z0-9+/]+=*'/, 'and the page runs no script but its own, allowed by its hash');
  t.notMatch(html, /script-src[^;]*unsafe-inline/);
});

t.test('the badge: the pass rate of the required profiles, in shields.io\'s endpoint form', async (t) => {
  t.same(conformanceBadge(passing, ['jcs']), { schemaVersion: 1, label: `writ ${registry.index.line}`, message: `100% of jcs (${jcs.filter((v) => v.profile === 'jcs').length} cases)`, color: 'brightgreen' });
  const jcsCases = failing.cases.filter((c) => c.profile === 'jcs');
  const rate = jcsCases.filter((c) => c.outcome === 'pass').length / jcsCases.length;
  const unrequired = await runConformance(sortedStringify, jcs, { runner });
  t.equal(conformanceBadge(unrequired, ['jcs']).message, `${(Math.floor(rate * 1000) / 10).toFixed(1)}% of jcs (${jcsCases.length} cases)`, 'rounded down: 100% means every case');
  t.equal(conformanceBadge(failing, ['jcs', 'signature']).color, 'red', 'a requirement not met is red whatever the rate');
  t.match(conformanceBadge(failing, ['jcs', 'signature']).message, /requirement unmet/);
  const oneShort: RunReport = { ...passing, cases: passing.cases.map((c, i) => (i === 0 ? { ...c, outcome: 'fail' as const } : c)) };
  t.not(conformanceBadge(oneShort).message.startsWith('100%'), true, 'one failure is never 100%');
  t.equal(conformanceBadge(oneShort).color, 'green');
});

t.test('the page in a real browser: it opens, shows the failures, filters, and logs no error', needs(CHROMIUM), async (t) => {
  if (!present(t, CHROMIUM)) return;
  const { default: puppeteer } = await import('puppeteer-core');
  const dir = mkdtempSync(join(tmpdir(), 'writ-html-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'report.html');
  writeFileSync(file, htmlReport(failing, { spec, required: ['jcs', 'signature'] }));
  const browser = await puppeteer.launch({ executablePath: CHROMIUM.command, headless: 'shell', args: ['--no-sandbox', '--disable-gpu'] });
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  t.match(await page.$eval('#verdict', (e) => e.textContent), /^not ok: /);
  const bad = failing.cases.filter((c) => c.outcome === 'fail' || c.outcome === 'error').length;
  t.equal(await page.$$eval('#failures tbody tr', (trs) => trs.filter((tr) => tr.getBoundingClientRect().height > 0).length), bad, 'every failure is shown');
  t.equal(await page.$eval('#failures tbody tr td.outcome', (td) => td.textContent), 'fail', 'a failure comes first');
  const visiblePass = () => page.$$eval('#cases tr[data-outcome="pass"]', (trs) => trs.filter((tr) => tr.getBoundingClientRect().height > 0).length);
  await page.click('#profile-signature summary');
  const before = await visiblePass();
  t.ok(before > 0, 'passing cases are listed');
  await page.click('#filters input[value="pass"]');
  t.equal(await visiblePass(), 0, 'and hidden by the filter');
  const target = await page.$eval('#failures a[href^="#spec-"]', (a) => a.getAttribute('href'));
  t.ok(await page.$(String(target)), `the SPEC link ${target} has its section on the page`);
  t.same(problems, [], 'no console errors, page errors or failed requests');
});
