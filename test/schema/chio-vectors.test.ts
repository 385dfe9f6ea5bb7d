/**
 * chio's own capability tokens (its binding vectors, test/vectors/chio) are writ capability
 * tokens: writ's lineage members are optional, and its compact envelope is chio's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { SchemaRegistry } from '../../src/schema/registry.js';
import { VECTORS } from '../helpers.js';

t.test("chio's capability vectors validate as capability/token", async (t) => {
  const registry = SchemaRegistry.open();
  const vectors = JSON.parse(readFileSync(join(VECTORS, 'chio/capability.v1.json'), 'utf8')) as { cases: { id: string; capability: unknown }[] };
  t.ok(vectors.cases.length >= 3);
  for (const c of vectors.cases) {
    const r = registry.validate('capability/token', c.capability, { rules: false });
    t.ok(r.ok, `${c.id}: ${r.ok ? '' : JSON.stringify(r.issues)}`);
  }
});
