import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { previewValue } from "../_lib/values.js";
import { readValues, sortAscending, type ValueLike, type ValueOptions } from "./_lib/values.js";

/** Most points {@link lorenz} returns: each is an object, and 1e9 of them exhaust memory. */
const MAX_POINTS = 100_000;

/**
 * One point of a Lorenz curve: `x` is the share of customers (smallest first), `y` the share of
 * value they hold.
 *
 * @example
 * ```ts
 * import type { LorenzPoint } from "loyalty-kit";
 * const middle: LorenzPoint = { x: 0.5, y: 0.1 };
 * console.log(`${middle.x * 100}% of customers bring ${middle.y * 100}% of revenue`);
 * ```
 * @category analytics
 */
export interface LorenzPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * What {@link lorenz} returns.
 *
 * @example
 * ```ts
 * import { lorenz, type LorenzCurve } from "loyalty-kit";
 * const curve: LorenzCurve = lorenz([1, 3]);
 * console.log(curve.points.length); // 3
 * ```
 * @category analytics
 */
export interface LorenzCurve {
  /** Number of customers. */
  readonly n: number;
  /** Sum of the values. */
  readonly total: number;
  /** Points from (0, 0) to (1, 1), `x` strictly increasing. */
  readonly points: readonly LorenzPoint[];
}

/**
 * Options of {@link lorenz}: how many points to return, and an accessor for object items.
 *
 * @example
 * ```ts
 * import { lorenz, type LorenzOptions } from "loyalty-kit";
 * const options: LorenzOptions<number> = { points: 3 };
 * console.log(lorenz([1, 1, 2], options).points.length); // 3
 * ```
 * @category analytics
 */
export interface LorenzOptions<T> extends ValueOptions<T> {
  /**
   * Number of points, evenly spaced in `x` (an integer from 2 to 100,000). Default: every customer (n + 1 points)
   * when n ≤ 100, otherwise 101 points (every percentile).
   */
  readonly points?: number;
}

/**
 * The Lorenz curve of customer values: for each share of customers, smallest values first, the share
 * of total value they hold — ready to draw (`points` from (0, 0) to (1, 1)).
 *
 * The exact curve joins (i/n, Σ₍ⱼ≤ᵢ₎ x₍ⱼ₎ / Σ x) for i = 0 … n with straight lines; with
 * `points` the curve is sampled at evenly spaced `x` by linear interpolation, which is exact on that
 * polyline. It is monotone non-decreasing and convex, and lies on or below the line of equality; the
 * area between the two is half the Gini coefficient. Values are scaled by the largest one before they
 * are summed, so shares stay finite for values near 1e308; a `total` beyond the largest finite number
 * is refused. Values must be non-negative; when all are zero
 * the curve is the line of equality.
 *
 * @param values - customer totals (array, `Float64Array` or iterable; numbers, decimal strings or
 *   money amounts of one currency), or objects read through `options.value`
 * @param input - options: `points` to sample; `value` accessor
 * @returns the curve's points
 * @throws {LoyaltyValidationError} when the input is empty, a value is negative, not finite or
 *   malformed, `points` is not an integer from 2 to 100,000, or the total overflows
 * @throws {CurrencyMismatchError} when money amounts of different currencies are mixed
 * @example
 * ```ts
 * import { lorenz } from "loyalty-kit";
 * const curve = lorenz([10, 20, 30, 40]);
 * console.log(curve.points.map((p) => `${p.x}:${p.y}`).join(" ")); // 0:0 0.25:0.1 0.5:0.3 0.75:0.6 1:1
 * ```
 * @category analytics
 */
export function lorenz<T = ValueLike>(values: Iterable<T> | Float64Array, input: LorenzOptions<T> = {}): LorenzCurve {
  return guardInputs("lorenz", { values, input }, () => lorenzUnguarded<T>(values, input));
}

function lorenzUnguarded<T = ValueLike>(values: Iterable<T> | Float64Array, input: LorenzOptions<T> = {}): LorenzCurve {
  const what = "lorenz";
  const options = input ?? {};
  const asked = options.points;
  if (asked !== undefined && !(Number.isInteger(asked) && asked >= 2 && asked <= MAX_POINTS)) {
    throw new LoyaltyValidationError(
      [
        {
          path: ["points"],
          message: `expected an integer number of points from 2 to ${MAX_POINTS} (a curve to draw needs far fewer; sample it), got ${previewValue(asked)}`,
        },
      ],
      what,
    );
  }
  const v = sortAscending(readValues(values, options.value, what, true).values);
  const n = v.length;
  // Cumulative shares at i = 0 … n, in place of a second copy: cum[i] = Σ of the i smallest values.
  // Shares are scale-invariant: accumulate values divided by the largest one, so that sums of finite
  // values near 1e308 cannot overflow to Infinity (which made the shares NaN).
  const max = n > 0 ? (v[n - 1] as number) : 0;
  const scale = max > 1 ? 2 ** Math.floor(Math.log2(max)) : 1; // a power of two: dividing is exact
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cum[i + 1] = (cum[i] as number) + (v[i] as number) / scale;
  const sum = cum[n] as number;
  const total = sum * scale;
  if (!Number.isFinite(total)) {
    throw new LoyaltyValidationError(
      [
        {
          path: [],
          message: `the values sum to more than the largest finite number (${Number.MAX_VALUE}); express them in a larger unit (thousands, millions) so the total is finite`,
        },
      ],
      what,
    );
  }
  const yAt = (i: number): number => (sum === 0 ? i / n : (cum[i] as number) / sum);
  const count = asked ?? (n <= 100 ? n + 1 : 101);
  const points: LorenzPoint[] = [];
  for (let j = 0; j < count; j++) {
    if (j === count - 1) {
      points.push(Object.freeze({ x: 1, y: 1 }));
      continue;
    }
    const x = j / (count - 1);
    const pos = x * n;
    const i = Math.floor(pos);
    const frac = pos - i;
    const y = frac === 0 ? yAt(i) : yAt(i) + frac * (yAt(i + 1) - yAt(i));
    points.push(Object.freeze({ x, y }));
  }
  return Object.freeze({ n, total, points: Object.freeze(points) });
}
