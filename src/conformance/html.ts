/**
 * The two reports of a run meant to be looked at (SPEC.md 13.4): a self-contained HTML page in
 * the spirit of Bowtie's (per profile and per vector, the expected and the actual answer, the
 * SPEC section each vector tests, failures first), and a shields.io endpoint badge with the pass
 * rate of the profiles a run required. Both are pure functions of the report: the page holds its
 * own styles, a few lines of script for filtering, and the text of every SPEC section it cites,
 * so that it can be mailed, attached to a CI run or opened from disk, and fetches nothing.
 */
import type { ReportCase } from '../generated/types.js';
import { sha256Bytes } from '../crypto/hash.js';
import { describeError, describeOutcome, xml as esc } from './reports.js';
import type { RunReport } from './runner.js';

/** How bad an outcome is, for ordering: failures first. */
const SEVERITY: Readonly<Record<ReportCase['outcome'], number>> = { fail: 0, error: 1, skip: 2, pass: 3 };

/**
 * The sections of SPEC.md by number: `3` is the text under `## 3. ...` up to the next heading of
 * its level or above, `12.2` the text under `### 12.2 ...`.
 *
 * @param spec - SPEC.md's text.
 * @returns each section's heading and text, by number.
 * @example
 * ```ts
 * specSections(readFileSync('SPEC.md', 'utf8')).get('12.2')?.title; // 'Capability chains'
 * ```
 */
export function specSections(spec: string): ReadonlyMap<string, { readonly title: string; readonly text: string }> {
  const lines = spec.replace(/\r\n?/g, '\n').split('\n');
  const headings: { readonly at: number; readonly level: number; readonly number: string; readonly title: string }[] = [];
  lines.forEach((line, at) => {
    const m = /^(#{2,4}) (\d+(?:\.\d+)*)\.? (.*)$/.exec(line);
    if (m !== null) headings.push({ at, level: (m[1] as string).length, number: m[2] as string, title: (m[3] as string).trim() });
  });
  const out = new Map<string, { title: string; text: string }>();
  headings.forEach((h, i) => {
    const end = headings.slice(i + 1).find((next) => next.level <= h.level)?.at ?? lines.length;
    out.set(h.number, { title: h.title, text: lines.slice(h.at + 1, end).join('\n').trim() });
  });
  return out;
}

/** Options of the HTML report. */
export interface HtmlOptions {
  /** SPEC.md's text, whose cited sections the page holds; without it, sections are named, not shown. */
  readonly spec?: string;
  /** The profiles the run required (`--require`). */
  readonly required?: readonly string[];
}

/**
 * A run as a self-contained HTML page.
 *
 * @param report - the run.
 * @param options - SPEC.md's text, the profiles required.
 * @returns the page.
 * @example
 * ```ts
 * writeFileSync('conformance.html', htmlReport(report, { spec: readFileSync('SPEC.md', 'utf8') }));
 * ```
 */
export function htmlReport(report: RunReport, options: HtmlOptions = {}): string {
  const { header, cases, footer } = report;
  const impl = header.implementation;
  const sections = specSections(options.spec ?? '');
  const t = footer.totals;
  const unmet = footer.unmet ?? [];
  const title = `writ conformance: ${impl.name} ${impl.version}`;
  const cited = [...new Set(cases.flatMap((c) => (c.spec === undefined ? [] : [c.spec])))].sort(bySection);
  const sectionLink = (n: string | undefined): string => {
    if (n === undefined) return '';
    const s = sections.get(n);
    return s === undefined ? `§${esc(n)}` : `<a href="#spec-${esc(n)}" title="${esc(s.title)}">§${esc(n)}</a>`;
  };
  const answer = (c: ReportCase): string =>
    c.outcome === 'error' ? `<span class="code">${esc(c.code ?? 'error')}</span> ${esc(describeError({ ...(c.reason === undefined ? {} : { reason: c.reason }) }))}` : c.outcome === 'skip' ? esc(c.reason ?? 'skipped') : esc(describeOutcome(c.actual));
  const row = (c: ReportCase): string =>
    `<tr class="${c.outcome}" data-outcome="${c.outcome}"><td class="outcome">${c.outcome}</td><td><code>${esc(c.id)}</code></td><td>${esc(c.profile)}</td><td>${esc(describeOutcome(c.expected))}</td><td>${answer(c)}</td><td>${sectionLink(c.spec)}</td></tr>`;
  const table = (rows: readonly ReportCase[]): string =>
    `<table class="cases"><thead><tr><th>outcome</th><th>vector</th><th>profile</th><th>expected</th><th>actual</th><th>SPEC</th></tr></thead><tbody>${[...rows].sort(worstFirst).map(row).join('')}</tbody></table>`;
  const zero = { pass: 0, fail: 0, skip: 0, error: 0 };
  const failing = (c: typeof zero): number => c.fail + c.error;
  // Profiles with failures first, then by name.
  const profiles = Object.entries(footer.counts).map(([p, c]) => [p, c ?? zero] as const).sort(([a, ca], [b, cb]) => failing(cb) - failing(ca) || a.localeCompare(b));
  const bad = cases.filter((c) => c.outcome === 'fail' || c.outcome === 'error');
  const byProfile = new Map<string, ReportCase[]>();
  for (const c of cases) byProfile.set(c.profile, [...(byProfile.get(c.profile) ?? []), c]);
  const rate = (pass: number, all: number): string => (all === 0 ? '-' : `${(Math.floor((1000 * pass) / all) / 10).toFixed(1)}%`);
  const body = [
    `<header><h1>${esc(title)}</h1>`,
    `<p id="verdict" class="${footer.ok ? 'ok' : 'not-ok'}">${footer.ok ? 'ok' : 'not ok'}: ${t.pass} passed, ${t.fail} failed, ${t.error} errored, ${t.skip} skipped; ${footer.exercised ?? t.pass + t.fail} of ${header.vectors} case(s) exercised${unmet.length > 0 ? `; ${unmet.length} requirement(s) unmet` : ''}</p>`,
    '<dl>',
    `<dt>implementation</dt><dd>${esc(impl.name)} ${esc(impl.version)} (${esc(impl.language)})${impl.homepage === undefined ? '' : ` ${link(impl.homepage)}`}</dd>`,
    `<dt>runner</dt><dd>writ ${esc(header.runner.version)}, schema line ${esc(header.runner.line)}, ${esc(header.protocol)}</dd>`,
    `<dt>started</dt><dd>${esc(header.started_at)}, ${(footer.duration_ms / 1000).toFixed(1)} s</dd>`,
    ...(options.required !== undefined && options.required.length > 0 ? [`<dt>required</dt><dd>${options.required.map(esc).join(', ')}</dd>`] : []),
    '</dl></header>',
    ...(unmet.length === 0 ? [] : [`<section id="unmet"><h2>Requirements not met</h2><ul>${unmet.map((u) => `<li><code>${esc(u.requirement)}</code>: <span class="code">${esc(u.code)}</span> ${esc(u.message)}</li>`).join('')}</ul></section>`]),
    `<section id="failures"><h2>Failures and errors (${bad.length})</h2>${bad.length === 0 ? '<p>None.</p>' : table(bad)}</section>`,
    '<section id="profiles"><h2>Profiles</h2><table><thead><tr><th>profile</th><th>pass</th><th>fail</th><th>skip</th><th>error</th><th>passed</th></tr></thead><tbody>',
    ...profiles.map(([p, c]) => {
      const all = c.pass + c.fail + c.skip + c.error;
      return `<tr class="${c.fail + c.error > 0 ? 'fail' : c.skip === all ? 'skip' : 'pass'}"><td><a href="#profile-${esc(p)}">${esc(p)}</a></td><td>${c.pass}</td><td>${c.fail}</td><td>${c.skip}</td><td>${c.error}</td><td><span class="bar" style="--rate:${all === 0 ? 0 : c.pass / all}"></span> ${rate(c.pass, all)}</td></tr>`;
    }),
    '</tbody></table></section>',
    '<section id="cases"><h2>Every case</h2><p id="filters">show: <label><input type="checkbox" value="fail" checked> fail</label> <label><input type="checkbox" value="error" checked> error</label> <label><input type="checkbox" value="skip" checked> skip</label> <label><input type="checkbox" value="pass" checked> pass</label></p>',
    ...profiles.map(([p]) => {
      const mine = byProfile.get(p) ?? [];
      const failing = mine.some((c) => c.outcome === 'fail' || c.outcome === 'error');
      return `<details id="profile-${esc(p)}"${failing ? ' open' : ''}><summary>${esc(p)}: ${mine.length} case(s)</summary>${table(mine)}</details>`;
    }),
    '</section>',
    ...(cited.length === 0
      ? []
      : [
          '<section id="spec"><h2>The SPEC sections these vectors test</h2>',
          ...cited.map((n) => {
            const s = sections.get(n);
            return s === undefined ? '' : `<article id="spec-${esc(n)}"><h3>${esc(n)} ${esc(s.title)}</h3><pre>${esc(s.text)}</pre></article>`;
          }),
          '</section>',
        ]),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '${SCRIPT_HASH}'; base-uri 'none'; form-action 'none'">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** A shields.io endpoint badge (https://shields.io/badges/endpoint-badge). */
export interface Badge {
  readonly schemaVersion: 1;
  readonly label: string;
  readonly message: string;
  readonly color: 'brightgreen' | 'green' | 'yellow' | 'orange' | 'red';
}

/**
 * The badge of a run: the share of the required profiles' cases that passed (of every case run,
 * when none is required), rounded down so that 100% means every one. A skipped or errored case
 * counts as not passed; a requirement not met makes the badge red whatever the rate.
 *
 * @param report - the run.
 * @param required - the profiles the run required (`--require`).
 * @returns the badge's JSON, for shields.io's endpoint badge.
 * @example
 * ```ts
 * conformanceBadge(report, ['jcs', 'hash']); // { schemaVersion: 1, label: 'writ v1.0.0', message: '100% of jcs, hash (149 cases)', color: 'brightgreen' }
 * ```
 */
export function conformanceBadge(report: RunReport, required: readonly string[] = []): Badge {
  const counted = required.length === 0 ? report.cases : report.cases.filter((c) => required.includes(c.profile));
  const pass = counted.filter((c) => c.outcome === 'pass').length;
  const share = counted.length === 0 ? 0 : pass / counted.length;
  const pct = pass === counted.length && counted.length > 0 ? '100' : (Math.floor(share * 1000) / 10).toFixed(1);
  const what = required.length === 0 ? `${counted.length} cases` : `${required.length <= 3 ? required.join(', ') : `${required.length} profiles`} (${counted.length} cases)`;
  const unmet = (report.footer.unmet ?? []).length > 0;
  const color = unmet || share < 0.75 ? 'red' : share < 0.9 ? 'orange' : share < 0.99 ? 'yellow' : share < 1 ? 'green' : 'brightgreen';
  return { schemaVersion: 1, label: `writ ${report.header.runner.line}`, message: `${pct}% of ${what}${unmet ? ', requirement unmet' : ''}`, color };
}

/** A link for an address an implementation gave: only http and https are links; anything else (`javascript:`) is text. */
function link(url: string): string {
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = undefined;
  }
  return protocol === 'http:' || protocol === 'https:' ? `<a href="${esc(url)}" rel="noopener noreferrer">${esc(url)}</a>` : esc(url);
}

function worstFirst(a: ReportCase, b: ReportCase): number {
  return SEVERITY[a.outcome] - SEVERITY[b.outcome] || a.id.localeCompare(b.id);
}

function bySection(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

const STYLE = `
:root { color-scheme: light dark; --fail: #c62828; --error: #ad5700; --skip: #6b6b6b; --pass: #2e7d32; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 80rem; padding: 1rem 2rem 4rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
#verdict { font-weight: 600; font-size: 1.1rem; }
#verdict.ok { color: var(--pass); } #verdict.not-ok { color: var(--fail); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { text-align: left; padding: 0.2rem 0.5rem; border-bottom: 1px solid #8884; vertical-align: top; }
td code, .code { font-family: ui-monospace, monospace; font-size: 0.92em; }
td.outcome { font-weight: 600; text-transform: uppercase; font-size: 0.8em; }
tr.fail td.outcome { color: var(--fail); } tr.error td.outcome { color: var(--error); }
tr.skip td.outcome { color: var(--skip); } tr.pass td.outcome { color: var(--pass); }
.bar { display: inline-block; width: 6rem; height: 0.6rem; background: linear-gradient(to right, var(--pass) calc(var(--rate) * 100%), #8884 0); border-radius: 0.3rem; }
details { margin: 0.3rem 0; } summary { cursor: pointer; font-weight: 600; }
pre { white-space: pre-wrap; background: #8881; padding: 0.75rem; border-radius: 0.3rem; }
tr.hidden { display: none; }
`;

// Filtering by outcome; the page works without it.
const SCRIPT = `
'use strict';
for (const box of document.querySelectorAll('#filters input')) {
  box.addEventListener('change', () => {
    const shown = new Set([...document.querySelectorAll('#filters input:checked')].map((b) => b.value));
    for (const tr of document.querySelectorAll('#cases tr[data-outcome]')) tr.classList.toggle('hidden', !shown.has(tr.dataset.outcome));
  });
}
`;

/** The page's only script, allowed by its hash: no other script (a `javascript:` link included) runs. */
const SCRIPT_HASH = `sha256-${Buffer.from(sha256Bytes(new TextEncoder().encode(SCRIPT))).toString('base64')}`;
