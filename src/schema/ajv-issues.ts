/**
 * Ajv errors to writ issues (SPEC.md, "Validation issues"). One broken rule is one issue: the
 * wrapper errors Ajv adds around a failed conditional (`if`) or a failed alternative (`anyOf`,
 * `oneOf`, `propertyNames`, `contains`) are folded into the issue they explain, and each issue
 * gets the code of its keyword, a pointer to the value at fault, and a message that says what
 * to change, quoting the rule's own description from the schema where it has one.
 *
 * Collection is linear in the number of Ajv errors and bounded: the work per error depends on
 * the schema (its paths and its member names), never on how many other errors there are or on
 * the size of the value at fault, and at most {@link MAX_ISSUES} issues are made; what is found
 * beyond them is counted in one final `ERR_SCHEMA_TOO_MANY_ISSUES` issue.
 */
import type { ErrorObject } from 'ajv';
import type { ErrorCode } from '../generated/error-codes.js';
import { pointerAppend } from '../encoding/pointer.js';
import type { Issue } from '../issues.js';

const CODES: Readonly<Record<string, ErrorCode>> = {
  required: 'ERR_SCHEMA_REQUIRED',
  additionalProperties: 'ERR_SCHEMA_ADDITIONAL_PROPERTY',
  unevaluatedProperties: 'ERR_SCHEMA_ADDITIONAL_PROPERTY',
  type: 'ERR_SCHEMA_TYPE',
  const: 'ERR_SCHEMA_CONST',
  enum: 'ERR_SCHEMA_ENUM',
  pattern: 'ERR_SCHEMA_PATTERN',
  format: 'ERR_SCHEMA_FORMAT',
  minLength: 'ERR_SCHEMA_LENGTH',
  maxLength: 'ERR_SCHEMA_LENGTH',
  minimum: 'ERR_SCHEMA_RANGE',
  maximum: 'ERR_SCHEMA_RANGE',
  exclusiveMinimum: 'ERR_SCHEMA_RANGE',
  exclusiveMaximum: 'ERR_SCHEMA_RANGE',
  multipleOf: 'ERR_SCHEMA_MULTIPLE_OF',
  minItems: 'ERR_SCHEMA_ITEMS',
  maxItems: 'ERR_SCHEMA_ITEMS',
  items: 'ERR_SCHEMA_ITEMS',
  unevaluatedItems: 'ERR_SCHEMA_ITEMS',
  uniqueItems: 'ERR_SCHEMA_UNIQUE_ITEMS',
  contains: 'ERR_SCHEMA_CONTAINS',
  minContains: 'ERR_SCHEMA_CONTAINS',
  maxContains: 'ERR_SCHEMA_CONTAINS',
  minProperties: 'ERR_SCHEMA_PROPERTY_COUNT',
  maxProperties: 'ERR_SCHEMA_PROPERTY_COUNT',
  propertyNames: 'ERR_SCHEMA_PROPERTY_NAME',
  dependentRequired: 'ERR_SCHEMA_DEPENDENCY',
  dependencies: 'ERR_SCHEMA_DEPENDENCY',
  not: 'ERR_SCHEMA_FORBIDDEN',
  'false schema': 'ERR_SCHEMA_FORBIDDEN',
  anyOf: 'ERR_SCHEMA_NO_MATCH',
  oneOf: 'ERR_SCHEMA_NO_MATCH',
};

/** Keywords about an object's members, where the holding schema's description says nothing about the member. */
const OBJECT_LEVEL = new Set(['required', 'additionalProperties', 'unevaluatedProperties', 'dependentRequired', 'dependencies', 'propertyNames', 'false schema']);

/** Keywords whose failure Ajv reports both inside (per branch or item) and as a summary. */
const SUMMARISING = new Set(['anyOf', 'oneOf', 'propertyNames', 'contains']);

/**
 * The most issues one validation reports (SPEC.md 5.2). A hostile document can break a rule
 * once per member; a person reads the first few and a program needs only the first. Past the
 * cap, one more issue, `ERR_SCHEMA_TOO_MANY_ISSUES`, says how many were found and not reported.
 */
export const MAX_ISSUES = 100;

/** Characters of a value quoted in a message. */
const SHOWN = 80;

/**
 * Convert the errors of one failed Ajv validation into issues.
 *
 * @param errors - `validate.errors` of an Ajv validator (compiled with `verbose` for full messages).
 * @param explain - add rule descriptions and suggestions (needs `verbose` errors).
 * @param cap - the most issues to make (default {@link MAX_ISSUES}).
 * @returns one issue per broken rule, in document order of Ajv's report, at most `cap` of them,
 *   then, when more were found, one `ERR_SCHEMA_TOO_MANY_ISSUES` issue whose `details` give
 *   `collected` (the cap) and `dropped` (how many more broke a rule).
 */
export function ajvIssues(errors: readonly ErrorObject[], explain: boolean, cap: number = MAX_ISSUES): Issue[] {
  // A conditional rule is reported twice: the inner failure (say `required` under `then`) and
  // an `if` error "must match then schema". Keep the inner one; remember the rule's description.
  // Both maps are keyed by schema paths, so they hold at most one entry per place in the schema.
  const rules = new Map<string, string>();
  const summaries = new Set<string>();
  // A member name checked through a $ref has its inner error under the referenced schema's
  // path, not under propertyNames: Ajv marks it with propertyName instead.
  const namesChecked = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') {
      // A named rule is an allOf entry { description, if, then }; a bare if/else elsewhere (a
      // member that may be null or a string or an object) is structure, not a rule.
      const at = e.schemaPath.slice(0, -'/if'.length);
      if (explain && !rules.has(at) && /\/allOf\/\d+$/.test(at)) {
        const description = describe(e.parentSchema);
        if (description !== undefined) rules.set(at, description);
      }
    } else if (SUMMARISING.has(e.keyword)) {
      summaries.add(`${e.schemaPath}/`);
      if (e.keyword === 'propertyNames') namesChecked.add(e.instancePath);
    }
  }
  const issues: Issue[] = [];
  // Ajv reports one object as the value of each error about it: each is written out once.
  const shown = new Map<object, string>();
  let dropped = 0;
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (summaries.size > 0 && underSummary(e.schemaPath, summaries)) continue;
    if ((e as ErrorObject & { propertyName?: string }).propertyName !== undefined && namesChecked.has(e.instancePath)) continue;
    if (issues.length < cap) issues.push(toIssue(e, rules.size > 0 ? ruleFor(e.schemaPath, rules) : undefined, explain, shown));
    else dropped++;
  }
  if (dropped > 0) {
    issues.push({
      code: 'ERR_SCHEMA_TOO_MANY_ISSUES',
      path: '',
      message: `${dropped} more issue(s) were found and not reported: validation reports the first ${cap}`,
      details: { collected: cap, dropped },
    });
  }
  return issues;
}

/** Whether a schema path lies under one of the summaries (each a schema path ending in `/`): one look-up per `/` of the path. */
function underSummary(schemaPath: string, summaries: ReadonlySet<string>): boolean {
  for (let i = schemaPath.indexOf('/'); i !== -1; i = schemaPath.indexOf('/', i + 1)) {
    if (summaries.has(schemaPath.slice(0, i + 1))) return true;
  }
  return false;
}

/** The description of the innermost named rule whose `then` or `else` holds the schema path: one look-up per `/` of the path. */
function ruleFor(schemaPath: string, rules: ReadonlyMap<string, string>): string | undefined {
  let best: string | undefined;
  for (let i = schemaPath.indexOf('/'); i !== -1; i = schemaPath.indexOf('/', i + 1)) {
    const head = schemaPath.slice(0, i + 1);
    if (!head.endsWith('/then/') && !head.endsWith('/else/')) continue;
    const description = rules.get(head.slice(0, -'/then/'.length));
    if (description !== undefined) best = description;
  }
  return best;
}

function toIssue(e: ErrorObject, rule: string | undefined, explain: boolean, shown: Map<object, string>): Issue {
  const p = e.params as Record<string, unknown>;
  let code: ErrorCode = CODES[e.keyword] ?? 'ERR_SCHEMA_VIOLATION';
  let path = e.instancePath;
  let message: string;
  // The value at fault is quoted only by the keywords below that show it, and only its start is
  // written out: an unknown member's object may hold thousands of members.
  const value = (): string => {
    if (!explain) return 'the value';
    const data: unknown = e.data;
    if (data === null || typeof data !== 'object') return show(data);
    let s = shown.get(data);
    if (s === undefined) shown.set(data, (s = show(data)));
    return s;
  };
  switch (e.keyword) {
    case 'required':
    case 'dependentRequired':
    case 'dependencies': {
      const missing = String(p['missingProperty']);
      path = pointerAppend(e.instancePath, missing);
      message =
        e.keyword === 'required'
          ? `required member "${missing}" is missing`
          : `member "${missing}" is required when "${String(p['property'])}" is present`;
      break;
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const extra = String(p['additionalProperty'] ?? p['unevaluatedProperty']);
      path = pointerAppend(e.instancePath, extra);
      const allowed = explain ? memberNames(e.parentSchema) : [];
      const near = nearest(extra, allowed);
      message = `member "${extra}" is not allowed here`;
      if (near !== undefined) message += `; did you mean "${near}"?`;
      else if (allowed.length > 0) message += `; the members this object may have are: ${allowed.join(', ')}`;
      break;
    }
    case 'propertyNames': {
      const name = String(p['propertyName']);
      path = pointerAppend(e.instancePath, name);
      message = `member name "${name}" is not allowed here`;
      break;
    }
    case 'type':
      message = `must be ${article(String(p['type']).replace(/,/g, ' or '))}, not ${typeName(e.data, explain)}`;
      break;
    case 'const':
      message = `must be ${show(p['allowedValue'])}${explain ? `, not ${value()}` : ''}`;
      break;
    case 'enum':
      message = `must be one of ${(p['allowedValues'] as unknown[]).map((v) => show(v)).join(', ')}${explain ? `; got ${value()}` : ''}`;
      break;
    case 'pattern':
      message = `${value()} does not match the pattern ${String(p['pattern'])}`;
      break;
    case 'format':
      message = `${value()} is not a valid ${String(p['format'])}${FORMAT_HINT[String(p['format'])] ?? ''}`;
      break;
    case 'minLength':
    case 'maxLength':
      message = `must be ${e.keyword === 'minLength' ? 'at least' : 'at most'} ${String(p['limit'])} characters long`;
      break;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      message = `must be ${String(p['comparison'])} ${String(p['limit'])}${explain ? `; got ${value()}` : ''}`;
      break;
    case 'minItems':
    case 'maxItems':
      message = `must have ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${String(p['limit'])} item(s)`;
      break;
    case 'uniqueItems': {
      const [a, b] = [Number(p['i']), Number(p['j'])].sort((x, y) => x - y);
      message = `items ${a} and ${b} are identical; each item must be distinct`;
      break;
    }
    case 'minProperties':
    case 'maxProperties':
      message = `must have ${e.keyword === 'minProperties' ? 'at least' : 'at most'} ${String(p['limit'])} member(s)`;
      break;
    case 'oneOf':
      if (p['passingSchemas'] !== null && p['passingSchemas'] !== undefined) {
        code = 'ERR_SCHEMA_AMBIGUOUS_MATCH';
        message = 'matches more than one of the alternatives; it must match exactly one';
      } else {
        message = 'matches none of the alternatives the schema allows';
      }
      break;
    case 'anyOf':
      message = 'matches none of the alternatives the schema allows';
      break;
    case 'not':
      message = 'holds a combination the schema forbids';
      break;
    case 'false schema': {
      const member = e.instancePath.split('/').pop() ?? '';
      message = e.instancePath === '' ? 'no document is allowed here' : `member "${member.replace(/~1/g, '/').replace(/~0/g, '~')}" is not allowed here`;
      break;
    }
    default:
      message = e.message ?? `breaks the rule "${e.keyword}"`;
  }
  // The description of the schema holding the keyword says what the value is for; for keywords
  // about members of an object (required, additionalProperties...) it describes the whole object.
  const what = explain && !OBJECT_LEVEL.has(e.keyword) && !(e.keyword === 'format' && FORMAT_HINT[String(p['format'])] !== undefined) ? describe(e.parentSchema) : undefined;
  if (what !== undefined) message += ` (${lowerFirst(what)})`;
  if (rule !== undefined) message += `; rule: ${lowerFirst(rule)}`;
  return {
    code,
    path,
    keyword: e.keyword,
    message,
    details: { instancePath: e.instancePath, schemaPath: e.schemaPath, params: e.params },
  };
}

const FORMAT_HINT: Readonly<Record<string, string>> = {
  'date-time': ' (RFC 3339 with a time zone, e.g. 2026-03-19T10:05:00Z)',
  uri: ' (an absolute URI with a scheme, e.g. https://merchant.example/x402/sessions/1)',
};

function describe(schema: unknown): string | undefined {
  if (schema !== null && typeof schema === 'object' && typeof (schema as { description?: unknown }).description === 'string') {
    return (schema as { description: string }).description.replace(/\.$/, '');
  }
  return undefined;
}

function memberNames(schema: unknown): string[] {
  if (schema === null || typeof schema !== 'object') return [];
  const props = (schema as { properties?: unknown }).properties;
  return props !== null && typeof props === 'object' ? Object.keys(props) : [];
}

/** The allowed name closest to a typo, if it is close enough to be a plausible intent. */
function nearest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    // The distance is at least the difference in length: a long name is never compared in full.
    if (Math.abs(name.length - c.length) >= bestDistance) continue;
    const d = distance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, two rows. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** A value for a message: its JSON, cut to {@link SHOWN} characters. */
function show(v: unknown): string {
  const s = jsonStart(v, SHOWN + 1);
  return s.length > SHOWN ? `${s.slice(0, SHOWN - 3)}...` : s;
}

/**
 * The JSON text of a value, or its first `room` characters at least, without writing out the
 * rest: the work is bounded by `room`, not by the size of the value.
 */
function jsonStart(v: unknown, room: number): string {
  if (typeof v === 'string') return JSON.stringify(v.length > room ? v.slice(0, room) : v);
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? String(v);
  const array = Array.isArray(v);
  let out = array ? '[' : '{';
  let first = true;
  const add = (piece: string): boolean => {
    out += first ? piece : `,${piece}`;
    first = false;
    return out.length > room;
  };
  if (array) {
    for (const item of v as unknown[]) if (add(item === undefined ? 'null' : jsonStart(item, room - out.length))) return out;
    return `${out}]`;
  }
  for (const key in v) {
    if (!Object.hasOwn(v, key)) continue;
    const item = (v as Record<string, unknown>)[key];
    if (item === undefined || typeof item === 'function') continue;
    if (add(`${JSON.stringify(key.length > room ? key.slice(0, room) : key)}:${jsonStart(item, room - out.length)}`)) return out;
  }
  return `${out}}`;
}

function typeName(v: unknown, known: boolean): string {
  if (!known) return 'that type';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return `the number ${v}`;
  return article(typeof v);
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

/** Lower-case a sentence's first letter to continue a message, leaving acronyms (RFC, ISO) alone. */
function lowerFirst(s: string): string {
  return /^[A-Z](?![A-Z0-9])/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
