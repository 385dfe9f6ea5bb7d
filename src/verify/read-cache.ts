/**
 * A cache of bundle files read, by the SHA-256 of their bytes, for a caller that verifies many
 * bundles sharing files (a conformance run, a gateway checking one counterparty's transactions).
 * Opt-in: a verifier keeps nothing across calls unless its context carries one.
 *
 * What is kept is the file's frozen snapshot (SPEC.md 3). The work done on a snapshot that can
 * only ever give one answer is kept with it: its schema validation, its recognition, its hashes,
 * whether its signature solves under a given key. None of these depends on the context. Every
 * check that does (the time, revocations, trust anchors, sealers, pinned documents, which DID
 * documents resolve a key) is made again on each verification, so a verdict is the same with or
 * without a cache; only the work differs (test/verify/read-cache.test.ts shows both).
 *
 * The key is the file's SHA-256, which the bundle's manifest check computes anyway: two files
 * share an entry only when their bytes are equal (a collision would break the manifest first).
 */
// Stryker disable all: the read cache changes only how much work a verification does, never its verdict, and the mutation test runs without one; test/verify/read-cache.test.ts pins it
import type { ParseJsonOptions } from '../encoding/json.js';
import { readJson, type ReadJsonResult } from '../model/read.js';

/** How much a {@link ReadCache} holds: file bytes read, 8 MiB by default. */
export interface ReadCacheOptions {
  /** The most file bytes whose snapshots it keeps; the least recently used go first. */
  readonly maxBytes?: number;
}

/** The default {@link ReadCacheOptions.maxBytes}. */
export const DEFAULT_READ_CACHE_BYTES = 8 * 1024 * 1024;

/**
 * Bundle files read, by content.
 *
 * @example
 * ```ts
 * const cache = new ReadCache();
 * for (const files of bundles) replayTransaction(files, { now, sealers, cache });
 * ```
 */
export class ReadCache {
  readonly #maxBytes: number;
  readonly #entries = new Map<string, { readonly read: ReadJsonResult; readonly bytes: number }>();
  #bytes = 0;

  /** @param options - how many file bytes it keeps. */
  constructor(options: ReadCacheOptions = {}) {
    const max = options.maxBytes ?? DEFAULT_READ_CACHE_BYTES;
    if (!Number.isSafeInteger(max) || max < 0) throw new RangeError('ReadCache: maxBytes must be a whole number of bytes, 0 or more');
    this.#maxBytes = max;
  }

  /**
   * Whether a value is a ReadCache made by its constructor (a brand check: an object made from
   * its prototype, which would throw on first use, is not one).
   *
   * @param value - anything.
   * @returns whether it is a ReadCache.
   * @example
   * ```ts
   * ReadCache.isReadCache(new ReadCache());                      // true
   * ReadCache.isReadCache(Object.create(ReadCache.prototype));   // false
   * ```
   */
  static isReadCache(value: unknown): value is ReadCache {
    return value !== null && typeof value === 'object' && #entries in value;
  }

  /** The file bytes whose snapshots it holds now. */
  get bytes(): number {
    return this.#bytes;
  }

  /** How many files it holds now. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Forget every file.
   *
   * @returns nothing.
   * @example
   * ```ts
   * cache.clear(); // cache.size === 0
   * ```
   */
  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  /**
   * A file read as {@link readJson} reads it, or its snapshot from an earlier read of the same bytes.
   *
   * @param bytes - the file.
   * @param digest - its `sha256:` hash, as the caller computed it.
   * @param options - the reader's options (part of the key).
   * @returns what {@link readJson} gives.
   * @example
   * ```ts
   * const digest = `sha256:${toHex(sha256Bytes(bytes))}`;
   * cache.read(bytes, digest, { canonicalNumbers: true }); // read, and kept
   * cache.read(bytes, digest, { canonicalNumbers: true }); // the same frozen snapshot
   * ```
   */
  read(bytes: Uint8Array, digest: string, options: ParseJsonOptions): ReadJsonResult {
    const key = `${digest} ${options.canonicalNumbers === true ? 1 : 0} ${options.maxBytes ?? ''} ${options.maxDepth ?? ''}`;
    const known = this.#entries.get(key);
    if (known !== undefined) {
      // Most recently used last: a Map keeps insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, known);
      return known.read;
    }
    const read = readJson(bytes, options);
    // A refusal is cheap to find again and keeps nothing worth sharing.
    if (!read.ok || bytes.length > this.#maxBytes) return read;
    this.#entries.set(key, { read, bytes: bytes.length });
    this.#bytes += bytes.length;
    for (const [k, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= entry.bytes;
    }
    return read;
  }
}
