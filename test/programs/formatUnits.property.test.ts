// formatUnits writes every money and points figure of a quote; zero (most figures of a priced line:
// no discount, no points paid or earned) comes from a table built once per number of decimals.
// Against decimal.js's toFixed on numbers and bigints of either sign, zero and -0 included.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { Decimal } from "../../src/money/money.js";
import { formatUnits } from "../../src/programs/_lib/minor.js";

const units = fc.oneof(
  fc.constantFrom(0, -0, 0n),
  fc.integer({ min: -1_000, max: 1_000 }),
  fc.maxSafeInteger(),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
);

test.prop([units, fc.integer({ min: 0, max: 8 })])(
  "formatUnits(v, dp) is v × 10^-dp with exactly dp decimals, as decimal.js's toFixed writes it",
  (v, dp) => {
    const d = new Decimal(v.toString()).div(new Decimal(10).pow(dp));
    expect(formatUnits(v, dp)).toBe(d.isZero() ? d.abs().toFixed(dp) : d.toFixed(dp));
  },
);
