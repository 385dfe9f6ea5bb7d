#!/usr/bin/env node
// @ts-check
/**
 * `npm run mutation`: mutation testing of the reference implementation, with the conformance
 * vectors as its only test (mutation/README.md). StrykerJS mutates the rooms below, and every
 * mutant is run against the vectors that reach it (mutation/vectors.spec.ts, through the
 * reference, in-process). A mutant no vector kills either needs a vector, or is equivalent: it
 * then has an entry in mutation/equivalent.json saying why no input can tell it from the original.
 *
 * Stryker runs incrementally (mutation/stryker-incremental.json): after a change, only the
 * mutants of what changed, and those the changed vectors reach, are run again.
 *
 * From Stryker's report this writes, per room, the mutants, how many were killed, how many are
 * explained as equivalent and the score (killed out of all but the equivalent ones, Stryker's
 * definition): mutation/scores.json, the table in README.md between its mutation markers, and
 * mutation/survivors.json, every mutant that survived and is not explained. It exits 1 when a room
 * scores below 90% or a survivor is not explained.
 *
 * Usage: node scripts/mutation.js            run Stryker, then write the scores
 *        node scripts/mutation.js --report   write the scores from the last run's report
 *        node scripts/mutation.js --check    check the scores, survivors and README table match
 *                                            the last run's report (npm run check; no Stryker)
 *        node scripts/mutation.js --prune    --report, and drop from equivalent.json every entry
 *                                            that names no surviving mutant of an unchanged file
 *                                            (a vector kills it now, or its code is gone)
 *        node scripts/mutation.js --shard <file>...   run Stryker on these files alone, and merge
 *                                            their results into the report; then --report. A
 *                                            whole run can take hours on two cores and records
 *                                            nothing until it ends: a shard records when it ends.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emit, ROOT } from './lib/emit.js';

/** The rooms the issue names, as the source tree has them: `rules` is schema/rules.ts. */
const ROOMS = [
  ['encoding', 'src/encoding/'],
  ['crypto', 'src/crypto/'],
  ['rules', 'src/schema/rules.ts'],
  ['model', 'src/model/'],
  ['verify', 'src/verify/'],
];
const THRESHOLD = 90;
const REPORT = 'mutation/stryker-incremental.json';
/** A shard's copy of the report, beside Stryker's other output (not committed). */
const SHARD_REPORT = 'mutation/.report/shard-incremental.json';
const EQUIVALENT = 'mutation/equivalent.json';
const BEGIN = '<!-- mutation-scores:begin (npm run mutation writes this table) -->';
const END = '<!-- mutation-scores:end -->';

const args = process.argv.slice(2);
const shardAt = args.indexOf('--shard');
const shard = shardAt < 0 ? [] : args.slice(shardAt + 1);
const unknown = (shardAt < 0 ? args : args.slice(0, shardAt)).filter((a) => a !== '--report' && a !== '--check' && a !== '--prune');
if (shardAt >= 0 && (shard.length === 0 || shard.some((f) => f.startsWith('--') || !existsSync(join(ROOT, f)) || !ROOMS.some(([, prefix]) => f === prefix || (prefix.endsWith('/') && f.startsWith(prefix)))))) {
  process.stderr.write('mutation: --shard takes the files to mutate, each a file of a room (src/encoding/, src/crypto/, src/schema/rules.ts, src/model/, src/verify/)\n');
  process.exit(2);
}
if (unknown.length > 0) {
  process.stderr.write(`mutation: unknown argument ${unknown[0]}; the options are --report, --prune, --check and --shard <file>...\n`);
  process.exit(2);
}
const check = args.includes('--check');
const prune = args.includes('--prune');
if (!check && !prune && !args.includes('--report')) {
  // Stryker reuses a mutant's result when neither its file nor the tests that cover it changed.
  // That misses two things: a static mutant (one that acts when a module loads, such as a table
  // of rules) is covered by no test in particular, so no new vector would ever re-test it; and a
  // change in another file (a verifier now reading a code it ignored) can make a survivor
  // killable. So every survivor's result is dropped before each run, and survivors run again;
  // killed results are reused. (A change elsewhere could also let a killed mutant survive: run
  // `npx stryker run --force` now and then for figures that reuse nothing.)
  // A shard runs against a copy of the report (Stryker writes back only the files it mutated),
  // whose results for its files are then put in the report's place; a whole run, in place.
  const input = shard.length === 0 ? REPORT : SHARD_REPORT;
  if (shard.length > 0 && !existsSync(join(ROOT, REPORT))) {
    process.stderr.write(`mutation: a shard is merged into ${REPORT}, and there is none; run npm run mutation once first\n`);
    process.exit(1);
  }
  // The report folder is Stryker's output, not committed: a fresh clone has none.
  mkdirSync(join(ROOT, dirname(SHARD_REPORT)), { recursive: true });
  if (existsSync(join(ROOT, REPORT))) {
    const previous = JSON.parse(readFileSync(join(ROOT, REPORT), 'utf8'));
    let dropped = 0;
    for (const [file, entry] of Object.entries(previous.files ?? {})) {
      if (shard.length > 0 && !shard.includes(file)) continue;
      const kept = entry.mutants.filter((m) => m.status !== 'Survived' && m.status !== 'NoCoverage');
      dropped += entry.mutants.length - kept.length;
      entry.mutants = kept;
    }
    if (dropped > 0 || input !== REPORT) writeFileSync(join(ROOT, input), `${JSON.stringify(previous, null, 2)}\n`);
  }
  const select = shard.length === 0 ? [] : ['--mutate', shard.join(','), '--incrementalFile', input];
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', ...select], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) {
    process.stderr.write(`mutation: stryker exited with status ${run.status}\n`);
    process.exit(1);
  }
  if (shard.length > 0) {
    const merged = JSON.parse(readFileSync(join(ROOT, REPORT), 'utf8'));
    const ran = JSON.parse(readFileSync(join(ROOT, input), 'utf8'));
    for (const file of shard) {
      if (ran.files?.[file] === undefined) {
        process.stderr.write(`mutation: the shard's report has no ${file}\n`);
        process.exit(1);
      }
      merged.files[file] = ran.files[file];
    }
    merged.testFiles = ran.testFiles;
    writeFileSync(join(ROOT, REPORT), `${JSON.stringify(merged, null, 2)}\n`);
  }
}
if (!existsSync(join(ROOT, REPORT))) {
  process.stderr.write(`mutation: no report at ${REPORT}; run npm run mutation first\n`);
  process.exit(check ? 0 : 1);
}

/** @type {{ files: Record<string, { source: string, mutants: { id: string, mutatorName: string, replacement?: string, status: string, statusReason?: string, location: { start: { line: number, column: number }, end: { line: number, column: number } } }[] }> }} */
const report = JSON.parse(readFileSync(join(ROOT, REPORT), 'utf8'));
/**
 * The explained mutants: each key a mutant's name, each value why it is equivalent, either said
 * there or named from `reasons` (one reason shared by the mutants of one guard).
 * @type {{ mutants?: Record<string, string>, reasons?: Record<string, string> }}
 */
const explanations = existsSync(join(ROOT, EQUIVALENT)) ? JSON.parse(readFileSync(join(ROOT, EQUIVALENT), 'utf8')) : {};
/** @type {Record<string, string>} */
const equivalent = {};
for (const [key, why] of Object.entries(explanations.mutants ?? {})) {
  const reason = /^[a-z0-9-]+$/.test(why) ? explanations.reasons?.[why] : why;
  if (typeof reason !== 'string' || reason.trim().length < 20) {
    process.stderr.write(`mutation: ${EQUIVALENT}: ${key} is explained by ${JSON.stringify(why)}, which is no reason (a sentence, or the name of one in "reasons")\n`);
    process.exit(1);
  }
  equivalent[key] = reason;
}

/** The text a location covers (lines and columns from 1, the end exclusive). */
function textAt(source, { start, end }) {
  const lines = source.split('\n');
  if (start.line === end.line) return (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1);
  return [(lines[start.line - 1] ?? '').slice(start.column - 1), ...lines.slice(start.line, end.line - 1), (lines[end.line - 1] ?? '').slice(0, end.column - 1)].join('\n');
}
const squash = (s) => s.replace(/\s+/g, ' ').trim();
const short = (s) => (s.length > 120 ? `${s.slice(0, 117)}...` : s);

/**
 * A mutant's name that survives edits elsewhere in its file: the file, the mutator, the code it
 * replaces and the replacement, and which occurrence of that in the file (#2, ...), never a
 * line number or Stryker's id.
 */
function keysOf(file, source, mutants) {
  const seen = new Map();
  return mutants.map((m) => {
    const base = `${file} ${m.mutatorName}: ${short(squash(textAt(source, m.location)))} -> ${short(squash(m.replacement ?? ''))}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  });
}

const rooms = Object.fromEntries(ROOMS.map(([room]) => [room, { mutants: 0, killed: 0, timeout: 0, survived: 0, no_coverage: 0, equivalent: 0, issuing: 0, other: 0, invalid: 0 }]));
const survivors = [];
const explained = new Set();
const stale = [];
for (const [file, entry] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const room = ROOMS.find(([, prefix]) => file === prefix || (prefix.endsWith('/') && file.startsWith(prefix)))?.[0];
  if (room === undefined) continue;
  const current = existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : undefined;
  if (current !== entry.source) stale.push(file);
  const r = rooms[room];
  keysOf(file, entry.source, entry.mutants).forEach((key, i) => {
    const m = entry.mutants[i];
    r.mutants++;
    if (m.status === 'Killed') r.killed++;
    else if (m.status === 'Timeout') r.timeout++;
    else if (m.status === 'Survived' || m.status === 'NoCoverage') {
      if (equivalent[key] !== undefined) {
        r.equivalent++;
        explained.add(key);
      } else {
        if (m.status === 'Survived') r.survived++;
        else r.no_coverage++;
        survivors.push({ key, line: m.location.start.line, status: m.status });
      }
    } else if (m.status === 'Ignored' && /issuing side/.test(m.statusReason ?? '')) r.issuing++;
    else if (m.status === 'Ignored') r.other++;
    else r.invalid++; // CompileError, RuntimeError: the mutant is not a program; not counted, as Stryker does not
  });
}
/** The source files of a room, as Stryker's globs take them (every .ts file under a folder). */
function roomFiles(prefix) {
  if (!prefix.endsWith('/')) return [prefix];
  return readdirSync(join(ROOT, prefix), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => `${prefix}${f.replaceAll('\\', '/')}`).sort();
}
// A room is measured when every one of its files is in the report; a room measured in part says
// how much, so that a score of some files is never read as the room's.
for (const [room, prefix] of ROOMS) {
  const all = roomFiles(prefix);
  const measured = all.filter((f) => report.files[f] !== undefined);
  Object.assign(rooms[room], { files: all.length, files_measured: measured.length });
}
const scored = Object.fromEntries(
  Object.entries(rooms).map(([room, r]) => {
    const detected = r.killed + r.timeout;
    const valid = detected + r.survived + r.no_coverage;
    // A room the last run did not mutate has no score, not a perfect one.
    return [room, { ...r, score: r.mutants === 0 ? null : valid === 0 ? 100 : Math.floor((10000 * detected) / valid) / 100 }];
  }),
);
const unused = Object.keys(equivalent).filter((k) => !explained.has(k));
if (prune) {
  // Only entries of files the report measured as they are now: an entry of a file changed since
  // the run may name a mutant the next run brings back.
  const measured = new Set(Object.keys(report.files).filter((f) => !stale.includes(f)));
  const gone = unused.filter((k) => measured.has(k.split(' ')[0]));
  for (const k of gone) delete explanations.mutants[k];
  const named = new Set(Object.values(explanations.mutants));
  for (const name of Object.keys(explanations.reasons ?? {})) if (!named.has(name)) delete explanations.reasons[name];
  writeFileSync(join(ROOT, EQUIVALENT), `${JSON.stringify(explanations, null, 2)}\n`);
  process.stderr.write(`mutation: pruned ${gone.length} entr(ies) of ${EQUIVALENT} that name no surviving mutant\n`);
  for (const k of gone) delete equivalent[k];
  unused.splice(0, unused.length, ...unused.filter((k) => !gone.includes(k)));
}

const table = [
  BEGIN,
  '| room | mutants | killed | left out: messages, paths | left out: issuing side | not a program | equivalent (explained) | not yet killed | score |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...Object.entries(scored).map(([room, r]) =>
    r.score === null
      ? `| \`${ROOMS.find(([n]) => n === room)?.[1]}\` | not run yet | | | | | | | |`
      : `| \`${ROOMS.find(([n]) => n === room)?.[1]}\`${r.files_measured < r.files ? ` (${r.files_measured} of ${r.files} files so far)` : ''} | ${r.mutants} | ${r.killed + r.timeout} | ${r.other} | ${r.issuing} | ${r.invalid} | ${r.equivalent} | ${r.survived + r.no_coverage} | ${r.score.toFixed(2)}%${r.files_measured < r.files ? ' (part)' : ''} |`,
  ),
  END,
].join('\n');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const begin = readme.indexOf(BEGIN);
const end = readme.indexOf(END);
if (begin < 0 || end < begin) {
  process.stderr.write('mutation: README.md has no mutation table markers\n');
  process.exit(1);
}
const files = new Map([
  ['mutation/scores.json', `${JSON.stringify({ threshold: THRESHOLD, rooms: scored }, null, 2)}\n`],
  ['mutation/survivors.json', `${JSON.stringify({ description: 'Mutants of the reference no vector kills and mutation/equivalent.json does not explain: each needs a vector, or an explanation of why it is equivalent. Written by npm run mutation.', mutants: survivors }, null, 2)}\n`],
  ['README.md', readme.slice(0, begin) + table + readme.slice(end + END.length)],
]);
if (stale.length > 0) process.stderr.write(`mutation: note: ${stale.length} file(s) changed since the last mutation run (${stale.slice(0, 4).join(', ')}${stale.length > 4 ? ', ...' : ''}); npm run mutation re-tests what changed\n`);
if (unused.length > 0) process.stderr.write(`mutation: note: ${unused.length} entr(ies) of ${EQUIVALENT} match no surviving mutant: ${unused.slice(0, 3).join('; ')}\n`);
emit('mutation', files, check ? ['--check'] : []);
if (!check) {
  for (const [room, r] of Object.entries(scored)) {
    process.stdout.write(r.score === null ? `${room.padEnd(9)}    not run\n` : `${room.padEnd(9)} ${r.score.toFixed(2).padStart(6)}%  ${r.files_measured < r.files ? `(${r.files_measured} of ${r.files} files) ` : ''}${r.killed + r.timeout} of ${r.mutants - r.equivalent - r.other - r.issuing - r.invalid} killed, ${r.equivalent} equivalent, ${r.survived + r.no_coverage} not yet killed\n`);
  }
  const low = Object.entries(scored).filter(([, r]) => r.score === null || r.score < THRESHOLD || r.files_measured < r.files);
  if (low.length > 0 || survivors.length > 0) {
    process.stdout.write(`mutation: ${survivors.length} survivor(s) neither killed nor explained (mutation/survivors.json)${low.length > 0 ? `; below ${THRESHOLD}% or not run: ${low.map(([room]) => room).join(', ')}` : ''}\n`);
    process.exit(1);
  }
}
