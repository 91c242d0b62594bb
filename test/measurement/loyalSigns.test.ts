import { describe, expect, it } from "vitest";
import { LOYAL_SIGNS, LoyaltyValidationError, loyalSigns } from "../../src/index.js";

describe("loyalSigns (Ron Kaufman's nine behavioural signs of a loyal client)", () => {
  it("lists the nine signs in Kaufman's order", () => {
    expect(LOYAL_SIGNS.map((s) => `${s.number}:${s.key}`)).toEqual([
      "1:repeatPurchases",
      "2:buysMore",
      "3:buysPremium",
      "4:recommends",
      "5:compliments",
      "6:speaksWellPublicly",
      "7:defendsYou",
      "8:constructiveFeedback",
      "9:competitiveIntelligence",
    ]);
    expect(Object.isFrozen(LOYAL_SIGNS) && Object.isFrozen(LOYAL_SIGNS[0])).toBe(true);
  });

  it("scores a client who comes back, recommends and defends the shop 3 of 9", () => {
    const r = loyalSigns({ repeatPurchases: true, recommends: true, defendsYou: true, compliments: false });
    expect(r.held).toEqual(["repeatPurchases", "recommends", "defendsYou"]);
    expect(r.missing).toEqual([
      "buysMore",
      "buysPremium",
      "compliments",
      "speaksWellPublicly",
      "constructiveFeedback",
      "competitiveIntelligence",
    ]);
    expect(r.score).toBe(3);
    expect(r.share).toBeCloseTo(1 / 3, 12);
  });

  it("scores all nine as 9 and nothing as 0", () => {
    const all = Object.fromEntries(LOYAL_SIGNS.map((s) => [s.key, true]));
    expect(loyalSigns(all)).toMatchObject({ score: 9, share: 1, missing: [] });
    expect(loyalSigns({})).toMatchObject({ score: 0, share: 0, held: [] });
  });

  it("rejects unknown signs and non-boolean values", () => {
    expect(() => loyalSigns({ praises: true } as never)).toThrow(LoyaltyValidationError);
    expect(() => loyalSigns({ recommends: "yes" } as never)).toThrow(/recommends/);
  });
});
