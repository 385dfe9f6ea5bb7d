/**
 * Optional tools are optional, loudly (test/tools.ts): a missing one skips the tests that need
 * it with a reason naming it and how to install it, except under CI, where the test runs and
 * fails on it.
 */
import t from 'tap';
import { JSONSCHEMA_MISSING, needs, PYTHON_JSONSCHEMA, type Tool } from './tools.js';

const missing: Tool = { command: 'no-such-tool', available: false, reason: 'needs no-such-tool: install it (Debian: apt-get install no-such-tool)' };
const here: Tool = { command: 'node', available: true, reason: '' };

t.test('a missing tool skips with its reason outside CI, and runs (to fail) under CI', async (t) => {
  t.same(needs([here], false), {});
  t.same(needs([missing, here], false), { skip: missing.reason });
  t.same(needs([here, missing], true), {}, 'under CI the test runs, and present() fails it');
});

t.test("the reason for Python's jsonschema names the Debian package and pip's", async (t) => {
  t.match(JSONSCHEMA_MISSING, 'apt-get install python3-jsonschema');
  t.match(JSONSCHEMA_MISSING, "pip install 'jsonschema>=4,<5'");
  t.equal(PYTHON_JSONSCHEMA.available ? '' : PYTHON_JSONSCHEMA.reason, PYTHON_JSONSCHEMA.available ? '' : JSONSCHEMA_MISSING);
});
