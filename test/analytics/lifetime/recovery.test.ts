import { describe, expect, it } from "vitest";
import { fitBgNbd, fitGammaGamma } from "../../../src/index.js";
import { simulate } from "./_simulate.js";

// 30,000 simulated customers with known parameters. The tolerances are about three standard errors:
// on CDNOW's 2,357 customers the `lifetimes` summary reports relative standard errors of 5% (r), 9% (α),
// 23% (a) and 29% (b); with 30,000 customers they shrink by √(30000/2357) ≈ 3.6.
describe("parameter recovery on simulated customers", () => {
  const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
  const spend = { p: 4, q: 3, v: 20 };
  const rows = simulate(30_000, 20260101, truth, spend);

  // One fit of 30,000 customers takes about 1 s on an idle core; under a loaded CI box it has taken 8–20 s.
  it("fitBgNbd recovers r, α, a, b, each within three of its own standard errors", { timeout: 60_000 }, () => {
    const fit = fitBgNbd(rows);
    for (const k of ["r", "alpha", "a", "b"] as const)
      expect(Math.abs(fit[k] - truth[k]), k).toBeLessThan(3 * fit.standardErrors[k]);
    expect(Math.abs(fit.r / truth.r - 1)).toBeLessThan(0.05);
    expect(Math.abs(fit.alpha / truth.alpha - 1)).toBeLessThan(0.08);
    expect(Math.abs(fit.a / truth.a - 1)).toBeLessThan(0.2);
    expect(Math.abs(fit.b / truth.b - 1)).toBeLessThan(0.25);
  });

  it("fitGammaGamma recovers p, q, v", () => {
    const fit = fitGammaGamma(rows);
    expect(fit.customers).toBeGreaterThan(5000);
    expect(Math.abs(fit.p / spend.p - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.q / spend.q - 1)).toBeLessThan(0.2);
    expect(Math.abs(fit.v / spend.v - 1)).toBeLessThan(0.25);
  });
});
