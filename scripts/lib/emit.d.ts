/** Repository root (scripts/lib/.. /..), with a trailing separator. */
export declare const ROOT: string;

/**
 * Write the generated files, or with `--check` compare them with what is on disk and exit 1
 * naming every file that would change (see emit.js).
 */
export declare function emit(script: string, files: ReadonlyMap<string, string>, argv?: readonly string[], options?: { readonly owned?: readonly string[] }): void;
