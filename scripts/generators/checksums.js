// @ts-check
/**
 * Generates checksums.txt: the SHA-256 ledger of the release boundary manifest.json declares,
 * minus checksums.txt itself, in `sha256sum -c` format (SPEC.md, "The checksum ledger").
 *
 *   npm run generate:checksums            write checksums.txt
 *   npm run generate:checksums -- --check exit 1 if it differs from the files on disk
 *
 * Uses the built code (dist/), so that the ledger is written by the same functions that
 * `writ integrity` checks it with. `npm test` builds first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listBoundary } from '../../src/release/boundary.js';
import { formatLedger, sha256Hex } from '../../src/release/ledger.js';
import { LEDGER_FILE, readManifest } from '../../src/io/manifest.js';
import { ROOT, emit } from '../lib/emit.js';

const m = readManifest(ROOT);
if (!m.ok) {
  process.stderr.write(`generate:checksums: ${m.code}: ${m.message}\n`);
  process.exit(1);
}
const listing = listBoundary(ROOT, m.manifest.boundary);
const absent = listing.absent.filter((p) => p !== LEDGER_FILE);
if (listing.issues.length > 0 || absent.length > 0) {
  for (const i of listing.issues) process.stderr.write(`generate:checksums: ${i.code}: ${i.message}\n`);
  for (const p of absent) process.stderr.write(`generate:checksums: manifest.json declares ${p}, which does not exist\n`);
  process.exit(1);
}
const entries = listing.files.filter((f) => f !== LEDGER_FILE).map((path) => ({ path, sha256: sha256Hex(readFileSync(join(ROOT, path))) }));
emit('generate:checksums', new Map([[LEDGER_FILE, formatLedger(entries)]]));
