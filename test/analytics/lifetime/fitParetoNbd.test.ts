import { describe, expect, it } from "vitest";
import {
  fitParetoNbd,
  LoyaltyValidationError,
  OperationError,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdProbabilityAlive,
  rfmSummary,
  fitBgNbd,
  conditionalExpectedPurchases,
} from "../../../src/index.js";
import { cdnowSummary } from "./_cdnow.js";
import { cdnowSample } from "../_cdnow.js";

const rows = cdnowSummary();

describe("fitParetoNbd on the CDNOW sample", () => {
  const fit = fitParetoNbd(rows);

  // Fader, Hardie & Lee (2005), "Counting your customers the easy way: an alternative to the
  // Pareto/NBD model", Marketing Science 24(2): the Pareto/NBD fit on the 2,357 CDNOW customers
  // (39-week calibration) is r = 0.55, α = 10.58, s = 0.61, β = 11.67 with LL = −9595.0.
  it("reproduces the published r, α, s, β to their two printed decimals and ℓ to one", () => {
    expect(Math.abs(fit.r - 0.55)).toBeLessThan(0.005);
    expect(Math.abs(fit.alpha - 10.58)).toBeLessThan(0.005);
    expect(Math.abs(fit.s - 0.61)).toBeLessThan(0.005);
    expect(Math.abs(fit.beta - 11.67)).toBeLessThan(0.005);
    expect(Math.abs(fit.logLikelihood - -9595.0)).toBeLessThan(0.05);
    expect(fit.customers).toBe(2357);
  });

  it("gives standard errors that follow the time unit: in days, se(α) and se(β) are 7× those in weeks, se(r), se(s) unchanged", () => {
    // 1 week = 7 days: α and β are times (scale parameters of the rates' Gamma laws), r and s are shapes.
    const days = fitParetoNbd(rows.map((c) => ({ ...c, recency: c.recency * 7, T: c.T * 7 })));
    for (const k of ["r", "alpha", "s", "beta"] as const) {
      expect(fit.standardErrors[k]).toBeGreaterThan(0);
      const factor = k === "alpha" || k === "beta" ? 7 : 1;
      expect(Math.abs(days.standardErrors[k] / (factor * fit.standardErrors[k]) - 1), k).toBeLessThan(1e-3);
    }
  });

  it("gives conditional expectations and P(alive) that behave as the model says", () => {
    // A customer with no repeat purchase may have died (P(alive) < 1, unlike BG/NBD) …
    const quiet = paretoNbdProbabilityAlive(fit, { frequency: 0, recency: 0, T: 38.86 });
    expect(quiet).toBeGreaterThan(0);
    expect(quiet).toBeLessThan(1);
    // … a frequent buyer silent for 30 weeks is less likely alive than one who bought last week.
    const lapsed = paretoNbdProbabilityAlive(fit, { frequency: 7, recency: 8, T: 38 });
    const recent = paretoNbdProbabilityAlive(fit, { frequency: 7, recency: 37, T: 38 });
    expect(lapsed).toBeLessThan(recent);
    // Right after a purchase (tₓ = T), A₀ = 0 and the customer is certainly alive.
    expect(paretoNbdProbabilityAlive(fit, { frequency: 3, recency: 20, T: 20 })).toBe(1);
    // E[Y(t) | tₓ = T] = (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] in closed form.
    const { r, alpha, s, beta } = fit;
    const closed = (((r + 3) * (beta + 20)) / ((alpha + 20) * (s - 1))) * (1 - ((beta + 20) / (beta + 59)) ** (s - 1));
    expect(paretoNbdConditionalExpectedPurchases(fit, 39, { frequency: 3, recency: 20, T: 20 })).toBeCloseTo(
      closed,
      12,
    );
    expect(paretoNbdConditionalExpectedPurchases(fit, 0, { frequency: 3, recency: 2, T: 20 })).toBe(0);
  });

  it("forecasts the 39-week holdout within 1.5% of the BG/NBD forecast, as the two models agree on CDNOW", () => {
    // Fader, Hardie & Lee (2005) find the BG/NBD's forecasts practically identical to the Pareto/NBD's
    // on CDNOW; both fall below the 1,882 holdout purchase days of the sample by about 12%.
    const split = rfmSummary(cdnowSample(), {
      observationEnd: "1998-06-30",
      calibrationEnd: "1997-09-30",
      period: "week",
    });
    const actual = split.reduce((n, c) => n + (c.frequencyHoldout ?? 0), 0);
    expect(actual).toBe(1_882);
    const bg = fitBgNbd(split);
    const pareto = split.reduce((n, c) => n + paretoNbdConditionalExpectedPurchases(fit, 39, c), 0);
    const bgnbd = split.reduce((n, c) => n + conditionalExpectedPurchases(bg, 39, c), 0);
    expect(Math.abs(pareto / bgnbd - 1)).toBeLessThan(0.015);
    expect(pareto / actual).toBeGreaterThan(0.85);
    expect(pareto / actual).toBeLessThan(0.95);
  }, 30_000);
});

describe("fitParetoNbd refusals", () => {
  it("refuses data without repeat purchases with a typed NOT_CONVERGED, not NaN", () => {
    expect(() =>
      fitParetoNbd([
        { frequency: 0, recency: 0, T: 5 },
        { frequency: 0, recency: 0, T: 7 },
      ]),
    ).toThrow(OperationError);
    expect(() => fitParetoNbd([{ frequency: 0, recency: 0, T: 5 }])).toThrow(/nobody made a repeat purchase/);
  });
  it("refuses a bad row and bad parameters with the path", () => {
    expect(() => fitParetoNbd([{ frequency: 1, recency: 9, T: 5 }])).toThrow(/0\.recency: expected recency ≤ T/);
    expect(() =>
      paretoNbdProbabilityAlive({ r: 1, alpha: 1, s: 0, beta: 1 }, { frequency: 0, recency: 0, T: 1 }),
    ).toThrow(LoyaltyValidationError);
  });
});
