import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  probabilityOfPurchases,
  type BgNbdParams,
  type CustomerHistory,
} from "../../../src/index.js";

// Values of FHL 2005 eq. 10 and eq. 8 at random parameters, computed at 40 (150) digits with mpmath straight
// from the published formulas (test/fixtures/lifetime/mpmath_reference.py): an implementation that
// shares nothing with ours. The cases cover z = t/(α+T+t) from 0.001 to 0.998, so both the series and
// the 1 − z transformation, and x from 0 to 24.
interface Reference {
  conditional: { params: BgNbdParams; customer: CustomerHistory; t: number; expected: string }[];
  pmf: { params: BgNbdParams; t: number; n: number; expected: string }[];
}
const reference = JSON.parse(
  readFileSync(new URL("../../fixtures/lifetime/mpmath_reference.json", import.meta.url), "utf8"),
) as Reference;

describe("BG/NBD formulas against a 40-digit evaluation", () => {
  it.each(reference.conditional.map((c, i) => [i, c] as const))(
    "conditional expectation, case %i, to 1e-10 relative",
    (_, c) => {
      const expected = Number(c.expected);
      expect(Math.abs(conditionalExpectedPurchases(c.params, c.t, c.customer) / expected - 1)).toBeLessThan(1e-10);
    },
  );

  it.each(reference.pmf.map((c, i) => [i, c] as const))("P(X(t) = n), case %i, to 1e-10 relative", (_, c) => {
    const expected = Number(c.expected);
    expect(Math.abs(probabilityOfPurchases(c.params, c.t, c.n) / expected - 1)).toBeLessThan(1e-10);
  });
});
