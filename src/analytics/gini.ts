import { guardInputs } from "../core/guard.js";
import { readValues, sortAscending, type ValueLike, type ValueOptions } from "./_lib/values.js";

/**
 * Options of {@link gini}: the small-sample correction, and an accessor for object items.
 *
 * @example
 * ```ts
 * import { gini, type GiniOptions } from "loyalty-kit";
 * const options: GiniOptions<number> = { corrected: true };
 * console.log(gini([0, 10], options)); // 1
 * ```
 * @category analytics
 */
export interface GiniOptions<T> extends ValueOptions<T> {
  /** Multiply by n / (n − 1), the small-sample correction (a single customer gives 0). Default false. */
  readonly corrected?: boolean;
}

/**
 * The Gini coefficient of customer values: 0 when every customer brings the same, approaching 1 when
 * one customer brings everything — how concentrated the customer base is.
 *
 * With the values sorted ascending, x₍₁₎ ≤ … ≤ x₍ₙ₎, the sample Gini is
 * G = 2 Σᵢ i·x₍ᵢ₎ / (n Σᵢ x₍ᵢ₎) − (n + 1) / n, which equals twice the area between the Lorenz
 * curve and the line of equality; it lies in [0, (n − 1)/n]. `corrected: true` multiplies by
 * n / (n − 1) (the small-sample correction, reaching 1 for total concentration); for n = 1 the
 * corrected value is defined as 0. Values are divided by the largest one before summing, so ten values
 * of 1e308 give a finite, exact 0 rather than NaN. Values must non-negative (Gini is not a concentration measure
 * for net-negative customers); all values zero gives 0.
 *
 * @param values - customer totals (array, `Float64Array` or iterable; numbers, decimal strings or
 *   money amounts of one currency), or objects read through `options.value`
 * @param input - options: `corrected` for the n/(n − 1) correction; `value` accessor
 * @returns the Gini coefficient
 * @throws {LoyaltyValidationError} when the input is empty, or a value is negative, not finite or malformed
 * @throws {CurrencyMismatchError} when money amounts of different currencies are mixed
 * @example
 * ```ts
 * import { gini } from "loyalty-kit";
 * console.log(gini([1, 1, 1, 1])); // 0
 * console.log(gini([0, 0, 0, 10])); // 0.75
 * console.log(gini([0, 0, 0, 10], { corrected: true })); // 1
 * ```
 * @category analytics
 */
export function gini<T = ValueLike>(values: Iterable<T> | Float64Array, input?: GiniOptions<T>): number {
  return guardInputs("gini", { values, input }, () => giniUnguarded<T>(values, input));
}

function giniUnguarded<T = ValueLike>(values: Iterable<T> | Float64Array, input?: GiniOptions<T>): number {
  const options = input ?? {};
  const v = sortAscending(readValues(values, options.value, "gini", true).values);
  const n = v.length;
  // Σ (2i − n − 1)·x₍ᵢ₎ is the same sum rearranged; its integer weights cancel exactly for equal values.
  // Scale by the largest value first: ten values of 1e308 would overflow the sum to Infinity (and the
  // result to NaN); G is scale-invariant, so dividing every value by the maximum changes nothing else.
  const max = n > 0 ? (v[n - 1] as number) : 0;
  const scale = max > 1 ? 2 ** Math.floor(Math.log2(max)) : 1; // a power of two: dividing is exact
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    const x = (v[i] as number) / scale;
    sum += x;
    weighted += (2 * i + 1 - n) * x;
  }
  if (!sum || n < 2) return 0;
  const g = Math.max(0, weighted / (n * sum));
  return options.corrected === true ? (g * n) / (n - 1) : g;
}
