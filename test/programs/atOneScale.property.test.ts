// atOneScale reads decimal strings as exact integers at one scale (the tier replay and the tier
// log's folding add and compare those instead of decimal.js values); plainUnits writes one back as
// Decimal#toFixed() does. Both against decimal.js on random strings, exponents included.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { Decimal } from "../../src/money/money.js";
import { atOneScale, plainUnits } from "../../src/programs/_lib/minor.js";

const runs = { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 };
const plain = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 8 }))
  .map(([negative, digits, decimals]) => {
    const d = new Decimal(digits.toString()).div(new Decimal(10).pow(decimals));
    return (negative && !d.isZero() ? d.neg() : d).toFixed(decimals);
  });
const text = fc.oneof(
  plain,
  plain.map((t) => new Decimal(t).toExponential()),
);

test.prop([fc.array(text, { minLength: 1, maxLength: 6 })], runs)(
  "atOneScale reads every string exactly at the most decimals among them; plainUnits writes sums as decimal.js does",
  (texts) => {
    const { scale, values } = atOneScale(texts);
    const most = Math.max(...texts.map((t) => new Decimal(t).decimalPlaces()));
    expect(scale).toBeGreaterThanOrEqual(most);
    texts.forEach((t, i) => expect(new Decimal(plainUnits(values[i] as bigint, scale)).eq(t)).toBe(true));
    const sum = values.reduce((a, b) => a + b, 0n);
    const expected = texts.reduce((a, t) => a.plus(t), new Decimal(0));
    expect(plainUnits(sum, scale)).toBe(expected.isZero() ? "0" : expected.toFixed());
  },
);
