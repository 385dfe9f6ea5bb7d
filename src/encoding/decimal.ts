/**
 * Exact decimal arithmetic on amount strings (SPEC.md 6.1): amounts are compared and added as
 * integers at a common scale, never as binary floating point.
 */

/** A decimal as an integer count of 10^-scale. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Read a decimal string.
 *
 * @param text - e.g. "49.99", "-3", "0.000001".
 * @returns the decimal, or `undefined` when the text is not one.
 */
export function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL.exec(text);
  if (m === null) return undefined;
  const fraction = m[3] ?? '';
  const units = BigInt(`${m[2]}${fraction}`);
  return { units: m[1] === '-' ? -units : units, scale: fraction.length };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

/**
 * Compare two decimals exactly.
 *
 * @param a - a decimal.
 * @param b - another.
 * @returns negative, zero or positive.
 */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * a + b, exactly.
 *
 * @param a - a decimal.
 * @param b - another.
 * @returns the sum.
 */
export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { units: x + y, scale };
}

/**
 * a × n for an integer n, exactly.
 *
 * @param a - a decimal.
 * @param n - a safe integer.
 * @returns the product.
 */
export function mulDecimal(a: Decimal, n: number): Decimal {
  return { units: a.units * BigInt(n), scale: a.scale };
}

/**
 * Negation.
 *
 * @param a - a decimal.
 * @returns -a.
 */
export function negDecimal(a: Decimal): Decimal {
  return { units: -a.units, scale: a.scale };
}

/**
 * The shortest decimal text of a value ("49.9" for 4990 at scale 2).
 *
 * @param a - a decimal.
 * @returns the text.
 */
export function formatDecimal(a: Decimal): string {
  const negative = a.units < 0n;
  let digits = (negative ? -a.units : a.units).toString().padStart(a.scale + 1, '0');
  let scale = a.scale;
  while (scale > 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    scale--;
  }
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}
