/**
 * The command line: exit status 0 / 1 / 2, codes in --json output, and output a person can act
 * on. Most runs are in-process; a few spawn the built binary to prove the wiring.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { fixtureSchema } from '../../src/schema/fixtures.js';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { ROOT, copyBoundary, listFiles, runCli } from '../helpers.js';

const registry = SchemaRegistry.open();

const EX = 'examples/v1.0.0';
const SEED = `${EX}/commercial/checkout/valid/checkout.request.protocol-commercial.json`;
const invalidFixtures = listFiles(join(ROOT, EX))
  .filter((f) => f.includes('/invalid/') && !f.endsWith('.expect.json'))
  .map((f) => `${EX}/${f}`);

t.test('validate: the Protocol-Commercial v1.1.0 checkout request is valid', async (t) => {
  const r = await runCli(['validate', SEED]);
  t.equal(r.code, 0);
  t.match(r.out, 'valid (commercial/checkout.request)');
  const j = await runCli(['validate', '--json', SEED]);
  t.match(JSON.parse(j.out), { ok: true, files: [{ file: SEED, schema: 'commercial/checkout.request', ok: true, issues: [] }] });
});

t.test('validate: each invalid fixture is rejected with its recorded code and path', async (t) => {
  t.ok(invalidFixtures.length >= 36);
  for (const file of invalidFixtures) {
    const want = JSON.parse(readFileSync(join(ROOT, file.replace(/\.json$/, '.expect.json')), 'utf8'));
    // The schema from the file name (SPEC.md section 9): an invalid fixture may break the very
    // members detection relies on.
    const schema = fixtureSchema(registry, file.slice(`${EX}/`.length)) as string;
    const r = await runCli(['validate', '--json', '--schema', schema, file]);
    t.equal(r.code, 1, file);
    const report = JSON.parse(r.out);
    t.match(report, { ok: false, files: [{ ok: false, issues: [{ code: want.code, path: want.path }] }] }, file);
    t.equal(report.files[0].issues.length, 1, `${file}: one issue`);
  }
});

t.test('validate: human output names the code, the path and the rule', async (t) => {
  const file = `${EX}/commercial/checkout/invalid/checkout.receipt.captured-without-payment-proof.json`;
  const r = await runCli(['validate', file]);
  t.equal(r.code, 1);
  t.match(r.out, `${file}: invalid (commercial/checkout.receipt)`);
  t.match(r.out, 'ERR_SCHEMA_REQUIRED at /payment_proof');
});

t.test('validate: --schema names the schema, whatever the document says', async (t) => {
  t.equal((await runCli(['validate', '--schema', 'commercial/checkout.request', SEED])).code, 0);
  const r = await runCli(['validate', '--json', '--schema', 'commercial/purchase.request', SEED]);
  t.equal(r.code, 1);
  const report = JSON.parse(r.out);
  t.equal(report.files[0].schema, 'commercial/purchase.request');
  t.ok(report.files[0].issues.some((i: { code: string; path: string }) => i.code === 'ERR_SCHEMA_CONST' && i.path === '/verb'));
});

t.test('validate: folders, standard input, and a count', async (t) => {
  const valid = await runCli(['validate', `${EX}/commercial/quote/valid`]);
  t.equal(valid.code, 0);
  t.match(valid.out, /4 documents: 4 valid, 0 not/);
  const stdin = await runCli(['validate', '--json', '-'], { stdin: readFileSync(join(ROOT, SEED), 'utf8') });
  t.match(JSON.parse(stdin.out), { ok: true, files: [{ file: '-', schema: 'commercial/checkout.request' }] });
});

t.test('validate: bad input is rejected with a code, never a crash', async (t) => {
  const dup = await runCli(['validate', '--json', '-'], { stdin: '{"protocol":"commercial","protocol":"commercial"}' });
  t.equal(dup.code, 1);
  t.match(JSON.parse(dup.out), { files: [{ issues: [{ code: 'ERR_JSON_DUPLICATE_KEY', path: '/protocol' }] }] });
  const junk = await runCli(['validate', '--json', '-'], { stdin: 'not json' });
  t.match(JSON.parse(junk.out), { files: [{ issues: [{ code: 'ERR_JSON_SYNTAX' }] }] });
  const unknown = await runCli(['validate', '--json', '-'], { stdin: '{"hello":"world"}' });
  t.equal(unknown.code, 1);
  t.match(JSON.parse(unknown.out), { files: [{ issues: [{ code: 'ERR_SCHEMA_UNDETECTED' }] }] });
});

t.test('validate: usage errors exit 2 with a code', async (t) => {
  const cases: [string[], string][] = [
    [['validate'], 'ERR_USAGE_MISSING_ARGUMENT'],
    [['validate', '--bogus', SEED], 'ERR_USAGE_UNKNOWN_OPTION'],
    [['validate', '--schema'], 'ERR_USAGE_INVALID_ARGUMENT'],
    [['validate', '--schema', 'commercial/nope', SEED], 'ERR_SCHEMA_UNKNOWN'],
    [['frobnicate'], 'ERR_USAGE_UNKNOWN_COMMAND'],
    [['help', 'frobnicate'], 'ERR_USAGE_UNKNOWN_COMMAND'],
  ];
  for (const [argv, code] of cases) {
    const r = await runCli(argv);
    t.equal(r.code, 2, argv.join(' '));
    t.match(r.err, code, argv.join(' '));
    const j = await runCli([...argv, '--json']);
    t.match(JSON.parse(j.out), { ok: false, error: { code } }, `${argv.join(' ')} --json`);
  }
  const missing = await runCli(['validate', '--json', 'no/such/file.json']);
  t.equal(missing.code, 2);
  t.match(JSON.parse(missing.out), { files: [{ issues: [{ code: 'ERR_IO_NOT_FOUND' }] }] });
});

t.test('integrity: intact repository, and a copy with one byte changed', async (t) => {
  const own = await runCli(['integrity']);
  t.equal(own.code, 0, own.out);
  t.match(own.out, /intact: \d+ files match/);
  const dir = t.testdir();
  copyBoundary(dir);
  const target = join(dir, 'schemas/v1.0.0/commercial/defs.schema.json');
  const bytes = readFileSync(target);
  bytes[100] = (bytes[100] as number) + 1;
  writeFileSync(target, bytes);
  const r = await runCli(['integrity', dir]);
  t.equal(r.code, 1);
  t.match(r.out, 'ERR_INTEGRITY_ALTERED at schemas/v1.0.0/commercial/defs.schema.json');
  const j = await runCli(['integrity', '--json', dir]);
  t.match(JSON.parse(j.out), { ok: false, issues: [{ code: 'ERR_INTEGRITY_ALTERED', path: 'schemas/v1.0.0/commercial/defs.schema.json' }] });
  const against = await runCli(['integrity', '--json', '--ledger', join(ROOT, 'checksums.txt'), dir]);
  t.equal(against.code, 1);
  const notDir = await runCli(['integrity', 'no/such/dir']);
  t.equal(notDir.code, 2);
  t.match(notDir.err, 'ERR_IO_NOT_FOUND');
});

t.test('examples: the shipped fixtures behave as recorded; a broken one is named', async (t) => {
  const ok = await runCli(['examples']);
  t.equal(ok.code, 0, ok.out);
  const dir = t.testdir({ commercial: { quote: { invalid: { 'quote.request.fine.json': readFileSync(join(ROOT, EX, 'commercial/quote/valid/quote.request.commerce-network.json'), 'utf8') } } } });
  const bad = await runCli(['examples', '--json', dir]);
  t.equal(bad.code, 1);
  t.match(JSON.parse(bad.out), { ok: false, results: [{ file: 'commercial/quote/invalid/quote.request.fine.json', issues: [{ code: 'ERR_FIXTURE_EXPECTATION_MISSING' }] }] });
});

t.test('schemas list, help and version', async (t) => {
  const list = await runCli(['schemas', 'list', '--json']);
  t.equal(list.code, 0);
  t.ok((JSON.parse(list.out).schemas as { id: string }[]).some((s) => s.id === 'commercial/checkout.receipt'));
  t.equal((await runCli(['schemas'])).code, 2);
  const help = await runCli(['help', 'validate']);
  t.equal(help.code, 0);
  t.match(help.out, 'Usage: writ validate');
  t.equal((await runCli([])).code, 2, 'no command is a usage error, with the help printed');
  t.match((await runCli(['--version'])).out, /^writ \S+ \(schema line v\d+\.\d+\.\d+\)\n$/);
  for (const cmd of ['validate', 'integrity', 'examples', 'schemas']) t.equal((await runCli([cmd, '--help'])).code, 0, `${cmd} --help`);
});

t.test('the built binary: shebang, exit status, streams', async (t) => {
  const bin = join(ROOT, 'dist/cli/bin.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8' });
  t.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  t.ok((statSync(bin).mode & 0o111) !== 0, 'the build leaves bin.js executable, so npx writ runs after npm test');
  t.equal(run('validate', SEED).status, 0);
  t.equal(run('validate', invalidFixtures[0] as string).status, 1);
  const usage = run('validate', '--nope');
  t.equal(usage.status, 2);
  t.match(usage.stderr, 'ERR_USAGE_UNKNOWN_OPTION');
  const piped = spawnSync(process.execPath, [bin, 'validate', '-'], { cwd: ROOT, encoding: 'utf8', input: readFileSync(join(ROOT, SEED)) });
  t.equal(piped.status, 0, piped.stdout + piped.stderr);
});

t.test('schemas bundle: one self-contained file, to stdout or --out', async (t) => {
  const r = await runCli(['schemas', 'bundle', 'receipt/receipt-pair']);
  t.equal(r.code, 0);
  const bundle = JSON.parse(r.out);
  t.equal(bundle.$id, registry.find('receipt/receipt-pair')?.uri);
  t.ok(bundle.$defs[registry.find('receipt/tool-call')?.uri as string], 'the receipt schema is embedded under its $id');
  const dir = t.testdir();
  t.equal((await runCli(['schemas', 'bundle', 'capability/token', '--out', 'token.json'], { cwd: dir })).code, 0);
  t.equal(JSON.parse(readFileSync(join(dir, 'token.json'), 'utf8')).title, 'CapabilityToken');
  t.equal((await runCli(['schemas', 'bundle', 'commercial/nope'])).code, 2);
  t.equal((await runCli(['schemas', 'bundle'])).code, 2);
});
