import { describe, expect, it } from "vitest";
import { fitGammaGamma, LoyaltyValidationError, rfmSummary } from "../../../src/index.js";
import { cdnowMaster } from "../_cdnow.js";

describe("fitGammaGamma with zero-spend repeat customers (the CDNOW master file)", () => {
  // CDNOW master (Fader, Hardie & Lee 2005): 80 purchases of $0.00; over 1997-01-01 .. 1998-06-30 one
  // repeat customer, id 10244 (its 10,243rd row), has only zero-value repeat purchases: monetary 0.
  const rows = rfmSummary(cdnowMaster(), { observationEnd: "1998-06-30", period: "week" });

  it("refuses by default, naming the customer id beside the row index", () => {
    expect(() => fitGammaGamma(rows)).toThrow(LoyaltyValidationError);
    expect(() => fitGammaGamma(rows)).toThrow(
      /fitGammaGamma: 10243\.monetary: expected a finite positive mean spend .* got 0 \(customer 10244\)/,
    );
  });

  it('leaves them out with nonPositiveSpend: "exclude", reports the count, and fits the rest exactly', () => {
    const fit = fitGammaGamma(rows, { nonPositiveSpend: "exclude" });
    expect(fit.excluded).toBe(1);
    // 11,516 customers have a repeat purchase; one is left out.
    expect(fit.customers).toBe(11_515);
    const without = fitGammaGamma(rows.filter((r) => r.customerId !== 10244));
    expect(fit.p).toBe(without.p);
    expect(fit.logLikelihood).toBe(without.logLikelihood);
    expect(without.excluded).toBeUndefined();
  });

  it("refuses an unknown choice and a summary where nothing is left", () => {
    expect(() => fitGammaGamma(rows, { nonPositiveSpend: "drop" as "exclude" })).toThrow(
      /options\.nonPositiveSpend: expected "refuse" or "exclude", got "drop"/,
    );
    expect(() =>
      fitGammaGamma([{ frequency: 1, recency: 1, T: 2, monetary: 0 }], { nonPositiveSpend: "exclude" }),
    ).toThrow(/every one of the 1 customers has a zero or negative mean spend/);
  });
});
