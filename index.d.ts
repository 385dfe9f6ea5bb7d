/**
 * Types of the package root export (index.js). The document types themselves are exported by
 * 'writ/api'.
 */
import type { ReleaseManifest, SchemaIndex } from './dist/generated/types.js';

/** manifest.json: name, line, version, schema_index and the shipped boundary. */
export declare const manifest: ReleaseManifest;
/** The current schema line, e.g. "v1.0.0". */
export declare const line: string;
/** Path of the current line's schema index, relative to the package root. */
export declare const schemaIndexPath: string;
/** The current line's schema index. */
export declare const schemaIndex: SchemaIndex;
