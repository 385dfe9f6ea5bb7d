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
// The caller's trust policy for the seven-station bundle: Dreamineering's DID document, which
// the caller vouches for, and the bundler that sealed it (SPEC.md 12.8, trust).
const BUNDLER = (JSON.parse(readFileSync(`${SEVEN}/bundle-manifest.json`, 'utf8')) as { proof: { verificationMethod: string } }).proof.verificationMethod.split('#')[0] as string;
const TRUST = ['--did', `${SEVEN}/identity/dreamineering-did.json`, '--sealer', BUNDLER];
const REVOCATION = 'examples/v1.0.0/capability/revocation/valid/revocation.vendor-liaison.incident-network.json';

t.test('a transaction folder is replayed at the time of its trace, hop by hop', async (t) => {
  const r = await runCli(['verify', SEVEN, ...TRUST]);
  t.equal(r.code, 0, r.out + r.err);
  t.match(r.out, /transaction dreamineering-seven-station-20261101T100800Z at 2026-11-01T10:08:00Z: verified, sealed by did:key:/);
  t.equal(r.out.match(/^ {2}ok {6}/gm)?.length, 7, 'seven hops');
  const json = await runCli(['verify', SEVEN, ...TRUST, '--json']);
  const report = JSON.parse(json.out);
  t.equal(report.ok, true);
  const { input: _i, kind, ...verification } = report.bundles[0];
  t.equal(kind, 'transaction');
  t.equal(SchemaRegistry.open().validate('bundle/verification-report', verification).ok, true, 'each report is a verification report');
  const late = await runCli(['verify', SEVEN, ...TRUST, '--now', '2026-11-01T12:00:00Z']);
  t.equal(late.code, 1);
  t.match(late.out, /FAILED {2}capability_chain +ERR_CHAIN_EXPIRED at capability\/shopping-agent\.json#\/expires_at/);
  t.equal((await runCli(['verify', SEVEN, ...TRUST, '--type', 'bundle', '--now', '2026-11-01T10:08:00Z'])).code, 0, 'and it is a sound evidence bundle');
});

t.test('the trust policy: a seal no --sealer names is reported, never called verified; a bundle\'s own DID document needs --did or --pin', async (t) => {
  const did = ['--did', `${SEVEN}/identity/dreamineering-did.json`];
  const open = await runCli(['verify', SEVEN, ...did]);
  t.equal(open.code, 0, open.out + open.err);
  t.match(open.out, /internally consistent, sealed by did:key:\S+, which no --sealer names/);
  t.notMatch(open.out, /: verified/);
  t.match(open.out, /ERR_BUNDLE_SEAL_UNTRUSTED/, 'the warning is printed with its code');
  const json = JSON.parse((await runCli(['verify', SEVEN, ...did, '--json'])).out);
  t.match(json.bundles[0], { ok: true, seal: { status: 'untrusted', sealer: BUNDLER }, warnings: [{ code: 'ERR_BUNDLE_SEAL_UNTRUSTED' }] });
  const other = await runCli(['verify', SEVEN, ...did, '--sealer', 'did:web:someone.example', '--json']);
  t.equal(other.code, 1);
  t.match(JSON.parse(other.out).bundles[0].errors, [{ code: 'ERR_BUNDLE_SEAL_UNTRUSTED' }]);
  const unpinned = await runCli(['verify', SEVEN, '--sealer', BUNDLER, '--json']);
  t.equal(unpinned.code, 1, 'without --did or --pin, the bundle\'s DID document does not count');
  t.ok(JSON.parse(unpinned.out).bundles[0].errors.every((e: { code: string }) => e.code === 'ERR_KEY_UNRESOLVED'));
  const { documentHash } = await import('../../src/crypto/hash.js');
  const pin = documentHash(JSON.parse(readFileSync(`${SEVEN}/identity/dreamineering-did.json`, 'utf8')));
  t.equal((await runCli(['verify', SEVEN, '--pin', pin, '--sealer', BUNDLER])).code, 0, '--pin vouches for it by its hash');
  t.equal((await runCli(['verify', SEVEN, '--pin', 'sha256:nothex'])).code, 2, 'a --pin that is not a hash is a usage error');
  const POLICY = 'examples/v1.0.0/bundle/trust-policy/valid/trust-policy.seven-station.json';
  const byPolicy = await runCli(['verify', SEVEN, '--trust', POLICY]);
  t.equal(byPolicy.code, 0, byPolicy.out + byPolicy.err);
  t.match(byPolicy.out, /: verified, sealed by did:key:/, 'a trust policy file names the sealer and pins the DID document');
  const strict = await runCli(['verify', SEVEN, '--trust', POLICY, '--sealer', 'did:web:someone.example', '--json']);
  t.equal(strict.code, 0, 'the options add to the policy: its sealer still counts');
  const bad = await runCli(['verify', SEVEN, '--trust', 'examples/v1.0.0/bundle/trust-policy/invalid/trust-policy.sealer-not-a-did.json']);
  t.equal(bad.code, 2, 'a policy that is not valid is a usage error');
  t.match(bad.err, /ERR_USAGE_INVALID_ARGUMENT/);
  t.equal((await runCli(['verify', SEVEN, '--trust', 'no/such/policy.json'])).code, 2);
  t.equal((await runCli(['verify', SEVEN, '--sealer', 'key-1'])).code, 2, 'a --sealer that is not a DID is a usage error');
});

t.test('a tampered copy fails, and the failing hop is named', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-verify-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(SEVEN, dir, { recursive: true });
  const cart = join(dir, 'mandates', 'cart-mandate.json');
  writeFileSync(cart, readFileSync(cart, 'utf8').replace('"5.00"', '"0.50"'));
  const r = await runCli(['verify', dir, ...TRUST]);
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

t.test('DID documents come from the command line, never the network, and never vouch for themselves', async (t) => {
  const credential = 'examples/v1.0.0/identity/merchant-credential/valid/merchant-credential.dreamineering-self-issued.commerce-rails.json';
  const did = 'examples/v1.0.0/identity/did-document/valid/did-document.dreamineering.commerce-rails.json';
  const without = await runCli(['verify', credential, '--now', '2026-11-02T00:00:00Z']);
  t.equal(without.code, 1);
  t.match(without.out, /ERR_KEY_UNRESOLVED/);
  t.equal((await runCli(['verify', credential, '--now', '2026-11-02T00:00:00Z', '--did', did])).code, 0);
  const given = await runCli(['verify', credential, did, '--now', '2026-11-02T00:00:00Z']);
  t.equal(given.code, 1, 'a DID document among the files given does not vouch for itself');
  t.match(given.out, /ERR_KEY_UNRESOLVED/);
  const { documentHash } = await import('../../src/crypto/hash.js');
  const pin = documentHash(JSON.parse(readFileSync(did, 'utf8')));
  t.equal((await runCli(['verify', credential, did, '--now', '2026-11-02T00:00:00Z', '--pin', pin])).code, 0, 'unless the caller pins its hash');
});

t.test('a file whose numbers are not written as signed is refused', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'writ-verify-number-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const receipt = readFileSync('examples/v1.0.0/receipt/tool-call/valid/tool-call.executor.incident-network.json', 'utf8');
  const file = join(dir, 'receipt.json');
  writeFileSync(file, receipt.replace('"units": 250', '"units": 250.0'));
  const r = await runCli(['verify', file, '--now', '1776272820', '--json']);
  t.equal(r.code, 1);
  t.match(JSON.parse(r.out).files[0], { ok: false, code: 'ERR_JSON_NUMBER_FORM' });
  writeFileSync(file, receipt);
  t.notMatch((await runCli(['verify', file, '--now', '1776272820', '--json'])).out, /ERR_JSON_NUMBER_FORM/, 'as signed, it is read');
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
