/**
 * Minor units (SPEC.md 6.1): the exponent of a currency and exact conversion from a decimal
 * amount to an integer count of minor units. Fiat currencies take ISO 4217's exponent; any code
 * not listed below has two decimal places, as most do.
 */
import { parseDecimal } from './decimal.js';

/** ISO 4217 currencies whose minor unit is not 1/100. */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/**
 * The number of decimal places of a currency's minor unit.
 *
 * @param currency - an ISO 4217 code.
 * @returns 0, 2, 3 or 4.
 */
export function minorExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

/**
 * A decimal amount as minor units: `"5.00"` USD is 500.
 *
 * @param value - a decimal string (`"5.00"`, `"-3.5"`).
 * @param currency - the currency whose exponent applies.
 * @returns the integer count of minor units, or `undefined` when the amount has more fraction
 *   digits than the currency has, or the count is beyond 2^53 − 1.
 */
export function toMinorUnits(value: string, currency: string): number | undefined {
  const units = unitsAt(value, minorExponent(currency));
  return units !== undefined && units <= BigInt(Number.MAX_SAFE_INTEGER) && units >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(units) : undefined;
}

/**
 * A decimal amount in units of 10^-exponent: `"5.00"` at 6 (USDC's decimals) is 5000000n.
 *
 * @param value - a decimal string.
 * @param exponent - the number of decimal places of one unit.
 * @returns the exact count of units, or `undefined` when the amount has more fraction digits.
 * @example
 * ```ts
 * unitsAt('5.00', 6); // 5000000n
 * ```
 */
export function unitsAt(value: string, exponent: number): bigint | undefined {
  const d = parseDecimal(value);
  if (d === undefined || d.scale > exponent) return undefined;
  return d.units * 10n ** BigInt(exponent - d.scale);
}
