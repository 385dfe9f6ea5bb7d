#!/usr/bin/env node
/**
 * `npm run bench`: what verifying a signed receipt costs, next to the bare signature check it
 * rests on. From one run, interleaved rounds, medians, and ratios to bare native Ed25519 verify
 * of the same bytes (absolute numbers drift from machine to machine; ratios from one run are what
 * to compare); then the conformance runner's throughput: cases
 * per second in steady state, and the whole suite's time beyond start-up, through one long-lived
 * stdio process (a trivial adapter speaking writ-adapter/2 and /1, so the protocol and the runner
 * are what is timed), through `writ adapter`, and in-process; then hostile input (issue
 * 10): the CPU time of validating with every issue collected, twice the unknown members against
 * once (linear collection gives about 2, quadratic 4), and an extension name of 256 characters
 * built to backtrack against one of 32. A benchmark, never a test: nothing here fails.
 *
 * It measures the build (dist/), unlike the generators, which run the sources: a benchmark
 * times the code users run, and `writ adapter` is spawned from the build anyway.
 *
 * Usage: node scripts/bench.js [--rounds N] [--ms M] [--json]
 */
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519';
import { compactSigningBytes, verifyCompact } from '../dist/crypto/envelopes.js';
import { fromHex } from '../dist/encoding/bytes.js';
import { verifyReceipt } from '../dist/verify/receipt.js';
import { ProcessAdapter } from '../dist/conformance/adapters.js';
import { ReferenceAdapter } from '../dist/conformance/reference.js';
import { runConformance } from '../dist/conformance/runner.js';
import { packagedVectors, readVectors } from '../dist/conformance/vectors.js';
import { SchemaRegistry } from '../dist/schema/registry.js';
import { ROOT } from './lib/emit.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : Number(args[i + 1]);
};
const ROUNDS = option('--rounds', 7);
const MS = option('--ms', 250);

const receipt = JSON.parse(readFileSync(join(ROOT, 'examples/v1.0.0/transactions/seven-station/receipts/provider-receipt.json'), 'utf8'));
const bytes = compactSigningBytes(receipt);
const signature = fromHex(receipt.signature);
const publicKey = fromHex(receipt.kernel_key);
const keyObject = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' });
const ctx = { now: 1793527680 };
const portable = { now: 1793527680, backend: 'portable' };

const cases = [
  ['bare native Ed25519 verify (node:crypto, cached key)', () => nodeVerify(null, bytes, keyObject, signature)],
  ['writ verifyReceipt, native (schema, canonical form, strict Ed25519)', () => verifyReceipt(receipt, ctx).ok],
  ['writ verifyCompact, native (canonical form, strict Ed25519)', () => verifyCompact(receipt, 'kernel_key').ok],
  ['bare pure-JS Ed25519 verify (@noble/curves, strict)', () => ed25519.verify(signature, bytes, publicKey, { zip215: false })],
  ['writ verifyReceipt, portable (@noble/curves, @noble/hashes)', () => verifyReceipt(receipt, portable).ok],
];

for (const [name, run] of cases) if (run() !== true) throw new Error(`bench: ${name} does not verify the receipt`);

/** Operations per second of `run` over about `ms` milliseconds. */
function measure(run, ms) {
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(ms) * 1_000_000n;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 16; i++) run();
    n += 16;
    now = process.hrtime.bigint();
  }
  return (n * 1e9) / Number(now - start);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const [, run] of cases) measure(run, 50); // warm up
const samples = cases.map(() => []);
for (let round = 0; round < ROUNDS; round++) cases.forEach(([, run], i) => samples[i].push(measure(run, MS)));
const results = cases.map(([name], i) => ({ name, ops_per_second: Math.round(median(samples[i])) }));
const base = results[0].ops_per_second;
const rows = results.map((r) => ({ ...r, vs_native: Number((r.ops_per_second / base).toFixed(3)) }));

// The runner: one process serves the whole run. For each implementation: its start-up (a run of
// no cases: start, hello, stop), the whole suite, and the steady state, the cases per second of 20
// more passes of the suite through the same process (the difference of two runs, so start-up and
// the first compilation of each schema drop out).
const registry = SchemaRegistry.open();
const { vectors } = readVectors(packagedVectors(registry.index.line), registry);
const runner = { version: 'bench', line: registry.index.line };
const PASSES = 20;
const timed = async (make, cases) => {
  const t0 = performance.now();
  const report = await runConformance(make(), cases, { runner });
  if (report.cases.length !== cases.length) throw new Error('bench: a run did not answer every case');
  return { seconds: (performance.now() - t0) / 1000, protocol: report.header.protocol, ok: report.footer.ok };
};
const throughput = [];
for (const [name, make, reference] of [
  ['trivial stdio adapter, writ-adapter/2 (scripts/bench-adapter.js)', () => new ProcessAdapter('node scripts/bench-adapter.js', ROOT, undefined), false],
  ['trivial stdio adapter, writ-adapter/1 only', () => new ProcessAdapter('node scripts/bench-adapter.js --v1', ROOT, undefined), false],
  ['writ adapter (the reference over stdio, its default --jobs: the parallelism less one)', () => new ProcessAdapter('node dist/cli/bin.js adapter', ROOT, undefined), true],
  ['writ adapter --jobs 2 (two worker threads)', () => new ProcessAdapter('node dist/cli/bin.js adapter --jobs 2', ROOT, undefined), true],
  ['writ adapter --jobs 1 (on its own thread)', () => new ProcessAdapter('node dist/cli/bin.js adapter --jobs 1', ROOT, undefined), true],
  ['the reference, in-process', () => new ReferenceAdapter('bench'), true],
]) {
  const startup = await timed(make, []);
  const suite = await timed(make, vectors);
  if (reference && !suite.ok) throw new Error(`bench: ${name} does not pass the suite`);
  const many = await timed(make, Array.from({ length: PASSES + 1 }, () => vectors).flat());
  throughput.push({
    name,
    protocol: suite.protocol,
    cases: vectors.length,
    startup_seconds: Number(startup.seconds.toFixed(3)),
    suite_seconds: Number(suite.seconds.toFixed(3)),
    suite_beyond_startup_seconds: Number((suite.seconds - startup.seconds).toFixed(3)),
    steady_cases_per_second: Math.round((PASSES * vectors.length) / (many.seconds - suite.seconds)),
  });
}
// Hostile input: CPU time (user + system) of one validation, median of the rounds.
const checkout = JSON.parse(readFileSync(join(ROOT, 'examples/v1.0.0/commercial/checkout/valid/checkout.request.protocol-commercial.json'), 'utf8'));
const card = JSON.parse(readFileSync(join(ROOT, 'examples/v1.0.0/discovery/agent-card/valid/agent-card.metered-tool.json'), 'utf8'));
const withUnknown = (n) => ({ ...checkout, ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i}`, i])) });
const withName = (n) => ({ ...card, extensions: { [`t.t#_${'_'.repeat(n - 6)}:`]: true } });
const cpuOf = (id, doc) => {
  const samples = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.cpuUsage();
    if (registry.validate(id, doc).ok) throw new Error(`bench: ${id} accepted a hostile document`);
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 1000);
  }
  return median(samples);
};
cpuOf('commercial/checkout.request', withUnknown(10)); // compile
cpuOf('discovery/agent-card', withName(32));
const hostile = [
  ['unknown members, 10,000 against 5,000 (every issue collected)', cpuOf('commercial/checkout.request', withUnknown(10000)), cpuOf('commercial/checkout.request', withUnknown(5000))],
  ['an extension name built to backtrack, 256 characters against 32', cpuOf('discovery/agent-card', withName(256)), cpuOf('discovery/agent-card', withName(32))],
].map(([name, large, small]) => ({ name, cpu_ms: Number(large.toFixed(2)), base_cpu_ms: Number(small.toFixed(2)), ratio: Number((large / small).toFixed(2)) }));

if (args.includes('--json')) {
  console.log(JSON.stringify({ receipt_bytes: bytes.length, rounds: ROUNDS, ms_per_round: MS, node: process.version, results: rows, runner: throughput, hostile }, null, 2));
} else {
  console.log(`Signed receipt of ${bytes.length} canonical bytes; median of ${ROUNDS} interleaved rounds of ${MS} ms; Node ${process.version}\n`);
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'what'.padEnd(width)}  ${'per second'.padStart(10)}  ${'vs native'.padStart(9)}`);
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${String(r.ops_per_second).padStart(10)}  ${`${r.vs_native.toFixed(2)}x`.padStart(9)}`);
  const receipts = rows[1];
  const pure = rows[3];
  console.log(`\nA writ receipt verification runs at ${receipts.vs_native.toFixed(2)}x of bare native verify, and ${(receipts.ops_per_second / pure.ops_per_second).toFixed(1)}x the bare pure-JS verify of the same bytes.`);

  console.log(`\nConformance runner, the suite of ${vectors.length} cases; steady state over ${PASSES} more passes through the same process:`);
  const w = Math.max(...throughput.map((r) => r.name.length));
  for (const r of throughput) {
    console.log(`${r.name.padEnd(w)}  ${String(r.steady_cases_per_second).padStart(6)} cases/s steady; the suite in ${r.suite_beyond_startup_seconds.toFixed(2)} s plus ${r.startup_seconds.toFixed(2)} s start-up`);
  }

  console.log('\nHostile input, CPU time of one validation (linear work gives 2x for twice the members, 1x for a longer name):');
  const h = Math.max(...hostile.map((r) => r.name.length));
  for (const r of hostile) console.log(`${r.name.padEnd(h)}  ${`${r.ratio.toFixed(2)}x`.padStart(6)}  (${r.cpu_ms} ms against ${r.base_cpu_ms} ms)`);
}
