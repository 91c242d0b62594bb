import { guardInputs } from "../core/guard.js";
import type DecimalJs from "decimal.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { toDecimal } from "../money/money.js";
import type { Tier } from "./program.js";

/**
 * The tier a customer is in: the highest tier whose threshold is ≤ the accumulated spend.
 *
 * The rule of cumulative discount programs: the discount grows with the amount of purchases.
 * Tiers may be given in any order. A spend below every
 * threshold gets no tier (`undefined`). Monotone: more spend never gives a lower tier.
 *
 * @param tiers - the program's tiers
 * @param spend - the accumulated spend (a decimal string, Decimal or integer number)
 * @returns the tier, or `undefined` when the spend is below every threshold
 * @throws {LoyaltyValidationError} when `tiers` is not an array of tiers (null, a hole or a non-object entry) or `spend` is not a finite decimal
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
  return guardInputs("tierFor", { tiers, spend }, () => tierForUnguarded(tiers, spend));
}

function tierForUnguarded(tiers: readonly Tier[], spend: string | number | DecimalJs): Tier | undefined {
  if (!Array.isArray(tiers))
    throw new LoyaltyValidationError([
      {
        path: ["tiers"],
        message: `expected an array of tiers ({ name, threshold, percent }), got ${tiers === null ? "null" : typeof tiers}`,
      },
    ]);
  const s = toDecimal(spend, { path: ["spend"], integerNumbersOnly: true });
  let best: Tier | undefined;
  let bestThreshold: DecimalJs | undefined;
  for (let i = 0; i < tiers.length; i++) {
    const t: Tier | undefined | null = tiers[i];
    if (typeof t !== "object" || t === null)
      throw new LoyaltyValidationError([
        {
          path: ["tiers", i],
          message: `expected a tier { name, threshold, percent }, got ${t === null ? "null" : i in tiers ? typeof t : "a hole in a sparse array"}`,
        },
      ]);
    const threshold = toDecimal(t.threshold, { path: ["tiers", i, "threshold"] });
    if (threshold.lte(s) && (bestThreshold === undefined || threshold.gt(bestThreshold))) {
      best = t;
      bestThreshold = threshold;
    }
  }
  return best;
}
