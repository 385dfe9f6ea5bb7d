/**
 * The README's walkthrough, run exactly as printed: the shell block between its markers is read
 * from README.md, checked to be examples/walkthrough/walkthrough.sh, and run with `bash -e` in an
 * empty folder inside the checkout (so that `npx writ` is this package's command, as in a clone
 * after `npm ci`). It must end with the tampered copy refused with ERR_BUNDLE_ALTERED, and leave
 * a sealed bundle that verifies.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { ROOT } from './helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const block = /<!-- walkthrough:begin -->\n```sh\n([\s\S]*?)```\n<!-- walkthrough:end -->/.exec(readme)?.[1];

t.test('the README prints the walkthrough script as it is in examples/', async (t) => {
  t.ok(block, 'the README has the walkthrough block');
  t.equal(block, readFileSync(join(ROOT, 'examples/walkthrough/walkthrough.sh'), 'utf8'));
});

t.test('the walkthrough runs as printed, from an empty folder, with the CLI alone', async (t) => {
  if (block === undefined) return;
  mkdirSync(join(ROOT, '.scratch'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.scratch', 'walkthrough-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const run = spawnSync('bash', ['-euo', 'pipefail', '-c', block], { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' }, timeout: 300_000 });
  t.equal(run.status, 0, `the walkthrough exits 0\n${run.stdout}\n${run.stderr}`);
  t.match(run.stdout, /bundle walkthrough-1 at 2026-09-21T14:18:20Z: verified, sealed by did:key:z6Mk/, 'the sealed bundle verifies under its sealer');
  t.match(run.stdout, /tampered copy: ERR_BUNDLE_ALTERED/, 'the tampered copy fails with its code');
  t.match(run.stderr, /ERR_CAP_LIMIT_EXCEEDED/, 'the wider child is refused with its code');
  t.notOk(existsSync(join(dir, 'wider.out.json')), 'and nothing was written for it');
  const manifest = JSON.parse(readFileSync(join(dir, 'bundle', 'bundle-manifest.json'), 'utf8')) as { artifacts: Record<string, string> };
  t.same(Object.keys(manifest.artifacts).sort(), ['buyer-receipt.json', 'intent.json', 'provider-receipt.json', 'root.json', 'worker.json']);
});
