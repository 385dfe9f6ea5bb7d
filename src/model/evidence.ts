/**
 * The evidence of a verification (SPEC.md 12): the other artifacts of a call, a bundle or a
 * transaction, each read once into a snapshot, recognised once, and indexed by type and by
 * hash, so that a verifier finds "the intent mandate this payment names" by looking up its hash,
 * not by hashing every candidate again.
 */
import { documentHash } from '../crypto/hash.js';
import { snapshotJson } from '../encoding/snapshot.js';
import type { DocumentTypes } from '../generated/types.js';
import type { SchemaRegistry } from '../schema/registry.js';

/** A document whose type is known. */
export interface TypedDocument {
  readonly type: string;
  readonly doc: unknown;
}

/**
 * Documents of a verification, by type and by hash. Each document is validated against its
 * type once, on entry (SPEC.md 5, document rules included); one that is not a valid document of
 * its type is left out, so every document the index hands out is what its type says.
 */
export class EvidenceIndex {
  private readonly byType = new Map<string, unknown[]>();
  private readonly byHash = new Map<string, Map<string, unknown>>();

  /**
   * @param documents - the documents, each with its type (snapshots, or plain JSON to be read).
   * @param registry - the schema line they are validated against.
   */
  constructor(documents: readonly TypedDocument[], registry: SchemaRegistry) {
    for (const { type, doc } of documents) {
      const entry = registry.find(type);
      if (entry === undefined || entry.kind !== 'document') continue;
      const valid = registry.validateDocument(entry.id as keyof DocumentTypes, doc, { allErrors: false });
      if (!valid.ok) continue;
      const list = this.byType.get(entry.id) ?? [];
      list.push(valid.value);
      this.byType.set(entry.id, list);
    }
  }

  /**
   * Documents of unknown type, each recognised from its members; those that are not plain JSON
   * or not documents of the line are left out.
   *
   * @param docs - the documents.
   * @param registry - the schema line to recognise them by.
   * @returns the typed documents, in the order given.
   */
  static recognise(docs: readonly unknown[], registry: SchemaRegistry): TypedDocument[] {
    const typed: TypedDocument[] = [];
    for (const doc of docs) {
      const snap = snapshotJson(doc);
      if (!snap.ok) continue;
      const detected = registry.detect(snap.value);
      if (detected.ok) typed.push({ type: detected.schema.id, doc: snap.value });
    }
    return typed;
  }

  /**
   * The documents of one type.
   *
   * @param type - a schema id.
   * @returns them, in the order given, each valid as that type.
   */
  all<K extends keyof DocumentTypes>(type: K): readonly DocumentTypes[K][] {
    // Validated as `type` on entry (the constructor): the element type is what validation proved.
    return (this.byType.get(type) ?? []) as DocumentTypes[K][];
  }

  /**
   * The first document of a type that satisfies a test.
   *
   * @param type - a schema id.
   * @param test - the test.
   * @returns the document, or `undefined`.
   */
  find<K extends keyof DocumentTypes>(type: K, test: (doc: DocumentTypes[K]) => boolean): DocumentTypes[K] | undefined {
    return this.all(type).find((d) => test(d));
  }

  /**
   * The document of a type whose hash (SPEC.md 6.3) is the one given.
   *
   * @param type - a schema id.
   * @param hash - `sha256:<hex>`.
   * @returns the document, or `undefined`.
   */
  withHash<K extends keyof DocumentTypes>(type: K, hash: unknown): DocumentTypes[K] | undefined {
    return typeof hash === 'string' ? this.hashesOf(type).get(hash) : undefined;
  }

  /**
   * The hashes of the documents of one type.
   *
   * @param type - a schema id.
   * @returns hash -> document, each hash taken once.
   */
  hashesOf<K extends keyof DocumentTypes>(type: K): ReadonlyMap<string, DocumentTypes[K]> {
    let hashes = this.byHash.get(type);
    if (hashes === undefined) {
      hashes = new Map(this.all(type).map((d) => [documentHash(d), d]));
      this.byHash.set(type, hashes);
    }
    return hashes as ReadonlyMap<string, DocumentTypes[K]>;
  }
}

/** Capabilities by id, and the ids two different capabilities share. */
export interface CapabilitiesById<T> {
  /** The capability of each id (for a shared id, the last given). */
  readonly byId: ReadonlyMap<string, T>;
  /** Ids that two capabilities of different content share: which one is meant cannot be told. */
  readonly forked: ReadonlySet<string>;
}

/**
 * Index capabilities by id, noting the ids two different capabilities share (SPEC.md 12.2).
 *
 * @param tokens - capability tokens (snapshots).
 * @returns the index.
 */
export function capabilitiesById<T extends { readonly id: string }>(tokens: Iterable<T>): CapabilitiesById<T> {
  const byId = new Map<string, T>();
  const forked = new Set<string>();
  for (const t of tokens) {
    const known = byId.get(t.id);
    if (known !== undefined && documentHash(known) !== documentHash(t)) forked.add(t.id);
    byId.set(t.id, t);
  }
  return { byId, forked };
}
