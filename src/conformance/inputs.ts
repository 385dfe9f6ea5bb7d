/**
 * How a case's inputs are read, as the reference answers them and as the runner's judge reads
 * them (SPEC.md 13.2): the vector context as a verifier context, and the files of a bundle case.
 * Neither the judge nor the runner imports the reference implementation; both import this.
 */
import type { ConformanceContext } from '../generated/types.js';
import { fromBase64Url } from '../encoding/bytes.js';
import { isRecord } from '../encoding/json.js';
import { registryOf, type VerifyContext } from '../verify/context.js';

/** The vector context as a verifier context. */
export function toContext(c: ConformanceContext): VerifyContext {
  return {
    now: c.now,
    documents: new Map((c.documents ?? []).map((d) => [String((d as { id?: unknown }).id), d])),
    revocations: new Map((c.revocations ?? []).map((r) => [r.capability_id, r.revoked_at])),
    ...(c.trust_anchors === undefined ? {} : { trustAnchors: c.trust_anchors }),
    ...(c.sealers === undefined ? {} : { sealers: c.sealers }),
    ...(c.pinned_documents === undefined ? {} : { pinnedDocuments: c.pinned_documents }),
    ...(c.max_depth === undefined ? {} : { maxDepth: c.max_depth }),
    registry: registryOf({}),
  };
}

/** A vector's files as it gives them: path -> { base64 } (base64url, no padding) or { symlink }; anything else is left out. */
export function fileEntries(files: unknown): [path: string, entry: { base64?: string; symlink?: string }][] {
  if (!isRecord(files)) return [];
  return Object.entries(files).flatMap(([path, entry]): [string, { base64?: string; symlink?: string }][] => {
    if (!isRecord(entry)) return [];
    const { base64, symlink } = entry;
    return [[path, { ...(typeof base64 === 'string' ? { base64 } : {}), ...(typeof symlink === 'string' ? { symlink } : {}) }]];
  });
}

/**
 * The files of a bundle case, path -> bytes (a symbolic link entry has none).
 *
 * @param files - the case's `files`.
 * @returns path -> bytes.
 */
export function bundleFiles(files: unknown): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const [path, entry] of fileEntries(files)) {
    if (entry.base64 !== undefined) out.set(path, fromBase64Url(entry.base64) ?? new Uint8Array());
  }
  return out;
}
