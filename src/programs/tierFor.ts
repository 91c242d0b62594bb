import type DecimalJs from "decimal.js";
import { toDecimal } from "../money/money.js";
import type { Tier } from "./program.js";

/**
 * The tier a customer is in: the highest tier whose threshold is ≤ the accumulated spend.
 *
 * The rule of cumulative discount programs (seed 003: "the discount grows with the amount of
 * purchases"; DESIGN.md, "Tier choice"). Tiers may be given in any order. A spend below every
 * threshold gets no tier (`undefined`). Monotone: more spend never gives a lower tier.
 *
 * @param tiers - the program's tiers
 * @param spend - the accumulated spend (a decimal string, Decimal or integer number)
 * @returns the tier, or `undefined` when the spend is below every threshold
 * @throws {LoyaltyValidationError} when `spend` is not a finite decimal
 * @category programs
 * @example
 * ```ts
 * import { tierFor } from "loyalty-kit";
 * const tiers = [
 *   { name: "Gold", threshold: "5000", percent: "10" },
 *   { name: "Bronze", threshold: "0", percent: "0" },
 *   { name: "Silver", threshold: "1000", percent: "5" },
 * ];
 * console.log(tierFor(tiers, "4900")?.name, tierFor(tiers, "5100")?.name); // Silver Gold
 * ```
 */
export function tierFor(tiers: readonly Tier[], spend: string | number | DecimalJs): Tier | undefined {
  const s = toDecimal(spend, { path: ["spend"], integerNumbersOnly: true });
  let best: Tier | undefined;
  let bestThreshold: DecimalJs | undefined;
  for (const t of tiers) {
    const threshold = toDecimal(t.threshold, { path: ["tiers", "threshold"] });
    if (threshold.lte(s) && (bestThreshold === undefined || threshold.gt(bestThreshold))) {
      best = t;
      bestThreshold = threshold;
    }
  }
  return best;
}
