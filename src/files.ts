/**
 * Listing the files under a folder, the same way wherever writ walks one: sorted, relative,
 * `/`-separated, regular files only. Symbolic links are not followed (a link could lead
 * outside the folder, or in a circle).
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every regular file under a folder.
 *
 * @param dir - the folder.
 * @returns paths relative to `dir`, `/`-separated, in sorted order.
 * @throws the underlying `fs` error when `dir` cannot be read.
 * @example
 * ```ts
 * listFiles('examples/v1.0.0').filter((f) => f.endsWith('.json'));
 * ```
 */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (rel: string): void => {
    for (const name of readdirSync(rel === '' ? dir : join(dir, rel)).sort()) {
      const child = rel === '' ? name : `${rel}/${name}`;
      const st = lstatSync(join(dir, child));
      if (st.isDirectory()) visit(child);
      else if (st.isFile()) out.push(child);
    }
  };
  visit('');
  return out;
}
