import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, gini, money, totalsAccumulator } from "../../src/index.js";
import { cdnowMaster } from "./_cdnow.js";

describe("totalsAccumulator", () => {
  it("sums per customer across merged partials", () => {
    const a = totalsAccumulator().add({ customerId: "x", value: "10.50" }).add({ customerId: "y", value: 1 });
    const b = totalsAccumulator().add({ customerId: "x", value: 4.5 });
    expect(a.merge(b).result()).toEqual([
      { customerId: "x", total: 15 },
      { customerId: "y", total: 1 },
    ]);
    expect(b.result()).toEqual([{ customerId: "x", total: 4.5 }]);
  });

  it("feeds Gini: CDNOW customer totals are highly concentrated", () => {
    const acc = totalsAccumulator();
    for (const p of cdnowMaster()) acc.add(p);
    const totals = acc.result();
    expect(totals).toHaveLength(23570);
    const g = gini(totals, { value: (c) => c.total });
    // An independent check of the same quantity: mean absolute difference over twice the mean (O(n log n) form).
    const xs = totals.map((c) => c.total).sort((p, q) => p - q);
    const n = xs.length;
    let sum = 0;
    let pairs = 0;
    xs.forEach((x, i) => {
      sum += x;
      pairs += x * i - (sum - x); // Σ_{j<i} (x_i − x_j)
    });
    expect(g).toBeCloseTo(pairs / (n * sum), 10);
    expect(g).toBeGreaterThan(0.6);
  });

  it("refuses mixed currencies and malformed states", () => {
    const acc = totalsAccumulator().add({ customerId: 1, value: money("1", "EUR") });
    expect(() => acc.add({ customerId: 1, value: money("1", "USD") })).toThrow(CurrencyMismatchError);
    expect(() => acc.merge({ customers: [[1, Number.POSITIVE_INFINITY]] })).toThrow(/customers\.0/);
    expect(acc.result()).toEqual([{ customerId: 1, total: 1 }]);
  });
});

describe("totalsAccumulator's id table", () => {
  it("keeps one total per customer while integer ids move from the Map into the array as customers arrive", () => {
    // 20,000 integer ids up to 399,999 in a scrambled order (a multiplicative step mod a prime): the
    // first large ones go to the Map (the array covers 16 ids per customer seen), and move to the
    // array as it grows. Plus negative and beyond-2^32 ids that always stay in the Map.
    const ids: number[] = [];
    for (let i = 1; i <= 20_000; i++) ids.push((i * 7_919) % 400_009);
    ids.push(-5, 2 ** 40, -1);
    const acc = totalsAccumulator();
    for (const id of ids) acc.add({ customerId: id, value: 1 });
    for (const id of ids) acc.add({ customerId: id, value: 2 });
    const result = acc.result();
    expect(result.map((r) => r.customerId)).toEqual([...new Set(ids)].sort((a, b) => a - b));
    expect(result.every((r) => r.total === 3)).toBe(true);
  });
});
