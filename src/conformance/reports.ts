/**
 * The four forms of a conformance report (SPEC.md 13.4): JSON lines (a header, one line per case,
 * a footer; each line follows its schema), TAP as node-tap reads it, JUnit XML for CI systems,
 * and a summary for people: pass, fail, skip and error per profile, and each failure with its
 * vector id and the expected and actual answers. Every form shows an error's RUNNER code beside
 * its reason, so that a reader of any form can tell a crash from a hang without parsing prose.
 */
import type { CaseOutcome, ReportCase } from '../generated/types.js';
import type { RunReport } from './runner.js';

/** The formats `writ conformance` writes. */
export const REPORT_FORMATS = ['summary', 'tap', 'jsonl', 'junit'] as const;
/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Format a report.
 *
 * @param report - the run.
 * @param format - the form.
 * @returns the text, ending in a newline.
 * @example
 * ```ts
 * process.stdout.write(formatReport(report, 'tap'));
 * ```
 */
export function formatReport(report: RunReport, format: ReportFormat): string {
  switch (format) {
    case 'jsonl':
      return [report.header, ...report.cases, report.footer].map((line) => `${JSON.stringify(line)}\n`).join('');
    case 'tap':
      return tap(report);
    case 'junit':
      return junit(report);
    default:
      return summary(report);
  }
}

/**
 * An answer in a few words: `reject ERR_SIG_INVALID`, `accept "{...}"`, the failing hops.
 *
 * @param o - the outcome, or `undefined` when there was no answer.
 * @returns the words.
 * @example
 * ```ts
 * describeOutcome({ verdict: 'reject', code: 'ERR_SIG_INVALID' }); // 'reject ERR_SIG_INVALID'
 * ```
 */
export function describeOutcome(o: CaseOutcome | undefined): string {
  if (o === undefined) return 'no answer';
  const parts: string[] = [o.verdict];
  if (o.code !== undefined) parts.push(o.code);
  if (o.codes !== undefined) parts.push(o.codes.join(' '));
  if (o.hops !== undefined) parts.push(o.hops.map((h) => (h.verdict === 'accept' ? `${h.hop}:ok` : `${h.hop}:${h.code ?? 'reject'}`)).join(' '));
  if (o.output !== undefined) parts.push(JSON.stringify(o.output.length > 80 ? `${o.output.slice(0, 77)}...` : o.output));
  return parts.join(' ');
}

/**
 * An errored case in one line: its code, then its reason (`ERR_RUNNER_TIMEOUT: no answer within
 * 10000 ms: the implementation hangs`).
 *
 * @param c - a case whose outcome is `error`.
 * @returns the code and the reason (the reason alone for a case without a code).
 */
export function describeError(c: Pick<ReportCase, 'code' | 'reason'>): string {
  const reason = c.reason ?? '';
  return c.code === undefined ? reason : reason === '' ? c.code : `${c.code}: ${reason}`;
}

function summary(report: RunReport): string {
  const { header, cases, footer } = report;
  const impl = header.implementation;
  const lines = [`writ conformance ${header.runner.version} (line ${header.runner.line}) against ${impl.name} ${impl.version} (${impl.language})`, ''];
  const profiles = Object.keys(footer.counts);
  const width = Math.max(7, ...profiles.map((p) => p.length));
  lines.push(`${'profile'.padEnd(width)}  ${['pass', 'fail', 'skip', 'error'].map((h) => h.padStart(5)).join(' ')}`);
  for (const p of profiles) {
    const c = footer.counts[p] as { pass: number; fail: number; skip: number; error: number };
    lines.push(`${p.padEnd(width)}  ${[c.pass, c.fail, c.skip, c.error].map((n) => String(n).padStart(5)).join(' ')}`);
  }
  const t = footer.totals;
  lines.push(`${'total'.padEnd(width)}  ${[t.pass, t.fail, t.skip, t.error].map((n) => String(n).padStart(5)).join(' ')}`, '');
  // How much of the suite the run proves something about: the cases answered, of those run.
  const run = t.pass + t.fail + t.skip + t.error;
  const exercised = footer.exercised ?? t.pass + t.fail;
  lines.push(`exercised: ${exercised} of ${run} case(s)${run === 0 ? '' : ` (${((100 * exercised) / run).toFixed(1)}%)`}; ${t.skip} skipped, ${t.error} errored`, '');
  for (const c of cases.filter((x) => x.outcome === 'fail')) lines.push(`FAIL  ${c.id}`, `      expected ${describeOutcome(c.expected)}`, `      got      ${describeOutcome(c.actual)}`);
  // One error that befell many cases (an implementation that cannot start, or died for good) is
  // said once, with how many cases it cost, not once per case.
  const errors = new Map<string, ReportCase[]>();
  for (const c of cases.filter((x) => x.outcome === 'error')) {
    const key = `${c.code ?? ''}\u0000${c.reason ?? ''}`;
    errors.set(key, [...(errors.get(key) ?? []), c]);
  }
  for (const group of errors.values()) {
    const [first] = group;
    if (first === undefined) continue;
    const named = group.slice(0, 3).map((c) => c.id).join(', ');
    const rest = group.length > 3 ? ` and ${group.length - 3} more case(s)` : '';
    lines.push(`ERROR ${named}${rest}${group.length > 1 ? ', with the same error' : ''}`, `      ${describeError(first)}`);
  }
  for (const u of footer.unmet ?? []) lines.push(`UNMET ${u.requirement}`, `      ${u.code}: ${u.message}`);
  if (t.fail + t.error + (footer.unmet ?? []).length > 0) lines.push('');
  lines.push(
    footer.ok
      ? `ok: ${t.pass} passed${t.skip > 0 ? `, ${t.skip} skipped` : ''} in ${(footer.duration_ms / 1000).toFixed(1)} s`
      : `not ok: ${t.fail} failed, ${t.error} errored, ${t.pass} passed, ${t.skip} skipped${(footer.unmet ?? []).length > 0 ? `, ${(footer.unmet ?? []).length} requirement(s) unmet` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

function tap(report: RunReport): string {
  const unmet = report.footer.unmet ?? [];
  const out = ['TAP version 14', `# writ conformance against ${report.header.implementation.name} ${report.header.implementation.version}`, `1..${report.cases.length + unmet.length}`];
  report.cases.forEach((c, i) => {
    const n = i + 1;
    if (c.outcome === 'pass') out.push(`ok ${n} - ${c.id}`);
    else if (c.outcome === 'skip') out.push(`ok ${n} - ${c.id} # SKIP ${oneLine(c.reason ?? '')}`);
    else {
      out.push(`not ok ${n} - ${c.id}`, '  ---', `  profile: ${c.profile}`, `  outcome: ${c.outcome}`, `  expected: ${JSON.stringify(describeOutcome(c.expected))}`);
      if (c.actual !== undefined) out.push(`  actual: ${JSON.stringify(describeOutcome(c.actual))}`);
      if (c.code !== undefined) out.push(`  code: ${c.code}`);
      if (c.reason !== undefined) out.push(`  reason: ${JSON.stringify(c.reason)}`);
      out.push('  ...');
    }
  });
  // A requirement not met is a failing test point of its own, so a TAP consumer fails the run.
  unmet.forEach((u, i) => out.push(`not ok ${report.cases.length + i + 1} - requirement ${u.requirement}`, '  ---', `  code: ${u.code}`, `  reason: ${JSON.stringify(u.message)}`, '  ...'));
  const t = report.footer.totals;
  out.push(`# pass ${t.pass}`, `# fail ${t.fail}`, `# skip ${t.skip}`, `# error ${t.error}`, `# exercised ${report.footer.exercised ?? t.pass + t.fail}`);
  return `${out.join('\n')}\n`;
}

function junit(report: RunReport): string {
  const t = report.footer.totals;
  const byProfile = new Map<string, ReportCase[]>();
  for (const c of report.cases) byProfile.set(c.profile, [...(byProfile.get(c.profile) ?? []), c]);
  const seconds = (ms: number): string => (ms / 1000).toFixed(3);
  const unmet = report.footer.unmet ?? [];
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="writ conformance" tests="${report.cases.length + unmet.length}" failures="${t.fail + unmet.length}" errors="${t.error}" skipped="${t.skip}" time="${seconds(report.footer.duration_ms)}">`);
  for (const [profile, cases] of byProfile) {
    const count = (o: string): number => cases.filter((c) => c.outcome === o).length;
    const time = cases.reduce((s, c) => s + c.duration_ms, 0);
    out.push(`  <testsuite name="${xml(profile)}" tests="${cases.length}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('skip')}" time="${seconds(time)}">`);
    for (const c of cases) {
      const open = `    <testcase classname="${xml(`conformance.${profile}`)}" name="${xml(c.id)}" time="${seconds(c.duration_ms)}"`;
      if (c.outcome === 'pass') out.push(`${open}/>`);
      else if (c.outcome === 'skip') out.push(`${open}>`, `      <skipped message="${xml(c.reason ?? '')}"/>`, '    </testcase>');
      else if (c.outcome === 'fail') {
        const message = `expected ${describeOutcome(c.expected)}, got ${describeOutcome(c.actual)}`;
        out.push(`${open}>`, `      <failure message="${xml(message)}" type="mismatch">${xml(message)}</failure>`, '    </testcase>');
      } else out.push(`${open}>`, `      <error message="${xml(describeError(c))}" type="${xml(c.code ?? 'error')}">${xml(describeError(c))}</error>`, '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  // The requirements not met: failures of their own suite, so that a CI reading JUnit fails too.
  if (unmet.length > 0) {
    out.push(`  <testsuite name="requirements" tests="${unmet.length}" failures="${unmet.length}" errors="0" skipped="0" time="0.000">`);
    for (const u of unmet) out.push(`    <testcase classname="conformance.requirements" name="${xml(u.requirement)}" time="0.000">`, `      <failure message="${xml(u.message)}" type="${xml(u.code)}">${xml(u.message)}</failure>`, '    </testcase>');
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Escape text for an XML or HTML attribute or element; drop characters XML 1.0 cannot hold.
 *
 * @param s - any text.
 * @returns the text, safe between tags and inside double quotes.
 */
export function xml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
