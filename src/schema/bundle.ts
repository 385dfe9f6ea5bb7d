/**
 * Bundling (SPEC.md 4.3): one self-contained schema file for anyone who vendors a single
 * document type. The result is a JSON Schema 2020-12 compound document: the document schema
 * itself, with every schema resource it reaches embedded under `$defs`, each keeping its own
 * `$id`. No `$ref` is rewritten; each one resolves against its embedded resource exactly as it
 * does across the files.
 */
import type { Refusal } from '../issues.js';
import type { SchemaRegistry } from './registry.js';

/**
 * Bundle a document schema with everything it references.
 *
 * @param registry - the line's schemas.
 * @param ref - the schema, as `registry.find` accepts it.
 * @returns the compound document, or `ERR_SCHEMA_UNKNOWN` / `ERR_SCHEMA_UNRESOLVED_REF`.
 * @example
 * ```ts
 * const b = bundleSchema(SchemaRegistry.open(), 'commercial/checkout.request');
 * if (b.ok) writeFileSync('checkout.request.bundle.json', JSON.stringify(b.schema, null, 2));
 * ```
 */
export function bundleSchema(registry: SchemaRegistry, ref: string): { ok: true; schema: Record<string, unknown> } | Refusal {
  const entry = registry.find(ref);
  if (entry === undefined || entry.kind !== 'document') {
    return { ok: false, code: 'ERR_SCHEMA_UNKNOWN', path: '', message: `no document schema ${JSON.stringify(ref)} in line ${registry.index.line}` };
  }
  const closure = registry.closure(entry);
  if (!closure.ok) return closure;
  const root = structuredClone(registry.schemaJson(entry));
  const embedded: Record<string, unknown> = {};
  for (const e of closure.entries.slice(1).sort((a, b) => (a.uri < b.uri ? -1 : 1))) {
    const { $schema: _dialect, ...resource } = structuredClone(registry.schemaJson(e));
    embedded[e.uri] = resource;
  }
  const defs = (root['$defs'] as Record<string, unknown> | undefined) ?? {};
  for (const key of Object.keys(embedded)) {
    if (key in defs) throw new Error(`bundle: $defs of ${entry.id} already has a member ${key}`);
  }
  root['$defs'] = { ...defs, ...embedded };
  return { ok: true, schema: root };
}
