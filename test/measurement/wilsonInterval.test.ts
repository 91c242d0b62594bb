import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, wilsonInterval } from "../../src/index.js";

describe("wilsonInterval (Wilson 1927 score interval)", () => {
  it("matches a hand computation for 8 of 10 at 95%", () => {
    // p̂ = 0.8, z² = 3.8416, z²/n = 0.38416, denominator 1.38416;
    // centre = (0.8 + 0.19208) / 1.38416 = 0.716738;
    // half = (1.96 / 1.38416) × √(0.016 + 0.009604) = 1.416021 × 0.160012 = 0.226581;
    // interval 0.490157 … 0.943319.
    const i = wilsonInterval(8, 10);
    expect(i?.point).toBe(0.8);
    expect(i?.lower).toBeCloseTo(0.490157, 5);
    expect(i?.upper).toBeCloseTo(0.943319, 5);
  });

  it.each([
    // Newcombe (1998), Statistics in Medicine 17:857–872, Table II, method 3 (Wilson score)
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("reproduces Newcombe's published interval for %i of %i", (x, n, lower, upper) => {
    const i = wilsonInterval(x, n);
    expect(i?.lower).toBeCloseTo(lower, 4);
    expect(i?.upper).toBeCloseTo(upper, 4);
  });

  it("is exactly 0 at no successes and exactly 1 at all successes", () => {
    expect(wilsonInterval(0, 20)?.lower).toBe(0);
    expect(wilsonInterval(20, 20)?.upper).toBe(1);
  });

  it("narrows with a smaller z (90%: z = 1.645)", () => {
    const i95 = wilsonInterval(8, 10);
    const i90 = wilsonInterval(8, 10, { z: 1.645 });
    expect(i90?.z).toBe(1.645);
    expect((i90?.upper ?? 0) - (i90?.lower ?? 0)).toBeLessThan((i95?.upper ?? 0) - (i95?.lower ?? 0));
  });

  it("returns null for no trials", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it.each([
    [3, 2, {}],
    [-1, 2, {}],
    [1.5, 2, {}],
    [1, Number.NaN, {}],
    [1, 2, { z: 0 }],
    [1, 2, { z: Number.POSITIVE_INFINITY }],
  ])("rejects successes %j of trials %j with %j", (x, n, options) => {
    expect(() => wilsonInterval(x, n, options)).toThrow(LoyaltyValidationError);
  });
});
