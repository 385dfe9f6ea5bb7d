/**
 * The replay's link rules are a table with one row per bullet of SPEC.md 12.9, in its order:
 * a bullet without a row, or a row without a bullet, is a rule stated and not checked (or the
 * other way round).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { LINK_RULES } from '../../src/verify/replay.js';
import { ROOT } from '../helpers.js';

t.test('one link rule per SPEC.md 12.9 bullet, in order', async (t) => {
  const spec = readFileSync(join(ROOT, 'SPEC.md'), 'utf8');
  const section = spec.slice(spec.indexOf('### 12.9 Transaction replay'), spec.indexOf('### 12.10'));
  const list = section.slice(section.indexOf("A hop's verdict is its first problem"), section.indexOf('A tampered artifact'));
  const bullets = [...list.matchAll(/^- ([a-z ]+):/gm)].map((m) => (m[1] as string).replace(/ /g, '_'));
  t.ok(bullets.length >= 6, `SPEC.md 12.9 lists the links by hop (${bullets.join(', ')})`);
  t.same(LINK_RULES.map((r) => r.hop), bullets);
  for (const r of LINK_RULES) t.ok(r.rule.length > 0, `${r.hop}: the rule is worded`);
});
