import { guardInputs } from "../../core/guard.js";
import { conditionalExpectation } from "./_lib/bgNbd.js";
import { readBgNbdParams, readNonNegative } from "./_lib/read.js";
import type { BgNbdParams } from "./schemas.js";

/**
 * Expected number of repeat purchases in a period of length `t` by a customer picked at random from
 * the population (BG/NBD, Fader, Hardie & Lee 2005, eq. 9).
 *
 * E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b; a+b−1; t/(α+t))], with the Gauss hypergeometric
 * function 2F1 evaluated to about 1e-13 relative. Increases with `t`. For the CDNOW fit it gives 1.0405
 * repeat purchases in the first 31.8571 weeks (Hardie's BG/NBD spreadsheet).
 *
 * @param params - BG/NBD parameters (a {@link BgNbdFit} works too).
 * @param t - Length of the period, in the time unit of the fit (≥ 0).
 * @returns The expected number of repeat purchases (≥ 0).
 * @throws {LoyaltyValidationError} when a parameter is not finite and positive, or `t` is negative or not finite.
 * @example
 * ```ts
 * import { expectedPurchases } from "loyalty-kit";
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * console.log(expectedPurchases(cdnow, 52).toFixed(3)); // about 1.4 repeat purchases in a year (weeks)
 * ```
 * @category analytics
 */
export function expectedPurchases(params: BgNbdParams, t: number): number {
  return guardInputs("expectedPurchases", { params, t }, () => expectedPurchasesUnguarded(params, t));
}

function expectedPurchasesUnguarded(params: BgNbdParams, t: number): number {
  const what = "expectedPurchases";
  const p = readBgNbdParams(params, what);
  const time = readNonNegative(t, "t", what);
  return conditionalExpectation(p, 0, 0, 0, time);
}
