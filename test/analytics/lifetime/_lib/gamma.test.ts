import { describe, expect, it } from "vitest";
import { digamma, lnAbsGamma, lnGamma, signGamma } from "../../../../src/analytics/lifetime/_lib/gamma.js";

const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe("lnGamma (Lanczos g = 7, n = 9)", () => {
  it("gives lnΓ(½) = ln √π (Γ(½) = √π, Abramowitz & Stegun 6.1.8)", () => {
    expect(relative(lnGamma(0.5), 0.5 * Math.log(Math.PI))).toBeLessThan(1e-10);
  });

  it("gives lnΓ(10) = ln 9! = ln 362880", () => {
    expect(relative(lnGamma(10), Math.log(362880))).toBeLessThan(1e-10);
  });

  it("gives lnΓ(100) = ln 99! (summed as Σ ln k, k = 2..99)", () => {
    let lnFactorial = 0;
    for (let k = 2; k <= 99; k++) lnFactorial += Math.log(k);
    expect(relative(lnGamma(100), lnFactorial)).toBeLessThan(1e-10);
  });

  it("gives lnΓ(0.001) from the Taylor series lnΓ(ε) = −ln ε − γε + Σ ζ(k)(−ε)^k / k (A&S 6.1.33)", () => {
    const eps = 1e-3;
    const eulerGamma = 0.5772156649015329;
    const zeta = [0, 0, Math.PI ** 2 / 6, 1.2020569031595942, Math.PI ** 4 / 90, 1.0369277551433699];
    let expected = -Math.log(eps) - eulerGamma * eps;
    for (let k = 2; k <= 5; k++) expected += ((zeta[k] as number) * (-eps) ** k) / k;
    expect(expected).toBeCloseTo(6.907178885383854, 12); // the series, summed: lnΓ(0.001)
    expect(relative(lnGamma(eps), expected)).toBeLessThan(1e-10);
  });

  it("is 0 at 1 and 2 and ln 2 at 3 (Γ(n) = (n − 1)!)", () => {
    expect(Math.abs(lnGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(lnGamma(2))).toBeLessThan(1e-15);
    expect(relative(lnGamma(3), Math.LN2)).toBeLessThan(1e-12);
  });

  it("matches Stirling's series at 1e6 (A&S 6.1.41)", () => {
    const x = 1e6;
    const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
    expect(relative(lnGamma(x), stirling)).toBeLessThan(1e-12);
  });

  it("satisfies Γ(x + 1) = x Γ(x) across the range the likelihoods use", () => {
    for (const x of [1e-8, 0.013, 0.243, 0.793, 1.5, 2.426, 7.3, 31.2, 250.5, 1e4]) {
      expect(Math.abs(lnGamma(x + 1) - (lnGamma(x) + Math.log(x)))).toBeLessThan(
        1e-12 * Math.max(1, Math.abs(lnGamma(x + 1))),
      );
    }
  });

  it("reflects negative arguments: Γ(−½) = −2√π and Γ(−3/2) = 4√π/3 (A&S 6.1.17)", () => {
    expect(relative(lnAbsGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)))).toBeLessThan(1e-12);
    expect(signGamma(-0.5)).toBe(-1);
    expect(relative(lnAbsGamma(-1.5), Math.log((4 * Math.sqrt(Math.PI)) / 3))).toBeLessThan(1e-12);
    expect(signGamma(-1.5)).toBe(1);
  });

  it("has poles at 0 and the negative integers", () => {
    expect(lnAbsGamma(0)).toBe(Number.POSITIVE_INFINITY);
    expect(lnAbsGamma(-3)).toBe(Number.POSITIVE_INFINITY);
    expect(signGamma(-3)).toBe(0);
    expect(signGamma(2.5)).toBe(1);
  });
});

describe("digamma", () => {
  const eulerGamma = 0.5772156649015329;
  it("gives ψ(1) = −γ, ψ(½) = −γ − 2 ln 2 and ψ(n + 1) = Hₙ − γ (A&S 6.3.2–6.3.4)", () => {
    expect(relative(digamma(1), -eulerGamma)).toBeLessThan(1e-12);
    expect(relative(digamma(0.5), -eulerGamma - 2 * Math.LN2)).toBeLessThan(1e-12);
    let harmonic = 0;
    for (let k = 1; k <= 40; k++) harmonic += 1 / k;
    expect(relative(digamma(41), harmonic - eulerGamma)).toBeLessThan(1e-13);
  });

  it("reflects: ψ(1 − x) − ψ(x) = π cot(πx) at x = −0.3, and has poles at the non-positive integers", () => {
    expect(digamma(1.3) - digamma(-0.3)).toBeCloseTo(Math.PI / Math.tan(Math.PI * -0.3), 12);
    expect(digamma(-2)).toBeNaN();
  });
});
