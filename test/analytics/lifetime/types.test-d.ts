import { describe, expectTypeOf, it } from "vitest";
import {
  conditionalExpectedPurchases,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  probabilityAlive,
  safeParseBgNbdParams,
  type BgNbdFit,
  type BgNbdParams,
  type CustomerHistory,
  type GammaGammaFit,
  type GammaGammaParams,
  type SafeParseResult,
} from "../../../src/index.js";

describe("lifetime types", () => {
  it("fits return the parameters plus the log-likelihood, and a fit is usable as parameters", () => {
    expectTypeOf(fitBgNbd).returns.toEqualTypeOf<BgNbdFit>();
    expectTypeOf<BgNbdFit>().toExtend<BgNbdParams>();
    expectTypeOf<BgNbdFit["logLikelihood"]>().toEqualTypeOf<number>();
    expectTypeOf(fitGammaGamma).returns.toEqualTypeOf<GammaGammaFit>();
    expectTypeOf<GammaGammaFit>().toExtend<GammaGammaParams>();
  });

  it("accepts any iterable of histories, with extra keys such as an id", () => {
    expectTypeOf(fitBgNbd).parameter(0).toEqualTypeOf<Iterable<CustomerHistory>>();
    const rows = new Set([{ id: "c1", frequency: 1, recency: 2, T: 3 }]);
    expectTypeOf(rows).toExtend<Iterable<CustomerHistory>>();
  });

  it("predictions return numbers", () => {
    expectTypeOf(probabilityAlive).returns.toEqualTypeOf<number>();
    expectTypeOf(conditionalExpectedPurchases).parameters.toEqualTypeOf<[BgNbdParams, number, CustomerHistory]>();
    expectTypeOf(customerLifetimeValue)
      .parameter(3)
      .toEqualTypeOf<{ readonly horizon: number; readonly discountRate: number; readonly unitsPerPeriod: number }>();
  });

  it("safe parse narrows on success", () => {
    expectTypeOf(safeParseBgNbdParams).returns.toEqualTypeOf<SafeParseResult<BgNbdParams>>();
    const r = safeParseBgNbdParams({});
    if (r.success) expectTypeOf(r.data).toEqualTypeOf<BgNbdParams>();
    else expectTypeOf(r.error.issues).not.toBeAny();
  });
});
