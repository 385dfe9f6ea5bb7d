/**
 * JSON Pointer (RFC 6901): the path notation of every writ issue (SPEC.md, "Identifiers and
 * paths"). `""` is the whole document; `/items/0/unit_price` is a member of an element.
 */

/**
 * Append one reference token to a pointer, escaping `~` as `~0` and `/` as `~1`.
 *
 * @param pointer - an RFC 6901 pointer, `""` for the document root.
 * @param token - a member name or an array index.
 * @returns the pointer to the child.
 * @example
 * ```ts
 * pointerAppend('/scope', 'a/b'); // '/scope/a~1b'
 * ```
 */
export function pointerAppend(pointer: string, token: string): string {
  return `${pointer}/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/**
 * Split a pointer into its unescaped reference tokens.
 *
 * @param pointer - an RFC 6901 pointer.
 * @returns the tokens, or `undefined` when the text is not a pointer (it is non-empty and does
 *   not start with `/`, or it holds a `~` not followed by `0` or `1`).
 * @example
 * ```ts
 * pointerTokens('/a~1b/0'); // ['a/b', '0']
 * ```
 */
export function pointerTokens(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/') || /~[^01]|~$/.test(pointer)) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The value a pointer names inside a parsed JSON value.
 *
 * @param value - a parsed JSON value.
 * @param pointer - an RFC 6901 pointer.
 * @returns `{ found: true, value }`, or `{ found: false }` when a token names no member or
 *   element (own members only: `__proto__` and friends are never followed into prototypes).
 * @example
 * ```ts
 * pointerGet({ a: [1, 2] }, '/a/1'); // { found: true, value: 2 }
 * ```
 */
export function pointerGet(value: unknown, pointer: string): { found: true; value: unknown } | { found: false } {
  const tokens = pointerTokens(pointer);
  if (tokens === undefined) return { found: false };
  let cur: unknown = value;
  for (const t of tokens) {
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9][0-9]*)$/.test(t) || Number(t) >= cur.length) return { found: false };
      cur = cur[Number(t)];
    } else if (cur !== null && typeof cur === 'object' && Object.prototype.hasOwnProperty.call(cur, t)) {
      cur = (cur as Record<string, unknown>)[t];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: cur };
}
