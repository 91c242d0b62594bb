import { guardInputs } from "../core/guard.js";
import { assertShare, ceilShare } from "./_lib/shares.js";
import { readShareValues, type ValueLike, type ValueOptions } from "./_lib/values.js";

/**
 * What {@link paretoShareFor} returns.
 *
 * @example
 * ```ts
 * import { paretoShareFor, type ParetoShareResult } from "loyalty-kit";
 * const r: ParetoShareResult = paretoShareFor([60, 20, 10, 10], { valueShare: 0.8 });
 * console.log(r.customerShare); // 0.5
 * ```
 * @category analytics
 */
export interface ParetoShareResult {
  /** Number of customers. */
  readonly n: number;
  /** Sum of all values (net). */
  readonly total: number;
  /** The share of value asked for. */
  readonly valueShare: number;
  /** The smallest number of customers whose values reach `valueShare` of the total. */
  readonly count: number;
  /** `count / n`: the smallest share of customers holding `valueShare` of the value. */
  readonly customerShare: number;
  /** The share those `count` customers actually hold (≥ `valueShare`). */
  readonly reachedShare: number;
  /** The smallest value inside the group (the largest value when `count` is 0). */
  readonly threshold: number;
  /** Customers outside the group whose value equals `threshold`. */
  readonly tiesOutside: number;
  /** The currency, when the values were money amounts. */
  readonly currency?: string;
}

/**
 * Options of {@link paretoShareFor}: the share of value to reach, and an accessor for object items.
 *
 * @example
 * ```ts
 * import { paretoShareFor, type ParetoShareOptions } from "loyalty-kit";
 * const options: ParetoShareOptions<number> = { valueShare: 0.9 };
 * console.log(paretoShareFor([9, 1, 0, 0, 0], options).count); // 1
 * ```
 * @category analytics
 */
export interface ParetoShareOptions<T> extends ValueOptions<T> {
  /** Share of total value to reach, in [0, 1] (0.8 for "who brings 80 %?"). */
  readonly valueShare: number;
}

/**
 * The inverse of {@link pareto}: the smallest share of customers that holds `valueShare` of the total
 * value ("which share of our customers brings 80 % of revenue?").
 *
 * Customers are ranked by value, largest first, and added until their cumulative value reaches
 * `valueShare × total` (with a relative tolerance of 1e-12 for floating-point sums). Ties at the cut
 * do not change the answer: tied customers are interchangeable, and `tiesOutside` counts those left
 * out. Negative values rank last and are allowed while the net total stays positive. When every
 * value is zero each customer holds an equal share, so the answer is ⌈valueShare × n⌉ customers.
 *
 * @param values - customer totals (array, `Float64Array` or iterable; numbers, decimal strings or
 *   money amounts of one currency), or objects read through `options.value`
 * @param options - `valueShare` in [0, 1]; `value` accessor for object items
 * @returns the count and share of customers needed, and the share they actually reach
 * @throws {LoyaltyValidationError} when the input is empty, a value is not finite or malformed,
 *   `valueShare` is outside [0, 1], or the net total is ≤ 0 while some value is not zero
 * @throws {CurrencyMismatchError} when money amounts of different currencies are mixed
 * @example
 * ```ts
 * import { paretoShareFor } from "loyalty-kit";
 * const totals = [500, 300, 80, 40, 30, 20, 10, 10, 5, 5];
 * const r = paretoShareFor(totals, { valueShare: 0.8 });
 * console.log(r.count, r.customerShare); // 2 0.2
 * ```
 * @category analytics
 */
export function paretoShareFor<T = ValueLike>(
  values: Iterable<T> | Float64Array,
  options: ParetoShareOptions<T>,
): ParetoShareResult {
  return guardInputs("paretoShareFor", { values, options }, () => paretoShareForUnguarded<T>(values, options));
}

function paretoShareForUnguarded<T = ValueLike>(
  values: Iterable<T> | Float64Array,
  options: ParetoShareOptions<T>,
): ParetoShareResult {
  const what = "paretoShareFor";
  assertShare(options?.valueShare, "valueShare", what);
  const { values: v, currency, sum } = readShareValues(values, options.value, what);
  const n = v.length;
  let count: number;
  let reached: number;
  if (sum === 0) {
    count = ceilShare(options.valueShare, n);
    reached = count / n;
  } else {
    const target = options.valueShare * sum;
    const tolerance = 1e-12 * sum;
    let cum = 0;
    count = 0;
    while (count < n && cum - target < -tolerance) {
      cum += v[n - 1 - count] as number;
      count++;
    }
    reached = cum / sum;
  }
  const threshold = v[n - Math.max(count, 1)] as number;
  let tiesOutside = 0;
  for (let i = n - count - 1; i >= 0 && v[i] === threshold; i--) tiesOutside++;
  const result: ParetoShareResult = {
    n,
    total: sum,
    valueShare: options.valueShare,
    count,
    customerShare: count / n,
    reachedShare: reached,
    threshold,
    tiesOutside,
    ...(currency === undefined ? {} : { currency }),
  };
  return Object.freeze(result);
}
