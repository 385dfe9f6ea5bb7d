/**
 * `writ verify` end to end, in-process: the seven-station replay, a tampered copy naming its
 * hop, files verified with each other as evidence, the time and trust options, usage errors.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { runCli } from '../helpers.js';

const SEVEN = 'examples/v1.0.0/transactions/seven-station';
const TOKENS = 'examples/v1.0.0/capability/token/valid';
const chain = ['provider-executor', 'root-commander', 'vendor-liaison', 'provider-coordinator'].map((n) => `${TOKENS}/token.${n}.incident-network.json`);
const REVOCATION = 'examples/v1.0.0/capability/revocation/valid/revocation.vendor-liaison.incident-network.json';

t.test('a transaction folder is replayed at the time of its trace, hop by hop', async (t) => {
  const r = await runCli(['verify', SEVEN]);
  t.equal(r.code, 0, r.out + r.err);
  t.match(r.out, /transaction dreamineering-seven-station-20261101T100800Z at 2026-11-01T10:08:00Z: verified/);
  t.equal(r.out.match(/^ {2}ok {6}/gm)?.length, 7, 'seven hops');
  const json = await runCli(['verify', SEVEN, '--json']);
  const report = JSON.parse(json.out);
  t.equal(report.ok, true);
  const { input: _i, kind, ...verification } = report.bundles[0];
  t.equal(kind, 'transaction');
  t.equal(SchemaRegistry.open().validate('bundle/verification-report', verification).ok, true, 'each report is a verification report');
  const late = await runCli(['verify', SEVEN, '--now', '2026-11-01T12:00:00Z']);
  t.equal(late.code, 1);
  t.match(late.out, /FAILED {2}capability_chain +ERR_CHAIN_EXPIRED at capability\/shopping-agent\.json#\/expires_at/);
  t.equal((await runCli(['verify', SEVEN, '--type', 'bundle', '--now', '2026-11-01T10:08:00Z'])).code, 0, 'and it is a sound evidence bundle');
});

t.test('a tampered copy fails, and the failing hop is named', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-verify-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(SEVEN, dir, { recursive: true });
  const cart = join(dir, 'mandates', 'cart-mandate.json');
  writeFileSync(cart, readFileSync(cart, 'utf8').replace('"5.00"', '"0.50"'));
  const r = await runCli(['verify', dir]);
  t.equal(r.code, 1);
  t.match(r.out, /FAILED {2}mandates +ERR_BUNDLE_ALTERED at mandates\/cart-mandate\.json/);
  t.notMatch(r.out, /FAILED {2}(identity|manifest|capability_chain|intent|settlement|receipts) /, 'no other hop fails');
});

t.test('files are verified with each other as evidence, at --now', async (t) => {
  const ok = await runCli(['verify', ...chain, '--now', '1776272800']);
  t.equal(ok.code, 0, ok.out);
  t.match(ok.out, /token\.provider-executor\.incident-network\.json: verified \(capability\/token\)/);
  const revoked = await runCli(['verify', ...chain, REVOCATION, '--now', '1776272800', '--json']);
  t.equal(revoked.code, 1);
  const executor = JSON.parse(revoked.out).files[0];
  t.match(executor, { ok: false, type: 'capability/token', code: 'ERR_CHAIN_REVOKED_ANCESTOR', path: '/INC-2026-0428-vendor', details: { revoked_capability_id: 'INC-2026-0428-vendor', denied_at_depth: 1 } });
  const clockTime = await runCli(['verify', ...chain], { clock: () => 1776272800 + 2000 });
  t.equal(clockTime.code, 1, 'without --now the clock is used');
  t.match(clockTime.out, /ERR_CHAIN_EXPIRED/);
  const trusted = await runCli(['verify', chain[0] as string, ...chain.slice(1), '--now', '1776272800', '--trust-anchor', '0'.repeat(64)]);
  t.match(trusted.out, /ERR_CHAIN_UNTRUSTED_ROOT/);
});

t.test('DID documents come from the command line, never the network', async (t) => {
  const credential = 'examples/v1.0.0/identity/merchant-credential/valid/merchant-credential.dreamineering-self-issued.commerce-rails.json';
  const did = 'examples/v1.0.0/identity/did-document/valid/did-document.dreamineering.commerce-rails.json';
  const without = await runCli(['verify', credential, '--now', '2026-11-02T00:00:00Z']);
  t.equal(without.code, 1);
  t.match(without.out, /ERR_KEY_UNRESOLVED/);
  t.equal((await runCli(['verify', credential, '--now', '2026-11-02T00:00:00Z', '--did', did])).code, 0);
  t.equal((await runCli(['verify', credential, did, '--now', '2026-11-02T00:00:00Z'])).code, 0, 'or from the files given');
});

t.test('usage errors exit 2 with a code', async (t) => {
  for (const [args, code] of [
    [['verify'], 'ERR_USAGE_MISSING_ARGUMENT'],
    [['verify', SEVEN, '--now', 'yesterday'], 'ERR_USAGE_INVALID_ARGUMENT'],
    [['verify', SEVEN, '--type', 'nonsense'], 'ERR_USAGE_INVALID_ARGUMENT'],
    [['verify', chain[0] as string, '--type', 'transaction'], 'ERR_USAGE_INVALID_ARGUMENT'],
    [['verify', 'no/such/file.json'], 'ERR_IO_NOT_FOUND'],
    [['verify', SEVEN, '--did', chain[0] as string], 'ERR_USAGE_INVALID_ARGUMENT'],
    [['verify', SEVEN, '--trust-anchor', 'ABC'], 'ERR_USAGE_INVALID_ARGUMENT'],
    [['verify', SEVEN, '--bogus'], 'ERR_USAGE_UNKNOWN_OPTION'],
  ] as const) {
    const r = await runCli([...args]);
    t.equal(r.code, 2, args.join(' '));
    t.match(r.err, code, args.join(' '));
  }
});
