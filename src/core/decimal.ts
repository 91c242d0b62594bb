// The decimal-string wire format, zod-free so that small modules (money arithmetic) can check it
// without pulling a schema library into a bundle. Internal: not re-exported from the package root.

/** A decimal number as a string: optional minus, digits, optional fraction. No exponent, no spaces. */
export const DECIMAL_PATTERN = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** A non-negative decimal number as a string. */
export const NON_NEGATIVE_DECIMAL_PATTERN = /^(0|[1-9]\d*)(\.\d+)?$/;

/** 10^0 … 10^15, each exactly representable as a double. */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number nearest to a decimal string of {@link DECIMAL_PATTERN} ("-12.50" → −12.5), NaN for any
 * other string. Exactly `+s` for every such string, but without a regular expression for the usual
 * short ones: with at most 15 digits in all, the digits form an integer below 2^53 and the power of
 * ten is exact, so one IEEE division rounds the exact quotient correctly (Clinger, "How to Read
 * Floating Point Numbers Accurately", PLDI 1990 — the "fast path"). Longer strings go through the
 * pattern and `+s`.
 */
export function decimalToNumber(s: string): number {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const negative = i === 1;
  const first = i;
  let mantissa = 0;
  let c = s.charCodeAt(i) - 48;
  if (c === 0) {
    i++;
    c = s.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) return Number.NaN; // a leading zero: "01" is not a decimal string
  } else {
    while (c >= 0 && c <= 9) {
      mantissa = mantissa * 10 + c;
      c = s.charCodeAt(++i) - 48;
    }
  }
  if (i === first) return Number.NaN;
  let digits = i - first;
  let scale = 0;
  if (i < n) {
    if (c !== -2) return Number.NaN; // "." is 46, two below "0"
    const dot = ++i;
    c = s.charCodeAt(i) - 48;
    while (c >= 0 && c <= 9) {
      mantissa = mantissa * 10 + c;
      c = s.charCodeAt(++i) - 48;
    }
    if (i === dot || i < n) return Number.NaN;
    scale = i - dot;
    digits += scale;
  }
  if (digits > 15) return DECIMAL_PATTERN.test(s) ? +s : Number.NaN;
  const x = mantissa / (POWERS_OF_TEN[scale] as number);
  return negative ? -x : x;
}
