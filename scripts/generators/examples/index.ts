/**
 * Generates the example fixtures of every signed family (identity, discovery, capability,
 * intent, mandate, settlement, receipt, task, bundle, release, conformance) into
 * examples/<line>/<family>/, and the transaction folders into examples/<line>/transactions/,
 * from fixed key seeds, so that every signature, proof and hash in them is real and reproducible.
 *
 *   npm run generate:examples            write the fixtures (and remove stale ones)
 *   npm run generate:examples -- --check exit 1 if any differs from what this script produces
 *
 * Keys: the seed of party <label> is SHA-256("writ/v1.0.0/examples/<label>"), an Ed25519 private
 * key; SPEC.md ("Example keys") lists the labels. Valid fixtures are made by writ's builders
 * (src/issue/) wherever one exists, and each builder verifies what it makes; see shared.ts. The
 * commercial family's fixtures are written by hand and are not touched here; the fixtures that
 * sit at the boundaries of its document rules (SPEC.md 5.3) are made here from them, each a
 * hand-written fixture with one change, into the same folders (examples/<line>/commercial/<verb>/).
 *
 * One module per family, run in this order (a later family uses what an earlier one made).
 */
import { emit } from '../../lib/emit.js';
import { bundleFamily } from './bundle.js';
import { capabilityFamily } from './capability.js';
import { commercialFamily } from './commercial.js';
import { conformanceFamily } from './conformance.js';
import { discoveryFamily } from './discovery.js';
import { identityFamily } from './identity.js';
import { intentFamily } from './intent.js';
import { mandateFamily } from './mandate.js';
import { receiptFamily } from './receipt.js';
import { releaseFamily } from './release.js';
import { settlementFamily } from './settlement.js';
import { FAMILIES, LINE, out } from './shared.js';
import { taskFamily } from './task.js';
import { traceFamily } from './trace.js';
import { transactionsFamily } from './transactions.js';
import { x402Family } from './x402.js';

commercialFamily();
x402Family();
const identity = identityFamily();
const discovery = discoveryFamily(identity);
const capability = capabilityFamily();
const intents = intentFamily();
const receipts = receiptFamily(intents);
const mandates = mandateFamily(identity);
const settlement = settlementFamily(capability, intents, receipts);
const traces = traceFamily(identity, mandates);
const tasks = taskFamily(capability);
const bundles = bundleFamily(identity, capability, intents, receipts, settlement, tasks);
conformanceFamily(capability);
releaseFamily();
transactionsFamily(identity, discovery, intents, receipts, mandates, settlement, traces, bundles);

emit('generate:examples', out, process.argv.slice(2), { owned: [...FAMILIES, 'transactions'].map((f) => `examples/${LINE}/${f}`) });
