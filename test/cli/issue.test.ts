/**
 * `writ sign`, `writ delegate` and `writ seal` (src/cli/issue.ts): keys from an owner-only file
 * or the environment, never the command line; what each makes verifies; what the verifier would
 * refuse is refused with its code (exit 1) and nothing is written; usage errors exit 2.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { verifyCapabilityChain } from '../../src/verify/capability.js';
import { verifyDocument } from '../../src/verify/document.js';
import { runCli } from '../helpers.js';

/** A folder with three keys (issuer, agent, worker), and their public forms as keygen printed them. */
async function workspace(): Promise<{ dir: string; keys: Record<string, { hex: string; did_key: string }> }> {
  const dir = mkdtempSync(join(tmpdir(), 'writ-issue-'));
  const keys: Record<string, { hex: string; did_key: string }> = {};
  for (const name of ['issuer', 'agent', 'worker', 'kernel']) {
    const r = await runCli(['keygen', '--out', `${name}.key`, '--json'], { cwd: dir });
    keys[name] = JSON.parse(r.out) as { hex: string; did_key: string };
  }
  return { dir, keys };
}
const write = (dir: string, name: string, value: unknown): string => {
  writeFileSync(join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
  return name;
};
const read = (dir: string, name: string): any => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const grant = { server_id: 'tools', tool_name: '*', operations: ['invoke', 'delegate'], max_invocations: 10 };

t.test('writ sign gives a token its issuer and signature, checked before it is printed', async (t) => {
  const { dir, keys } = await workspace();
  write(dir, 'root.json', { id: 'cap-root', subject: keys['agent']?.hex, scope: { grants: [grant] }, issued_at: 1790000000, expires_at: 1790086400 });
  const r = await runCli(['sign', 'root.json', '--key', 'issuer.key'], { cwd: dir });
  t.equal(r.code, 0, r.err);
  const token = JSON.parse(r.out);
  t.equal(token.issuer, keys['issuer']?.hex, 'the issuer is the key');
  t.ok(verifyCapabilityChain(token, { now: 1790000000 }).ok, 'the verifier accepts it');
  t.match(r.err, /ERR_CHAIN_ROOT_UNANCHORED/, 'what could not be checked is said');
  const json = await runCli(['sign', 'root.json', '--key', 'issuer.key', '--json'], { cwd: dir });
  t.match(JSON.parse(json.out), { ok: true, document: { issuer: keys['issuer']?.hex }, warnings: [{ code: 'ERR_CHAIN_ROOT_UNANCHORED' }] });
  const stdin = await runCli(['sign', '-', '--key', 'issuer.key'], { cwd: dir, stdin: readFileSync(join(dir, 'root.json'), 'utf8') });
  t.equal(stdin.out, r.out, 'standard input signs the same');
});

t.test('writ sign refuses what the verifier would refuse, and writes nothing', async (t) => {
  const { dir, keys } = await workspace();
  write(dir, 'bad.json', { id: 'cap-bad', subject: keys['agent']?.hex, scope: { grants: [{ ...grant, operations: [] }] }, issued_at: 1790000000, expires_at: 1790086400 });
  const r = await runCli(['sign', 'bad.json', '--key', 'issuer.key', '--out', 'bad.signed.json'], { cwd: dir });
  t.equal(r.code, 1);
  t.match(r.err, /ERR_SCHEMA_ITEMS at \/scope\/grants\/0\/operations/);
  t.notOk(existsSync(join(dir, 'bad.signed.json')), 'nothing was written');
  write(dir, 'other.json', { id: 'cap-other', issuer: keys['worker']?.hex, subject: keys['agent']?.hex, scope: { grants: [grant] }, issued_at: 1790000000, expires_at: 1790086400 });
  const other = await runCli(['sign', 'other.json', '--key', 'issuer.key', '--json'], { cwd: dir });
  t.equal(other.code, 1);
  t.match(JSON.parse(other.out), { ok: false, error: { code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/issuer' } }, 'a document naming another signer');
  write(dir, 'quote.json', read(join(process.cwd(), 'examples/v1.0.0/commercial/quote/valid'), 'quote.request.minimal.json'));
  const unsigned = await runCli(['sign', 'quote.json', '--key', 'issuer.key', '--json'], { cwd: dir });
  t.match(JSON.parse(unsigned.out), { ok: false, error: { code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/type' } }, 'a type that carries no signature');
  writeFileSync(join(dir, 'dup.json'), '{"id":"a","id":"b"}');
  t.equal((await runCli(['sign', 'dup.json', '--key', 'issuer.key'], { cwd: dir })).code, 2, 'a text writ does not read is a usage error');
});

t.test('writ sign reads its key from a file or the environment, never the command line, and refuses a key others may read', async (t) => {
  const { dir, keys } = await workspace();
  write(dir, 'root.json', { id: 'cap-root', subject: keys['agent']?.hex, scope: { grants: [grant] }, issued_at: 1790000000, expires_at: 1790086400 });
  const none = await runCli(['sign', 'root.json'], { cwd: dir });
  t.equal(none.code, 2);
  t.match(none.err, /ERR_USAGE_MISSING_ARGUMENT/);
  t.equal((await runCli(['sign', 'root.json', '--key', 'issuer.key', '--key-env', 'WRIT_KEY'], { cwd: dir })).code, 2, 'not both');
  const env = await runCli(['sign', 'root.json', '--key-env', 'WRIT_KEY'], { cwd: dir, env: { WRIT_KEY: readFileSync(join(dir, 'issuer.key'), 'utf8') } });
  t.equal(env.code, 0, env.err);
  t.equal(JSON.parse(env.out).issuer, keys['issuer']?.hex);
  const unset = await runCli(['sign', 'root.json', '--key-env', 'WRIT_KEY'], { cwd: dir, env: {} });
  t.equal(unset.code, 2);
  t.match(unset.err, /ERR_IO_NOT_FOUND/);
  chmodSync(join(dir, 'issuer.key'), 0o644);
  const open = await runCli(['sign', 'root.json', '--key', 'issuer.key'], { cwd: dir });
  t.equal(open.code, 2);
  t.match(open.err, /others may read it/);
  const pub = JSON.parse(readFileSync(join(dir, 'agent.key'), 'utf8'));
  delete pub.d;
  write(dir, 'agent.pub', pub);
  t.match((await runCli(['sign', 'root.json', '--key', 'agent.pub'], { cwd: dir })).err, /holds a public key/, 'a public key cannot sign');
});

t.test('writ sign proves a Data Integrity document, hashes an intent, and binds a receipt to its intent', async (t) => {
  const { dir, keys } = await workspace();
  const card = read(join(process.cwd(), 'examples/v1.0.0/discovery/agent-card/valid'), 'agent-card.dreamineering.commerce-rails.json');
  delete card.proof;
  delete card.credentials;
  write(dir, 'card.json', { ...card, id: keys['agent']?.did_key });
  const signed = await runCli(['sign', 'card.json', '--key', 'agent.key', '--now', '2026-11-02T00:00:00Z'], { cwd: dir });
  t.equal(signed.code, 0, signed.err);
  const proved = JSON.parse(signed.out);
  t.match(proved.proof, { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', proofPurpose: 'assertionMethod', created: '2026-11-02T00:00:00Z', verificationMethod: `${keys['agent']?.did_key}#${keys['agent']?.did_key.slice('did:key:'.length)}` });
  t.ok(verifyDocument(proved, { now: 1793577600 }).ok, 'the verifier accepts the card');
  t.equal((await runCli(['sign', 'card.json', '--key', 'issuer.key'], { cwd: dir })).code, 1, 'a card proved by a key of another DID is refused');
  const intent = read(join(process.cwd(), 'examples/v1.0.0/intent/governed-intent/valid'), 'governed-intent.commerce-network.json');
  const { intent_hash, ...body } = intent;
  write(dir, 'intent.json', body);
  const hashed = await runCli(['sign', 'intent.json', '--key', 'issuer.key', '--out', 'intent.json'], { cwd: dir });
  t.equal(hashed.code, 0, hashed.err);
  t.equal(read(dir, 'intent.json').intent_hash, intent_hash, 'the intent gets its hash');
  write(dir, 'receipt.json', { id: 'rcpt-1', timestamp: 1776272776, tool_server: intent.tool_server, tool_name: intent.tool_name, decision: { verdict: 'allow' } });
  const receipt = await runCli(['sign', 'receipt.json', '--type', 'receipt/tool-call', '--key', 'kernel.key', '--evidence', 'intent.json'], { cwd: dir });
  t.equal(receipt.code, 0, receipt.err);
  t.match(JSON.parse(receipt.out), { intent_hash, capability_id: intent.capability_id, kernel_key: keys['kernel']?.hex });
  const unbound = await runCli(['sign', 'receipt.json', '--type', 'receipt/tool-call', '--key', 'kernel.key', '--json'], { cwd: dir });
  t.match(JSON.parse(unbound.out), { ok: false, error: { code: 'ERR_USAGE_INVALID_ARGUMENT', path: '/intent_hash' } }, 'a receipt without its intent is not signed');
});

t.test('writ delegate narrows a capability, and refuses a child that widens it', async (t) => {
  const { dir, keys } = await workspace();
  write(dir, 'root.json', { id: 'cap-root', subject: keys['agent']?.hex, scope: { grants: [grant] }, issued_at: 1790000000, expires_at: 1790086400 });
  t.equal((await runCli(['sign', 'root.json', '--key', 'issuer.key', '--out', 'root.json'], { cwd: dir })).code, 0);
  write(dir, 'narrow.json', { grants: [{ ...grant, tool_name: 'search', max_invocations: 2 }] });
  const r = await runCli(['delegate', 'root.json', '--key', 'agent.key', '--subject', 'worker.key', '--scope', 'narrow.json', '--ttl', '600', '--id', 'cap-child', '--now', '1790000100', '--out', 'child.json'], { cwd: dir });
  t.equal(r.code, 0, r.err);
  const child = read(dir, 'child.json');
  t.match(child, { id: 'cap-child', issuer: keys['agent']?.hex, subject: keys['worker']?.hex, delegation_depth: 1, parent_capability_id: 'cap-root', issued_at: 1790000100, expires_at: 1790000700, ttl_secs: 600 });
  t.equal(child.delegation_chain.length, 1);
  t.ok(verifyCapabilityChain(child, { now: 1790000100, evidence: [read(dir, 'root.json')] }).ok);
  write(dir, 'wide.json', { grants: [{ ...grant, max_invocations: 11 }] });
  const wide = await runCli(['delegate', 'root.json', '--key', 'agent.key', '--subject', keys['worker']?.did_key as string, '--scope', 'wide.json', '--now', '1790000100', '--out', 'wide.out.json', '--json'], { cwd: dir });
  t.equal(wide.code, 1);
  t.match(JSON.parse(wide.out), { ok: false, error: { code: 'ERR_CAP_LIMIT_EXCEEDED' } });
  t.notOk(existsSync(join(dir, 'wide.out.json')));
  const grandchild = await runCli(['delegate', 'child.json', '--key', 'worker.key', '--subject', keys['agent']?.hex as string, '--ancestors', 'root.json', '--now', '1790000200', '--json'], { cwd: dir });
  t.equal(grandchild.code, 0, grandchild.out);
  t.match(JSON.parse(grandchild.out), { document: { delegation_depth: 2, expires_at: 1790000700 } }, 'a grandchild, its ancestors given, lives no longer than its parent');
  t.equal((await runCli(['delegate', 'root.json', '--key', 'agent.key'], { cwd: dir })).code, 2, 'a child needs a subject');
  t.equal((await runCli(['delegate', 'root.json', '--key', 'agent.key', '--subject', 'nobody'], { cwd: dir })).code, 2, 'a subject that is no key');
  t.equal((await runCli(['delegate', 'root.json', '--key', 'agent.key', '--subject', 'worker.key', '--ttl', '-5'], { cwd: dir })).code, 2, 'a lifetime that is no number of seconds');
});

t.test('writ seal writes a manifest the verifier trusts under its sealer, and nothing for a bundle that would not verify', async (t) => {
  const { dir, keys } = await workspace();
  const bundle = join(dir, 'bundle');
  mkdirSync(bundle);
  write(dir, 'root.json', { id: 'cap-root', subject: keys['agent']?.hex, scope: { grants: [grant] }, issued_at: 1790000000, expires_at: 1790086400 });
  t.equal((await runCli(['sign', 'root.json', '--key', 'issuer.key', '--out', 'bundle/root.json'], { cwd: dir })).code, 0);
  const r = await runCli(['seal', 'bundle', '--key', 'issuer.key', '--bundle-id', 'b-1', '--now', '1790000100'], { cwd: dir });
  t.equal(r.code, 0, r.err);
  const manifest = read(bundle, 'bundle-manifest.json');
  t.match(manifest, { bundle_id: 'b-1', artifacts: { 'root.json': /^sha256:/ }, proof: { verificationMethod: new RegExp(`^${keys['issuer']?.did_key}#`) } });
  const verified = await runCli(['verify', 'bundle', '--sealer', keys['issuer']?.did_key as string, '--now', '1790000100', '--json'], { cwd: dir });
  t.equal(verified.code, 0, verified.out);
  writeFileSync(join(bundle, 'root.json'), readFileSync(join(bundle, 'root.json'), 'utf8').replace('"invoke"', '"read"'));
  const refused = await runCli(['seal', 'bundle', '--key', 'issuer.key', '--now', '1790000100', '--json'], { cwd: dir });
  t.equal(refused.code, 1);
  t.match(JSON.parse(refused.out), { ok: false, error: { code: 'ERR_SIG_INVALID' } });
  t.same(read(bundle, 'bundle-manifest.json'), manifest, 'the old manifest stands');
  t.equal((await runCli(['seal', 'nowhere', '--key', 'issuer.key'], { cwd: dir })).code, 2);
  t.equal((await runCli(['seal', 'bundle', '--key', 'issuer.key', '--transaction', 'barter'], { cwd: dir })).code, 2);
});
