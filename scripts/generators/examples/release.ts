/**
 * release: the formats of the release itself, from this release's own files (its manifest, its
 * schema index, its error codes) and from this generator's own expectations. None is signed.
 */
import type { ErrorCodeRegistry, FixtureExpectation, ReleaseManifest, SchemaIndex } from '../../../src/generated/types.js';
import { at, generated, invalid, LINE, missing, mut, nonEmpty, readJson, valid, without } from './shared.js';

export function releaseFamily(): void {
  const ownManifest = valid('release/manifest', 'this-release', readJson<ReleaseManifest>('manifest.json'));
  valid<ReleaseManifest>('release/manifest', 'vendored-subset', { ...ownManifest, name: 'acme-writ-vendored', version: '1.0.0', boundary: ['manifest.json', 'checksums.txt', `schemas/${LINE}/`] });
  invalid('release/manifest', 'boundary-climbs-out', mut(ownManifest, (d) => d.boundary.push('../secrets/')), at(`/boundary/${ownManifest.boundary.length}`, 'pattern', 'ERR_SCHEMA_PATTERN'));
  invalid('release/manifest', 'version-not-semver', { ...ownManifest, version: 'v1' }, at('/version', 'pattern', 'ERR_SCHEMA_PATTERN'));
  invalid('release/manifest', 'without-schema-index', without(ownManifest, 'schema_index'), missing('', 'schema_index'));

  const ownIndex = valid('release/schema-index', 'this-line', readJson<SchemaIndex>(`schemas/${LINE}/index.json`));
  valid<SchemaIndex>('release/schema-index', 'one-document', { ...ownIndex, documents: nonEmpty(ownIndex.documents.slice(0, 1)), definitions: [] });
  invalid('release/schema-index', 'detect-pointer-without-slash', mut(ownIndex, (d) => (d.documents[0].detect.present = ['request_id'])), at('/documents/0/detect/present/0', 'pattern', 'ERR_SCHEMA_PATTERN'));
  invalid('release/schema-index', 'empty-detect', mut(ownIndex, (d) => (d.documents[0].detect = {})), at('/documents/0/detect', 'minProperties', 'ERR_SCHEMA_PROPERTY_COUNT'));
  invalid('release/schema-index', 'id-in-upper-case', mut(ownIndex, (d) => (d.documents[0].id = 'Commercial/Authorize.Request')), at('/documents/0/id', 'pattern', 'ERR_SCHEMA_PATTERN'));

  const ownCodes = valid('release/error-codes', 'this-line', readJson<ErrorCodeRegistry>(`schemas/${LINE}/error-codes.json`));
  const firstArea = ownCodes.areas.slice(0, 1);
  valid<ErrorCodeRegistry>('release/error-codes', 'one-area', { ...ownCodes, areas: nonEmpty(firstArea), codes: nonEmpty(ownCodes.codes.filter((c) => c.area === firstArea[0]?.area)) });
  invalid('release/error-codes', 'code-in-lower-case', mut(ownCodes, (d) => (d.codes[0].code = 'err_json_syntax')), at('/codes/0/code', 'pattern', 'ERR_SCHEMA_PATTERN'));
  invalid('release/error-codes', 'code-without-description', mut(ownCodes, (d) => delete d.codes[0].description), missing('/codes/0', 'description'));
  invalid('release/error-codes', 'chio-style-code', mut(ownCodes, (d) => (d.codes[0].code = 'CHIO-CAP-NARROWING')), at('/codes/0/code', 'pattern', 'ERR_SCHEMA_PATTERN'));

  // Two of the capability family's expectations, as this generator wrote them.
  const sidecar = (name: string): FixtureExpectation => generated<FixtureExpectation>(`examples/${LINE}/capability/token/invalid/token.${name}.expect.json`);
  const expectation = valid('release/fixture-expectation', 'schema-rule', sidecar('negative-cap'));
  valid('release/fixture-expectation', 'document-rule', sidecar('ttl-does-not-match'));
  invalid('release/fixture-expectation', 'empty-keyword', { ...expectation, keyword: '' }, at('/keyword', 'minLength', 'ERR_SCHEMA_LENGTH'));
  invalid('release/fixture-expectation', 'path-not-a-pointer', { ...expectation, path: 'scope.grants[0]' }, at('/path', 'pattern', 'ERR_SCHEMA_PATTERN'));
  invalid('release/fixture-expectation', 'message-instead-of-code', { ...expectation, code: 'must be >= 0' }, at('/code', 'pattern', 'ERR_SCHEMA_PATTERN'));
}
