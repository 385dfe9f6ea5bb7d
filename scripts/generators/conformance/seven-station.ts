/**
 * Agent Commerce Rails' seven-station transaction (examples/<line>/transactions/seven-station),
 * as the bundle, document and replay vectors take it: its files, the trust policy that pins
 * Dreamineering's DID document, the replay's hops, and `seven`, the transaction made changeable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentHash } from '../../../src/crypto/hash.js';
import type { HopVerdict } from '../../../src/generated/types.js';
import { listFiles } from '../../../src/io/files.js';
import type { ErrorCode } from '../../../src/issues.js';
import { rehash, reprove, resign, type Party } from '../../lib/parties.js';
import { accept, at, b64, bundle, EXAMPLES, mut, text, unpack, unpackAll, utf8, vector, type Change, type Context, type Doc, type Docs, type Expect, type Files, type FileTree } from './shared.js';
import { P } from './world.js';

const SEVEN = join(EXAMPLES, 'transactions', 'seven-station');
/** The transaction folder's files, as a bundle's files: its documents and its sealed manifest. */
export const sevenFiles: Files = Object.fromEntries(listFiles(SEVEN).map((f) => [f, { base64: b64(readFileSync(join(SEVEN, f))) }]));
/** A file of the folder. */
export const sevenFile = (path: string): { base64: string } => {
  const file = sevenFiles[path];
  if (file === undefined) throw new Error(`the seven-station transaction has no ${path}`);
  return file;
};
/** The folder's documents, freshly read (a copy each call), without the manifest. */
export const sevenDocs = (): Docs => unpackAll(sevenFiles);

/** A replay's hops (SPEC.md 12.9), in order. */
export type Hop = HopVerdict['hop'];
const HOPS: readonly Hop[] = ['identity', 'manifest', 'capability_chain', 'intent', 'mandates', 'settlement', 'receipts'];
/** The hops that reject, with their codes; every other hop accepts. */
export type Failures = Partial<Record<Hop, ErrorCode>>;
/** The verdict at every hop. */
export const hops = (failures: Failures = {}): [HopVerdict, ...HopVerdict[]] =>
  HOPS.map((hop): HopVerdict => (failures[hop] === undefined ? { hop, verdict: 'accept' } : { hop, verdict: 'reject', code: failures[hop] })) as [HopVerdict, ...HopVerdict[]];

// The caller vouches for Dreamineering's DID document by its hash (SPEC.md 12.8, trust): the
// bundle carries the document, but only the pin makes it count.
export const DREAMINEERING_DID = unpack(sevenFile('identity/dreamineering-did.json'));
export const pinned = { pinned_documents: [documentHash(DREAMINEERING_DID)] };

/** A replay vector (SPEC.md 12.9): the files replayed at `now`, and the hops that reject. */
export const replay = (name: string, description: string, f: FileTree, now: number, failures: Failures, policy: Omit<Context, 'now'> = pinned): void =>
  vector(`replay/${name}`, '12.9', description, { files: f }, at(now, policy), Object.keys(failures).length === 0 ? accept({ hops: hops() }) : ({ verdict: 'reject', hops: hops(failures) } satisfies Expect));

/** A change to one document of the transaction; null deletes it. */
export type DocChange = Change | null;
/** Who signs a document again: a party, and the verification method when not the proof's own. */
export type Signer = readonly [Party, string?];

// The seven-station transaction, changeable: `transaction(changes, { signers, trace })` makes
// the changes (path -> change; null deletes the file), makes every link by hash follow, and signs
// each changed document again (by its party, or by `signers[path]`: [party, verification
// method]); `trace` changes the trace after the links are stitched. `sealed(d, kind,
// manifestChange)` puts the documents in a bundle sealed by the recorder, as the original was.
// Shared by the replay links, the money and the replay boundary blocks.
export const seven = (() => {
  const original = sevenDocs();
  const manifest = unpack(sevenFile('bundle-manifest.json'));
  const policy = { ...pinned, sealers: [P.recorder.didKey] };
  const SIGNERS: Readonly<Record<string, Signer>> = {
    'manifest/agent-card.json': [P.merchant],
    'capability/agents-root.json': [P.trust002],
    'capability/shopping-agent.json': [P.trust002],
    'mandates/intent-mandate.json': [P.user],
    'mandates/cart-mandate.json': [P.merchant],
    'mandates/payment-mandate.json': [P.user],
    'receipts/buyer-receipt.json': [P.agentKernel],
    'receipts/provider-receipt.json': [P.toolsKernel],
    'receipts/intent-trace.json': [P.recorder],
  };
  /** The transaction with `changes` (path -> change; null deletes), each link by hash made to follow, every changed document signed again; `trace` changes the trace after the links are stitched. */
  const transaction = (changes: Readonly<Record<string, DocChange>> = {}, { signers = {}, trace }: { signers?: Readonly<Record<string, Signer>> | undefined; trace?: Change | undefined } = {}): Docs => {
    const d: Docs = { ...original };
    for (const [path, change] of Object.entries(changes)) {
      if (change === null) delete d[path];
      else d[path] = mut(original[path] ?? {}, change);
    }
    const settle = (path: string, link: Change = () => {}): void => {
      const current = d[path];
      if (current === undefined) return;
      const next = mut(current, link);
      if (text(next) === text(original[path])) return void (d[path] = original[path] as Doc);
      const [party, vm] = signers[path] ?? SIGNERS[path] ?? [];
      d[path] = party === undefined ? next : next.proof !== undefined ? reprove(next, party, vm) : resign(next, party);
    };
    settle('manifest/agent-card.json');
    settle('capability/agents-root.json');
    settle('capability/shopping-agent.json');
    if (d['intent/governed-intent.json'] !== undefined && text(d['intent/governed-intent.json']) !== text(original['intent/governed-intent.json'])) d['intent/governed-intent.json'] = rehash(d['intent/governed-intent.json']);
    const intent = d['intent/governed-intent.json'] ?? (original['intent/governed-intent.json'] as Doc);
    settle('receipts/buyer-receipt.json', (r) => (r.intent_hash = intent.intent_hash));
    settle('receipts/provider-receipt.json', (r) => (r.intent_hash = intent.intent_hash));
    settle('settlement/budget-authorization.json', (b) => (b.intent_hash = intent.intent_hash));
    settle('mandates/intent-mandate.json');
    const intentMandate = documentHash(d['mandates/intent-mandate.json'] ?? original['mandates/intent-mandate.json']);
    settle('mandates/cart-mandate.json', (c) => (c.intent_mandate_hash = intentMandate));
    settle('mandates/payment-mandate.json', (p) => ((p.intent_mandate_hash = intentMandate), (p.cart_mandate_hash = documentHash(d['mandates/cart-mandate.json'] ?? original['mandates/cart-mandate.json']))));
    settle('receipts/intent-trace.json', (t) => {
      t.intent_ref = intentMandate;
      t.action_hash = documentHash((d['receipts/provider-receipt.json'] as Doc).action);
      t.references.mandate_hash = documentHash(d['mandates/payment-mandate.json'] ?? original['mandates/payment-mandate.json']);
      t.references.identity_credential.hash = documentHash(d['identity/agent-credential.json']);
      t.references.receipt_hashes = [documentHash(d['receipts/buyer-receipt.json']), documentHash(d['receipts/provider-receipt.json'])];
      trace?.(t);
    });
    return d;
  };
  if (Object.entries(transaction()).some(([path, doc]) => doc !== original[path])) throw new Error('the seven-station transaction does not restitch to itself');
  /** The documents in a bundle sealed by the recorder, declaring `kind` (null: none), its manifest changed by `manifestChange`. */
  const sealed = (d: Readonly<Record<string, unknown>>, kind: string | null = manifest.transaction, manifestChange: Change = () => {}): Files => {
    const f = bundle(d, (m) => ((m.bundle_id = manifest.bundle_id), (m.created_at = manifest.created_at), kind === null ? delete m.transaction : (m.transaction = kind), manifestChange(m)));
    const m = unpack(f['bundle-manifest.json'] as { base64: string });
    return { ...f, 'bundle-manifest.json': { base64: b64(utf8(text(reprove({ ...m, proof: manifest.proof }, P.recorder)))) } };
  };
  return { original, manifest, policy, transaction, sealed };
})();
