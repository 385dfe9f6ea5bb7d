/**
 * What every family of the examples generator shares: the map of generated files, how a valid
 * and an invalid fixture are written (an invalid one beside its expectation), how a copy is
 * changed in one place, and how a builder's answer is taken.
 *
 * A valid fixture is a document as a conforming producer would write it: where writ has a
 * builder for it (src/issue/), the builder makes it, and the builder verifies what it makes.
 * An invalid fixture is a valid one with exactly one rule broken (a builder would refuse it);
 * its expectation (instancePath, keyword, path, code) is stated by hand and checked by the test
 * suite, never computed from a validator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IssueResult } from '../../../src/issue/issue.js';
import type { SigningKey } from '../../../src/issue/keys.js';
import { signDocument, type SignOptions } from '../../../src/issue/sign.js';
import { ROOT } from '../../lib/emit.js';

/** The schema line, from the manifest. */
export const LINE: string = (JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { line: string }).line;
/** Where the line's schemas are published. */
export const BASE = `https://writ.dev/schemas/${LINE}/`;
/** The families whose folders under examples/<line>/ this generator owns entirely (with `transactions`). */
export const FAMILIES = ['identity', 'discovery', 'capability', 'intent', 'mandate', 'settlement', 'receipt', 'task', 'bundle', 'release', 'conformance', 'x402'] as const;

/** Every generated file: repo-relative path -> its content. */
export const out = new Map<string, string>();

/** How every example is written: two-space JSON and a final newline. */
export const text = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** A deep copy of plain JSON. */
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A committed file of the repository, parsed. */
export const readJson = <T = unknown>(rel: string): T => JSON.parse(readFileSync(join(ROOT, rel), 'utf8')) as T;

/** A file this run has already generated, parsed (an earlier family's output). */
export function generated<T = unknown>(rel: string): T {
  const body = out.get(rel);
  if (body === undefined) throw new Error(`${rel} is read before the family that writes it has run`);
  return JSON.parse(body) as T;
}

/** The folder of a document's fixtures: the document, or for the commercial family its verb. */
const group = (family: string, doc: string): string => (family === 'commercial' ? (doc.split('.')[0] as string) : doc);

/** The family and document of a schema id (`capability/token`). */
function split(id: string): [family: string, doc: string] {
  const [family, doc, ...more] = id.split('/');
  if (family === undefined || doc === undefined || more.length > 0) throw new Error(`${id} is not a schema id of the form family/document`);
  return [family, doc];
}

/**
 * Write a valid fixture.
 *
 * @param id - its schema id, e.g. `capability/token`.
 * @param name - its case name.
 * @param value - the document.
 * @returns the document, for the fixtures made from it.
 */
export function valid<T>(id: string, name: string, value: T): T {
  const [family, doc] = split(id);
  out.set(`examples/${LINE}/${family}/${group(family, doc)}/valid/${doc}.${name}.json`, text(value));
  return value;
}

/**
 * What an invalid fixture is refused with. `instancePath` defaults to `path` (right for every
 * keyword but required, additionalProperties, dependentRequired and propertyNames, which apply
 * at the object holding the member).
 */
export interface Expectation {
  readonly path: string;
  readonly keyword: string;
  readonly code: string;
  readonly instancePath?: string;
}

/**
 * Write an invalid fixture and its expectation.
 *
 * @param id - its schema id.
 * @param name - its case name: the rule broken.
 * @param value - the document.
 * @param expect - what it is refused with.
 */
export function invalid(id: string, name: string, value: unknown, expect: Expectation): void {
  const [family, doc] = split(id);
  const at = `examples/${LINE}/${family}/${group(family, doc)}/invalid/${doc}.${name}`;
  out.set(`${at}.json`, text(value));
  out.set(
    `${at}.expect.json`,
    text({ $schema: `${BASE}release/fixture-expectation.schema.json`, instancePath: expect.instancePath ?? expect.path, keyword: expect.keyword, path: expect.path, code: expect.code }),
  );
}

/** Expectation of a missing member: the keyword applies at the parent. */
export const missing = (parent: string, member: string): Expectation => ({ instancePath: parent, keyword: 'required', path: `${parent}/${member}`, code: 'ERR_SCHEMA_REQUIRED' });
/** Expectation of a member the schema does not allow: the keyword applies at the parent. */
export const extra = (parent: string, member: string): Expectation => ({ instancePath: parent, keyword: 'additionalProperties', path: `${parent}/${member}`, code: 'ERR_SCHEMA_ADDITIONAL_PROPERTY' });
/** Expectation of a schema keyword at `path`. */
export const at = (path: string, keyword: string, code: string): Expectation => ({ path, keyword, code });
/** Expectation of a document rule (SPEC.md 5.3) at `path`. */
export const broken = (path: string, rule: string, code: string): Expectation => ({ path, keyword: `rule:${rule}`, code });

/**
 * A copy being changed: the change may break the document's types as it likes (an amount as a
 * JSON number, a member removed), which is what an invalid fixture is for: deliberately untyped,
 * the one `any` of the generator. The fixtures made from a builder's artifact are typed.
 */
export type Draft = any;

/** A copy of `value` changed by `change` (in one place). */
export function mut<T>(value: T, change: (draft: Draft) => unknown): T {
  const copy = clone(value);
  change(copy);
  return copy;
}

/** A list that has at least one item, as a schema's `minItems: 1` has it. */
export function nonEmpty<T>(items: readonly T[]): [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error('nonEmpty: the list is empty');
  return [first, ...rest];
}

/** A copy without some members. */
export function without<T extends object, K extends string>(value: T, ...members: K[]): Omit<T, K> {
  return mut(value, (d: Record<string, unknown>) => members.forEach((m) => delete d[m]));
}

/**
 * A builder's artifact, or the end of the run: a builder refuses only what the verifier would,
 * so a valid fixture it refuses has a real mistake.
 *
 * @param result - the builder's answer.
 * @param what - the fixture, for the message.
 */
export function made<T>(result: IssueResult<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: the builder refused it: ${result.code} at ${result.path === '' ? '(the root)' : result.path}: ${result.message}`);
  return result.value;
}

/**
 * A document with one member moved to just after another: the same document (the same canonical
 * form, hence the same hash, signature and proof), written in the member order of a fixture that
 * predates the builders (which write the schema's order).
 *
 * @param doc - the builder's artifact.
 * @param member - the member to move.
 * @param after - the member it follows in the fixture.
 */
export function moved<T extends object>(doc: T, member: keyof T & string, after: keyof T & string): T {
  const record = doc as Record<string, unknown>;
  if (!(member in record) || !(after in record)) throw new Error(`moved: ${member} or ${after} is not a member of ${JSON.stringify(Object.keys(record))}`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (k === member) continue;
    out[k] = v;
    if (k === after) out[member] = record[member];
  }
  return out as T;
}

/**
 * {@link signDocument}, for a document of a known type: what a type's own builder cannot make as
 * the fixture is written (a member it always writes, a chain it checks), signed with the envelope
 * its type takes and checked as the verifier checks the document alone.
 *
 * @param doc - the document, unsigned or with a signature to replace.
 * @param key - the signer.
 * @param options - its type, the time of the check, and the context.
 */
export function signAs<T>(doc: object, key: SigningKey, options: SignOptions & { readonly type: string; readonly now: number }): IssueResult<T> {
  return signDocument(doc, key, options) as IssueResult<unknown> as IssueResult<T>;
}
