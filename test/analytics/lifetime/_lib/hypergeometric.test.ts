import { describe, expect, it } from "vitest";
import { hyp2f1, hyp2f1TailOverB } from "../../../../src/analytics/lifetime/_lib/hypergeometric.js";
import { LoyaltyValidationError } from "../../../../src/index.js";

const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

// Closed forms from Abramowitz & Stegun 15.1.3–15.1.11 and the binomial series.
describe("hyp2f1", () => {
  it("gives 2F1(1, 1; 2; z) = −ln(1 − z)/z (A&S 15.1.3), c − a − b = 0, on both sides of 0 and near 1", () => {
    for (const z of [-5, -0.5, 1e-6, 0.1, 0.5, 0.9, 0.95, 0.999]) {
      expect(relative(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-10);
    }
  });

  it("gives 2F1(a, b; b; z) = (1 − z)^−a, through the 1 − z transformation near 1", () => {
    for (const [a, b] of [
      [0.5, 1.3],
      [-0.207, 2.2],
      [2.75, 0.4],
    ] as const) {
      for (const z of [0.3, 0.85, 0.95, 0.9999]) {
        expect(relative(hyp2f1(a, b, b, z), (1 - z) ** -a)).toBeLessThan(1e-10);
      }
    }
  });

  it("gives 2F1(½, ½; 3/2; x²) = arcsin(x)/x (A&S 15.1.6)", () => {
    for (const x of [0.5, 0.9, 0.98, 0.99995]) {
      expect(relative(hyp2f1(0.5, 0.5, 1.5, x * x), Math.asin(x) / x)).toBeLessThan(1e-10);
    }
  });

  it("gives 2F1(a, 1 − a; 3/2; sin²x) = sin((2a − 1)x) / ((2a − 1) sin x) (A&S 15.1.15)", () => {
    for (const a of [0.3, 1.7, -0.6]) {
      for (const x of [0.5, 1.2, 1.4, 1.55]) {
        const expected = Math.sin((2 * a - 1) * x) / ((2 * a - 1) * Math.sin(x));
        expect(relative(hyp2f1(a, 1 - a, 1.5, Math.sin(x) ** 2), expected)).toBeLessThan(1e-10);
      }
    }
  });

  it("gives 2F1(½, 1; 3/2; x²) = atanh(x)/x (A&S 15.1.4), degenerate c − a − b = 0 summed directly", () => {
    for (const x of [0.3, 0.96, 0.999]) {
      expect(relative(hyp2f1(0.5, 1, 1.5, x * x), Math.atanh(x) / x)).toBeLessThan(1e-10);
    }
  });

  it("terminates for a = −2: a quadratic polynomial, also past z = 0.9", () => {
    const b = 1.3;
    const c = 2.7;
    for (const z of [0.5, 0.95, -3]) {
      const expected = 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1));
      expect(relative(hyp2f1(-2, b, c, z), expected)).toBeLessThan(1e-10);
    }
  });

  // c − a − b an integer: the 1 − z transformation is singular there; A&S 15.3.10/15.3.11 take over.
  // Σ zⁿ/(n + k) = (−ln(1 − z) − Σ_{j<k} zʲ/j) / zᵏ gives closed forms by partial fractions.
  const sumOver = (k: number, z: number): number => {
    let s = -Math.log1p(-z);
    for (let j = 1; j < k; j++) s -= z ** j / j;
    return s / z ** k;
  };

  it("gives 2F1(1, 1; 2; z) (gap 0) right up to z = 1 − 1e-12 by A&S 15.3.10", () => {
    for (const z of [0.95, 1 - 1e-6, 1 - 1e-12]) {
      expect(relative(hyp2f1(1, 1, 2, z, 1 - z), -Math.log1p(-z) / z)).toBeLessThan(1e-10);
    }
  });

  it("gives 2F1(1, 1; 3; z) = 2 Σ zⁿ/((n+1)(n+2)) (gap 1, A&S 15.3.11)", () => {
    for (const z of [0.92, 0.999, 1 - 1e-9]) {
      expect(relative(hyp2f1(1, 1, 3, z), 2 * (sumOver(1, z) - sumOver(2, z)))).toBeLessThan(1e-10);
    }
  });

  it("gives 2F1(1, 1; 4; z) = 6 Σ zⁿ/((n+1)(n+2)(n+3)) = 3 Σ zⁿ (1/(n+1) − 2/(n+2) + 1/(n+3)) (gap 2)", () => {
    for (const z of [0.93, 0.9999]) {
      expect(relative(hyp2f1(1, 1, 4, z), 3 * (sumOver(1, z) - 2 * sumOver(2, z) + sumOver(3, z)))).toBeLessThan(1e-10);
    }
  });

  it("gives 2F1(2, 2; 3; z) = (1 − z)^−1 · 2F1(1, 1; 3; z) (gap −1, through Euler's transformation)", () => {
    for (const z of [0.95, 0.99999]) {
      expect(relative(hyp2f1(2, 2, 3, z), (2 * (sumOver(1, z) - sumOver(2, z))) / (1 - z))).toBeLessThan(1e-10);
    }
  });

  it("gives 2F1(½, ½; 1; z) = (2/π) K(√z) (gap 0, non-integer a and b) against the AGM", () => {
    // K(k) = π / (2 · AGM(1, √(1 − k²))), so 2F1(½, ½; 1; k²) = 1 / AGM(1, √(1 − k²)) (A&S 17.3.9, 17.6).
    for (const z of [0.95, 0.9999999]) {
      let [x, y] = [1, Math.sqrt(1 - z)];
      for (let i = 0; i < 40; i++) [x, y] = [(x + y) / 2, Math.sqrt(x * y)];
      expect(relative(hyp2f1(0.5, 0.5, 1, z), 1 / x)).toBeLessThan(1e-10);
    }
  });

  it("rejects z ≥ 1 and c a non-positive integer", () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(LoyaltyValidationError);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(LoyaltyValidationError);
  });
});

describe("hyp2f1TailOverB", () => {
  it("is (2F1 − 1)/b, finite at b = 0: Σ zⁿ/(n(n + 1)) = 1 − ln(1 − z) (1 − 1/z) for a = 1, c = 2", () => {
    for (const z of [0.1, 0.5, 0.9]) {
      const expected = 1 - Math.log1p(-z) * (1 - 1 / z);
      expect(relative(hyp2f1TailOverB(1, 0, 2, z), expected)).toBeLessThan(1e-10);
    }
  });

  it("agrees with (2F1 − 1)/b away from b = 0", () => {
    const z = 0.4;
    const b = 0.5;
    expect(relative(hyp2f1TailOverB(1, b, b, z), ((1 - z) ** -1 - 1) / b)).toBeLessThan(1e-12);
  });
});
