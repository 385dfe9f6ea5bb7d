/**
 * Where the package's own files are. The compiled module sits at `dist/paths.js` and its source
 * at `src/paths.ts`; either way the package root is one folder up.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the installed package's root folder (holding manifest.json). */
export const PACKAGE_ROOT: string = resolve(fileURLToPath(new URL('..', import.meta.url)));
