import { guardInputs } from "../../core/guard.js";
import { conditionalExpectation } from "./_lib/bgNbd.js";
import { readBgNbdParams, readHistory, readNonNegative } from "./_lib/read.js";
import type { BgNbdParams, CustomerHistory } from "./schemas.js";

/**
 * Expected number of purchases a given customer makes in the next `t` time units, given their history
 * (BG/NBD, Fader, Hardie & Lee 2005, eq. 10).
 *
 * E[Y(t) | x, tₓ, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))]
 * / (1 + δ(x>0) a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)). The hypergeometric function is evaluated after Euler's
 * transformation (parameters stay small for large x) to about 1e-13 relative. On CDNOW, customer 1
 * (x = 2, tₓ = 30.43, T = 38.86) is expected to make 1.226 purchases in the next 39 weeks (Hardie's
 * spreadsheet, also in the tests of the `lifetimes` package).
 *
 * @param params - BG/NBD parameters (a {@link BgNbdFit} works too).
 * @param t - Length of the future period, in the time unit of the fit (≥ 0).
 * @param customer - `{ frequency, recency, T }` of the customer.
 * @returns The expected number of purchases in (T, T + t].
 * @throws {LoyaltyValidationError} when a parameter, `t` or the customer's history is invalid (the path names the field).
 * @example
 * ```ts
 * import { conditionalExpectedPurchases } from "loyalty-kit";
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const next39Weeks = conditionalExpectedPurchases(cdnow, 39, { frequency: 2, recency: 30.43, T: 38.86 });
 * console.log(next39Weeks.toFixed(3)); // 1.226
 * ```
 * @category analytics
 */
export function conditionalExpectedPurchases(params: BgNbdParams, t: number, customer: CustomerHistory): number {
  return guardInputs("conditionalExpectedPurchases", { params, t, customer }, () =>
    conditionalExpectedPurchasesUnguarded(params, t, customer),
  );
}

function conditionalExpectedPurchasesUnguarded(params: BgNbdParams, t: number, customer: CustomerHistory): number {
  const what = "conditionalExpectedPurchases";
  const p = readBgNbdParams(params, what);
  const time = readNonNegative(t, "t", what);
  const h = readHistory(customer, "customer", false, what);
  return conditionalExpectation(p, h.frequency, h.recency, h.T, time);
}
