import { guardInputs } from "../../core/guard.js";
import { aliveProbability } from "./_lib/bgNbd.js";
import { readBgNbdParams, readHistory } from "./_lib/read.js";
import type { BgNbdParams, CustomerHistory } from "./schemas.js";

/**
 * Probability that a customer is still "alive" (has not dropped out) at the end of observation, given
 * their history (BG/NBD; Fader, Hardie & Lee 2008, "Computing P(alive) using the BG/NBD model", note 021).
 *
 * P(alive | x, tₓ, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)). In BG/NBD a customer can only
 * drop out right after a repeat purchase, so a customer with no repeat purchase (x = 0) is alive with
 * probability 1. Evaluated as a logistic function of the log-odds, so it never overflows.
 *
 * @param params - BG/NBD parameters (a {@link BgNbdFit} works too).
 * @param customer - `{ frequency, recency, T }` of the customer.
 * @returns A probability in [0, 1].
 * @throws {LoyaltyValidationError} when a parameter or the customer's history is invalid.
 * @example
 * ```ts
 * import { probabilityAlive } from "loyalty-kit";
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * // 7 repeat purchases, the last one 9 weeks before the end: probably gone.
 * console.log(probabilityAlive(cdnow, { frequency: 7, recency: 29.43, T: 38.86 }).toFixed(2));
 * ```
 * @category analytics
 */
export function probabilityAlive(params: BgNbdParams, customer: CustomerHistory): number {
  return guardInputs("probabilityAlive", { params, customer }, () => probabilityAliveUnguarded(params, customer));
}

function probabilityAliveUnguarded(params: BgNbdParams, customer: CustomerHistory): number {
  const what = "probabilityAlive";
  const p = readBgNbdParams(params, what);
  const h = readHistory(customer, "customer", false, what);
  return aliveProbability(p, h.frequency, h.recency, h.T);
}
