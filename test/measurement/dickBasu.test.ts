import { describe, expect, it } from "vitest";
import { dickBasu, LoyaltyValidationError } from "../../src/index.js";

describe("dickBasu (Dick & Basu 1994 matrix)", () => {
  it.each([
    [0.9, 0.8, "loyalty"],
    [0.9, 0.2, "latent-loyalty"],
    [0.2, 0.9, "spurious-loyalty"],
    [0.2, 0.2, "no-loyalty"],
  ] as const)("attitude %d, patronage %d → %s", (relativeAttitude, repeatPatronage, segment) => {
    expect(dickBasu({ relativeAttitude, repeatPatronage }).segment).toBe(segment);
  });

  it("counts a value at the threshold as high", () => {
    expect(dickBasu({ relativeAttitude: 0.5, repeatPatronage: 0.5 })).toEqual({
      segment: "loyalty",
      highAttitude: true,
      highPatronage: true,
    });
  });

  it("takes thresholds as parameters", () => {
    expect(dickBasu({ relativeAttitude: 0.6, repeatPatronage: 0.6 }, { attitudeThreshold: 0.7 }).segment).toBe(
      "spurious-loyalty",
    );
    expect(dickBasu({ relativeAttitude: 0.6, repeatPatronage: 0.6 }, { patronageThreshold: 0.7 }).segment).toBe(
      "latent-loyalty",
    );
  });

  it("rejects values and thresholds outside 0..1", () => {
    expect(() => dickBasu({ relativeAttitude: 1.2, repeatPatronage: 0.5 })).toThrow(LoyaltyValidationError);
    expect(() => dickBasu({ relativeAttitude: 0.5, repeatPatronage: Number.NaN })).toThrow(LoyaltyValidationError);
    expect(() => dickBasu({ relativeAttitude: 0.5, repeatPatronage: 0.5 }, { attitudeThreshold: -0.1 })).toThrow(
      /attitudeThreshold/,
    );
  });
});
