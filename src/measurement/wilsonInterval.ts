import { guardInputs } from "../core/guard.js";
import { invalid } from "../_lib/values.js";
import { parseOptions } from "./_lib/options.js";

/**
 * A proportion with its Wilson score confidence interval, as returned by {@link wilsonInterval}.
 *
 * @example
 * ```ts
 * import { wilsonInterval, type ProportionInterval } from "loyalty-kit";
 * const i: ProportionInterval | null = wilsonInterval(8, 10);
 * console.log(i?.point); // 0.8
 * ```
 * @category measurement
 */
export interface ProportionInterval {
  /** The observed share, successes / trials. */
  readonly point: number;
  /** Lower bound of the interval, in [0, point]. */
  readonly lower: number;
  /** Upper bound of the interval, in [point, 1]. */
  readonly upper: number;
  /** The normal quantile used (1.96 for 95%). */
  readonly z: number;
}

/**
 * Wilson score confidence interval for a proportion (Wilson 1927).
 *
 * E. B. Wilson, "Probable inference, the law of succession, and statistical inference", Journal of
 * the American Statistical Association 22 (1927) 209–212. With p̂ = successes / trials and n = trials,
 * the bounds are (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n). Unlike the textbook
 * p̂ ± z·√(p̂(1 − p̂)/n) it never leaves [0, 1] and is not degenerate at 0 or n successes (Newcombe
 * 1998, Statistics in Medicine 17, 857–872, recommends it for survey shares). The default z = 1.96
 * gives a 95% interval. The bounds are clamped to [0, 1] against floating-point rounding.
 *
 * @param successes - Number of "yes" answers, an integer 0..trials.
 * @param trials - Number of answers, a non-negative integer.
 * @param options - `z`: the normal quantile, a positive finite number (default 1.96 → 95%).
 * @returns The point estimate and the interval, or `null` when `trials` is 0 (no answers, no share).
 * @throws {LoyaltyValidationError} when a count is not a non-negative integer, successes exceed
 *   trials, or `z` is not a positive finite number.
 * @category measurement
 * @example
 * ```ts
 * import { wilsonInterval } from "loyalty-kit";
 * // Newcombe (1998), example 81 of 263: Wilson 95% interval 0.2553 to 0.3662
 * const i = wilsonInterval(81, 263);
 * console.log(i?.lower.toFixed(4), i?.upper.toFixed(4)); // "0.2553" "0.3662"
 * ```
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  options: { readonly z?: number } = {},
): ProportionInterval | null {
  return guardInputs("wilsonInterval", { successes, trials, options }, () =>
    wilsonIntervalUnguarded(successes, trials, options),
  );
}

function wilsonIntervalUnguarded(
  successes: number,
  trials: number,
  options: { readonly z?: number } = {},
): ProportionInterval | null {
  if (!Number.isSafeInteger(trials) || trials < 0)
    invalid(["trials"], `expected a non-negative integer, got ${describe(trials)}`, "wilsonInterval");
  if (!Number.isSafeInteger(successes) || successes < 0 || successes > trials) {
    invalid(
      ["successes"],
      `expected an integer from 0 to trials (${trials}), got ${describe(successes)}`,
      "wilsonInterval",
    );
  }
  const o = parseOptions(options, ["z"], "wilsonInterval");
  const z = o["z"] ?? 1.96;
  if (typeof z !== "number" || !Number.isFinite(z) || z <= 0)
    invalid(["z"], `expected a positive finite number, got ${describe(z)}`, "wilsonInterval");
  if (trials === 0) return null;
  const n = trials;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Exact arithmetic gives lower ≤ p ≤ upper within [0, 1]; clamp the last-bit rounding at the ends.
  const lower = successes === 0 ? 0 : Math.min(p, Math.max(0, centre - half));
  const upper = successes === n ? 1 : Math.max(p, Math.min(1, centre + half));
  return { point: p, lower, upper, z };
}

function describe(value: unknown): string {
  return typeof value === "number" ? String(value) : typeof value;
}
