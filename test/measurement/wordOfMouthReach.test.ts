import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, wordOfMouthReach } from "../../src/index.js";

describe("wordOfMouthReach (the rule of thumb: a satisfied customer tells 10, a dissatisfied one 20)", () => {
  it("reaches 400 people well and 100 badly for 40 satisfied and 5 dissatisfied", () => {
    expect(wordOfMouthReach({ satisfied: 40, dissatisfied: 5 })).toEqual({
      positive: 400,
      negative: 100,
      net: 300,
      total: 500,
      tellsSatisfied: 10,
      tellsDissatisfied: 20,
    });
  });

  it("shows one unhappy customer undoing two happy ones", () => {
    expect(wordOfMouthReach({ satisfied: 2, dissatisfied: 1 }).net).toBe(0);
  });

  it("takes your own rates", () => {
    const r = wordOfMouthReach({ satisfied: 10, dissatisfied: 10 }, { tellsSatisfied: 3, tellsDissatisfied: 11 });
    expect([r.positive, r.negative, r.net]).toEqual([30, 110, -80]);
  });

  it("rejects negative or fractional counts and bad rates", () => {
    expect(() => wordOfMouthReach({ satisfied: -1, dissatisfied: 0 })).toThrow(LoyaltyValidationError);
    expect(() => wordOfMouthReach({ satisfied: 1.5, dissatisfied: 0 })).toThrow(LoyaltyValidationError);
    expect(() => wordOfMouthReach({ satisfied: 1, dissatisfied: 0 }, { tellsSatisfied: -2 })).toThrow(/tellsSatisfied/);
    expect(() => wordOfMouthReach({ satisfied: 1, dissatisfied: 0 }, { tellsSatisfied: Number.NaN })).toThrow(
      LoyaltyValidationError,
    );
  });
});
