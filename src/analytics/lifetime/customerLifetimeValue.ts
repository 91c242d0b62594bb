import { guardInputs } from "../../core/guard.js";
import { describe as previewValue } from "./_lib/check.js";
import { LoyaltyValidationError } from "../../errors/errors.js";
import { conditionalExpectation } from "./_lib/bgNbd.js";
import { readBgNbdParams, readGammaGammaParams, readHistory } from "./_lib/read.js";
import { conditionalExpectedAverageValue } from "./conditionalExpectedAverageValue.js";
import type { BgNbdParams, CustomerHistory, GammaGammaParams } from "./schemas.js";

/**
 * How to discount: `horizon` discount periods (e.g. 12 months), a `discountRate` per discount period
 * (e.g. 0.01 per month ≈ 12.7% a year), and `unitsPerPeriod`, the number of the summary's time units in
 * one discount period (4.345 weeks per month, 30 days per month — the factors the `lifetimes` package
 * uses; there is no default because the summary does not know its unit).
 *
 * @example
 * ```ts
 * import type { LifetimeValueOptions } from "loyalty-kit";
 * const monthlyForAYear: LifetimeValueOptions = { horizon: 12, discountRate: 0.01, unitsPerPeriod: 4.345 };
 * console.log(monthlyForAYear.horizon);
 * ```
 * @category analytics
 */
export interface LifetimeValueOptions {
  readonly horizon: number;
  readonly discountRate: number;
  readonly unitsPerPeriod: number;
}

/** Most discount periods {@link customerLifetimeValue} sums (each costs a hypergeometric series). */
const MAX_HORIZON = 10_000;

function readOptions(options: unknown, what: string): LifetimeValueOptions {
  if (typeof options !== "object" || options === null) {
    throw new LoyaltyValidationError(
      [
        {
          path: ["options"],
          message: `expected { horizon, discountRate, unitsPerPeriod }, got ${previewValue(options)}`,
        },
      ],
      what,
    );
  }
  const o = options as Record<string, unknown>;
  const issues = [];
  for (const key of Object.keys(o)) {
    if (key !== "horizon" && key !== "discountRate" && key !== "unitsPerPeriod")
      issues.push({
        path: ["options", key],
        message: "unknown option; expected horizon, discountRate, unitsPerPeriod",
      });
  }
  const { horizon, discountRate, unitsPerPeriod } = o;
  if (typeof horizon !== "number" || !Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON) {
    issues.push({
      path: ["options", "horizon"],
      message: `expected an integer number of discount periods from 1 to ${MAX_HORIZON} (use longer periods for a longer horizon), got ${previewValue(horizon)}`,
    });
  }
  if (typeof discountRate !== "number" || !Number.isFinite(discountRate) || discountRate < 0) {
    issues.push({
      path: ["options", "discountRate"],
      message: `expected a finite rate ≥ 0 per discount period (0.01 = 1%), got ${previewValue(discountRate)}`,
    });
  }
  if (typeof unitsPerPeriod !== "number" || !Number.isFinite(unitsPerPeriod) || unitsPerPeriod <= 0) {
    issues.push({
      path: ["options", "unitsPerPeriod"],
      message: `expected a finite positive number of time units per discount period (4.345 weeks per month), got ${previewValue(unitsPerPeriod)}`,
    });
  }
  if (issues.length > 0) throw new LoyaltyValidationError(issues, what);
  return { horizon: horizon as number, discountRate: discountRate as number, unitsPerPeriod: unitsPerPeriod as number };
}

/**
 * A customer's lifetime value over a horizon: expected purchases per discount period (BG/NBD) times the
 * expected spend per purchase (Gamma-Gamma), discounted — the method of the `lifetimes` package's
 * `customer_lifetime_value`.
 *
 * With u = `unitsPerPeriod`, d = `discountRate`, H = `horizon` and E(t) the customer's
 * {@link conditionalExpectedPurchases} over the next t time units:
 * CLV = Σ_{i=1..H} m̃ · (E(i·u) − E((i−1)·u)) / (1 + d)^i, where m̃ is the
 * {@link conditionalExpectedAverageValue}. Purchases in period i are discounted by the full period
 * (end-of-period convention). `horizon` is at most 10,000 periods (the work grows with it; use a
 * longer period, e.g. years, for a longer horizon). The result is in the unit of `monetary` (revenue or margin, whichever the
 * summary holds). It is a model estimate (a JavaScript number): round it at the edge and never post it
 * to a ledger.
 *
 * @param purchases - BG/NBD parameters (a {@link BgNbdFit} works too).
 * @param spend - Gamma-Gamma parameters (a {@link GammaGammaFit} works too).
 * @param customer - `{ frequency, recency, T, monetary }` (monetary > 0 when frequency > 0).
 * @param options - `{ horizon, discountRate, unitsPerPeriod }`, see {@link LifetimeValueOptions}.
 * @returns The discounted expected value of the customer's purchases over the horizon.
 * @throws {LoyaltyValidationError} when a parameter, the history or an option is invalid (the path names it).
 * @example
 * ```ts
 * import { customerLifetimeValue } from "loyalty-kit";
 * const purchases = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const spend = { p: 6.25, q: 3.74, v: 15.44 };
 * const clv = customerLifetimeValue(purchases, spend, { frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 }, {
 *   horizon: 12, // months
 *   discountRate: 0.01, // per month
 *   unitsPerPeriod: 4.345, // weeks per month
 * });
 * console.log(clv.toFixed(2));
 * ```
 * @category analytics
 */
export function customerLifetimeValue(
  purchases: BgNbdParams,
  spend: GammaGammaParams,
  customer: CustomerHistory,
  options: LifetimeValueOptions,
): number {
  return guardInputs("customerLifetimeValue", { purchases, spend, customer, options }, () =>
    customerLifetimeValueUnguarded(purchases, spend, customer, options),
  );
}

// Deliberately alike in shape to the other lifetime functions' first lines: each reads its
// arguments through the module's one set of readers (_lib/check.ts, _lib/read.ts) before computing.
function customerLifetimeValueUnguarded(
  purchases: BgNbdParams,
  spend: GammaGammaParams,
  customer: CustomerHistory,
  options: LifetimeValueOptions,
): number {
  const what = "customerLifetimeValue";
  const bg = readBgNbdParams(purchases, what);
  readGammaGammaParams(spend, what);
  const h = readHistory(customer, "customer", true, what);
  const { horizon, discountRate, unitsPerPeriod } = readOptions(options, what);
  const valuePerPurchase = conditionalExpectedAverageValue(spend, customer);
  let total = 0;
  let previous = 0;
  for (let i = 1; i <= horizon; i++) {
    const cumulative = conditionalExpectation(bg, h.frequency, h.recency, h.T, i * unitsPerPeriod);
    total += (valuePerPurchase * (cumulative - previous)) / (1 + discountRate) ** i;
    previous = cumulative;
  }
  return total;
}
