import { describe, expect, it } from "vitest";
import { gini, LoyaltyValidationError, money } from "../../src/index.js";

describe("gini", () => {
  it("is 0 when every customer brings the same", () => {
    expect(gini([7, 7, 7])).toBe(0);
  });
  it("gives 0.25 for 1, 2, 3, 4 (Σ(2i − n − 1)xᵢ / (n Σx) = 10 / 40)", () => {
    expect(gini([4, 1, 3, 2])).toBe(0.25);
    expect(gini([4, 1, 3, 2], { corrected: true })).toBeCloseTo(1 / 3, 15);
  });
  it("reaches (n − 1)/n for total concentration, and 1 when corrected", () => {
    expect(gini([0, 0, 0, 0, 100])).toBe(0.8);
    expect(gini([0, 0, 0, 0, 100], { corrected: true })).toBe(1);
  });
  it("defines a single customer and all-zero input as 0", () => {
    expect(gini([42])).toBe(0);
    expect(gini([42], { corrected: true })).toBe(0);
    expect(gini([0, 0, 0])).toBe(0);
  });
  it("accepts money, strings and accessors", () => {
    expect(gini([money(1, "JPY"), money(3, "JPY")])).toBe(0.25);
    expect(gini(["1", "3"])).toBe(0.25);
    expect(gini([{ v: 1 }, { v: 3 }], { value: (x) => x.v })).toBe(0.25);
  });
  it("reads any iterable: typed arrays by index, sets and generators by iterating", () => {
    expect(gini(Int32Array.of(4, 1, 3, 2))).toBe(0.25);
    expect(gini(new Set([4, 1, 3, 2]))).toBe(0.25);
    expect(
      gini(
        (function* () {
          yield* [4, 1, 3, 2];
        })(),
      ),
    ).toBe(0.25);
    expect(() => gini("1234" as never)).toThrow(/gini: expected values, got "1234"/);
  });
  it("finds a NaN hidden in otherwise sorted input (sorted input is not sorted again)", () => {
    expect(() => gini(Float64Array.of(1, 2, Number.NaN, 3))).toThrow(
      /2: expected a finite non-negative number, decimal string or money amount, got NaN/,
    );
    expect(gini(Float64Array.of(1, 2, 3, 4))).toBe(0.25);
  });
  it("rejects a value option that is not a function, naming it", () => {
    expect(() => gini([{}], { value: {} as never })).toThrow(/gini: value: expected a function, got an object/);
  });
  it("rejects negative values and empty input", () => {
    expect(() => gini([1, -1])).toThrow(
      /1: expected a finite non-negative number, decimal string or money amount, got -1/,
    );
    expect(() => gini([])).toThrow(LoyaltyValidationError);
  });
});
