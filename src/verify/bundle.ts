/**
 * Evidence bundles (SPEC.md 12.8): a folder of artifacts with `bundle-manifest.json`, which maps
 * each artifact's path to the SHA-256 of its bytes. Verification is a pure function of the
 * files, given as a map from path to bytes; {@link readBundleFolder} makes that map from a
 * folder. Whatever the source, the same paths are refused: absolute, climbing with `..`, with
 * empty or `.` segments or backslashes, differing only in case, and (from a folder) symbolic
 * links and anything not a regular file.
 */
import type { ToolCallReceipt, VerificationReport } from '../generated/types.js';
import { verifyDataIntegrity } from '../crypto/envelopes.js';
import { documentHash, sha256Bytes } from '../crypto/hash.js';
import { notPlainJson } from '../crypto/jcs.js';
import { types } from 'node:util';
import { toHex } from '../encoding/bytes.js';
import { pointerAppend } from '../encoding/pointer.js';
import { isRecord } from '../encoding/json.js';
import { readJson, readOptions } from '../model/read.js';
import { issueOf, type Issue, type Verdict } from '../issues.js';
import { registryOf, contextProblem, type VerifyContext } from './context.js';
import { isDocumentType, proofOptionsOf, readAs } from './common.js';
import { covers } from './capability.js';
import { Evidence, verifyWithEvidence, vouchedDocuments } from './document.js';
import { unsafeBundlePath } from '../encoding/file-path.js';
import { distinctArtifacts, docsOf, readArtifact, type ReadArtifact, duplicateIssues, intentLinkIssues, ledgerIssues, receiptLinkIssues, receiptTimeIssues, settlementLinkIssues, traceRecorderIssues } from './bundle-ledger.js';
import { capabilitiesById } from '../model/evidence.js';
import { requiredIssues } from './transaction-kinds.js';

/** The manifest's place in a bundle. */
export const BUNDLE_MANIFEST_PATH = 'bundle-manifest.json';

/** One artifact the manifest lists, as read. */
export interface BundleArtifact {
  /** Its path in the bundle. */
  readonly path: string;
  /** Its document type, when it could be recognised. */
  readonly type?: string;
  /** The parsed document, when the file is JSON. */
  readonly doc?: unknown;
  /** The first problem with the file itself: missing, altered, not JSON, not a document of the line, invalid. */
  readonly issue?: Issue;
}

/** A bundle as read: the artifacts, and every problem found reading them. */
export interface OpenedBundle {
  /** The manifest's bundle id, when the manifest could be read. */
  readonly bundle_id?: string;
  /** The artifacts the manifest lists, in its order. */
  readonly artifacts: readonly BundleArtifact[];
  /** Those that were read, recognised and valid, each typed as its document. */
  readonly good: readonly ReadArtifact[];
  /** Every problem: with the bundle's paths, the manifest, and each artifact. */
  readonly issues: readonly Issue[];
  /** Whether the manifest carries a proof. */
  readonly sealed?: boolean;
  /** The DID whose key proved the manifest, when its proof verified. */
  readonly sealer?: string;
  /** The kind of transaction the manifest declares. */
  readonly transaction?: string;
}

/**
 * Why a bundle path is unsafe, if it is.
 *
 * @param path - a path as the manifest or the file map gives it.
 * @returns a reason, or `undefined` for a safe relative path.
 */
export function unsafePath(path: string): string | undefined {
  return unsafeBundlePath(path);
}

/**
 * A path as a case-insensitive file system may see it (SPEC.md 12.8): NFC, then lower, upper and
 * lower case again, then NFC. The round trip takes in what full case folding makes one (ß, ẞ and
 * ss; ſ and s; the Kelvin sign and k) and what upper-casing tables make one (ı and i): more
 * collisions than any one file system has, never fewer.
 */
const foldCase = (p: string): string => p.normalize('NFC').toLowerCase().toUpperCase().toLowerCase().normalize('NFC');

/** Paths that differ only in letter case, each after the first of its group. */
function caseCollisions(paths: readonly string[]): [string, string][] {
  const seen = new Map<string, string>();
  const out: [string, string][] = [];
  for (const p of paths) {
    const key = foldCase(p);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, p);
    else out.push([p, first]);
  }
  return out;
}

const at = (file: string, pointer: string): string => (pointer === '' ? file : `${file}#${pointer}`);

/**
 * Read a bundle from its files: check the paths, the manifest (and its proof, when it has one),
 * and every artifact's presence, hash, JSON and schema. Nothing across artifacts is checked here.
 *
 * @param files - path -> bytes.
 * @param ctx - the context: its registry, and the DID documents and backend for a manifest proof.
 * @returns the artifacts and the problems found.
 * @example
 * ```ts
 * const { artifacts, issues } = openBundle(readBundleFolder(dir).files, {});
 * ```
 */
export function openBundle(files: ReadonlyMap<string, Uint8Array>, ctx: Pick<VerifyContext, 'registry' | 'documents' | 'backend' | 'pinnedDocuments' | 'cache'> & { readonly now?: number }): OpenedBundle {
  const issues: Issue[] = [];
  const refuse = (why: string): OpenedBundle => ({ artifacts: [], good: [], issues: [{ code: 'ERR_USAGE_INVALID_ARGUMENT', path: '', message: `verify: a bundle is a Map from path to file bytes; ${why}` }] });
  if (types.isProxy(files) || !(files instanceof Map)) return refuse('this is not one');
  // Read once, through Map's own iterator (a subclass's keys or get are never called), into a
  // Map of strings to byte arrays.
  const own = new Map<string, Uint8Array>();
  try {
    for (const [k, v] of Map.prototype.entries.call(files) as IterableIterator<[unknown, unknown]>) {
      if (typeof k !== 'string' || !(v instanceof Uint8Array) || types.isProxy(v)) return refuse(`the entry ${JSON.stringify(String(k))} is not a path with its bytes`);
      own.set(k, v);
    }
  } catch {
    return refuse('it could not be read');
  }
  const keys = [...own.keys()];
  for (const p of keys) {
    const why = unsafePath(p);
    if (why !== undefined) issues.push({ code: 'ERR_BUNDLE_PATH_UNSAFE', path: p, message: `the bundle holds ${JSON.stringify(p)}, an unsafe path: ${why}` });
  }
  const colliding = new Set<string>();
  for (const [p, first] of caseCollisions(keys)) {
    colliding.add(p);
    issues.push({ code: 'ERR_BUNDLE_CASE_COLLISION', path: p, message: `${p} and ${first} differ only in letter case; on many file systems they are one file` });
  }
  const manifestBytes = own.get(BUNDLE_MANIFEST_PATH);
  if (!(manifestBytes instanceof Uint8Array)) {
    issues.push({ code: 'ERR_BUNDLE_MANIFEST_MISSING', path: BUNDLE_MANIFEST_PATH, message: `the bundle has no ${BUNDLE_MANIFEST_PATH}: without it nothing in the bundle can be checked` });
    return { artifacts: [], good: [], issues };
  }
  const parsed = readJson(manifestBytes, { canonicalNumbers: true });
  if (!parsed.ok) {
    issues.push({ ...issueOf(parsed), path: at(BUNDLE_MANIFEST_PATH, parsed.path), message: `${BUNDLE_MANIFEST_PATH}: ${parsed.message}` });
    return { artifacts: [], good: [], issues };
  }
  const listed = parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value) ? (parsed.value as { artifacts?: unknown }).artifacts : undefined;
  const listedPaths = listed !== null && typeof listed === 'object' && !Array.isArray(listed) ? Object.keys(listed) : [];
  const before = issues.length;
  for (const p of listedPaths) {
    const why = unsafePath(p);
    if (why !== undefined) issues.push({ code: 'ERR_BUNDLE_PATH_UNSAFE', path: at(BUNDLE_MANIFEST_PATH, pointerAppend('/artifacts', p)), message: `the manifest lists ${JSON.stringify(p)}, an unsafe path: ${why}` });
  }
  for (const [p, first] of caseCollisions(listedPaths)) {
    issues.push({ code: 'ERR_BUNDLE_CASE_COLLISION', path: at(BUNDLE_MANIFEST_PATH, pointerAppend('/artifacts', p)), message: `the manifest lists ${p} and ${first}, which differ only in letter case` });
  }
  if (issues.length > before) return { artifacts: [], good: [], issues };
  const manifestRead = readAs(ctx, 'bundle/manifest', parsed.value);
  if (!manifestRead.ok) {
    issues.push({ code: manifestRead.code, path: at(BUNDLE_MANIFEST_PATH, manifestRead.path), message: `${BUNDLE_MANIFEST_PATH}: ${manifestRead.message}` });
    return { artifacts: [], good: [], issues };
  }
  const manifest = manifestRead.doc;
  // The manifest's proof is verified once the artifacts are read (below), where its issue goes.
  const proofAt = issues.length;
  const registry = registryOf(ctx);
  const artifacts: BundleArtifact[] = [];
  const good: ReadArtifact[] = [];
  for (const [path, recorded] of Object.entries(manifest.artifacts)) {
    const bytes = own.get(path);
    if (!(bytes instanceof Uint8Array)) {
      const issue: Issue = { code: 'ERR_BUNDLE_MISSING', path, message: `the manifest lists ${path}, which is not in the bundle` };
      issues.push(issue);
      artifacts.push({ path, issue });
      continue;
    }
    const digest = `sha256:${toHex(sha256Bytes(bytes))}`;
    const read = ctx.cache === undefined ? readJson(bytes, { canonicalNumbers: true }) : ctx.cache.read(bytes, digest, { canonicalNumbers: true });
    const doc = read.ok ? read.value : undefined;
    const detected = read.ok ? registry.detect(doc) : undefined;
    const type = detected?.ok === true ? detected.schema.id : undefined;
    let issue: Issue | undefined;
    if (digest !== recorded) issue = { code: 'ERR_BUNDLE_ALTERED', path, message: `${path} hashes to ${digest}; the manifest records ${recorded}: it was changed` };
    else if (!read.ok) issue = { ...issueOf(read), path: at(path, read.path), message: `${path}: ${read.message}` };
    else if (type === undefined) issue = { code: 'ERR_BUNDLE_UNRECOGNISED', path, message: `${path} is not a document of line ${registry.index.line}: ${detected?.ok === false ? detected.message : ''}` };
    else if (!isDocumentType(ctx, type)) issue = { code: 'ERR_BUNDLE_UNRECOGNISED', path, message: `${path} is a ${type}, not a document of line ${registry.index.line}` };
    else {
      const v = readAs(ctx, type, doc);
      if (!v.ok) issue = { code: v.code, path: at(path, v.path), message: `${path}: ${v.message}` };
      else good.push(readArtifact(path, type, v.doc));
    }
    if (issue !== undefined) issues.push(issue);
    artifacts.push({ path, ...(type === undefined ? {} : { type }), ...(doc === undefined ? {} : { doc }), ...(issue === undefined ? {} : { issue }) });
  }
  // The manifest's proof resolves keys with the caller's DID documents, and with those of the
  // bundle's DID documents whose hash the caller pinned: the caller vouches for those. An
  // unpinned document in the bundle cannot vouch for the seal of the bundle that carries it.
  let sealer: string | undefined;
  if (manifest.proof !== undefined) {
    const documents = vouchedDocuments(docsOf(good, 'identity/did-document').map(([, d]) => d), ctx);
    const proved = verifyDataIntegrity(manifest, proofOptionsOf({ ...ctx, documents }));
    if (!proved.ok) issues.splice(proofAt, 0, { code: proved.code, path: at(BUNDLE_MANIFEST_PATH, proved.path), message: `${BUNDLE_MANIFEST_PATH}: ${proved.message}; the hashes it records cannot be trusted` });
    else sealer = String(proved.details?.['signer']);
  }
  for (const p of keys) {
    if (p === BUNDLE_MANIFEST_PATH || Object.hasOwn(manifest.artifacts, p) || unsafePath(p) !== undefined || colliding.has(p)) continue;
    issues.push({ code: 'ERR_BUNDLE_UNRECOGNISED', path: p, message: `${p} is in the bundle but not in its manifest: an unlisted file is unverified evidence` });
  }
  return { ...(manifest.bundle_id === undefined ? {} : { bundle_id: manifest.bundle_id }), artifacts, good, issues, sealed: manifest.proof !== undefined, ...(sealer === undefined ? {} : { sealer }), ...(manifest.transaction === undefined ? {} : { transaction: manifest.transaction }) };
}

/** Who sealed a bundle, as the trust policy sees it, and what that makes an error or a warning. */
export interface SealVerdict {
  readonly seal: NonNullable<VerificationReport['seal']>;
  /** Under a policy that names sealers: the seal is missing or not theirs. */
  readonly errors: readonly Issue[];
  /** Without one: who sealed it, or that no one did, said plainly. */
  readonly warnings: readonly Issue[];
}

/**
 * Judge a bundle's seal by the trust policy (SPEC.md 12.8, trust). A seal is only as good as
 * the policy that names its sealer: anyone can recompute a changed file's hash and prove the
 * manifest again with a key of their own.
 *
 * @param opened - the bundle as read.
 * @param ctx - the context, with `sealers` when the caller names who may seal.
 * @returns the seal, and the errors or warnings it gives.
 */
export function sealVerdict(opened: OpenedBundle, ctx: Pick<VerifyContext, 'sealers'>): SealVerdict {
  if (opened.sealed === undefined) return { seal: { status: 'unsealed' }, errors: [], warnings: [] };
  const policy = ctx.sealers;
  const path = BUNDLE_MANIFEST_PATH;
  if (opened.sealer === undefined) {
    const seal = { status: opened.sealed ? ('untrusted' as const) : ('unsealed' as const) };
    if (opened.sealed) return { seal, errors: [], warnings: [] }; // the failing proof is reported already
    const issue: Issue = { code: 'ERR_BUNDLE_UNSEALED', path, message: `the manifest has no proof: the bundle is internally consistent at most, and nobody vouches for its unsigned records${policy === undefined ? '' : `; the trust policy requires a seal by ${policy.join(', ')}`}` };
    return policy === undefined ? { seal, errors: [], warnings: [issue] } : { seal, errors: [issue], warnings: [] };
  }
  const sealer = opened.sealer;
  if (policy !== undefined && policy.includes(sealer)) return { seal: { status: 'trusted', sealer }, errors: [], warnings: [] };
  const issue: Issue = {
    code: 'ERR_BUNDLE_SEAL_UNTRUSTED',
    path: `${path}#/proof/verificationMethod`,
    message:
      policy === undefined
        ? `sealed by ${sealer}, which no trust policy names (give the sealers you accept): the bundle is internally consistent, not verified by a named party`
        : `sealed by ${sealer}, which is not among the sealers the trust policy names (${policy.join(', ')})`,
    details: { sealer },
  };
  return policy === undefined ? { seal: { status: 'untrusted', sealer }, errors: [], warnings: [issue] } : { seal: { status: 'untrusted', sealer }, errors: [issue], warnings: [] };
}

/** A bundle opened for verification or replay: the options read once, the artifacts, their evidence. */
export interface StartedBundle {
  readonly ctx: BundleOptions;
  readonly readIssues: readonly Issue[];
  readonly opened: OpenedBundle;
  /** The artifacts that were read, recognised and valid. */
  readonly good: readonly ReadArtifact[];
  readonly evidence: Evidence;
  /** The context with the evidence's DID documents and revocations. */
  readonly full: VerifyContext;
}

/**
 * What {@link verifyBundle} and replay do first: read the options once, check the context, open
 * the bundle, and build its evidence once.
 *
 * @param files - path -> bytes.
 * @param options - the caller's options.
 * @returns the opened bundle, or the report that refuses the options.
 */
export function startBundle(files: ReadonlyMap<string, Uint8Array>, options: BundleOptions): StartedBundle | { readonly report: VerificationReport } {
  const opts = readOptions(options);
  if (!opts.ok) return { report: report([{ code: opts.code, path: '', message: opts.message }], undefined, undefined) };
  const ctx = opts.value;
  const problem = contextProblem(ctx);
  if (problem !== undefined && !problem.ok) return { report: report([{ code: problem.code, path: '', message: problem.message }], undefined, undefined) };
  const readIssues = Array.isArray(ctx.readIssues) ? ctx.readIssues : [];
  const opened = openBundle(files, ctx);
  const good = opened.good;
  const evidence = bundleEvidence(good, ctx);
  return { ctx, readIssues, opened, good, evidence, full: evidence.context(ctx) };
}

/**
 * A failing verdict about an artifact as a report issue: the path is the artifact's, then `#`
 * and the pointer into it. A capability chain's verdict points at a capability by id
 * (`/<id>/signature`), and a mandate chain's at another mandate by `details.document_hash`
 * (`/cart_mandate/spend_cap`): each is reported at the file of that document when the bundle
 * has it.
 *
 * @param artifact - the artifact verified.
 * @param verdict - a failing verdict.
 * @param artifacts - the bundle's artifacts, to find a capability's file.
 * @returns the issue.
 */
export function artifactIssue(artifact: Pick<BundleArtifact, 'path' | 'type'>, verdict: Verdict & { ok: false }, artifacts: readonly BundleArtifact[] = []): Issue {
  let { path } = artifact;
  let pointer = verdict.path;
  if (artifact.type === 'capability/token' && Array.isArray(verdict.details?.['chain'])) {
    const [, first = ''] = pointer.split('/');
    const id = first.replace(/~1/g, '/').replace(/~0/g, '~');
    const holder = artifacts.find((a) => a.type === 'capability/token' && isRecord(a.doc) && a.doc['id'] === id);
    if (holder !== undefined) {
      path = holder.path;
      pointer = pointer.slice(first.length + 1);
    }
  }
  const inside = verdict.details?.['document_hash'];
  if (typeof inside === 'string') {
    const holder = artifacts.find((a) => a.doc !== undefined && notPlainJson(a.doc) === undefined && documentHash(a.doc) === inside);
    if (holder !== undefined) {
      path = holder.path;
      pointer = pointer.replace(/^\/[^/]*/, '');
    }
  }
  return { code: verdict.code, path: at(path, pointer), message: `${path}: ${verdict.message}`, ...(verdict.details === undefined ? {} : { details: verdict.details }) };
}

/** The options of {@link verifyBundle} and {@link replayTransaction}: the context, and what reading the bundle found. */
export interface BundleOptions extends VerifyContext {
  /** Problems found reading the bundle's files (a folder's links, oversized files), reported first. */
  readonly readIssues?: readonly Issue[] | undefined;
}

/**
 * Verify an evidence bundle: read it ({@link openBundle}), verify every artifact with the rest
 * as its evidence (every capability's lineage walked to its root), check lineage records
 * against the capabilities, and check that the cost on the receipts under each capability is
 * the budget it consumed (Incident Network, smoke assertions).
 *
 * @param files - path -> bytes.
 * @param options - the time, trust anchors, revocations, DID documents, and `readIssues`: problems found reading the files ({@link readBundleFolder}'s), reported first.
 * @returns a verification report (bundle/verification-report); `ok` only when nothing failed.
 * @example
 * ```ts
 * const folder = readBundleFolder('artifacts/run-1');
 * const report = verifyBundle(folder.files, { now, readIssues: folder.issues });
 * for (const e of report.errors) console.log(e.code, e.path);
 * ```
 */
export function verifyBundle(files: ReadonlyMap<string, Uint8Array>, options: BundleOptions): VerificationReport {
  const start = startBundle(files, options);
  if ('report' in start) return start.report;
  const { ctx, readIssues, opened, good, evidence, full } = start;
  const errors: Issue[] = [...readIssues, ...opened.issues];
  const warnings = new ArtifactWarnings(good);
  for (const a of good) {
    const v = verifyWithEvidence(a.doc, a.type, evidence, full);
    if (!v.ok) errors.push(artifactIssue(a, v, good));
    else warnings.add(a, v);
  }
  errors.push(...lineageIssues(good), ...costIssues(good), ...duplicateIssues(good), ...ledgerIssues(good), ...intentLinkIssues(good), ...receiptTimeIssues(good, full), ...receiptLinkIssues(good), ...settlementLinkIssues(good), ...traceRecorderIssues(good, opened.sealer), ...requiredIssues(opened.transaction, distinctTypes(good)));
  const seal = sealVerdict(opened, ctx);
  return report([...seal.errors, ...errors], ctx.now, opened.bundle_id, undefined, { seal: seal.seal, warnings: [...seal.warnings, ...warnings.list] });
}

/**
 * What the verdicts of a bundle's artifacts did not check, each at the file it is about, each
 * said once: a chain's unanchored root is the same warning for every capability below it.
 */
export class ArtifactWarnings {
  private readonly seen = new Set<string>();
  /** The warnings, in the order found. */
  readonly list: Issue[] = [];

  /** @param artifacts - the bundle's readable artifacts, to find the file a warning is about. */
  constructor(private readonly artifacts: readonly BundleArtifact[]) {}

  /**
   * Add the warnings of one artifact's passing verdict.
   *
   * @param artifact - the artifact verified.
   * @param verdict - its verdict.
   */
  add(artifact: BundleArtifact, verdict: Verdict): void {
    if (!verdict.ok) return;
    for (const w of verdict.warnings ?? []) {
      const issue = artifactIssue(artifact, { ok: false, code: w.code, path: w.path, message: w.message, ...(w.details === undefined ? {} : { details: w.details }) }, this.artifacts);
      const key = `${issue.code} ${issue.path}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.list.push(issue);
    }
  }
}

/**
 * The evidence of a bundle: its readable artifacts, with the types found when it was read.
 *
 * @param artifacts - artifacts without an issue, each with its type.
 * @param ctx - the context (for its registry).
 * @returns the evidence.
 */
export function bundleEvidence(artifacts: readonly BundleArtifact[], ctx: Pick<VerifyContext, 'registry'>): Evidence {
  return new Evidence(artifacts.flatMap((a) => (a.type === undefined ? [] : [{ type: a.type, doc: a.doc }])), registryOf(ctx));
}

/**
 * The type of each distinct document among the artifacts.
 *
 * @param artifacts - readable artifacts.
 * @returns one type per distinct document.
 */
export function distinctTypes(artifacts: readonly BundleArtifact[]): (string | undefined)[] {
  return distinctArtifacts(artifacts).map((a) => a.type);
}

/** A lineage record agrees with the capabilities the bundle holds: depth and parent. */
export function lineageIssues(artifacts: readonly ReadArtifact[]): Issue[] {
  const { byId: tokens, forked } = capabilitiesById(docsOf(artifacts, 'capability/token').map(([, t]) => t));
  const out: Issue[] = [];
  for (const [path, lineage] of docsOf(artifacts, 'capability/lineage-chain')) {
    for (const [i, entry] of lineage.chain.entries()) {
      // An id two capabilities share is reported by every chain (ERR_CHAIN_DUPLICATE_ID); which
      // of them a lineage entry means cannot be told.
      const token = forked.has(entry.id) ? undefined : tokens.get(entry.id);
      if (token === undefined) continue;
      if ((token.delegation_depth ?? 0) !== entry.delegation_depth) {
        out.push({ code: 'ERR_CHAIN_DEPTH_MISMATCH', path: at(path, `/chain/${i}/delegation_depth`), message: `${path}: the lineage puts ${entry.id} at depth ${entry.delegation_depth}; the capability states ${token.delegation_depth ?? 0}` });
      } else if ((token.parent_capability_id ?? null) !== (entry.parent_capability_id ?? null)) {
        out.push({ code: 'ERR_REPLAY_LINK_BROKEN', path: at(path, `/chain/${i}/parent_capability_id`), message: `${path}: the lineage gives ${entry.id} the parent ${String(entry.parent_capability_id)}; the capability names ${String(token.parent_capability_id)}` });
      }
    }
  }
  return out;
}

/**
 * The cost on the receipts charged to each grant is the budget it consumed: the actual costs
 * reconciled, and the exposure of every allowed authorization no reconciliation settles
 * (Incident Network, smoke assertions). A receipt is charged to a grant when it is under the grant's capability and
 * calls a tool the grant covers: the other party's receipt of the same call is not.
 * Grants with budget records and costed receipts are compared; others have nothing to compare.
 */
export function costIssues(artifacts: readonly ReadArtifact[]): Issue[] {
  // Each document counts once, however many paths hold it (the copies are reported apart).
  const distinct = distinctArtifacts(artifacts);
  const tokens = new Map(docsOf(distinct, 'capability/token').map(([, t]) => [t.id, t]));
  const reconciled = docsOf(distinct, 'settlement/spend-reconciliation');
  const allowed = docsOf(distinct, 'settlement/budget-authorization').filter(([, b]) => b.decision === 'allowed');
  // Every allowed call a receipt records is charged to the grants of its capability that cover
  // its tool, whether or not a budget record covers it: a costed call no record accounts for is
  // a mismatch, and so is a budget consumed with no call behind it.
  const receipts = docsOf(distinct, 'receipt/tool-call').filter(([, r]) => r.decision.verdict === 'allow');
  const grantKey = (capId: string, index: number): string => `${capId.length}:${capId}:${index}`;
  const grants = new Map<string, [string, number]>();
  for (const [, r] of [...reconciled, ...allowed]) grants.set(grantKey(r.capability_id, r.grant_index), [r.capability_id, r.grant_index]);
  for (const [, r] of receipts) {
    for (const [i, g] of (tokens.get(r.capability_id)?.scope.grants ?? []).entries()) {
      if (covers(g.server_id, r.tool_server) && covers(g.tool_name, r.tool_name)) grants.set(grantKey(r.capability_id, i), [r.capability_id, i]);
    }
  }
  const out: Issue[] = [];
  for (const [capId, index] of grants.values()) {
    const grant = tokens.get(capId)?.scope.grants?.[index];
    if (grant === undefined) continue;
    const same = (r: { capability_id: string; grant_index: number }): boolean => r.capability_id === capId && r.grant_index === index;
    const rec = reconciled.filter(([, r]) => same(r));
    // Each reconciliation settles one allowed authorization of the grant that charged what it
    // charges; an authorization none settles still holds its exposure.
    const authorized = allowed.filter(([, b]) => same(b));
    const open = authorized.map(([, b]) => b.exposure);
    for (const [, r] of rec) {
      const i = open.findIndex((m) => m.units === r.charged.units && m.currency === r.charged.currency);
      if (i >= 0) open.splice(i, 1);
    }
    const consumed = [...rec.map(([, r]) => r.actual), ...open];
    const charged = receipts.filter(([, r]) => r.capability_id === capId && covers(grant.server_id, r.tool_server) && covers(grant.tool_name, r.tool_name));
    // Receipts that record no cost say nothing about it; but a budget consumed with no call at
    // all behind it is a mismatch.
    const costed = charged.filter(([, r]) => r.cost !== undefined);
    const currencies = new Set([...consumed.map((m) => m.currency), ...costed.map(([, r]) => r.cost?.currency)]);
    const budget = consumed.reduce((sum, m) => sum + m.units, 0);
    const cost = costed.reduce((sum, [, r]) => sum + (r.cost?.units ?? 0), 0);
    // Each reconciliation, and each authorization none settles, stands for one call: more of them
    // than the calls the receipts record is budget consumed with no call behind it.
    const uncalled = consumed.length > charged.length;
    if (uncalled ? budget !== 0 || charged.length > 0 : costed.length > 0 && (currencies.size > 1 || budget !== cost)) {
      const last = charged[charged.length - 1];
      out.push({
        code: 'ERR_BUNDLE_COST_MISMATCH',
        path: last === undefined ? at((rec[0] ?? authorized[0] ?? [''])[0], '') : at(last[0], '/cost'),
        message:
          uncalled
            ? `the budget records of ${capId} grant ${index} consumed budget for ${consumed.length} call(s) (${budget} ${[...currencies].join('/')}); the receipts record ${charged.length}`
            : `the receipts charged to ${capId} grant ${index} cost ${cost} ${[...currencies].join('/')}; the budget it consumed is ${budget}`,
        details: { capability_id: capId, grant_index: index, receipts_cost: cost, budget_consumed: budget, calls_consumed: consumed.length, calls_recorded: charged.length },
      });
    }
    // The calls receipts record count against the grant as the records' do.
    if (grant.max_invocations !== undefined && charged.length > grant.max_invocations) {
      const [path] = charged[grant.max_invocations] as [string, ToolCallReceipt];
      out.push({ code: 'ERR_BUDGET_INVOCATIONS_EXCEEDED', path, message: `${path} records allowed call ${charged.length} under ${capId} grant ${index}, which allows ${grant.max_invocations}`, details: { capability_id: capId, grant_index: index, calls: charged.length, max_invocations: grant.max_invocations } });
    }
  }
  return out;
}

/** A verification report from the problems found. */
export function report(errors: readonly Issue[], now: number | undefined, subject: string | undefined, hops?: VerificationReport['hops'], seal?: Pick<SealVerdict, 'seal' | 'warnings'>): VerificationReport {
  const entry = (e: Issue): VerificationReport['errors'][number] => ({ code: e.code, path: e.path, message: e.message, ...(e.keyword === undefined ? {} : { keyword: e.keyword }), ...(e.details === undefined ? {} : { details: { ...e.details } }) });
  return {
    ok: errors.length === 0,
    ...(now === undefined ? {} : { verified_at: new Date(now * 1000).toISOString().replace('.000Z', 'Z') }),
    ...(subject === undefined ? {} : { subject }),
    errors: errors.map(entry),
    ...(seal === undefined ? {} : { warnings: seal.warnings.map(entry), seal: seal.seal }),
    ...(hops === undefined ? {} : { hops }),
  };
}
