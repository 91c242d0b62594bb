import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bgNbdLogLikelihood,
  conditionalExpectedPurchases,
  customerLifetimeValue,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  LoyaltyError,
  parseBgNbdParams,
  parseGammaGammaParams,
  probabilityAlive,
  probabilityOfPurchases,
  safeParseBgNbdParams,
  safeParseGammaGammaParams,
} from "../../../src/index.js";
import { cdnowWithMonetary } from "./_cdnow.js";

// Parameters drawn log-uniformly over [0.05, 20] (α over [0.5, 50]): the range real fits land in.
const logUniform = (lo: number, hi: number) =>
  fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map(Math.exp);
const bgParams = fc.record({
  r: logUniform(0.05, 20),
  alpha: logUniform(0.5, 50),
  a: logUniform(0.05, 20),
  b: logUniform(0.05, 20),
});
const history = fc
  .record({
    frequency: fc.integer({ min: 0, max: 60 }),
    T: fc.double({ min: 0.5, max: 200, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ frequency, T, share }) => ({ frequency, T, recency: frequency === 0 ? 0 : share * T }));

describe("BG/NBD predictions", () => {
  it("P(alive) is in [0, 1], and exactly 1 without repeat purchases", () => {
    fc.assert(
      fc.property(bgParams, history, (params, h) => {
        const p = probabilityAlive(params, h);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        if (h.frequency === 0) expect(p).toBe(1);
      }),
    );
  });

  it("P(alive) does not fall when the last purchase is more recent (same x and T)", () => {
    fc.assert(
      fc.property(bgParams, history, fc.double({ min: 0, max: 1, noNaN: true }), (params, h, later) => {
        fc.pre(h.frequency > 0);
        const moved = { ...h, recency: h.recency + later * (h.T - h.recency) };
        expect(probabilityAlive(params, moved)).toBeGreaterThanOrEqual(probabilityAlive(params, h) * (1 - 1e-12));
      }),
    );
  });

  it("expectedPurchases is non-negative and increases with t, across the 2F1 series/transformation switch", () => {
    fc.assert(
      fc.property(
        bgParams,
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (params, u, w) => {
          const [t1, t2] = [Math.min(u, w) * params.alpha, Math.max(u, w) * params.alpha];
          const e1 = expectedPurchases(params, t1);
          const e2 = expectedPurchases(params, t2);
          expect(e1).toBeGreaterThanOrEqual(0);
          expect(e2).toBeGreaterThanOrEqual(e1 - 1e-9 * Math.max(1, e1));
        },
      ),
    );
  });

  it("conditionalExpectedPurchases is non-negative and increases with t", () => {
    fc.assert(
      fc.property(
        bgParams,
        history,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (params, h, u, w) => {
          const e1 = conditionalExpectedPurchases(params, Math.min(u, w), h);
          const e2 = conditionalExpectedPurchases(params, Math.max(u, w), h);
          expect(e1).toBeGreaterThanOrEqual(0);
          expect(e2).toBeGreaterThanOrEqual(e1 - 1e-9 * Math.max(1, e1));
        },
      ),
    );
  });

  // Eq. 8 (the distribution) and eq. 9 (the mean) are separate formulas; they must agree: the
  // probabilities sum to 1 and Σ n·P(X(t) = n) = E[X(t)]. Each run sums up to a few hundred terms of an
  // O(n) formula: 1,000 runs (the suite's usual depth) take about 1 s of CPU.
  it("probabilityOfPurchases sums to 1 over n and has mean expectedPurchases", () => {
    const moderate = fc.record({
      r: logUniform(0.2, 5),
      alpha: logUniform(1, 20),
      a: logUniform(0.3, 5),
      b: logUniform(0.3, 5),
    });
    fc.assert(
      fc.property(moderate, fc.double({ min: 0.1, max: 3, noNaN: true }), (params, relative) => {
        const t = relative * params.alpha;
        let total = 0;
        let mean = 0;
        for (let n = 0; n < 2000 && 1 - total > 1e-12; n++) {
          const p = probabilityOfPurchases(params, t, n);
          total += p;
          mean += n * p;
        }
        expect(total).toBeCloseTo(1, 9);
        expect(Math.abs(mean - expectedPurchases(params, t))).toBeLessThan(1e-6 * Math.max(1, mean));
      }),
    );
  });
});

describe("fits are maxima", () => {
  const rows = cdnowWithMonetary();
  const bg = fitBgNbd(rows);
  const gg = fitGammaGamma(rows);
  const nudge = fc.double({ min: -0.05, max: 0.05, noNaN: true });

  it("the BG/NBD log-likelihood at the fit is ≥ at any nearby parameters", () => {
    fc.assert(
      fc.property(nudge, nudge, nudge, nudge, (dr, dAlpha, da, db) => {
        const moved = {
          r: bg.r * Math.exp(dr),
          alpha: bg.alpha * Math.exp(dAlpha),
          a: bg.a * Math.exp(da),
          b: bg.b * Math.exp(db),
        };
        expect(bgNbdLogLikelihood(moved, rows)).toBeLessThanOrEqual(bg.logLikelihood + 1e-7);
      }),
    );
  });

  it("the Gamma-Gamma log-likelihood at the fit is ≥ at any nearby parameters", () => {
    fc.assert(
      fc.property(nudge, nudge, nudge, (dp, dq, dv) => {
        const moved = { p: gg.p * Math.exp(dp), q: gg.q * Math.exp(dq), v: gg.v * Math.exp(dv) };
        expect(gammaGammaLogLikelihood(moved, rows)).toBeLessThanOrEqual(gg.logLikelihood + 1e-7);
      }),
    );
  });

  it("CLV is non-negative and does not grow with the discount rate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: rows.length - 1 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (i, d1, d2) => {
          const c = rows[i] as (typeof rows)[number];
          const at = (d: number) =>
            customerLifetimeValue(bg, gg, c, { horizon: 6, discountRate: d, unitsPerPeriod: 4.345 });
          const [low, high] = [Math.min(d1, d2), Math.max(d1, d2)];
          expect(at(high)).toBeGreaterThanOrEqual(0);
          expect(at(high)).toBeLessThanOrEqual(at(low) * (1 + 1e-12));
        },
      ),
    );
  });
});

describe("fuzzing the inputs", () => {
  const isLoyaltyError = (f: () => unknown): boolean => {
    try {
      f();
      return true;
    } catch (e) {
      return e instanceof LoyaltyError;
    }
  };

  it("parse… return valid parameters or throw a LoyaltyError; safeParse… never throw", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.json().map((j) => JSON.parse(j) as unknown),
        ),
        (input) => {
          expect(isLoyaltyError(() => parseBgNbdParams(input))).toBe(true);
          expect(isLoyaltyError(() => parseGammaGammaParams(input))).toBe(true);
          expect(typeof safeParseBgNbdParams(input).success).toBe("boolean");
          expect(typeof safeParseGammaGammaParams(input).success).toBe("boolean");
          try {
            const p = parseBgNbdParams(input);
            for (const v of [p.r, p.alpha, p.a, p.b]) expect(Number.isFinite(v) && v > 0).toBe(true);
          } catch {
            // rejected: fine
          }
        },
      ),
    );
  });

  it("the prediction functions answer or throw a LoyaltyError, never a silent NaN", () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (customer, t) => {
        for (const f of [
          () => probabilityAlive(params, customer as never),
          () => conditionalExpectedPurchases(params, t as never, customer as never),
        ]) {
          try {
            const v = f();
            expect(Number.isFinite(v)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(LoyaltyError);
          }
        }
      }),
    );
  });

  it("fitBgNbd rejects any malformed summary with a LoyaltyError", () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { minLength: 1, maxLength: 5 }), (summary) => {
        fc.pre(!summary.every((row) => typeof row === "object" && row !== null));
        expect(isLoyaltyError(() => fitBgNbd(summary as never))).toBe(true);
      }),
    );
  });
});
