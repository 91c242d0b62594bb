import { describe, expect, it } from "vitest";
import { bgNbdLogLikelihood, gammaGammaLogLikelihood, LoyaltyValidationError } from "../../../src/index.js";

describe("bgNbdLogLikelihood (FHL 2005 eq. 6)", () => {
  it("for one customer without repeat purchases is r·ln(α/(α+T)) (B(a, b)/B(a, b) = 1)", () => {
    const params = { r: 0.5, alpha: 2, a: 0.8, b: 2.5 };
    expect(bgNbdLogLikelihood(params, [{ frequency: 0, recency: 0, T: 6 }])).toBeCloseTo(0.5 * Math.log(2 / 8), 12);
  });

  it("for one repeat purchase adds the 'dropped out after it' branch: hand-computed with r = a = b = α = 1", () => {
    // x = 1, tₓ = 1, T = 3: L = B(1,2)/B(1,1) · Γ(2)·1/(Γ(1)·4²) + B(2,1)/B(1,1) · Γ(2)·1/(Γ(1)·2²)
    //                        = ½ · 1/16 + ½ · 1/4 = 5/32
    const params = { r: 1, alpha: 1, a: 1, b: 1 };
    expect(bgNbdLogLikelihood(params, [{ frequency: 1, recency: 1, T: 3 }])).toBeCloseTo(Math.log(5 / 32), 12);
  });

  it("adds over customers", () => {
    const params = { r: 0.3, alpha: 4, a: 0.7, b: 2 };
    const one = { frequency: 3, recency: 10, T: 20 };
    const two = { frequency: 0, recency: 0, T: 12 };
    expect(bgNbdLogLikelihood(params, [one, two])).toBeCloseTo(
      bgNbdLogLikelihood(params, [one]) + bgNbdLogLikelihood(params, [two]),
      12,
    );
  });

  it("rejects bad parameters with their path", () => {
    expect(() => bgNbdLogLikelihood({ r: 0, alpha: 1, a: 1, b: 1 }, [{ frequency: 0, recency: 0, T: 1 }])).toThrow(
      /params\.r/,
    );
  });
});

describe("gammaGammaLogLikelihood (Fader & Hardie 2013, eq. 1a)", () => {
  it("for x = 1 is the density Γ(p+q)/(Γ(p)Γ(q)) · v^q · m^(p−1)/(m+v)^(p+q): 18/64 at p = 1, q = 2, v = 3, m = 1", () => {
    // Γ(3)/(Γ(1)Γ(2)) · 3² · 1⁰ / 4³ = 2 · 9 / 64
    expect(
      gammaGammaLogLikelihood({ p: 1, q: 2, v: 3 }, [{ frequency: 1, recency: 1, T: 2, monetary: 1 }]),
    ).toBeCloseTo(Math.log(18 / 64), 12);
  });

  it("skips customers without repeat purchases", () => {
    expect(gammaGammaLogLikelihood({ p: 1, q: 2, v: 3 }, [{ frequency: 0, recency: 0, T: 2 }])).toBe(0);
  });

  it("requires monetary > 0 for repeat customers", () => {
    expect(() =>
      gammaGammaLogLikelihood({ p: 1, q: 2, v: 3 }, [{ frequency: 1, recency: 1, T: 2, monetary: 0 }]),
    ).toThrow(LoyaltyValidationError);
  });
});
