/**
 * The schema index of a line (SPEC.md, "The schema line"): `schemas/<line>/index.json` lists
 * every schema of the line, document types and shared definitions, with the rule that
 * recognises each document type from its own members. Every other part of writ finds schemas
 * through it; nothing else hard-codes a schema path.
 */
import { dirname, join } from 'node:path';
import { parseJson, type JsonValue } from '../encoding/json.js';
import { pointerGet, pointerTokens } from '../encoding/pointer.js';
import type { DetectRule } from '../generated/types.js';
import { freezeDeep, WritError } from '../issues.js';
import { readTextFile } from '../io/files.js';

export type { DetectRule } from '../generated/types.js';

/** One schema of the line, as listed in the index. */
export interface SchemaEntry {
  /** Short id: `<family>/<document>`, e.g. `commercial/checkout.request`. */
  readonly id: string;
  /** Canonical `$id`: the line's base URI followed by {@link SchemaEntry.path}. */
  readonly uri: string;
  /** Path relative to the line folder, e.g. `commercial/checkout/checkout.request.schema.json`. */
  readonly path: string;
  /** Absolute path of the schema file on this machine. */
  readonly file: string;
  /** `document` for a type a document can be validated against; `definitions` for shared `$defs`. */
  readonly kind: 'document' | 'definitions';
  /** How to recognise a document of this type; documents only. */
  readonly detect?: Readonly<DetectRule>;
}

/** A loaded, checked schema index. */
export interface LoadedSchemaIndex {
  /** The line, e.g. `v1.0.0`. */
  readonly line: string;
  /** Base URI every `$id` of the line starts with, ending in `/`. */
  readonly base: string;
  /** Absolute path of the line folder. */
  readonly dir: string;
  /** Repo-relative path of the error-code registry. */
  readonly errorCodes: string;
  /** Every schema, documents first, in index order. */
  readonly entries: readonly SchemaEntry[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const PATH = /^(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*\.schema\.json$/;

/**
 * Read and check a line's index file; the folder holding it is the line folder.
 *
 * @param file - absolute path of the index, e.g. `<package>/schemas/v1.0.0/index.json`.
 * @returns the index.
 * @throws {@link WritError} `ERR_SCHEMA_INDEX_INVALID` when the index is missing, is not strict
 *   JSON, or breaks the index format (duplicate ids or paths, a detect rule with a bad pointer).
 * @example
 * ```ts
 * const index = loadSchemaIndex(join(PACKAGE_ROOT, 'schemas', 'v1.0.0', 'index.json'));
 * index.entries.find((e) => e.id === 'commercial/checkout.request')?.uri;
 * ```
 */
export function loadSchemaIndex(file: string): LoadedSchemaIndex {
  const dir = dirname(file);
  const read = readTextFile(file);
  if (!read.ok) throw invalid(`cannot read the schema index: ${read.message}`);
  const parsed = parseJson(read.text);
  if (!parsed.ok) throw invalid(`the schema index ${file} is not valid JSON: ${parsed.message}`);
  return checkIndex(parsed.value, dir, file);
}

function checkIndex(raw: JsonValue, dir: string, file: string): LoadedSchemaIndex {
  const root = record(raw, file, '');
  const line = str(root['line'], file, '/line');
  if (!/^v[0-9]+\.[0-9]+\.[0-9]+$/.test(line)) throw invalid(`${file}: /line must look like v1.0.0, got ${JSON.stringify(line)}`);
  const base = str(root['base'], file, '/base');
  if (!base.endsWith(`/schemas/${line}/`)) throw invalid(`${file}: /base must end with /schemas/${line}/`);
  const errorCodes = str(root['error_codes'], file, '/error_codes');
  const entries: SchemaEntry[] = [];
  const seen = new Set<string>();
  for (const [kind, member] of [
    ['document', 'documents'],
    ['definitions', 'definitions'],
  ] as const) {
    const list = root[member];
    if (!Array.isArray(list)) throw invalid(`${file}: /${member} must be an array`);
    list.forEach((item, i) => {
      const at = `/${member}/${i}`;
      const e = record(item, file, at);
      const id = str(e['id'], file, `${at}/id`);
      const path = str(e['path'], file, `${at}/path`);
      if (!ID.test(id)) throw invalid(`${file}: ${at}/id ${JSON.stringify(id)} is not <family>/<name> in lowercase`);
      if (!PATH.test(path)) throw invalid(`${file}: ${at}/path ${JSON.stringify(path)} is not a relative *.schema.json path`);
      for (const key of [id, path]) {
        if (seen.has(key)) throw invalid(`${file}: ${JSON.stringify(key)} is listed twice`);
        seen.add(key);
      }
      const detect = kind === 'document' ? checkDetect(e['detect'], file, `${at}/detect`) : undefined;
      entries.push({ id, uri: base + path, path, file: join(dir, ...path.split('/')), kind, ...(detect ? { detect } : {}) });
    });
  }
  // Frozen: entries are handed out with every validation result, and a caller that changed one
  // would change how every later document is validated.
  return freezeDeep({ line, base, dir, errorCodes, entries });
}

function checkDetect(raw: JsonValue | undefined, file: string, at: string): DetectRule {
  const d = record(raw ?? null, file, at);
  const pointers = (v: JsonValue | undefined, where: string): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw invalid(`${file}: ${where} must be an array of JSON Pointers`);
    return v.map((p, i) => pointer(p, file, `${where}/${i}`));
  };
  const scalars = (member: 'equals' | 'contains'): Record<string, string | number | boolean | null> => {
    const out: Record<string, string | number | boolean | null> = {};
    if (d[member] === undefined) return out;
    for (const [p, v] of Object.entries(record(d[member], file, `${at}/${member}`))) {
      pointer(p, file, `${at}/${member}`);
      if (v === undefined || (typeof v === 'object' && v !== null)) throw invalid(`${file}: ${at}/${member} values must be strings, numbers, booleans or null`);
      out[p] = v;
    }
    return out;
  };
  const equals = scalars('equals');
  const contains = scalars('contains');
  const present = pointers(d['present'], `${at}/present`);
  const absent = pointers(d['absent'], `${at}/absent`);
  if (Object.keys(equals).length + Object.keys(contains).length + present.length === 0) {
    throw invalid(`${file}: ${at} must test at least one member with equals, contains or present`);
  }
  return { equals, contains, present, absent };
}

/**
 * Does a document satisfy a detect rule?
 *
 * @param rule - a rule from the index.
 * @param doc - a parsed JSON document.
 * @returns true when every `equals`, `present` and `absent` test holds.
 * @example
 * ```ts
 * detectMatches({ equals: { '/verb': 'checkout' } }, { verb: 'checkout' }); // true
 * detectMatches({ contains: { '/type': 'AgentCredential' } }, { type: ['VerifiableCredential', 'AgentCredential'] }); // true
 * ```
 */
export function detectMatches(rule: DetectRule, doc: unknown): boolean {
  for (const [p, want] of Object.entries(rule.equals ?? {})) {
    const got = pointerGet(doc, p);
    if (!got.found || got.value !== want) return false;
  }
  for (const [p, want] of Object.entries(rule.contains ?? {})) {
    const got = pointerGet(doc, p);
    if (!got.found || !(Array.isArray(got.value) ? got.value.includes(want) : got.value === want)) return false;
  }
  for (const p of rule.present ?? []) if (!pointerGet(doc, p).found) return false;
  for (const p of rule.absent ?? []) if (pointerGet(doc, p).found) return false;
  return true;
}

function pointer(v: JsonValue | undefined, file: string, at: string): string {
  const p = str(v, file, at);
  if (p === '' || pointerTokens(p) === undefined) throw invalid(`${file}: ${at} ${JSON.stringify(p)} is not a JSON Pointer to a member`);
  return p;
}

function record(v: JsonValue | undefined, file: string, at: string): { readonly [k: string]: JsonValue | undefined } {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw invalid(`${file}: ${at || 'the index'} must be an object`);
  return v;
}

function str(v: JsonValue | undefined, file: string, at: string): string {
  if (typeof v !== 'string') throw invalid(`${file}: ${at} must be a string`);
  return v;
}

function invalid(message: string): WritError {
  return new WritError({ code: 'ERR_SCHEMA_INDEX_INVALID', message });
}
