/**
 * Ajv errors to writ issues (SPEC.md, "Validation issues"). One broken rule is one issue: the
 * wrapper errors Ajv adds around a failed conditional (`if`) or a failed alternative (`anyOf`,
 * `oneOf`, `propertyNames`, `contains`) are folded into the issue they explain, and each issue
 * gets the code of its keyword, a pointer to the value at fault, and a message that says what
 * to change, quoting the rule's own description from the schema where it has one.
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
 * Convert the errors of one failed Ajv validation into issues.
 *
 * @param errors - `validate.errors` of an Ajv validator (compiled with `verbose` for full messages).
 * @param explain - add rule descriptions and suggestions (needs `verbose` errors).
 * @returns one issue per broken rule, in document order of Ajv's report.
 */
export function ajvIssues(errors: readonly ErrorObject[], explain: boolean): Issue[] {
  // A conditional rule is reported twice: the inner failure (say `required` under `then`) and
  // an `if` error "must match then schema". Keep the inner one; remember the rule's description.
  const rules = new Map<string, string>();
  const summaries: string[] = [];
  for (const e of errors) {
    if (e.keyword === 'if') {
      // A named rule is an allOf entry { description, if, then }; a bare if/else elsewhere (a
      // member that may be null or a string or an object) is structure, not a rule.
      const at = e.schemaPath.slice(0, -'/if'.length);
      const description = explain && /\/allOf\/\d+$/.test(at) ? describe(e.parentSchema) : undefined;
      if (description !== undefined) rules.set(at, description);
    } else if (SUMMARISING.has(e.keyword)) {
      summaries.push(`${e.schemaPath}/`);
    }
  }
  // A member name checked through a $ref has its inner error under the referenced schema's
  // path, not under propertyNames: Ajv marks it with propertyName instead.
  const namesChecked = new Set(errors.filter((e) => e.keyword === 'propertyNames').map((e) => e.instancePath));
  const issues: Issue[] = [];
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (summaries.some((s) => e.schemaPath.startsWith(s))) continue;
    if ((e as ErrorObject & { propertyName?: string }).propertyName !== undefined && namesChecked.has(e.instancePath)) continue;
    issues.push(toIssue(e, ruleFor(e.schemaPath, rules), explain));
  }
  return issues;
}

function ruleFor(schemaPath: string, rules: ReadonlyMap<string, string>): string | undefined {
  let best: string | undefined;
  let bestLength = -1;
  for (const [at, description] of rules) {
    if ((schemaPath.startsWith(`${at}/then/`) || schemaPath.startsWith(`${at}/else/`)) && at.length > bestLength) {
      best = description;
      bestLength = at.length;
    }
  }
  return best;
}

function toIssue(e: ErrorObject, rule: string | undefined, explain: boolean): Issue {
  const p = e.params as Record<string, unknown>;
  let code: ErrorCode = CODES[e.keyword] ?? 'ERR_SCHEMA_VIOLATION';
  let path = e.instancePath;
  let message: string;
  const value = explain ? show(e.data) : 'the value';
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
      message = `must be ${show(p['allowedValue'])}${explain ? `, not ${value}` : ''}`;
      break;
    case 'enum':
      message = `must be one of ${(p['allowedValues'] as unknown[]).map(show).join(', ')}${explain ? `; got ${value}` : ''}`;
      break;
    case 'pattern':
      message = `${value} does not match the pattern ${String(p['pattern'])}`;
      break;
    case 'format':
      message = `${value} is not a valid ${String(p['format'])}${FORMAT_HINT[String(p['format'])] ?? ''}`;
      break;
    case 'minLength':
    case 'maxLength':
      message = `must be ${e.keyword === 'minLength' ? 'at least' : 'at most'} ${String(p['limit'])} characters long`;
      break;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      message = `must be ${String(p['comparison'])} ${String(p['limit'])}${explain ? `; got ${value}` : ''}`;
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

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
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
