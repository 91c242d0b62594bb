import { guardInputs } from "../../core/guard.js";
import { paretoConditional } from "./_lib/paretoNbd.js";
import { readHistory, readNonNegative } from "./_lib/read.js";
import { type ParetoNbdParams, readParetoNbdParams } from "./fitParetoNbd.js";
import type { CustomerHistory } from "./schemas.js";

/**
 * Expected number of purchases in the next `t` periods of a customer with history (x, tₓ, T) under
 * the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987; Fader & Hardie 2005 note, eq. 21):
 * E[Y(t)] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive), with its limit at s = 1.
 *
 * @param params - Pareto/NBD parameters (a {@link ParetoNbdFit} works too).
 * @param t - Length of the future period, ≥ 0, in the unit of `T`.
 * @param customer - `{ frequency, recency, T }` of the customer.
 * @returns The expected number of purchases (≥ 0).
 * @throws {LoyaltyValidationError} when a parameter, `t` or the customer's history is invalid.
 * @example
 * ```ts
 * import { paretoNbdConditionalExpectedPurchases } from "loyalty-kit";
 * const cdnow = { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 };
 * const next39 = paretoNbdConditionalExpectedPurchases(cdnow, 39, { frequency: 2, recency: 30.43, T: 38.86 });
 * console.log(next39 > 0); // true
 * ```
 * @category analytics
 */
export function paretoNbdConditionalExpectedPurchases(
  params: ParetoNbdParams,
  t: number,
  customer: CustomerHistory,
): number {
  return guardInputs("paretoNbdConditionalExpectedPurchases", { params, t, customer }, () =>
    paretoNbdConditionalExpectedPurchasesUnguarded(params, t, customer),
  );
}

// Alike in shape to the other lifetime functions' first lines (see customerLifetimeValue.ts): each
// reads its arguments through the module's one set of readers before computing.
function paretoNbdConditionalExpectedPurchasesUnguarded(
  params: ParetoNbdParams,
  t: number,
  customer: CustomerHistory,
): number {
  const what = "paretoNbdConditionalExpectedPurchases";
  const p = readParetoNbdParams(params, what);
  const time = readNonNegative(t, "t", what);
  const h = readHistory(customer, "customer", false, what);
  return paretoConditional(p, h.frequency, h.recency, h.T, time);
}
