/**
 * The schema registry (SPEC.md, "Validation"): the only module that talks to Ajv. It reads a
 * line's index, compiles a schema the first time a document is validated against it (never at
 * start-up: compiling every schema costs seconds), loads the schemas a `$ref` needs from the
 * package's own files (never from the network), and turns Ajv's errors into writ
 * {@link Issue}s.
 */
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { isRecord, parseJson } from '../encoding/json.js';
import type { DocumentTypes } from '../generated/types.js';
import { notPlainMessage, snapshotJson } from '../encoding/snapshot.js';
import { freezeDeep, issueOf, WritError, type Issue, type Refusal } from '../issues.js';
import { PACKAGE_ROOT } from '../paths.js';
import { readManifest } from '../io/manifest.js';
import { checkRules } from './rules.js';
import { WORK } from '../work.js';
import { ajvIssues } from './ajv-issues.js';
import { isDateTime, isUri } from './formats.js';
import { detectMatches, loadSchemaIndex, type SchemaEntry, type LoadedSchemaIndex } from './schema-index.js';
import { readTextFile } from '../io/files.js';

/** Options for {@link SchemaRegistry.validate}. */
export interface ValidateOptions {
  /**
   * Report every problem (default `true`), with messages that explain each rule. `false` stops
   * at the first problem: use it on hot paths over untrusted input, where collecting every
   * error of a hostile document is wasted work.
   */
  readonly allErrors?: boolean;
  /**
   * Also apply the document rules of the type (SPEC.md 5.3) once the schema passes (default
   * `true`). `false` gives plain JSON Schema validation, the verdict any validator would give.
   */
  readonly rules?: boolean;
}

/** The outcome of validating one document. */
export type ValidationResult = { readonly ok: true; readonly schema: SchemaEntry } | Invalid;

/**
 * A document that does not validate: a {@link Refusal} whose code, path and message are those
 * of the first issue, with every issue found (one, when collection stops at the first).
 */
export interface Invalid extends Refusal {
  /** The schema it was checked against, when there was one. */
  readonly schema: SchemaEntry | undefined;
  /** Every problem found, the first being the refusal's own. */
  readonly issues: readonly Issue[];
}

/** The outcome of {@link SchemaRegistry.validateDocument}: the validated copy, typed, or the issues. */
export type TypedValidation<T> = { readonly ok: true; readonly schema: SchemaEntry; readonly value: T } | Invalid;

/** The outcome of {@link SchemaRegistry.detect}. */
export type DetectResult = { readonly ok: true; readonly schema: SchemaEntry } | Refusal;

/** Options for {@link SchemaRegistry.open}. */
export interface RegistryOptions {
  /** Folder holding manifest.json and `schemas/<line>/index.json`; default: this package's root. */
  readonly root?: string;
  /** Line to open; default: the current line, as manifest.json declares it. */
  readonly line?: string;
}

type Mode = 'all' | 'first';

/**
 * Schemas of one line, compiled on first use.
 *
 * @example
 * ```ts
 * const registry = SchemaRegistry.open();
 * const r = registry.validate('commercial/checkout.request', doc);
 * if (!r.ok) for (const i of r.issues) console.log(i.code, i.path, i.message);
 * ```
 */
export class SchemaRegistry {
  /** The line's index. */
  readonly index: LoadedSchemaIndex;
  /** Set by the constructor only: what {@link SchemaRegistry.isRegistry} checks. */
  readonly #opened = true;
  private readonly byKey = new Map<string, SchemaEntry>();
  private readonly byUri = new Map<string, SchemaEntry>();
  private readonly json = new Map<string, Record<string, unknown>>();
  private readonly ajv = new Map<Mode, Ajv2020>();
  private readonly added = new Map<Mode, Set<string>>();
  private readonly compiled: string[] = [];
  /** Results for snapshots already validated or recognised: a frozen copy cannot change. */
  private readonly validated = new WeakMap<object, Map<string, ValidationResult>>();
  private readonly detected = new WeakMap<object, DetectResult>();

  private constructor(index: LoadedSchemaIndex) {
    this.index = index;
    for (const e of index.entries) {
      this.byUri.set(e.uri, e);
      for (const key of [e.id, e.uri, e.path, `schemas/${index.line}/${e.path}`]) this.byKey.set(key, e);
    }
  }

  /**
   * Open a line's registry. Reads only manifest.json (for the current line) and `index.json`;
   * schemas are read and compiled when used.
   *
   * @param options - where the schemas are and which line.
   * @returns the registry.
   * @throws {@link WritError} `ERR_SCHEMA_INDEX_INVALID` when the manifest or the index is
   *   missing or malformed.
   * @example
   * ```ts
   * const registry = SchemaRegistry.open(); // the package's own current line
   * ```
   */
  static open(options: RegistryOptions = {}): SchemaRegistry {
    const root = options.root ?? PACKAGE_ROOT;
    if (options.line !== undefined) return new SchemaRegistry(loadSchemaIndex(join(root, 'schemas', options.line, 'index.json')));
    const m = readManifest(root);
    if (!m.ok) throw new WritError({ code: 'ERR_SCHEMA_INDEX_INVALID', message: `cannot find the current line: ${m.message}` });
    return new SchemaRegistry(loadSchemaIndex(join(root, ...m.manifest.schema_index.split('/'))));
  }

  /**
   * Whether a value is a registry this class built (not an object that only shares its
   * prototype, which `instanceof` would accept).
   *
   * @param value - any value.
   * @returns true for a registry made by {@link SchemaRegistry.open}.
   * @example
   * ```ts
   * SchemaRegistry.isRegistry(SchemaRegistry.open());                    // true
   * SchemaRegistry.isRegistry(Object.create(SchemaRegistry.prototype));  // false
   * ```
   */
  static isRegistry(value: unknown): value is SchemaRegistry {
    return typeof value === 'object' && value !== null && #opened in value;
  }

  /**
   * Every document type of the line, in index order.
   *
   * @returns the entries whose kind is `document`.
   * @example
   * ```ts
   * SchemaRegistry.open().documents().map((e) => e.id); // ['commercial/authorize.request', ...]
   * ```
   */
  documents(): readonly SchemaEntry[] {
    return this.index.entries.filter((e) => e.kind === 'document');
  }

  /**
   * Find a schema by short id (`commercial/checkout.request`), `$id`, or path (relative to the
   * line folder or to the package root).
   *
   * @param ref - the name to look up.
   * @returns the entry, or `undefined`.
   * @example
   * ```ts
   * registry.find('capability/token')?.uri; // 'https://writ.dev/schemas/v1.0.0/capability/token.schema.json'
   * ```
   */
  find(ref: string): SchemaEntry | undefined {
    return this.byKey.get(ref);
  }

  /**
   * Pick the document type from the document's own members, using the index's detect rules.
   *
   * @param doc - a parsed JSON document.
   * @returns the one matching schema, or an issue: `ERR_SCHEMA_UNDETECTED` (no rule matches) or
   *   `ERR_SCHEMA_AMBIGUOUS` (several do).
   * @example
   * ```ts
   * const d = registry.detect(doc);
   * if (d.ok) console.log(d.schema.id); // e.g. 'receipt/tool-call'
   * ```
   */
  detect(doc: unknown): DetectResult {
    // A snapshot is frozen: what it was recognised as once, it is for good.
    const snap = snapshotJson(doc);
    if (!snap.ok) return { ...snap, message: notPlainMessage(snap) };
    const value = snap.value;
    const memo = value !== null && typeof value === 'object' ? this.detected.get(value) : undefined;
    if (memo !== undefined) return memo;
    const result = freezeDeep(this.detectOnce(value));
    if (value !== null && typeof value === 'object') this.detected.set(value, result);
    return result;
  }

  private detectOnce(doc: unknown): DetectResult {
    WORK.detections++;
    const hits = this.documents().filter((e) => e.detect !== undefined && detectMatches(e.detect, doc));
    if (hits.length === 1 && hits[0] !== undefined) return { ok: true, schema: hits[0] };
    if (hits.length === 0) {
      return {
        ok: false,
        code: 'ERR_SCHEMA_UNDETECTED',
        path: '',
        message: 'cannot tell which schema this document follows from its members; name it with --schema <id> (see `writ schemas list`)',
      };
    }
    return {
      ok: false,
      code: 'ERR_SCHEMA_AMBIGUOUS',
      path: '',
      message: `the document could be any of ${hits.map((h) => h.id).join(', ')}; name one with --schema <id>`,
      details: { candidates: hits.map((h) => h.id) },
    };
  }

  /**
   * Validate a document against a schema of the line.
   *
   * @param ref - the schema, as accepted by {@link SchemaRegistry.find}.
   * @param doc - a parsed JSON document (parse untrusted text with `parseJson` first).
   * @param options - see {@link ValidateOptions}.
   * @returns `{ ok: true }`, or the issues: schema-rule codes (`ERR_SCHEMA_REQUIRED`, ...),
   *   document-rule codes (`ERR_RULE_*`) for a schema-valid document that breaks a rule of its
   *   type, or `ERR_SCHEMA_UNKNOWN`, `ERR_SCHEMA_UNRESOLVED_REF`, `ERR_SCHEMA_INVALID` when the
   *   schema itself cannot be used.
   * @example
   * ```ts
   * const r = registry.validate('capability/token', token, { allErrors: false });
   * if (!r.ok) console.log(r.issues[0]?.code, r.issues[0]?.path);
   * ```
   */
  validate(ref: string, doc: unknown, options: ValidateOptions = {}): ValidationResult {
    const entry = this.find(ref);
    if (options === null || typeof options !== 'object') {
      return invalid(entry, [{ code: 'ERR_USAGE_INVALID_ARGUMENT', path: '', message: 'validate: the options must be an object, such as { allErrors: false }' }]);
    }
    if (entry === undefined || entry.kind !== 'document') {
      const issue: Issue = {
        code: 'ERR_SCHEMA_UNKNOWN',
        path: '',
        message:
          entry === undefined
            ? `no schema ${JSON.stringify(ref)} in line ${this.index.line}; run \`writ schemas list\` for the ids`
            : `${entry.id} holds shared definitions, not a document type`,
      };
      return invalid(entry, [issue]);
    }
    // The document is read once, into a frozen copy (SPEC.md 3): Ajv never sees a getter or a
    // Proxy, and a copy validated once stays valid, so its result is kept.
    const snap = snapshotJson(doc);
    if (!snap.ok) return invalid(entry, [issueOf({ ...snap, message: notPlainMessage(snap) })]);
    const value = snap.value;
    const mode: Mode = options.allErrors === false ? 'first' : 'all';
    const key = `${entry.id} ${mode} ${options.rules === false ? 'schema' : 'rules'}`;
    const memo = value !== null && typeof value === 'object' ? this.validated.get(value) : undefined;
    const known = memo?.get(key);
    if (known !== undefined) return known;
    const result = freezeDeep(this.validateOnce(entry, value, mode, options.rules !== false));
    if (value !== null && typeof value === 'object') {
      if (memo === undefined) this.validated.set(value, new Map([[key, result]]));
      else memo.set(key, result);
    }
    return result;
  }

  /**
   * Validate a document against a document type, and get the copy that was validated, typed as
   * what validation proves: the type guard of the line. Untrusted input is read once into a
   * frozen snapshot (SPEC.md 3); the typed value is that snapshot, never the caller's object,
   * which could answer differently the next time it is read.
   *
   * @param ref - a document schema id of the line.
   * @param doc - any value.
   * @param options - as {@link SchemaRegistry.validate}.
   * @returns `{ ok: true, schema, value }` with the typed snapshot, or the issues.
   * @example
   * ```ts
   * const r = registry.validateDocument('capability/token', input);
   * if (r.ok) console.log(r.value.scope.grants.length); // r.value is a CapabilityToken
   * ```
   */
  validateDocument<K extends keyof DocumentTypes>(ref: K, doc: unknown, options: ValidateOptions = {}): TypedValidation<DocumentTypes[K]> {
    const snap = snapshotJson(doc);
    const result = this.validate(ref, snap.ok ? snap.value : doc, options);
    return result.ok && snap.ok ? { ok: true, schema: result.schema, value: snap.value as unknown as DocumentTypes[K] } : (result as TypedValidation<DocumentTypes[K]>);
  }

  private validateOnce(entry: SchemaEntry, doc: unknown, mode: Mode, rules: boolean): ValidationResult {
    WORK.validations++;
    const compiled = this.compile(entry, mode);
    if (!compiled.ok) return invalid(entry, [issueOf(compiled)]);
    if (!compiled.validate(doc)) return invalid(entry, ajvIssues(compiled.validate.errors ?? [], mode === 'all'));
    const broken = rules ? checkRules(entry.id, doc) : [];
    if (broken.length === 0) return { ok: true, schema: entry };
    return invalid(entry, mode === 'all' ? broken : broken.slice(0, 1));
  }

  /**
   * The parsed JSON of a schema file, read once.
   *
   * @param entry - an entry of this registry.
   * @returns the schema object.
   * @throws {@link WritError} `ERR_SCHEMA_INDEX_INVALID` when the file is missing or not JSON.
   * @example
   * ```ts
   * registry.schemaJson(registry.find('capability/token')!)['title']; // 'CapabilityToken'
   * ```
   */
  schemaJson(entry: SchemaEntry): Record<string, unknown> {
    let s = this.json.get(entry.uri);
    if (s === undefined) {
      const read = readTextFile(entry.file);
      if (!read.ok) throw indexError(`schema ${entry.id} is listed in the index but cannot be read: ${read.message}`);
      const parsed = parseJson(read.text);
      if (!parsed.ok) throw indexError(`schema file ${entry.file} is not valid JSON: ${parsed.message}`);
      if (!isRecord(parsed.value) || parsed.value['$id'] !== entry.uri) {
        throw indexError(`schema file ${entry.file} must be an object whose $id is ${entry.uri}`);
      }
      s = parsed.value;
      this.json.set(entry.uri, s);
    }
    return s;
  }

  /**
   * Every schema a schema needs, itself first, following `$ref`s transitively.
   *
   * @param entry - the starting schema.
   * @returns the entries, or the issue naming the first `$ref` that is not in the index.
   * @example
   * ```ts
   * const c = registry.closure(registry.find('capability/token')!);
   * if (c.ok) console.log(c.entries.map((e) => e.id)); // the token and the definitions it refers to
   * ```
   */
  closure(entry: SchemaEntry): { ok: true; entries: SchemaEntry[] } | Refusal {
    const out: SchemaEntry[] = [];
    const seen = new Set<string>();
    const stack = [entry];
    while (stack.length > 0) {
      const e = stack.pop() as SchemaEntry;
      if (seen.has(e.uri)) continue;
      seen.add(e.uri);
      out.push(e);
      for (const ref of collectRefs(this.schemaJson(e))) {
        let target: string;
        try {
          target = new URL(ref, e.uri).href.replace(/#.*$/, '');
        } catch {
          target = ref;
        }
        if (target === e.uri) continue;
        const next = this.byUri.get(target);
        if (next === undefined) {
          return {
            ok: false,
            code: 'ERR_SCHEMA_UNRESOLVED_REF',
            path: '',
            message: `schema ${e.id} refers to ${JSON.stringify(ref)}, which is not a schema of line ${this.index.line}; writ never fetches schemas over the network`,
            details: { schema: e.id, ref },
          };
        }
        stack.push(next);
      }
    }
    return { ok: true, entries: out };
  }

  /**
   * The document schemas compiled so far, by short id: what the registry has paid for.
   *
   * @returns the ids, in the order they were first used.
   * @example
   * ```ts
   * registry.validate('capability/token', token);
   * registry.compiledIds(); // ['capability/token']
   * ```
   */
  compiledIds(): readonly string[] {
    return [...this.compiled];
  }

  private compile(entry: SchemaEntry, mode: Mode): { ok: true; validate: ValidateFunction } | Refusal {
    const ajv = this.ajvFor(mode);
    const added = this.added.get(mode) as Set<string>;
    try {
      const ready = ajv.getSchema(entry.uri);
      if (ready !== undefined) {
        if (!this.compiled.includes(entry.id)) this.compiled.push(entry.id);
        return { ok: true, validate: ready };
      }
      const needed = this.closure(entry);
      if (!needed.ok) return needed;
      for (const e of needed.entries) {
        if (!added.has(e.uri)) {
          ajv.addSchema(this.schemaJson(e));
          added.add(e.uri);
        }
      }
      const validate = ajv.getSchema(entry.uri);
      if (validate === undefined) throw new Error(`Ajv did not register ${entry.uri}`);
      if (!this.compiled.includes(entry.id)) this.compiled.push(entry.id);
      return { ok: true, validate };
    } catch (e) {
      if (e instanceof WritError) return { ok: false, code: e.code, path: '', message: e.message, details: { schema: entry.id } };
      return {
        ok: false,
        code: 'ERR_SCHEMA_INVALID',
        path: '',
        message: `schema ${entry.id} cannot be compiled: ${(e as Error).message}`,
        details: { schema: entry.id },
      };
    }
  }

  private ajvFor(mode: Mode): Ajv2020 {
    let ajv = this.ajv.get(mode);
    if (ajv === undefined) {
      ajv = new Ajv2020({
        strict: true,
        // `"type": ["string", "null"]`: AP2 writes an unset optional member as null.
        allowUnionTypes: true,
        // An array whose first items are special (a lineage chain's root) and the rest alike is
        // `prefixItems` with `items`; strictTuples wants closed tuples only.
        strictTuples: false,
        // A conditional rule requires members its parent schema defines (`then: { required:
        // ["payment_proof"] }`); Ajv's strictRequired looks for them in the same schema object
        // only. The test suite checks instead that every required name is defined in scope.
        strictRequired: false,
        allErrors: mode === 'all',
        verbose: mode === 'all',
        // The meta-schema check runs in the test suite; doing it on every start-up would
        // compile the 2020-12 meta-schema before the first answer.
        validateSchema: false,
        // No loadSchema: a $ref outside the index is an error, never a fetch.
      });
      // Only the formats SPEC.md allows (4.1), checked strictly; a schema using another fails
      // to compile.
      ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
      ajv.addFormat('uri', { type: 'string', validate: isUri });
      this.ajv.set(mode, ajv);
      this.added.set(mode, new Set());
    }
    return ajv;
  }
}

/** Keywords whose value maps names to subschemas. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
/** Keywords whose value is instance data, never a schema. */
const DATA = new Set(['const', 'enum', 'examples', 'default']);

/** Every `$ref` in a schema, walking only schema positions (a member named "$ref" inside a `const` is data). */
function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const v of node) collectRefs(v, out);
  } else if (isRecord(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else if (NAME_MAPS.has(k) && isRecord(v)) for (const sub of Object.values(v)) collectRefs(sub, out);
      else if (!DATA.has(k)) collectRefs(v, out);
    }
  }
  return out;
}

function indexError(message: string): WritError {
  return new WritError({ code: 'ERR_SCHEMA_INDEX_INVALID', message });
}

/**
 * A failed validation: the refusal of its first issue, with every issue.
 *
 * @param schema - the schema checked against.
 * @param issues - at least one issue.
 * @returns the result.
 */
function invalid(schema: SchemaEntry | undefined, issues: readonly Issue[]): Invalid {
  const first = issues[0] ?? { code: 'ERR_SCHEMA_INVALID', path: '', message: 'the document does not validate' };
  return { ...issueOf({ ok: false, ...first }), ok: false, schema, issues };
}
