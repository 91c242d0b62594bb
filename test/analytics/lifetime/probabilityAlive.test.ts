import { describe, expect, it } from "vitest";
import { probabilityAlive, LoyaltyValidationError } from "../../../src/index.js";

// The published CDNOW parameters (Fader, Hardie & Lee 2005).
const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe("probabilityAlive (Fader, Hardie & Lee, note 021)", () => {
  it("is 1 for a customer without repeat purchases: BG/NBD customers only drop out after a purchase", () => {
    expect(probabilityAlive(cdnow, { frequency: 0, recency: 0, T: 38.86 })).toBe(1);
    expect(probabilityAlive(cdnow, { frequency: 0, recency: 0, T: 1000 })).toBe(1);
  });

  it("computes customer 1 by hand: 1 / (1 + a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x))", () => {
    // x = 2, tₓ = 30.43, T = 38.86: a/(b+1) = 0.793/3.426 = 0.231465…, (43.274/34.844)^2.243 = 1.62585…
    const odds = (0.793 / 3.426) * (43.274 / 34.844) ** 2.243;
    expect(odds).toBeCloseTo(0.3763, 4);
    expect(probabilityAlive(cdnow, { frequency: 2, recency: 30.43, T: 38.86 })).toBeCloseTo(1 / (1 + odds), 12);
  });

  it("is 1 / (1 + a/(b+x−1)) when the last purchase was just now (tₓ = T)", () => {
    expect(probabilityAlive(cdnow, { frequency: 5, recency: 20, T: 20 })).toBeCloseTo(
      1 / (1 + 0.793 / (2.426 + 4)),
      12,
    );
  });

  it("falls towards 0 for a frequent buyer who went quiet long ago, without overflowing", () => {
    const p = probabilityAlive(cdnow, { frequency: 2000, recency: 1, T: 1e6 });
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-300);
  });

  it("rejects an invalid history", () => {
    expect(() => probabilityAlive(cdnow, { frequency: 2, recency: -1, T: 3 })).toThrow(LoyaltyValidationError);
  });
});
