/**
 * The package root export of writ: the schema index of the current line, as manifest.json
 * declares it (schemas/v1.0.0/index.json). Plain Node.js, no dependencies, nothing compiled:
 * import it to find the schemas without loading a validator.
 *
 *   import { schemaIndex, line } from 'writ';
 *   for (const d of schemaIndex.documents) console.log(d.id, d.path);
 *
 * The validator, verifier and the rest of the library are in 'writ/api'.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** manifest.json: name, line, version, schema_index and the shipped boundary. */
export const manifest = require('./manifest.json');

/** The current schema line, e.g. "v1.0.0". */
export const line = manifest.line;

/** Path of the current line's schema index, relative to the package root. */
export const schemaIndexPath = manifest.schema_index;

/** The current line's schema index: every document schema with its id, path and detect rule. */
export const schemaIndex = require(`./${manifest.schema_index}`);
