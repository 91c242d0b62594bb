import { guardInputs } from "../core/guard.js";
import { assertShare, ceilShare } from "./_lib/shares.js";
import { readShareValues, type ValueLike, type ValueOptions } from "./_lib/values.js";

/**
 * What {@link pareto} returns.
 *
 * @example
 * ```ts
 * import { pareto, type ParetoResult } from "loyalty-kit";
 * const r: ParetoResult = pareto([50, 30, 10, 5, 5], { topShare: 0.2 });
 * console.log(r.count, r.valueShare); // 1 0.5
 * ```
 * @category analytics
 */
export interface ParetoResult {
  /** Number of customers. */
  readonly n: number;
  /** Sum of all values (net: negative values reduce it). */
  readonly total: number;
  /** The share of customers asked for. */
  readonly topShare: number;
  /** Customers in the top group: ⌈topShare × n⌉. */
  readonly count: number;
  /** Share of the total held by the top group (may exceed 1 when some values are negative). */
  readonly valueShare: number;
  /** The smallest value inside the top group (NaN never: `count` is 0 only when topShare is 0, then the largest value). */
  readonly threshold: number;
  /** Customers outside the top group whose value equals `threshold` (ties at the cut). */
  readonly tiesOutside: number;
  /** The currency, when the values were money amounts. */
  readonly currency?: string;
}

/**
 * Options of {@link pareto}: the share of customers in the top group, and an accessor for object items.
 *
 * @example
 * ```ts
 * import { pareto, type ParetoOptions } from "loyalty-kit";
 * const options: ParetoOptions<number> = { topShare: 0.2 };
 * console.log(pareto([9, 1, 0, 0, 0], options).valueShare); // 0.9
 * ```
 * @category analytics
 */
export interface ParetoOptions<T> extends ValueOptions<T> {
  /** Share of customers in the top group, in [0, 1] (0.2 for the classic 80/20 look). */
  readonly topShare: number;
}

/**
 * The share of total value held by the top `topShare` of customers — Pareto's 80/20 rule, "20 % of customers
 * bring 80 % of the profit", measured.
 *
 * Customers are ranked by value, largest first, and the top group is the first ⌈topShare × n⌉ of
 * them (at least the share asked for). **Ties at the cut:** customers with equal values are
 * interchangeable, so the cut is by count and `valueShare` does not depend on which of the tied
 * customers fall inside; `tiesOutside` says how many customers outside the group have the threshold
 * value. **Negative values** (customers whose refunds exceed their purchases) are allowed: they rank
 * last and reduce the total, so `valueShare` can exceed 1. The net total must then still be positive.
 * **All values zero:** every customer holds an equal share, so `valueShare = count / n` (the line of
 * equality) — never NaN. Values are ratios computed in floating point; money amounts are converted
 * once on input and must all be in one currency. A `Float64Array` already sorted ascending is not sorted
 * again, so one sorted copy can serve `pareto`, `paretoShareFor`, `gini`, `abc` and `lorenz`.
 *
 * @param values - customer totals: an array, a `Float64Array` or any iterable (read once) of numbers,
 *   decimal strings or money amounts; or of objects with `options.value` to read each value
 * @param options - `topShare` in [0, 1]; `value` accessor for object items
 * @returns the top group's count, value share and threshold value
 * @throws {LoyaltyValidationError} when the input is empty, a value is not finite or malformed,
 *   `topShare` is outside [0, 1], or the net total is ≤ 0 while some value is not zero
 * @throws {CurrencyMismatchError} when money amounts of different currencies are mixed
 * @example
 * ```ts
 * import { pareto } from "loyalty-kit";
 * const totals = [500, 300, 80, 40, 30, 20, 10, 10, 5, 5];
 * const top = pareto(totals, { topShare: 0.2 });
 * console.log(top.count, top.valueShare, top.threshold); // 2 0.8 300
 * ```
 * @category analytics
 */
export function pareto<T = ValueLike>(values: Iterable<T> | Float64Array, options: ParetoOptions<T>): ParetoResult {
  return guardInputs("pareto", { values, options }, () => paretoUnguarded<T>(values, options));
}

function paretoUnguarded<T = ValueLike>(values: Iterable<T> | Float64Array, options: ParetoOptions<T>): ParetoResult {
  const what = "pareto";
  assertShare(options?.topShare, "topShare", what);
  const { values: v, currency, sum } = readShareValues(values, options.value, what);
  const n = v.length;
  const count = ceilShare(options.topShare, n);
  // v is ascending: the top group is the last `count` entries.
  let top = 0;
  let c = 0;
  for (let i = n - 1; i >= n - count; i--) {
    const x = v[i] as number;
    const t = top + x;
    c += Math.abs(top) >= Math.abs(x) ? top - t + x : x - t + top;
    top = t;
  }
  top += c;
  const threshold = v[n - Math.max(count, 1)] as number;
  let tiesOutside = 0;
  for (let i = n - count - 1; i >= 0 && v[i] === threshold; i--) tiesOutside++;
  const valueShare = sum === 0 ? count / n : top / sum;
  const result: ParetoResult = {
    n,
    total: sum,
    topShare: options.topShare,
    count,
    valueShare,
    threshold,
    tiesOutside,
    ...(currency === undefined ? {} : { currency }),
  };
  return Object.freeze(result);
}
