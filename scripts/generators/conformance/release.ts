/**
 * release (SPEC.md 2, 9, 10.3): a vendored copy checked against its manifest and ledger
 * (integrity), and fixture folders checked against their sidecars (fixtures).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accept, at, b64, EXAMPLES, LINE, mut, readJson, rejectAll, text, utf8, vector, type Expect, type Files, type FileTree } from './shared.js';
import { meteredCard } from './world.js';

/** A release copy's files or a fixture folder, by path: their texts. */
type Texts = Readonly<Record<string, string>>;

const raw = (fs: Texts): Files => Object.fromEntries(Object.entries(fs).map(([p, t]) => [p, { base64: b64(utf8(t)) }]));
const fixtureFiles = (fs: Texts) => ({ operation: 'fixtures', files: raw(fs) });
const fixturesVector = (name: string, description: string, fs: Texts, expect: Expect): void => vector(`release/fixtures/${name}`, '9', description, fixtureFiles(fs), at(0), expect);
const negCap = readFileSync(join(EXAMPLES, 'capability/token/invalid/token.negative-cap.json'), 'utf8');
const negCapExpect = readFileSync(join(EXAMPLES, 'capability/token/invalid/token.negative-cap.expect.json'), 'utf8');
const validRoot = readFileSync(join(EXAMPLES, 'capability/token/valid/token.root-commander.incident-network.json'), 'utf8');

export function releaseVectors(): void {
  const releaseManifest = {
    $schema: `https://writ.dev/schemas/${LINE}/release/manifest.schema.json`,
    name: 'acme-writ-vendored',
    line: LINE,
    version: '1.0.0',
    schema_index: `schemas/${LINE}/index.json`,
    boundary: ['README.md', 'checksums.txt', 'manifest.json', `schemas/${LINE}/`],
  };
  const releaseFiles = { 'README.md': 'vendored writ\n', [`schemas/${LINE}/index.json`]: '{"line":"v1.0.0"}\n', 'manifest.json': text(releaseManifest) };
  const ledgerOf = (fs: Texts): string => Object.keys(fs).sort().map((p) => `${createHash('sha256').update(fs[p] as string).digest('hex')}  ${p}`).join('\n') + '\n';
  const release = (name: string, description: string, fs: Texts, expect: Expect, extra: FileTree = {}): void => vector(`release/${name}`, '10.3', description, { operation: 'integrity', files: { ...raw(fs), ...extra } }, at(0), expect);
  const ledger = ledgerOf(releaseFiles);
  release('intact', 'An intact copy: every file of the boundary present and as the ledger records.', { ...releaseFiles, 'checksums.txt': ledger }, accept());
  release('file-altered', 'A vendored copy changed in place.', { ...releaseFiles, 'README.md': 'vendored writ, patched\n', 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_ALTERED'));
  release('file-missing', 'A file of the boundary deleted from the copy.', { 'manifest.json': releaseFiles['manifest.json'], [`schemas/${LINE}/index.json`]: releaseFiles[`schemas/${LINE}/index.json`] as string, 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_MISSING'));
  release('file-added', 'A file added inside the boundary, not in the ledger.', { ...releaseFiles, [`schemas/${LINE}/extra.schema.json`]: '{}\n', 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_EXTRA'));
  release('ledger-lists-outside', 'The ledger lists a file outside the boundary.', { ...releaseFiles, 'checksums.txt': ledgerOf({ ...releaseFiles, 'src/index.ts': 'x' }) }, rejectAll('ERR_INTEGRITY_OUTSIDE_BOUNDARY'));
  {
    const { 'README.md': _readme, ...withoutReadme } = releaseFiles;
    release('symbolic-link', 'A boundary file replaced by a symbolic link: reported, never followed.', { ...withoutReadme, 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_NOT_REGULAR', 'ERR_INTEGRITY_MISSING'), { 'README.md': { symlink: 'manifest.json' } });
  }
  release('no-ledger', 'A copy without checksums.txt.', releaseFiles, rejectAll('ERR_INTEGRITY_LEDGER_MISSING'));
  release('ledger-malformed', 'A ledger line that is not "<sha256>  <path>".', { ...releaseFiles, 'checksums.txt': `${ledger}not a ledger line\n` }, rejectAll('ERR_INTEGRITY_LEDGER_MALFORMED'));
  release('ledger-unsorted', 'A ledger not in byte order of paths.', { ...releaseFiles, 'checksums.txt': ledger.split('\n').filter(Boolean).reverse().join('\n') + '\n' }, rejectAll('ERR_INTEGRITY_LEDGER_UNSORTED'));
  release('no-manifest', 'A copy without manifest.json.', { 'README.md': releaseFiles['README.md'], 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_MANIFEST_MISSING'));
  release('manifest-invalid', 'A manifest.json that is not a valid release manifest.', { ...releaseFiles, 'manifest.json': '{"name":"x"}\n', 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_MANIFEST_INVALID'));
  // Second routes (issue 11): each integrity code reached another way than above.
  {
    const entries = ledger.trimEnd().split('\n');
    const readme = entries.find((l) => l.endsWith('  README.md')) as string;
    release('ledger-hash-altered', 'The copy intact, but its ledger records another hash for README.md: the file and the ledger disagree.', { ...releaseFiles, 'checksums.txt': ledger.replace(readme, `${'0'.repeat(64)}  README.md`) }, rejectAll('ERR_INTEGRITY_ALTERED'));
    release('ledger-line-dropped', 'The ledger\'s line for README.md deleted: a file of the boundary in the copy that the ledger does not list.', { ...releaseFiles, 'checksums.txt': entries.filter((l) => l !== readme).join('\n') + '\n' }, rejectAll('ERR_INTEGRITY_EXTRA'));
    release('ledger-line-repeated', 'The ledger lists README.md twice, with the same hash: a repeated line.', { ...releaseFiles, 'checksums.txt': entries.flatMap((l) => (l === readme ? [l, l] : [l])).join('\n') + '\n' }, rejectAll('ERR_INTEGRITY_LEDGER_UNSORTED'));
    release('ledger-blank-line', 'A ledger that ends with a blank line: every entry right, and one line that is not "<sha256>  <path>".', { ...releaseFiles, 'checksums.txt': `${ledger}\n` }, rejectAll('ERR_INTEGRITY_LEDGER_MALFORMED'));
    release('ledger-lists-itself', 'The ledger lists checksums.txt, the ledger itself.', { ...releaseFiles, 'checksums.txt': [...entries, `${'0'.repeat(64)}  checksums.txt`].sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1)).join('\n') + '\n' }, rejectAll('ERR_INTEGRITY_OUTSIDE_BOUNDARY'));
    release('manifest-not-json', 'A manifest.json that is not JSON at all (cut off mid-member).', { ...releaseFiles, 'manifest.json': '{"name": "acme-writ-vendored", "line":', 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_MANIFEST_INVALID'));
    const { [`schemas/${LINE}/index.json`]: _index, ...withoutIndex } = releaseFiles;
    release('declared-folder-is-a-file', `The declared folder schemas/${LINE}/ is a file in the copy: not what the boundary declares, and the file the ledger lists under it is not there.`, { ...withoutIndex, [`schemas/${LINE}`]: '{}\n', 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_NOT_REGULAR', 'ERR_INTEGRITY_MISSING'));
    release('ledger-is-a-symbolic-link', 'checksums.txt is a symbolic link (to a ledger kept elsewhere): never followed, so the copy has no ledger to read.', releaseFiles, rejectAll('ERR_INTEGRITY_LEDGER_MISSING'), { 'checksums.txt': { symlink: '../ledgers/checksums.txt' } });
    const { 'manifest.json': _manifest, ...withoutManifest } = releaseFiles;
    release('manifest-is-a-symbolic-link', 'manifest.json is a symbolic link (to the manifest of another copy): never followed, so the copy has no manifest to read.', { ...withoutManifest, 'checksums.txt': ledger }, rejectAll('ERR_INTEGRITY_MANIFEST_MISSING'), { 'manifest.json': { symlink: '../other-copy/manifest.json' } });
  }

  fixturesVector('as-recorded', 'A valid and an invalid fixture, each behaving as recorded.', { 'capability/token/valid/token.root.json': validRoot, 'capability/token/invalid/token.negative-cap.json': negCap, 'capability/token/invalid/token.negative-cap.expect.json': negCapExpect }, accept());
  fixturesVector('invalid-that-passes', 'An "invalid" fixture that validates.', { 'capability/token/invalid/token.not-really.json': validRoot, 'capability/token/invalid/token.not-really.expect.json': negCapExpect }, rejectAll('ERR_FIXTURE_UNEXPECTED_PASS'));
  fixturesVector('wrong-reason', 'An invalid fixture that fails for another reason than its sidecar records.', { 'capability/token/invalid/token.negative-cap.json': negCap, 'capability/token/invalid/token.negative-cap.expect.json': negCapExpect.replace('/scope/grants/0/max_total_cost/units', '/scope/grants/0/max_cost_per_invocation/units') }, rejectAll('ERR_FIXTURE_WRONG_REASON'));
  fixturesVector('no-expectation', 'An invalid fixture without its sidecar.', { 'capability/token/invalid/token.negative-cap.json': negCap }, rejectAll('ERR_FIXTURE_EXPECTATION_MISSING'));
  fixturesVector('expectation-invalid', 'A sidecar that is not a fixture expectation.', { 'capability/token/invalid/token.negative-cap.json': negCap, 'capability/token/invalid/token.negative-cap.expect.json': '{"code":"must be >= 0"}\n' }, rejectAll('ERR_FIXTURE_EXPECTATION_INVALID'));
  fixturesVector('orphan-expectation', 'A sidecar whose fixture does not exist.', { 'capability/token/invalid/token.gone.expect.json': negCapExpect }, rejectAll('ERR_FIXTURE_ORPHAN_EXPECTATION'));
  fixturesVector('unknown-document', 'A fixture whose name names no document of its family.', { 'capability/token/valid/ticket.seed.json': validRoot }, rejectAll('ERR_FIXTURE_UNKNOWN_SCHEMA'));
  fixturesVector('misplaced', 'A fixture outside a valid/ or invalid/ folder.', { 'capability/token/token.root.json': validRoot }, rejectAll('ERR_FIXTURE_MISPLACED'));
  // Second routes (issue 11): each fixture code reached another way than above.
  fixturesVector('sidecar-named-after-the-file', 'An invalid fixture whose sidecar is named token.negative-cap.json.expect.json (the whole file name, .json included): the fixture has no sidecar, and the sidecar no fixture.', { 'capability/token/invalid/token.negative-cap.json': negCap, 'capability/token/invalid/token.negative-cap.json.expect.json': negCapExpect }, rejectAll('ERR_FIXTURE_EXPECTATION_MISSING', 'ERR_FIXTURE_ORPHAN_EXPECTATION'));
  fixturesVector('expectation-not-json', 'A sidecar that is not JSON at all.', { 'capability/token/invalid/token.negative-cap.json': negCap, 'capability/token/invalid/token.negative-cap.expect.json': '{"code": "ERR_SCHEMA_RANGE",' }, rejectAll('ERR_FIXTURE_EXPECTATION_INVALID'));
  fixturesVector('nested-below-valid', 'A fixture in a folder below valid/ (capability/token/valid/old/): not in a valid/ or invalid/ folder of its group.', { 'capability/token/valid/old/token.root.json': validRoot }, rejectAll('ERR_FIXTURE_MISPLACED'));
  fixturesVector('document-of-another-family', 'A fixture in the capability family named for agent-card, a document of the discovery family.', { 'capability/token/valid/agent-card.metered-tool.json': text(meteredCard) }, rejectAll('ERR_FIXTURE_UNKNOWN_SCHEMA'));
  {
    const unsigned = readFileSync(join(EXAMPLES, 'capability/revocation/valid/revocation.unsigned-local-record.json'), 'utf8');
    const sidecar = text({ $schema: `https://writ.dev/schemas/${LINE}/release/fixture-expectation.schema.json`, instancePath: '', keyword: 'required', path: '/revoked_by', code: 'ERR_SCHEMA_REQUIRED' });
    fixturesVector('unsigned-revocation-that-passes', 'An "invalid" revocation fixture, with its sidecar, that is an unsigned revocation record: an unsigned record is valid.', { 'capability/revocation/invalid/revocation.unsigned.json': unsigned, 'capability/revocation/invalid/revocation.unsigned.expect.json': sidecar }, rejectAll('ERR_FIXTURE_UNEXPECTED_PASS'));
  }
  fixturesVector('two-issues', 'An invalid fixture that breaks the rule its sidecar records and one more (an unknown member): it must give exactly one issue.', { 'capability/token/invalid/token.negative-cap.json': text({ ...JSON.parse(negCap), note: 'two faults' }), 'capability/token/invalid/token.negative-cap.expect.json': negCapExpect }, rejectAll('ERR_FIXTURE_WRONG_REASON'));
  {
    // SPEC.md 5.2: a validation reports at most 100 issues, then one that counts the rest.
    const crowded = JSON.parse(validRoot);
    for (let i = 0; i < 150; i++) crowded[`x${i}`] = i;
    fixturesVector('too-many-issues', 'A valid fixture with 150 members its schema does not allow: 100 issues are reported, then ERR_SCHEMA_TOO_MANY_ISSUES with the count of the other 50.', { 'capability/token/valid/token.crowded.json': text(crowded) }, rejectAll('ERR_SCHEMA_ADDITIONAL_PROPERTY', 'ERR_SCHEMA_TOO_MANY_ISSUES'));
    // The same limit, reached by issues of another keyword, deep in an array: a lineage record of 151
    // entries whose 150 delegated ones each give their depth as a string.
    const lineage = readJson(join(EXAMPLES, 'capability/lineage-chain/valid/lineage-chain.root-commander.incident-network.json'));
    const entries = [lineage.chain[0], ...Array.from({ length: 150 }, (_, i) => ({ ...lineage.chain[1], id: `INC-2026-0428-hop-${i}`, delegation_depth: '1' }))];
    fixturesVector('too-many-type-issues', 'A valid lineage-chain fixture whose 150 delegated entries each give delegation_depth as a string: 100 type issues are reported, then ERR_SCHEMA_TOO_MANY_ISSUES with the count of the other 50.', { 'capability/lineage-chain/valid/lineage-chain.crowded.json': text({ ...lineage, chain: entries }) }, rejectAll('ERR_SCHEMA_TYPE', 'ERR_SCHEMA_TOO_MANY_ISSUES'));
  }
  {
    const { $schema: _s, ...bare } = JSON.parse(negCapExpect);
    fixturesVector('not-recognisable', 'A valid fixture whose members do not let a reader recognise its type (a fixture expectation without its $schema).', { 'release/fixture-expectation/valid/fixture-expectation.bare.json': text(bare) }, rejectAll('ERR_FIXTURE_DETECTED_AS'));
    const both = mut(readJson(join(EXAMPLES, 'identity/agent-credential/valid/agent-credential.shopping-agent.commerce-rails.json')), (d) => d.type.push('MerchantCredential'));
    fixturesVector('recognised-as-two-types', 'A valid agent-credential fixture whose type also claims MerchantCredential: it validates, but a reader recognises it as two types, not as the one its name gives.', { 'identity/agent-credential/valid/agent-credential.both.json': text(both) }, rejectAll('ERR_FIXTURE_DETECTED_AS'));
  }
  // Mutation boundaries, bundle paths and JSON Pointers (SPEC.md 2, 4.2, 12.8): src/encoding/file-path.ts, src/encoding/pointer.ts.
  {
    // Issue paths escape a member name (SPEC.md 2: ~ is written ~0 and / is written ~1), and a
    // fixture's sidecar must give the path of its one issue exactly (9).
    const oddMember = 'x/y~z';
    const withOddMember = text({ ...JSON.parse(validRoot), [oddMember]: 1 });
    const oddSidecar = (path: string): string => text({ $schema: `https://writ.dev/schemas/${LINE}/release/fixture-expectation.schema.json`, instancePath: '', keyword: 'additionalProperties', path, code: 'ERR_SCHEMA_ADDITIONAL_PROPERTY' });
    const oddFixture = (name: string, description: string, path: string, expect: Expect): void =>
      vector(`release/fixtures/encoding/${name}`, '2', description, fixtureFiles({ 'capability/token/invalid/token.odd-member.json': withOddMember, 'capability/token/invalid/token.odd-member.expect.json': oddSidecar(path) }), at(0), expect);
    oddFixture('member-name-escaped', 'An invalid capability token whose one fault is an unknown member named x/y~z, its sidecar giving the path /x~1y~0z: the member name escaped as RFC 6901 writes it, so the fixture behaves as recorded.', '/x~1y~0z', accept());
    oddFixture('member-name-slash-not-escaped', 'The same fixture with its sidecar giving the path /x/y~0z: that pointer names member y~z inside member x, not the unknown member, so the fixture fails for another reason than recorded.', '/x/y~0z', rejectAll('ERR_FIXTURE_WRONG_REASON'));
    oddFixture('member-name-tilde-as-slash', 'The same fixture with its sidecar giving the path /x~1y~1z: ~1 is a slash, so that pointer names the member x/y/z, not x/y~z, and the fixture fails for another reason than recorded.', '/x~1y~1z', rejectAll('ERR_FIXTURE_WRONG_REASON'));
  }
}
