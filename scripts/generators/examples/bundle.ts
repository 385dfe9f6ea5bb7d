/**
 * bundle: the manifests of Agent Commerce Network's and Incident Network's bundles
 * (bundle-manifest.json, unsealed: they list what a bundle holds by hash), a trust policy, and
 * verification reports. The sealed manifests of the transaction folders are in transactions.ts.
 */
import type { BundleManifest, TrustPolicy, VerificationReport } from '../../../src/generated/types.js';
import { documentHash } from '../../../src/crypto/hash.js';
import type { Capability } from './capability.js';
import type { Identity } from './identity.js';
import type { Intents } from './intent.js';
import type { Receipts } from './receipt.js';
import type { Settlement } from './settlement.js';
import type { Tasks } from './task.js';
import { at, BASE, broken, extra, invalid, LINE, missing, mut, readJson, valid } from './shared.js';
import { iso, PARTIES, T0 } from './world.js';

/** The files of a bundle, by path: what its manifest lists. */
export type Artifacts = Readonly<Record<string, unknown>>;

export interface Bundles {
  /** Agent Commerce Network's procurement, as its bundle holds it. */
  readonly commerceArtifacts: Artifacts;
  /** Incident Network's delegation: the chain, its lineage and the task that carries it. */
  readonly incidentDelegation: Artifacts;
}

const hashes = (artifacts: Artifacts): Record<string, string> => Object.fromEntries(Object.entries(artifacts).map(([path, doc]) => [path, documentHash(doc)]));

export function bundleFamily(
  { merchantDidDoc }: Pick<Identity, 'merchantDidDoc'>,
  { procurementToken, rootToken, vendorToken, coordinatorToken, executorToken, lineage }: Capability,
  { intent }: Intents,
  { buyerReceipt, providerReceipt }: Receipts,
  { settlementRecord }: Settlement,
  { taskCreated, processRequest, fulfillment }: Tasks,
): Bundles {
  const { recorder, commander } = PARTIES;
  const commerceArtifacts: Artifacts = {
    'capability.json': procurementToken,
    'contracts/quote-response.json': readJson(`examples/${LINE}/commercial/quote/valid/quote.response.commerce-network.json`),
    'contracts/governed-intent.json': intent,
    'contracts/fulfillment-package.json': fulfillment,
    'contracts/settlement-reconciliation.json': settlementRecord,
    'receipts/buyer.json': buyerReceipt,
    'receipts/provider.json': providerReceipt,
  };
  const commerceBundleId = 'agent-commerce-network-20260415T162615Z';
  const manifest = valid<BundleManifest>('bundle/manifest', 'commerce-network', {
    bundle_id: commerceBundleId,
    created_at: iso(T0 + 1000),
    artifacts: hashes(commerceArtifacts),
  });
  const incidentDelegation: Artifacts = {
    'capabilities/root-commander.json': rootToken,
    'capabilities/vendor-liaison-agent.json': vendorToken,
    'capabilities/provider-coordinator.json': coordinatorToken,
    'capabilities/provider-executor.json': executorToken,
    'lineage/root-commander-chain.json': lineage,
    'acp/task-created.json': taskCreated,
  };
  valid<BundleManifest>('bundle/manifest', 'incident-network', {
    bundle_id: 'internet-of-agents-incident-network-20260415T162615Z',
    artifacts: hashes({ ...incidentDelegation, 'provider/process-task-request.json': processRequest }),
  });
  const artifactsWith = (path: string, hash: string): BundleManifest => mut(manifest, (d) => (d.artifacts[path] = hash));
  invalid('bundle/manifest', 'path-climbs-out', artifactsWith('../secrets/trust-authority.json', documentHash({})), { instancePath: '/artifacts', keyword: 'propertyNames', path: '/artifacts/..~1secrets~1trust-authority.json', code: 'ERR_SCHEMA_PROPERTY_NAME' });
  invalid('bundle/manifest', 'absolute-path', artifactsWith('/etc/passwd', documentHash({})), { instancePath: '/artifacts', keyword: 'propertyNames', path: '/artifacts/~1etc~1passwd', code: 'ERR_SCHEMA_PROPERTY_NAME' });
  invalid('bundle/manifest', 'hash-without-prefix', artifactsWith('receipts/buyer.json', documentHash(buyerReceipt).slice('sha256:'.length)), at('/artifacts/receipts~1buyer.json', 'pattern', 'ERR_SCHEMA_PATTERN'));
  invalid('bundle/manifest', 'paths-differ-only-in-case', artifactsWith('Receipts/Buyer.json', documentHash(buyerReceipt)), broken('/artifacts/Receipts~1Buyer.json', 'no-case-collisions', 'ERR_RULE_DUPLICATE'));
  invalid('bundle/manifest', 'no-artifacts', { ...manifest, artifacts: {} }, at('/artifacts', 'minProperties', 'ERR_SCHEMA_PROPERTY_COUNT'));

  // A trust policy (SPEC.md 12.8): the seven-station bundler as sealer, Dreamineering's DID document pinned.
  const trustPolicy = valid<TrustPolicy>('bundle/trust-policy', 'seven-station', {
    // The line's own schema URL (LINE is read from the manifest; the generated type names v1.0.0's).
    $schema: `${BASE}bundle/trust-policy.schema.json` as NonNullable<TrustPolicy['$schema']>,
    trust_policy: 'writ/1',
    sealers: [recorder.didKey],
    pinned_documents: [documentHash(merchantDidDoc)],
  });
  valid<TrustPolicy>('bundle/trust-policy', 'incident-network-roots', { trust_policy: 'writ/1', sealers: [commander.didKey], trust_anchors: [commander.hex] });
  invalid('bundle/trust-policy', 'sealer-not-a-did', { ...trustPolicy, sealers: [recorder.hex] }, at('/sealers/0', 'pattern', 'ERR_SCHEMA_PATTERN'));
  invalid('bundle/trust-policy', 'pin-without-prefix', { ...trustPolicy, pinned_documents: [documentHash(merchantDidDoc).slice('sha256:'.length)] }, at('/pinned_documents/0', 'pattern', 'ERR_SCHEMA_PATTERN'));
  invalid('bundle/trust-policy', 'unknown-member', { ...trustPolicy, trust_everyone: true }, extra('', 'trust_everyone'));
  const reportOk = valid<VerificationReport>('bundle/verification-report', 'ok.commerce-network', { ok: true, verified_at: iso(T0 + 1010), subject: commerceBundleId, errors: [] });
  const reportFailed = valid<VerificationReport>('bundle/verification-report', 'revoked-ancestor.incident-network', {
    ok: false,
    verified_at: iso(T0 + 60),
    subject: 'internet-of-agents-incident-network-20260415T162615Z',
    errors: [{ code: 'ERR_SCHEMA_REQUIRED', path: '/parent_capability_id', message: 'required member "parent_capability_id" is missing', keyword: 'required' }],
    hops: [
      { hop: 'identity', ok: true },
      { hop: 'capability_chain', ok: false, code: 'ERR_SCHEMA_REQUIRED', path: 'capabilities/provider-executor.json', message: 'the executor capability does not name its parent', artifacts: ['capabilities/provider-executor.json'] },
    ],
  });
  invalid('bundle/verification-report', 'ok-with-errors', { ...reportOk, errors: reportFailed.errors }, at('/errors', 'maxItems', 'ERR_SCHEMA_ITEMS'));
  invalid('bundle/verification-report', 'failed-without-errors', { ...reportFailed, errors: [] }, at('/errors', 'minItems', 'ERR_SCHEMA_ITEMS'));
  invalid('bundle/verification-report', 'failed-hop-without-code', mut(reportFailed, (d) => delete d.hops[1].code), missing('/hops/1', 'code'));
  invalid('bundle/verification-report', 'code-not-in-registry-form', mut(reportFailed, (d) => (d.errors[0].code = 'CHIO-CAP-NARROWING')), at('/errors/0/code', 'pattern', 'ERR_SCHEMA_PATTERN'));
  return { commerceArtifacts, incidentDelegation };
}
