import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, loyaltyType } from "../../src/index.js";

describe("loyaltyType (the traditional types: perceived, emotional, behavioural)", () => {
  it("averages each type's indicators on 0..1 and scales to 100", () => {
    // perceived: buyAgain 1, recommend 6/10 → (1 + 0.6) / 2 = 0.8 → 80
    // emotional: knowsProduct 1, likesBrand 0 → 50
    // behavioural: min(2, 1) = 1, share 0.4 → 70
    const s = loyaltyType({
      buyAgain: true,
      recommend: 6,
      knowsProduct: true,
      likesBrand: false,
      frequencyIndex: 2,
      shareOfPurchases: 0.4,
    });
    expect(s.perceived).toBeCloseTo(80, 12);
    expect(s.emotional).toBe(50);
    expect(s.behavioural).toBeCloseTo(70, 12);
    expect(s.strongest).toBe("perceived");
  });

  it("spots spurious-looking loyalty: buys a lot, feels little", () => {
    const s = loyaltyType({
      repeatPurchases: true,
      frequencyIndex: 1.5,
      knowsProblemSolved: false,
      likesBrand: false,
      recommend: 3,
    });
    expect(s).toEqual({ perceived: 30, emotional: 0, behavioural: 100, strongest: "behavioural" });
  });

  it("leaves a type without indicators at null", () => {
    expect(loyaltyType({})).toEqual({ perceived: null, emotional: null, behavioural: null, strongest: null });
    expect(loyaltyType({ likesBrand: true }).perceived).toBeNull();
  });

  it("rejects out-of-range indicators", () => {
    expect(() => loyaltyType({ recommend: 11 })).toThrow(LoyaltyValidationError);
    expect(() => loyaltyType({ shareOfPurchases: 1.2 })).toThrow(LoyaltyValidationError);
    expect(() => loyaltyType({ frequencyIndex: -1 })).toThrow(LoyaltyValidationError);
    expect(() => loyaltyType({ frequencyIndex: Number.POSITIVE_INFINITY })).toThrow(LoyaltyValidationError);
  });
});
