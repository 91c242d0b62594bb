// decimalToMinor reads a Decimal as whole minor units from its digits (decimal.js's base-10^7 words
// and exponent) instead of a string: the line amounts of every quote go through it. Against
// decimal.js itself on random values: plain and exponent inputs, products (what a line amount is),
// zero and negative zero, values around 2^53 − 1 minor units and values with more decimals than the
// minor unit (null: the caller rounds or refuses them).
import { fc, test } from "@fast-check/vitest";
import type DecimalJs from "decimal.js";
import { expect } from "vitest";
import { Decimal } from "../../src/money/money.js";
import { decimalToMinor } from "../../src/programs/_lib/minor.js";

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

// digits × 10^-decimals, either sign; the digits reach past 2^53 and cluster around it
const value = fc
  .tuple(
    fc.boolean(),
    fc.oneof(
      fc.bigInt({ min: 0n, max: 10n ** 22n }),
      fc.bigInt({ min: 0n, max: 99_999n }),
      fc.bigInt({ min: MAX - 1_000n, max: MAX + 1_000n }),
    ),
    fc.integer({ min: 0, max: 12 }),
  )
  .map(([negative, digits, decimals]) => {
    const d = new Decimal(`${negative ? "-" : ""}${digits}e-${decimals}`);
    return d;
  });
const decimal = fc.oneof(
  value,
  // a product, as a line amount before rounding is
  fc.tuple(value, value).map(([a, b]) => a.times(b)),
  // scaled by a power of ten, so the words fall at every offset from the decimal point
  fc.tuple(value, fc.integer({ min: -20, max: 20 })).map(([a, k]) => a.times(new Decimal(10).pow(k))),
  fc.constantFrom(new Decimal(0), new Decimal("-0"), new Decimal("1e-30"), new Decimal("9007199254740991")),
);

/** The spec on decimal.js: d × 10^dp when that is an integer of at most 2^53 − 1 in size, else null. */
function expected(d: DecimalJs, dp: number): number | null {
  if (d.decimalPlaces() > dp) return null;
  const v = BigInt(d.times(new Decimal(10).pow(dp)).toFixed());
  return v > MAX || v < -MAX ? null : Number(v);
}

test.prop([decimal, fc.integer({ min: 0, max: 4 })])(
  "decimalToMinor is d × 10^dp as a safe integer (zero as 0, never -0), or null, as decimal.js computes it",
  (d, dp) => {
    expect(decimalToMinor(d, dp)).toBe(expected(d, dp));
  },
);
