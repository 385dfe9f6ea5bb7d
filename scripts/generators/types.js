// @ts-check
/**
 * Generates src/generated/types.ts (one TypeScript type per titled schema of the current line,
 * each emitted once) and src/generated/error-codes.ts (the union of registered error codes).
 *
 *   npm run generate:types            write the files
 *   npm run generate:types -- --check exit 1 if they differ from what the schemas produce
 *
 * The schemas are rendered by json-schema-to-typescript. Before rendering, each schema is
 * rewritten into the shape that renders well: every `$ref` becomes a reference to the target's
 * `title` (so `Money` is one type however many properties use it, and each property keeps its
 * own description as JSDoc); an `allOf` that pins a member of a referenced object (an actor's
 * role, a reference's type) is flattened into one object; rules that only constrain values
 * (if/then, dependentRequired) are dropped, since a type cannot express them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from 'json-schema-to-typescript';
import { ROOT, emit } from '../lib/emit.js';

const LINE = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')).line;
const LINE_DIR = join(ROOT, 'schemas', LINE);
const index = JSON.parse(readFileSync(join(LINE_DIR, 'index.json'), 'utf8'));
const entries = [...index.documents, ...index.definitions];

/** @type {Map<string, any>} $id -> schema */
const schemas = new Map();
for (const e of entries) schemas.set(index.base + e.path, JSON.parse(readFileSync(join(LINE_DIR, e.path), 'utf8')));

/** Resolve a $ref against the URI of the schema it appears in. */
function target(ref, baseUri) {
  const url = new URL(ref, baseUri);
  const uri = url.href.replace(/#.*$/, '');
  const schema = schemas.get(uri);
  if (schema === undefined) throw new Error(`${baseUri}: $ref ${ref} is not a schema of line ${LINE}`);
  let node = schema;
  for (const token of decodeURIComponent(url.hash.replace(/^#/, '')).split('/').slice(1)) {
    node = node?.[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (node === undefined) throw new Error(`${baseUri}: $ref ${ref} points at nothing`);
  return { node, uri };
}

function titleOf(ref, baseUri) {
  const { node } = target(ref, baseUri);
  if (typeof node.title !== 'string') throw new Error(`${baseUri}: $ref ${ref} targets a schema without a title; every referenced type needs one`);
  return node.title;
}

const DROP = new Set(['if', 'then', 'else', 'dependentRequired', 'not', '$comment', 'minProperties', 'maxProperties']);
/** Keywords whose value is instance data, copied as it is. */
const DATA = new Set(['const', 'enum', 'examples', 'default', 'required', 'type', 'title', 'description', 'pattern', 'format', 'tsType']);

/** Rewrite one schema node for rendering; see the file comment. */
function rewrite(node, baseUri) {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, baseUri));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const out = { tsType: titleOf(node.$ref, baseUri) };
    if (node.description !== undefined) out.description = node.description;
    return out;
  }
  // A member that is one type or another ({ if: { type: T }, then?, else }) is the union of
  // the two branches.
  if (node.if !== null && typeof node.if === 'object' && Object.keys(node.if).length === 1 && typeof node.if.type === 'string' && node.else !== undefined) {
    const { if: cond, then, else: otherwise, ...rest } = node;
    const first = rewrite({ ...(then ?? {}), type: cond.type }, baseUri);
    return rewrite({ ...rest, anyOf: [first, rewrite(otherwise, baseUri)] }, baseUri);
  }
  /** @type {any} */
  let out = {};
  for (const [k, v] of Object.entries(node)) {
    if (DROP.has(k) || k === '$schema' || k === '$id') continue;
    if (k === 'properties' || k === '$defs' || k === 'patternProperties') {
      out[k] = Object.fromEntries(Object.entries(v).map(([name, sub]) => [name, rewrite(sub, baseUri)]));
    } else if (k === 'allOf') {
      // Conditional rules and pure value constraints (contains, not) shape no type.
      const kept = v.filter((m) => !('if' in m) && ('$ref' in m || 'properties' in m));
      if (kept.length > 0) out.allOf = kept;
    } else if (DATA.has(k) || v === null || typeof v !== 'object') {
      out[k] = v;
    } else {
      out[k] = rewrite(v, baseUri);
    }
  }
  if (Array.isArray(out.allOf)) out = flattenPins(out, baseUri);
  // An object that holds exactly one of its members is the union of one-member objects.
  if (node.minProperties === 1 && node.maxProperties === 1 && node.additionalProperties === false && out.properties) {
    const { properties, ...rest } = out;
    return {
      ...rest,
      oneOf: Object.entries(properties).map(([k, p]) => ({ type: 'object', additionalProperties: false, required: [k], properties: { [k]: p } })),
    };
  }
  return out;
}

/**
 * `allOf: [{$ref: T}, {properties: {m: {const: v}}}]`, a type with members pinned to values (a
 * payer is an actor whose role is payer), is `T & { m: v }`.
 */
function flattenPins(node, baseUri) {
  const [first, ...pins] = node.allOf;
  const literal = (p) => (p.const !== undefined ? JSON.stringify(p.const) : Array.isArray(p.enum) ? p.enum.map((v) => JSON.stringify(v)).join(' | ') : undefined);
  const members = pins.flatMap((pin) => Object.entries(pin.properties ?? {}).map(([k, p]) => [k, literal(p)]));
  if (typeof first?.$ref !== 'string' || !pins.every((p) => Object.keys(p).every((k) => k === 'properties')) || members.some(([, v]) => v === undefined)) {
    throw new Error(`${baseUri}: ${node.title ?? 'a schema'} uses an allOf the type generator cannot render; extend scripts/generate-types.js`);
  }
  const { allOf, type, ...rest } = node;
  return { ...rest, tsType: `${titleOf(first.$ref, baseUri)} & { ${members.map(([k, v]) => `${k}: ${v}`).join('; ')} }` };
}

const defs = {};
const documents = [];
/** @type {[string, string][]} schema id -> type name, for every document type */
const documentIds = [];
for (const e of entries) {
  const uri = index.base + e.path;
  const schema = schemas.get(uri);
  if (e.detect !== undefined) {
    defs[e.id] = rewrite(schema, uri);
    documents.push(schema.title);
    documentIds.push([e.id, schema.title]);
  }
  for (const [name, def] of Object.entries(schema.$defs ?? {})) {
    if (typeof def.title !== 'string') throw new Error(`${uri}#/$defs/${name} has no title`);
    defs[`${e.id}#${name}`] = rewrite(def, uri);
  }
}
const titles = new Map();
for (const [key, def] of Object.entries(defs)) {
  if (titles.has(def.title)) throw new Error(`title ${def.title} is used by both ${titles.get(def.title)} and ${key}; titles name types and must be unique in a line`);
  titles.set(def.title, key);
}

const sources = entries.map((e) => `schemas/${LINE}/${e.path}`);
const banner = (what) =>
  `/* eslint-disable */\n/**\n * DO NOT EDIT: generated by \`npm run generate:types\` (scripts/generate-types.js)\n * from ${what}.\n * Change the source and regenerate; \`npm run generate:types -- --check\` fails on drift.\n */`;

// Each titled schema is rendered on its own: after the rewrite it refers to other types by name
// only, so rendering them one by one emits each exactly once.
const rendered = [];
for (const def of Object.values(defs)) {
  rendered.push(
    await compile(def, def.title, {
      bannerComment: '',
      additionalProperties: false,
      // Bounded arrays as plain arrays (the schema keeps the bounds), not unions of tuples.
      maxItems: -1,
      strictIndexSignatures: true,
      format: true,
      $refOptions: { resolve: { external: false } },
    }),
  );
}
const types = `${banner(`the schemas of line ${LINE}:\n${sources.map((s) => ` *   ${s}`).join('\n')}`)}

/** Any document of schema line ${LINE}. */
export type WritDocument =
${documents.map((t) => `  | ${t}`).join('\n')};

/** The type of each document of schema line ${LINE}, by its schema id: what validating against that id proves. */
export interface DocumentTypes {
${documentIds.map(([id, t]) => `  '${id}': ${t};`).join('\n')}
}

${rendered.map((r) => r.trim()).join('\n\n')}
`;

const registry = JSON.parse(readFileSync(join(LINE_DIR, index.error_codes), 'utf8'));
const codes = registry.codes.map((c) => c.code);
const areas = registry.areas.map((a) => a.area);
const errorCodes = `${banner(`schemas/${LINE}/${index.error_codes}`)}

/** Every error code of the registry, in registry order. */
export const ERROR_CODES = [
${codes.map((c) => `  '${c}',`).join('\n')}
] as const;

/** A stable error code \`ERR_<AREA>_<CONDITION>\`; switch on it, never on messages. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every area of the registry. */
export const ERROR_AREAS = [
${areas.map((a) => `  '${a}',`).join('\n')}
] as const;

/** The area part of an error code. */
export type ErrorArea = (typeof ERROR_AREAS)[number];
`;

emit(
  'generate:types',
  new Map([
    ['src/generated/types.ts', types],
    ['src/generated/error-codes.ts', errorCodes],
  ]),
);
