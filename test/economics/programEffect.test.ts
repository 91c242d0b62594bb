import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, programEffect } from "../../src/index.js";

// Card & Krueger (1994), "Minimum wages and employment", Table 3: full-time-equivalent employment
// per store, New Jersey (treated) 20.44 → 21.03, eastern Pennsylvania (control) 23.33 → 21.17; the
// difference in differences is 2.76 (their printed figure). Here each store is a "customer" whose
// per-window "spend" is its FTE count, so the estimate must come out at 0.59 − (−2.16) = 2.75
// (2.76 in the paper, from unrounded means).
function stores(n: number, before: number, after: number, prefix: string) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    // Store-level spread (−3 … +3) for the bootstrap to have variance. Both groups get the same offsets,
    // so they cancel in the difference in differences and the estimate stays the one of the means.
    const d = (i % 7) - 3;
    rows.push({ customerId: `${prefix}${i}`, at: "1992-02-15", value: before + d });
    rows.push({ customerId: `${prefix}${i}`, at: "1992-11-15", value: after + (i % 2 === 0 ? d : -d) });
  }
  return rows;
}

describe("programEffect (difference in differences, seeded bootstrap)", () => {
  const nj = stores(40, 20.44, 21.03, "nj");
  const pa = stores(40, 23.33, 21.17, "pa");
  const options = {
    members: nj.map((r) => r.customerId),
    launch: "1992-04-01",
    from: "1992-02-01",
    to: "1992-12-01",
    seed: 42,
  };
  const r = programEffect([...nj, ...pa], options);

  it("reproduces the Card–Krueger difference in differences from the group means", () => {
    expect(r.spend.estimate).toBeCloseTo(21.03 - 20.44 - (21.17 - 23.33), 10);
    expect(r.purchases.estimate).toBe(0); // one visit per store per window in both groups
    expect(r.members).toBe(40);
    expect(r.others).toBe(40);
  });

  it("gives an interval around the estimate that the seed reproduces exactly", () => {
    expect(r.spend.low).toBeLessThan(r.spend.estimate);
    expect(r.spend.high).toBeGreaterThan(r.spend.estimate);
    // Each store's change deviates from the group's by at most 6; with 40 stores per group the 95%
    // interval's width stays well below 2·1.96·sqrt(2·6²/40) ≈ 5.3.
    expect(r.spend.high - r.spend.low).toBeGreaterThan(0.5);
    expect(r.spend.high - r.spend.low).toBeLessThan(5.3);
    expect(programEffect([...nj, ...pa], options)).toEqual(r);
    expect(programEffect([...nj, ...pa], { ...options, seed: 43 }).spend.low).not.toBe(r.spend.low);
    expect(r.assumption).toMatch(/parallel trends/);
    expect(Object.isFrozen(r.spend)).toBe(true);
  });

  it("refuses windows out of order, an empty group, and a bad purchase naming the customer", () => {
    expect(() => programEffect(nj, { ...options, launch: "1993-01-01" })).toThrow(
      /launch: expected from < launch < to/,
    );
    expect(() => programEffect(nj, options)).toThrow(/got 40 members and 0 others/);
    expect(() => programEffect([{ customerId: "x", at: "1992-02-30", value: 1 }], options)).toThrow(
      /0\.at: expected an instant, got "1992-02-30" \(customer x\)/,
    );
    expect(() => programEffect(nj, { ...options, seed: 1.5 })).toThrow(LoyaltyValidationError);
  });
});
