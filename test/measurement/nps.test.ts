import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, nps } from "../../src/index.js";

function repeat(score: number, times: number): number[] {
  return Array.from({ length: times }, () => score);
}

describe("nps", () => {
  it("splits 0–6 / 7–8 / 9–10 into detractors, passives and promoters", () => {
    const r = nps([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r).toMatchObject({ detractors: 7, passives: 2, promoters: 2, n: 11 });
    // 100 × (2 − 7) / 11 = −45.45…
    expect(r.score).toBeCloseTo(-45.4545, 4);
  });

  it("scores 50 promoters, 30 passives, 20 detractors as 30 ± 15.31", () => {
    const r = nps([
      ...repeat(10, 25),
      ...repeat(9, 25),
      ...repeat(8, 15),
      ...repeat(7, 15),
      ...repeat(6, 10),
      ...repeat(0, 10),
    ]);
    expect(r.score).toBe(30);
    // By hand: p = 0.5, d = 0.2, var(X) = p + d − (p − d)² = 0.7 − 0.09 = 0.61,
    // SE = √(0.61 / 100) = 0.0781025, × 1.96 = 0.1530809 → 15.31 NPS points.
    expect(r.marginOfError).toBeCloseTo(15.30809, 4);
  });

  it("gives score null and margin null for no responses, never NaN", () => {
    expect(nps([])).toEqual({ score: null, promoters: 0, passives: 0, detractors: 0, n: 0, marginOfError: null });
    expect(nps(new Int8Array(0)).score).toBeNull();
  });

  it("reaches the ends of the scale: all promoters 100, all detractors −100, margin 0", () => {
    expect(nps([9, 10, 10])).toMatchObject({ score: 100, marginOfError: 0 });
    expect(nps([0, 6])).toMatchObject({ score: -100, marginOfError: 0 });
    expect(nps([7, 8])).toMatchObject({ score: 0, marginOfError: 0 });
  });

  it("accepts typed arrays", () => {
    const scores = Int8Array.from([10, 9, 8, 3]);
    expect(nps(scores)).toMatchObject({ promoters: 2, passives: 1, detractors: 1, score: 25 });
    expect(nps(Float64Array.from([10, 0])).score).toBe(0);
  });

  it.each([
    [[11], 0],
    [[10, -1], 1],
    [[9, 8.5], 1],
    [[Number.NaN], 0],
    [[Number.POSITIVE_INFINITY], 0],
    [["9"], 0],
    [[null], 0],
  ])("rejects %j with a path to the bad answer", (scores, index) => {
    let error: unknown;
    try {
      nps(scores as number[]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LoyaltyValidationError);
    expect((error as LoyaltyValidationError).issues[0]?.path).toEqual([index]);
    expect((error as LoyaltyValidationError).message).toContain("expected an integer score from 0 to 10");
  });

  it("rejects a sparse array hole and non-arrays", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => nps([10, , 9] as number[])).toThrow(LoyaltyValidationError);
    expect(() => nps("9,10" as unknown as number[])).toThrow(LoyaltyValidationError);
    expect(() => nps(new DataView(new ArrayBuffer(2)) as unknown as number[])).toThrow(LoyaltyValidationError);
    expect(() => nps({ length: 1, 0: 9 })).toThrow(LoyaltyValidationError);
  });

  it("does not touch its input", () => {
    const scores = Object.freeze([10, 3, 8]);
    expect(nps(scores).score).toBe(0);
    expect(scores).toEqual([10, 3, 8]);
  });
});
