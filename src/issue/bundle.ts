/**
 * Evidence bundles, sealed (SPEC.md 7.10, 12.8): the manifest lists every file with the SHA-256
 * of its bytes and is proved (eddsa-jcs-2022) by the sealer. The bundle is then verified as a
 * counterparty would verify it, with a trust policy that names the sealer, before the manifest is
 * returned: a bundle that would not verify (an artifact whose signature fails, a receipt without
 * its intent, a cost that does not add up) is refused with the report's first error.
 */
import type { BundleManifest, VerificationReport } from '../generated/types.js';
import { signDataIntegrity, type ProofOptions } from '../crypto/envelopes.js';
import { sha256Bytes } from '../crypto/hash.js';
import { didKeyVerificationMethod } from '../crypto/keys.js';
import { toHex } from '../encoding/bytes.js';
import { fail, type ErrorCode, type Issue, type Refusal } from '../issues.js';
import { BUNDLE_MANIFEST_PATH, verifyBundle } from '../verify/bundle.js';
import { misuse, rfc3339, signerOf, unixNow, type IssueOptions } from './issue.js';

/** What a manifest says besides its artifacts. */
export interface SealInput {
  /** The bundle's id. */
  readonly bundle_id?: string;
  /** When the bundle was made, RFC 3339; the time of the check (or now) by default. */
  readonly created_at?: string;
  /** What kind of transaction the bundle records, which fixes the artifacts it must hold. */
  readonly transaction?: BundleManifest['transaction'];
}

/** The options of {@link sealBundle}: the context of the check, and how the seal is proved. */
export interface SealOptions extends IssueOptions {
  /** The proof's verification method; the sealer's did:key method by default (a did:web one needs its DID document in `documents`). */
  readonly verificationMethod?: string;
  /** When the proof expires, RFC 3339: after it, the seal vouches for nothing. */
  readonly expires?: string;
}

/** A bundle sealed: its manifest, the manifest's bytes as written, and the report of its verification. */
export interface Sealed {
  readonly ok: true;
  readonly manifest: BundleManifest;
  /** `bundle-manifest.json` as it is to be written: the manifest, two-space indented, with a final newline. */
  readonly bytes: Uint8Array;
  /** The verification of the sealed bundle under a policy that trusts its sealer. */
  readonly report: VerificationReport;
  /** What the verification did not check, each with its code. */
  readonly warnings: readonly Issue[];
}

/**
 * Seal a bundle: list every file but the manifest with its hash, prove the manifest, and verify
 * the whole as a counterparty would, trusting this sealer.
 *
 * @param files - path -> bytes of the bundle's files, listed in this order (an old `bundle-manifest.json` among them is replaced).
 * @param input - the bundle's id, time and transaction kind.
 * @param sealer - the sealer's signing key.
 * @param options - the context of the check (time, DID documents, trust anchors) and the proof's method.
 * @returns the manifest and its bytes, or the refusal of a bundle that would not verify (the first error of its report, with the report in `details`).
 * @example
 * ```ts
 * const sealed = sealBundle(readBundleFolder(dir).files, { transaction: 'procurement' }, buyer);
 * if (sealed.ok) writeFileSync(join(dir, 'bundle-manifest.json'), sealed.bytes);
 * ```
 */
export function sealBundle(files: ReadonlyMap<string, Uint8Array>, input: SealInput, sealer: unknown, options: SealOptions = {}): Sealed | Refusal {
  const signer = signerOf(sealer, '/sealer');
  if (!signer.ok) return signer;
  if (!(files instanceof Map)) return misuse('/files', 'the files must be a Map of path -> bytes');
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return misuse('', 'the manifest members must be an object (it may be empty)');
  const { verificationMethod, expires, evidence: _e, now, ...ctx } = options;
  const at = now ?? unixNow();
  const artifacts: Record<string, string> = {};
  // In the order of `files`: a folder read by readBundleFolder gives its paths sorted.
  for (const [path, bytes] of files) {
    if (path === BUNDLE_MANIFEST_PATH) continue;
    if (!(bytes instanceof Uint8Array)) return misuse(`/files/${path.replaceAll('~', '~0').replaceAll('/', '~1')}`, `${path}: a file's content must be bytes`);
    artifacts[path] = `sha256:${toHex(sha256Bytes(bytes))}`;
  }
  if (Object.keys(artifacts).length === 0) return fail('ERR_BUNDLE_MISSING', '/artifacts', 'a bundle holds at least one artifact beside its manifest');
  const method = verificationMethod ?? didKeyVerificationMethod(signer.publicKey);
  const proof: ProofOptions = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created: rfc3339(at),
    ...(expires === undefined ? {} : { expires }),
    verificationMethod: method,
    proofPurpose: 'assertionMethod',
  };
  const body = {
    ...(input.bundle_id === undefined ? {} : { bundle_id: input.bundle_id }),
    created_at: input.created_at ?? rfc3339(at),
    ...(input.transaction === undefined ? {} : { transaction: input.transaction }),
    artifacts,
  };
  const manifest = signDataIntegrity(body, proof, signer.seed) as unknown as BundleManifest;
  const bytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const sealedFiles = new Map(files);
  sealedFiles.set(BUNDLE_MANIFEST_PATH, bytes);
  const sealerDid = method.split('#')[0] as string;
  const report = verifyBundle(sealedFiles, { ...ctx, now: at, sealers: [...(ctx.sealers ?? []), sealerDid] });
  if (!report.ok) {
    const first = report.errors[0];
    return fail((first?.code ?? 'ERR_BUNDLE_MISSING') as ErrorCode, first?.path ?? '', `the bundle would not verify: ${first?.message ?? 'its report has no error to show'}${report.errors.length > 1 ? ` (and ${report.errors.length - 1} more problem(s): see details.report)` : ''}`, { report });
  }
  return { ok: true, manifest, bytes, report, warnings: (report.warnings ?? []) as readonly Issue[] };
}
