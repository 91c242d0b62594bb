import { guardInputs } from "../../core/guard.js";
import { paretoAlive } from "./_lib/paretoNbd.js";
import { readHistory } from "./_lib/read.js";
import { type ParetoNbdParams, readParetoNbdParams } from "./fitParetoNbd.js";
import type { CustomerHistory } from "./schemas.js";

/**
 * Probability that a customer is still alive at the end of observation under the Pareto/NBD model
 * (Fader & Hardie 2005, "A note on deriving the Pareto/NBD model and related expressions", eq. 18):
 * P(alive | x, tₓ, T) = 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A₀). Unlike BG/NBD, a customer
 * without a repeat purchase may also have dropped out. Evaluated from the log-odds, so it never overflows.
 *
 * @param params - Pareto/NBD parameters (a {@link ParetoNbdFit} works too).
 * @param customer - `{ frequency, recency, T }` of the customer.
 * @returns A probability in [0, 1].
 * @throws {LoyaltyValidationError} when a parameter or the customer's history is invalid.
 * @example
 * ```ts
 * import { paretoNbdProbabilityAlive } from "loyalty-kit";
 * const cdnow = { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 };
 * console.log(paretoNbdProbabilityAlive(cdnow, { frequency: 0, recency: 0, T: 38.86 }).toFixed(2)); // 0.29
 * ```
 * @category analytics
 */
export function paretoNbdProbabilityAlive(params: ParetoNbdParams, customer: CustomerHistory): number {
  return guardInputs("paretoNbdProbabilityAlive", { params, customer }, () =>
    paretoNbdProbabilityAliveUnguarded(params, customer),
  );
}

function paretoNbdProbabilityAliveUnguarded(params: ParetoNbdParams, customer: CustomerHistory): number {
  const what = "paretoNbdProbabilityAlive";
  const p = readParetoNbdParams(params, what);
  const h = readHistory(customer, "customer", false, what);
  return paretoAlive(p, h.frequency, h.recency, h.T);
}
