import { describe, expect, it } from "vitest";
import { abc, gini, LoyaltyValidationError, lorenz, pareto } from "../../src/index.js";

describe("abc", () => {
  it("classes by cumulative share, an item crossing a boundary staying in the class it starts in", () => {
    // Cumulative value before each item: 0, 500, 800, 880, 920, 950, … of 1,000.
    // 300 starts at 50 % (<80 %) and ends exactly at 80 %: A. 80 starts at 80 %: B. 30 starts at 92 % (<95 %): B.
    const r = abc([500, 300, 80, 40, 30, 20, 10, 10, 5, 5], { a: 0.8, b: 0.95 });
    expect(r.classes).toEqual(["A", "A", "B", "B", "B", "C", "C", "C", "C", "C"]);
    expect(r.summary.A).toEqual({ count: 2, countShare: 0.2, value: 800, valueShare: 0.8, minValue: 300 });
    expect(r.summary.B).toEqual({ count: 3, countShare: 0.3, value: 150, valueShare: 0.15, minValue: 30 });
    expect(r.summary.C).toEqual({ count: 5, countShare: 0.5, value: 50, valueShare: 0.05, minValue: 5 });
  });

  it("puts an item that straddles 80 % in A", () => {
    // Ranked 60, 30, 10: 30 starts at 60 % and ends at 90 %, so it is A; 10 starts at 90 % (<95 %): B.
    expect(abc([30, 60, 10], { a: 0.8, b: 0.95 }).classes).toEqual(["A", "A", "B"]);
  });

  it("keeps labels in input order and gives tied items one class", () => {
    expect(abc([5, 90, 5]).classes).toEqual(["B", "A", "B"]);
    // Four tied 25s: the block starts at 0 %, so all are A even though A alone would need only 80 %.
    expect(abc([25, 25, 25, 25]).classes).toEqual(["A", "A", "A", "A"]);
  });

  it("puts negative values in C and all-zero input in A", () => {
    // Net total 105: 10 starts at 100 / 105 = 95.2 % (past b), and -5 ranks last.
    expect(abc([100, 10, -5]).classes).toEqual(["A", "C", "C"]);
    expect(abc([-5, 100, 10], { b: 0.99 }).classes).toEqual(["C", "A", "B"]); // 10 starts at 95.2 % < 99 %
    expect(abc([0, 0]).summary.A.count).toBe(2);
  });

  it("reports an empty class with count 0 and no minimum", () => {
    expect(abc([100], { a: 0.8, b: 0.95 }).summary.C).toEqual({
      count: 0,
      countShare: 0,
      value: 0,
      valueShare: 0,
      minValue: undefined,
    });
  });

  it("reads items through an accessor and leaves a Float64Array input unchanged", () => {
    const products = [
      { sku: "x", sales: 1 },
      { sku: "y", sales: 9 },
    ];
    // 1 starts at 90 %: not below a = 90 %, below b = 95 %: B.
    expect(abc(products, { value: (p) => p.sales, a: 0.9, b: 0.95 }).classes).toEqual(["B", "A"]);
    const input = Float64Array.of(1, 9, 5);
    abc(input);
    expect([...input]).toEqual([1, 9, 5]);
  });

  it("rejects bad boundaries and input", () => {
    expect(() => abc([1], { a: 0 })).toThrow(/a: expected a share in \(0, 1\]/);
    expect(() => abc([1], { a: 0.9, b: 0.8 })).toThrow(/b: expected a share between a/);
    expect(() => abc([])).toThrow(LoyaltyValidationError);
  });
});

describe("a value option that throws", () => {
  // Found by the fuzz of every export (a hostile `value` callback escaped abc and gini untyped).
  const items = [{ revenue: 10 }, { revenue: 20 }];
  const value = (c: { revenue: number }, i: number): number => {
    if (i === 1) throw new Error("no revenue");
    return c.revenue;
  };
  it.each([
    ["abc", () => abc(items, { value })],
    ["gini", () => gini(items, { value })],
    ["pareto", () => pareto(items, { value, topShare: 0.2 })],
    ["lorenz", () => lorenz(items, { value })],
  ])("%s refuses it with a validation error at the item", (_name, call) => {
    let thrown: unknown;
    try {
      call();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(LoyaltyValidationError);
    const error = thrown as LoyaltyValidationError;
    expect(error.issues[0]?.path).toEqual([1]);
    expect(error.issues[0]?.message).toBe(
      "the value option threw (Error: no revenue); make it return the item's value",
    );
  });
});
