/**
 * No schema pattern costs more than linear time (issue 10, attacks 10 and 13; SPEC.md 4.1). Every
 * `pattern`, every `propertyNames` pattern and every `patternProperties` key of every schema file
 * of the line is:
 *
 * - judged safe by recheck, the maintained ReDoS checker, which proves a pattern linear from its
 *   automaton or, for counted repetitions too large to expand, searches for an attack;
 * - bounded: its string has a maxLength, or the pattern itself bounds what is read (anchored at
 *   the start, no unbounded repetition);
 * - run against adversarial strings up to that bound: matches of the pattern, cut and pumped with
 *   each character and pair the pattern knows, then ended with a character that breaks the match.
 *   This check asserts results, never times: a backtracking pattern makes the file time out.
 *
 * recheck runs with every time limit off (`timeout`, `attackTimeout`, `incubationTimeout`,
 * `seedingTimeout`: null), so its verdict is a function of the pattern and its fixed random seed,
 * never of the machine's speed. The default backend is used (the native binary recheck ships for
 * the platform, else its jar under java, else its JavaScript build in a worker);
 * `RECHECK_BACKEND=pure` runs the JavaScript build in this process, with the same verdicts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { check, type Diagnostics } from 'recheck';
import t from 'tap';
import { ROOT, listFiles } from '../helpers.js';

const LINE_DIR = join(ROOT, 'schemas', 'v1.0.0');
/** recheck's parameters: time limits off, so a verdict never depends on the machine. */
const RECHECK = { timeout: null, attackTimeout: null, incubationTimeout: null, seedingTimeout: null } as const;
/** Keywords whose value is instance data, never a schema. */
const DATA = new Set(['const', 'enum', 'examples', 'default']);
/** Keywords whose subschemas apply to the same instance as the schema holding them. */
const SAME_INSTANCE = new Set(['not', 'allOf', 'anyOf', 'oneOf', 'if', 'then', 'else']);

interface Found {
  /** File and JSON Pointer of the schema holding the pattern. */
  readonly at: string;
  readonly pattern: string;
  /** The maxLength that bounds the string: its own, or that of the schema it constrains in place (`not`, `allOf`, ...). */
  readonly maxLength: number | undefined;
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every pattern of a schema document, with the maxLength that bounds its string. */
function patternsOf(file: string, schema: unknown): Found[] {
  const out: Found[] = [];
  const visit = (node: unknown, at: string, inherited: number | undefined): void => {
    if (Array.isArray(node)) return node.forEach((v, i) => visit(v, `${at}/${i}`, inherited));
    if (!isNode(node)) return;
    const own = typeof node['maxLength'] === 'number' ? node['maxLength'] : inherited;
    if (typeof node['pattern'] === 'string') out.push({ at: `${file}#${at}`, pattern: node['pattern'], maxLength: own });
    for (const [k, v] of Object.entries(node)) {
      if (DATA.has(k)) continue;
      if (k === 'patternProperties' && isNode(v)) {
        const names = node['propertyNames'];
        const limit = isNode(names) && typeof names['maxLength'] === 'number' ? names['maxLength'] : undefined;
        for (const key of Object.keys(v)) out.push({ at: `${file}#${at}/patternProperties`, pattern: key, maxLength: limit });
      }
      visit(v, `${at}/${k}`, SAME_INSTANCE.has(k) ? own : undefined);
    }
  };
  visit(schema, '', undefined);
  return out;
}

const files = listFiles(LINE_DIR).filter((f) => f.endsWith('.schema.json'));
const found = files.flatMap((f) => patternsOf(f, JSON.parse(readFileSync(join(LINE_DIR, f), 'utf8'))));
const unique = [...new Set(found.map((f) => f.pattern))];

/**
 * What a pattern can read: the longest string it matches (Infinity with an unbounded
 * repetition), and whether every top-level alternative is anchored at the start. Handles the
 * regular-expression subset SPEC.md 4.1 allows.
 */
function extent(pattern: string): { readonly longest: number; readonly anchored: boolean } {
  let i = 0;
  const atom = (): number => {
    const c = pattern[i];
    if (c === '\\') {
      i += pattern[i + 1] === 'u' ? 6 : 2;
      return 1;
    }
    if (c === '[') {
      i++;
      while (pattern[i] !== ']') i += pattern[i] === '\\' ? (pattern[i + 1] === 'u' ? 6 : 2) : 1;
      i++;
      return 1;
    }
    if (c === '(') {
      i += pattern.startsWith('(?:', i) ? 3 : 1;
      const inner = alternatives().longest;
      i++; // )
      return inner;
    }
    i++;
    return c === '^' || c === '$' ? 0 : 1;
  };
  const quantified = (n: number): number => {
    const c = pattern[i];
    if (c === '*' || c === '+') return (i++, n === 0 ? 0 : Infinity);
    if (c === '?') return (i++, n);
    if (c === '{') {
      const close = pattern.indexOf('}', i);
      const [, max] = /^\{(\d+)(?:,(\d*))?\}$/.exec(pattern.slice(i, close + 1)) ?? [];
      const body = pattern.slice(i + 1, close);
      i = close + 1;
      if (!body.includes(',')) return n * Number(max);
      const upper = body.split(',')[1];
      return upper === '' ? (n === 0 ? 0 : Infinity) : n * Number(upper);
    }
    return n;
  };
  const sequence = (): { longest: number; anchored: boolean } => {
    const anchored = pattern[i] === '^';
    let longest = 0;
    while (i < pattern.length && pattern[i] !== '|' && pattern[i] !== ')') longest += quantified(atom());
    return { longest, anchored };
  };
  const alternatives = (): { longest: number; anchored: boolean } => {
    let { longest, anchored } = sequence();
    while (pattern[i] === '|') {
      i++;
      const next = sequence();
      longest = Math.max(longest, next.longest);
      anchored &&= next.anchored;
    }
    return { longest, anchored };
  };
  return alternatives();
}

/** The length the adversarial strings of a pattern are built to: its maxLength, or past its longest match. */
const limitOf = (f: Found): number => f.maxLength ?? extent(f.pattern).longest + 64;

/** Characters that end most matches: a control, punctuation and a space. */
const BREAKERS = ['\u0000', '!', ' ', ':'];
/** Characters worth pumping besides those of the pattern's own matches. */
const PUMPED = [...'aA0.-_/#:%~?', '\u00e9'];

/**
 * Adversarial strings for a pattern, up to `limit` characters: each of a few matches (made by
 * fast-check from the pattern, fixed seed) is cut at each of its first 40 positions, and the rest
 * filled with one character or pair repeated, then ended with a breaking character or not at all.
 */
function adversarial(pattern: string, limit: number): string[] {
  const seeds = fc.sample(fc.stringMatching(new RegExp(pattern, 'u')), { numRuns: 4, seed: 10 });
  const out = new Set<string>();
  for (const seed of seeds) {
    const units = new Set([...seed, ...PUMPED]);
    for (let cut = 0; cut <= Math.min(seed.length, 40); cut++) {
      const head = seed.slice(0, cut);
      for (const unit of [...units, seed.slice(cut, cut + 2)]) {
        if (unit === '') continue;
        const body = (head + unit.repeat(Math.ceil(Math.max(limit - head.length, 0) / unit.length))).slice(0, limit);
        out.add(body);
        for (const b of BREAKERS) out.add(body.slice(0, limit - 1) + b);
      }
    }
  }
  return [...out];
}

t.test('every schema file is walked, and every pattern found', async (t) => {
  t.ok(files.length > 50, `${files.length} schema files`);
  t.ok(found.length >= 49, `${found.length} patterns (${unique.length} distinct)`);
  t.ok(found.some((f) => f.at.endsWith('/extensions/propertyNames')), 'propertyNames patterns are found');
  t.ok(found.some((f) => f.at.endsWith('/not')), 'patterns under not are found');
  t.same(
    patternsOf('x', { patternProperties: { '^a+$': {} }, propertyNames: { maxLength: 9 } }),
    [{ at: 'x#/patternProperties', pattern: '^a+$', maxLength: 9 }],
    'patternProperties keys are found, bounded by propertyNames',
  );
});

t.test('the reading of what a pattern can read', async (t) => {
  t.same(extent('^[A-Z]{2}$'), { longest: 2, anchored: true });
  t.same(extent('^z[1-9A-HJ-NP-Za-km-z]{80,90}$'), { longest: 91, anchored: true });
  t.same(extent('^-'), { longest: 1, anchored: true });
  t.same(extent('^(a|bc)?\\u0041$'), { longest: 3, anchored: true });
  t.equal(extent('^[0-9]+$').longest, Infinity);
  t.equal(extent('^a{2,}$').longest, Infinity);
  t.equal(extent('/schemas/v1/$').anchored, false);
  t.equal(extent('^a$|b$').anchored, false);
});

t.test('every pattern bounds what it reads: a maxLength on its string, or anchored with no unbounded repetition', async (t) => {
  for (const f of found) {
    const { longest, anchored } = extent(f.pattern);
    t.ok(f.maxLength !== undefined || (anchored && longest !== Infinity), `${f.at} ${f.pattern}${f.maxLength === undefined ? '' : ` (maxLength ${f.maxLength})`}`);
  }
});

t.test('recheck finds the exponential backtracking of the extension-name pattern issue 10 replaced', async (t) => {
  const old = '^([a-z0-9-]+\\.)+[a-z0-9-]+([._/#][A-Za-z0-9_.-]+)*$|^https://[^\\u0000-\\u0020]+$';
  const d = await check(old, 'u', RECHECK);
  t.equal(d.status, 'vulnerable');
  t.equal(d.status === 'vulnerable' ? d.complexity.type : undefined, 'exponential');
  // The adversarial strings reach that attack: after a / or #, a run of _ (a separator and a
  // name character at once), then a character no name holds.
  t.ok(adversarial(old, 256).some((s) => /[#/]_{200,}[\u0000! :]$/.test(s)), 'the strings built for it include the attack');
});

t.test('recheck judges every pattern safe', async (t) => {
  const verdicts = new Map<string, Diagnostics>();
  for (const p of unique) verdicts.set(p, await check(p, 'u', RECHECK));
  for (const f of found) {
    const d = verdicts.get(f.pattern) as Diagnostics;
    const why = d.status === 'vulnerable' ? `${d.complexity.type}: ${d.attack.pattern}` : d.status === 'unknown' ? d.error.kind : d.complexity.type;
    t.equal(d.status, 'safe', `${f.at} ${f.pattern} (${why})`);
  }
});

t.test('every pattern runs to an answer on adversarial strings up to its length limit', async (t) => {
  let runs = 0;
  for (const f of found) {
    const limit = limitOf(f);
    const re = new RegExp(f.pattern, 'u');
    const strings = adversarial(f.pattern, limit);
    let matched = 0;
    for (const s of strings) if (re.test(s)) matched++;
    runs += strings.length;
    // Something ran: the strings are longer than any bound below them, and most break the match.
    t.ok(strings.length > 100 && strings.some((s) => s.length === limit) && matched < strings.length, `${f.at}: ${strings.length} strings of up to ${limit} characters, ${matched} matched`);
  }
  t.ok(runs > 10000, `${runs} strings`);
});
