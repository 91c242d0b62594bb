import { describe, expect, it } from "vitest";
import { bgNbdLogLikelihood, fitBgNbd, LoyaltyValidationError, OperationError } from "../../../src/index.js";
import { cdnowSummary } from "./_cdnow.js";

const cdnow = cdnowSummary();

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("fitBgNbd on CDNOW", () => {
  const fit = fitBgNbd(cdnow);

  // Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2), §5:
  // r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
  it("reproduces the published parameters to the published three decimals", () => {
    expect(Math.abs(fit.r - 0.243)).toBeLessThan(0.0005);
    expect(Math.abs(fit.alpha - 4.414)).toBeLessThan(0.0005);
    expect(Math.abs(fit.a - 0.793)).toBeLessThan(0.0005);
    expect(Math.abs(fit.b - 2.426)).toBeLessThan(0.0005);
  });

  // The lifetimes package's Quickstart (docs/Quickstart.md, `bgf.summary` on this CDNOW summary) prints
  // se(coef) r 0.012557, alpha 0.378221, a 0.185719, b 0.705345 for its fit r 0.242593, alpha 4.413532,
  // a 0.792886, b 2.425752; ours agree to the printed six decimals (within 1e-6: a wrong Hessian, a
  // missing delta-method factor or a variance off by n fails by orders of magnitude more).
  it("gives the standard errors lifetimes prints for this fit, to their six printed decimals", () => {
    const published = { r: 0.012557, alpha: 0.378221, a: 0.185719, b: 0.705345 };
    for (const k of ["r", "alpha", "a", "b"] as const)
      expect(Math.abs(fit.standardErrors[k] - published[k]), k).toBeLessThan(1e-6);
  });

  it("with a penalizer pulls the parameters towards 0 (lifetimes' L2 penalizer_coef), and refuses a negative one", () => {
    const penalized = fitBgNbd(cdnow, { penalizer: 0.1 });
    // The penalty c·Σθ² (θ in time scaled so the longest T is 10) lowers the penalized parameters' sum of squares.
    const sq = (f: typeof fit) => f.r ** 2 + (f.alpha * (38.86 / 10)) ** 2 + f.a ** 2 + f.b ** 2;
    expect(sq(penalized)).toBeLessThan(sq(fit));
    expect(penalized.logLikelihood).toBeLessThan(fit.logLikelihood);
    expect(thrown(() => fitBgNbd(cdnow, { penalizer: -1 }))).toBeInstanceOf(LoyaltyValidationError);
  });

  it("reproduces the published log-likelihood −9582.4 to one decimal", () => {
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(0.05);
    expect(fit.customers).toBe(2357);
    expect(fit.evaluations).toBeGreaterThan(50);
  });

  it("reports the log-likelihood of its own parameters", () => {
    expect(fit.logLikelihood).toBeCloseTo(bgNbdLogLikelihood(fit, cdnow), 8);
  });

  it("does not depend on the time unit: days instead of weeks multiply α by 7 and shift ℓ by −Σx·ln 7", () => {
    const days = fitBgNbd(cdnow.map((c) => ({ frequency: c.frequency, recency: c.recency * 7, T: c.T * 7 })));
    const repeatPurchases = cdnow.reduce((s, c) => s + c.frequency, 0);
    expect(days.alpha / 7).toBeCloseTo(fit.alpha, 4);
    expect(days.r).toBeCloseTo(fit.r, 5);
    expect(days.a).toBeCloseTo(fit.a, 4);
    expect(days.b).toBeCloseTo(fit.b, 3);
    expect(days.logLikelihood).toBeCloseTo(fit.logLikelihood - repeatPurchases * Math.log(7), 5);
  });

  it("accepts any iterable (a generator) and leaves frozen input untouched", () => {
    const frozen = Object.freeze(cdnow.map((c) => Object.freeze({ ...c })));
    function* rows() {
      yield* frozen;
    }
    const again = fitBgNbd(rows());
    expect(again.r).toBe(fit.r);
    expect(frozen[0]).toEqual(cdnow[0]);
  });
});

describe("fitBgNbd input checks", () => {
  const ok = { frequency: 2, recency: 30.43, T: 38.86 };

  it("names the row index and field of a fractional frequency", () => {
    const e = thrown(() => fitBgNbd([ok, { frequency: 1.5, recency: 3, T: 10 }]));
    expect(e).toBeInstanceOf(LoyaltyValidationError);
    expect((e as LoyaltyValidationError).issues[0]?.path).toEqual([1, "frequency"]);
    expect((e as LoyaltyValidationError).message).toContain("non-negative integer");
  });

  it.each([
    [{ frequency: -1, recency: 0, T: 5 }, "frequency"],
    [{ frequency: 2, recency: 12, T: 10 }, "recency"],
    [{ frequency: 0, recency: 3, T: 10 }, "recency"],
    [{ frequency: 2, recency: Number.NaN, T: 10 }, "recency"],
    [{ frequency: 2, recency: 1, T: Number.POSITIVE_INFINITY }, "T"],
    [{ frequency: 2, recency: 1 }, "T"],
    [{ frequency: "2", recency: 1, T: 3 }, "frequency"],
  ])("rejects %o at its field", (row, fieldName) => {
    const e = thrown(() => fitBgNbd([ok, ok, row as never]));
    expect(e).toBeInstanceOf(LoyaltyValidationError);
    expect((e as LoyaltyValidationError).issues.map((i) => i.path)).toContainEqual([2, fieldName]);
  });

  it("rejects a row that is not an object, an empty summary and a non-iterable", () => {
    expect((thrown(() => fitBgNbd([ok, null as never])) as LoyaltyValidationError).issues[0]?.path).toEqual([1]);
    expect(thrown(() => fitBgNbd([]))).toBeInstanceOf(LoyaltyValidationError);
    expect(thrown(() => fitBgNbd(42 as never))).toBeInstanceOf(LoyaltyValidationError);
  });

  it("rejects unknown and invalid options", () => {
    expect(thrown(() => fitBgNbd([ok], { maxEvaluations: 0 }))).toBeInstanceOf(LoyaltyValidationError);
    expect(thrown(() => fitBgNbd([ok], { tolerance: 1 } as never))).toBeInstanceOf(LoyaltyValidationError);
  });
});

describe("fitBgNbd when the search does not converge", () => {
  it("throws NOT_CONVERGED with the last parameters when the evaluation budget is too small", () => {
    const e = thrown(() => fitBgNbd(cdnow, { maxEvaluations: 20 }));
    expect(e).toBeInstanceOf(OperationError);
    expect((e as OperationError).code).toBe("NOT_CONVERGED");
    const last = (e as OperationError).details["lastParameters"] as Record<string, number>;
    expect(Object.keys(last).sort()).toEqual(["a", "alpha", "b", "r"]);
    for (const v of Object.values(last)) expect(Number.isFinite(v) && v > 0).toBe(true);
    expect((e as OperationError).details["evaluations"]).toBeGreaterThanOrEqual(20);
    // The reported log-likelihood belongs to those parameters, in the caller's time unit.
    expect((e as OperationError).details["logLikelihood"]).toBeCloseTo(bgNbdLogLikelihood(last as never, cdnow), 6);
  });

  it("throws NOT_CONVERGED when nobody made a repeat purchase (the likelihood has no maximum)", () => {
    const e = thrown(() => fitBgNbd(Array.from({ length: 50 }, (_, i) => ({ frequency: 0, recency: 0, T: 10 + i }))));
    expect(e).toBeInstanceOf(OperationError);
    expect((e as OperationError).code).toBe("NOT_CONVERGED");
    expect((e as OperationError).message).toContain("nobody made a repeat purchase");
    // …also when every T is 0, where the likelihood is flat rather than unbounded.
    const flat = thrown(() =>
      fitBgNbd([
        { frequency: 0, recency: 0, T: 0 },
        { frequency: 0, recency: 0, T: 0 },
      ]),
    );
    expect((flat as OperationError).code).toBe("NOT_CONVERGED");
  });

  it("throws NOT_CONVERGED when the parameters run off to the boundary (a single customer)", () => {
    const e = thrown(() => fitBgNbd([{ frequency: 3, recency: 5, T: 6 }], { maxEvaluations: 3000 }));
    expect(e).toBeInstanceOf(OperationError);
    expect((e as OperationError).code).toBe("NOT_CONVERGED");
  });
});
