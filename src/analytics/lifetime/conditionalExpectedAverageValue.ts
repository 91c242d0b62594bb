import { guardInputs } from "../../core/guard.js";
import { LoyaltyValidationError } from "../../errors/errors.js";
import { readGammaGammaParams, readHistory } from "./_lib/read.js";
import type { CustomerHistory, GammaGammaParams } from "./schemas.js";

/**
 * A customer's expected spend per future transaction under the Gamma-Gamma model, given their repeat
 * purchases (Fader & Hardie 2013, "The Gamma-Gamma model of monetary value", eq. 5).
 *
 * E[M | x, m̄] = (q−1)/(px+q−1) · p·v/(q−1) + px/(px+q−1) · m̄ = p(v + x·m̄)/(px + q − 1): a weighted
 * average of the population mean p·v/(q−1) and the customer's own mean m̄, trusting m̄ more the more
 * repeat purchases there are. A customer with frequency 0 gets the population mean (m̄ is ignored).
 * On CDNOW, customer 1 (x = 2, m̄ = 22.35) gets $24.66 at p = 6.25, q = 3.74, v = 15.44 (Hardie's
 * spreadsheet lists 24.65 at its unrounded parameters; quoted by the `lifetimes` tests).
 *
 * @param params - Gamma-Gamma parameters (a {@link GammaGammaFit} works too).
 * @param customer - `{ frequency, recency, T, monetary }`; `monetary` is required (> 0) when frequency > 0.
 * @returns Expected value of one future transaction, in the unit of `monetary`.
 * @throws {LoyaltyValidationError} when a parameter or the history is invalid, or p·x + q ≤ 1 (no finite mean: q ≤ 1 with frequency 0).
 * @example
 * ```ts
 * import { conditionalExpectedAverageValue } from "loyalty-kit";
 * const spend = { p: 6.25, q: 3.74, v: 15.44 };
 * const value = conditionalExpectedAverageValue(spend, { frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 });
 * console.log(value.toFixed(2)); // 24.66
 * ```
 * @category analytics
 */
export function conditionalExpectedAverageValue(params: GammaGammaParams, customer: CustomerHistory): number {
  return guardInputs("conditionalExpectedAverageValue", { params, customer }, () =>
    conditionalExpectedAverageValueUnguarded(params, customer),
  );
}

function conditionalExpectedAverageValueUnguarded(params: GammaGammaParams, customer: CustomerHistory): number {
  const what = "conditionalExpectedAverageValue";
  const { p, q, v } = readGammaGammaParams(params, what);
  const h = readHistory(customer, "customer", true, what);
  const denominator = p * h.frequency + q - 1;
  if (!(denominator > 0)) {
    throw new LoyaltyValidationError(
      [
        {
          path: ["params", "q"],
          message: `expected p·frequency + q > 1 for a finite expected spend (q > 1 for a customer without repeat purchases), got q = ${q}`,
        },
      ],
      what,
    );
  }
  return (p * (v + h.frequency * h.monetary)) / denominator;
}
