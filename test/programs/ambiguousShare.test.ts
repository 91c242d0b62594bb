// A field that looks like a share ("0.5" where the unit is percent: 50 means 50 %) is
// flagged with a message saying which unit is expected, instead of being read as half a percent.
import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, parseProgram } from "../../src/index.js";

const bonus = (redeem: Record<string, unknown>) => ({
  kind: "bonus",
  id: "share-test",
  name: "Share test",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], rounding: "floor" },
  redeem,
});

describe("percent fields that look like shares", () => {
  it("accepts maxShare as a percentage", () => {
    expect(parseProgram(bonus({ pointValue: "0.01", maxShare: "50" }))).toBeDefined();
    expect(parseProgram(bonus({ pointValue: "0.01", maxShare: "1" }))).toBeDefined();
  });

  it('refuses maxShare "0.5", saying the field is a percentage and how to write half', () => {
    let error: unknown;
    try {
      parseProgram(bonus({ pointValue: "0.01", maxShare: "0.5" }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LoyaltyValidationError);
    expect((error as Error).message).toMatch(
      /redeem\.maxShare: looks like a share \(0\.5 = 50 %\), but this field is a percentage from 0 to 100 \("50" is 50 %\).*got "0\.5"/,
    );
  });

  it("still says out of range for a percentage above 100, not ambiguous", () => {
    expect(() => parseProgram(bonus({ pointValue: "0.01", maxShare: "150" }))).toThrowError(
      /expected a percentage greater than 0 and at most 100/,
    );
  });
});
