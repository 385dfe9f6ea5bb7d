/**
 * Variants of a JSON document, for differential tests: each changes one thing of a valid
 * document (a member removed, set to null, given another type, a string or number at a boundary,
 * an enumerated value swapped for another, a member added), so that two validators can be asked
 * about documents near the boundary of what they accept.
 */

/** One changed copy of a document, with what was changed. */
export interface Variant {
  /** What was changed, e.g. `remove /merchant`, `set /status "pending"`. */
  readonly change: string;
  readonly doc: unknown;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Step = string | number;

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const pointer = (path: readonly Step[]): string => path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
};

/** Every location in a document, root first, with its value. */
function locations(doc: Json, path: Step[] = [], out: [Step[], Json][] = []): [Step[], Json][] {
  out.push([path, doc]);
  if (Array.isArray(doc)) doc.forEach((v, i) => locations(v, [...path, i], out));
  else if (isObject(doc)) for (const [k, v] of Object.entries(doc)) locations(v, [...path, k], out);
  return out;
}

function at(doc: Json, path: readonly Step[]): Json | undefined {
  let node: Json | undefined = doc;
  for (const s of path) {
    if (Array.isArray(node) && typeof s === 'number') node = node[s];
    else if (isObject(node) && typeof s === 'string' && Object.hasOwn(node, s)) node = node[s];
    else return undefined;
  }
  return node;
}

/** A copy with the value at path replaced (or removed, when value is undefined). */
function edit(doc: Json, path: readonly Step[], value: Json | undefined): Json {
  const copy = clone(doc);
  const parent = at(copy, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') {
    if (value === undefined) parent.splice(last, 1);
    else parent[last] = value;
  } else if (isObject(parent) && typeof last === 'string') {
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return copy;
}

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/;
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const DECIMAL = /^\d+(\.\d+)?$/;

/** Other texts for a date-time: the separators and offsets RFC 3339 allows and those it does not. */
function dateTimes(v: string): string[] {
  const day = v.slice(0, 10);
  return [
    v.replace('T', ' '),
    v.replace('T', 't').replace(/Z$/, 'z'),
    `${day}T10:00:00+00:00`,
    `${day}T10:00:00-05:30`,
    `${day}T10:00:00+0000`,
    `${day}T10:00:00`,
    `${day}T10:00:00.123456Z`,
    `${day}T23:59:60Z`,
    `${day}T10:00:60Z`,
    `${day}T24:00:00Z`,
    `${day.slice(0, 5)}02-30T10:00:00Z`,
    `${day.slice(0, 5)}13-01T10:00:00Z`,
    '2024-02-29T10:00:00Z',
    '2026-02-29T10:00:00Z',
    day,
  ];
}

const URIS = [
  'merchant.example/x402/sessions/1',
  '/relative/path',
  'urn:x402:proof:1',
  'did:web:merchant.example',
  'mailto:ops@merchant.example',
  'https://merchant.example/a b',
  'https://merchant.example/é',
  'https://[::1]/x',
  'https://[fe80::1%25eth0]/x',
  'https://merchant.example/%zz',
  'https://merchant.example:99999/x',
  'https:',
  'x:',
  '1https://merchant.example/',
  `https://merchant.example/${'a'.repeat(512 - 'https://merchant.example/'.length)}`,
  `https://merchant.example/${'a'.repeat(513 - 'https://merchant.example/'.length)}`,
];

const DECIMALS = ['0', '0.0', '00', '01', '1.', '.5', '-1', '+1', '1e2', '1.000000', '1.0000000', '1.123456', '1.1234567', `1${'0'.repeat(39)}`, `1${'0'.repeat(40)}`, ' 1', '١'];

const STRINGS = ['', ' ', 'a', 'é', '\u0000', 'a'.repeat(5), 'a'.repeat(6), 'a'.repeat(127), 'a'.repeat(128), 'a'.repeat(129), 'a'.repeat(511), 'a'.repeat(512), 'a'.repeat(513)];

const NUMBERS = [-1, 0, 1, 2, 1.5, 6, 18, 19, 1e6, 2 ** 53 - 1, 2 ** 53];

/** Values of another JSON type than the one given. */
function otherTypes(v: Json): Json[] {
  const all: Json[] = ['1', 1, true, {}, []];
  const type = (x: Json): string => (Array.isArray(x) ? 'array' : x === null ? 'null' : typeof x);
  return all.filter((x) => type(x) !== type(v));
}

/**
 * The enumerated values a JSON Schema names, by the member name they are found under
 * (`status` gets every status any of its subschemas lists).
 */
export function enumsByName(schema: unknown, out = new Map<string, Set<Json>>()): Map<string, Set<Json>> {
  const walk = (node: unknown, name: string | undefined): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, name));
    if (!isObject(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'enum' || k === 'const') && name !== undefined) {
        const set = out.get(name) ?? new Set<Json>();
        for (const x of k === 'enum' && Array.isArray(v) ? v : [v]) set.add(x);
        out.set(name, set);
      } else if (k === 'properties' && isObject(v)) {
        for (const [p, sub] of Object.entries(v)) walk(sub, p);
      } else walk(v, k === '$defs' ? undefined : name);
    }
  };
  walk(schema, undefined);
  return out;
}

/**
 * Every single-change variant of a document.
 *
 * @param doc - a document valid on both sides.
 * @param enums - enumerated values by member name ({@link enumsByName}).
 * @param donors - other documents of the same type: a member they have at a location this one
 *   lacks is added with their value, and each donor's `status` is tried with the members that
 *   donor has and this one lacks.
 * @returns the variants, each with its change named.
 */
export function variants(doc: unknown, enums: ReadonlyMap<string, ReadonlySet<unknown>>, donors: readonly unknown[]): Variant[] {
  const root = doc as Json;
  const out: Variant[] = [];
  const push = (change: string, d: Json): void => void out.push({ change, doc: d });
  for (const [path, value] of locations(root)) {
    const p = pointer(path);
    const last = path[path.length - 1];
    if (path.length > 0) {
      push(`remove ${p}`, edit(root, path, undefined));
      push(`set ${p} null`, edit(root, path, null));
      for (const x of otherTypes(value)) push(`set ${p} ${show(x)}`, edit(root, path, x));
    }
    if (isObject(value)) {
      push(`add ${p}/x_unknown`, edit(root, [...path, 'x_unknown'], 'x'));
      push(`set ${p} {}`, edit(root, path, {}));
    }
    if (Array.isArray(value)) {
      push(`set ${p} []`, edit(root, path, []));
      if (value.length > 0) push(`append ${p} copy of first`, edit(root, path, [...value, clone(value[0] as Json)]));
    }
    if (typeof value === 'string' && path.length > 0) {
      const texts = [...STRINGS];
      if (DATE_TIME.test(value)) texts.push(...dateTimes(value));
      if (HAS_SCHEME.test(value)) texts.push(...URIS);
      if (DECIMAL.test(value)) texts.push(...DECIMALS);
      if (typeof last === 'string') for (const e of enums.get(last) ?? []) if (typeof e === 'string') texts.push(e);
      texts.push(value.toUpperCase(), value.toLowerCase(), `${value} `, `${value}x`);
      for (const x of new Set(texts)) if (x !== value) push(`set ${p} ${show(x)}`, edit(root, path, x));
    }
    if (typeof value === 'number') for (const x of NUMBERS) if (x !== value) push(`set ${p} ${x}`, edit(root, path, x));
  }
  donors.forEach((donor, i) => {
    for (const [path, value] of locations(donor as Json)) {
      if (path.length === 0 || at(root, path) !== undefined || !isObject(at(root, path.slice(0, -1)) ?? null)) continue;
      push(`add ${pointer(path)} from donor ${i}`, edit(root, path, value));
    }
    if (isObject(donor) && isObject(root) && donor['status'] !== undefined && donor['status'] !== root['status']) {
      const merged = { ...clone(donor), ...clone(root), status: donor['status'] } as Json;
      push(`set /status ${show(donor['status'])} with donor ${i}'s other members`, merged);
    }
  });
  return out;
}
