import { guardInputs } from "../core/guard.js";
import { invalid } from "../core/invalid.js";
import { previewValue } from "../_lib/values.js";
import { checkCustomerId, timeMillis } from "../analytics/_lib/rfm.js";
import { periodIndex, periodLabel } from "./_lib/period.js";
import { studentTQuantile } from "./_lib/studentT.js";
import type { EffectEstimate } from "./programEffect.js";

/**
 * Options of {@link newCustomersEffect}: the windows and the period length.
 *
 * @example
 * ```ts
 * import type { NewCustomersEffectOptions } from "loyalty-kit";
 * const o: NewCustomersEffectOptions = { from: "2026-01-01", launch: "2026-07-01", to: "2026-10-01" };
 * console.log(o.launch); // 2026-07-01
 * ```
 * @category economics
 */
export interface NewCustomersEffectOptions {
  /** Start of the trend window: the first period before the launch. The start of a period (UTC). */
  readonly from: string | Date;
  /** Start of the program: the first period after. The start of a period (UTC). */
  readonly launch: string | Date;
  /** End (exclusive) of the window after the launch. The start of a period (UTC). */
  readonly to: string | Date;
  /** Length of a period, calendar UTC. Default "month". */
  readonly period?: "month" | "quarter";
  /** Level of the prediction interval (default 0.95). */
  readonly confidence?: number;
}

/**
 * New customers in one period: counted, and (after the launch) expected from the trend.
 *
 * @example
 * ```ts
 * import type { NewCustomersPeriod } from "loyalty-kit";
 * const p: NewCustomersPeriod = { period: "2026-07", phase: "after", actual: 40, expected: 33.5 };
 * console.log(p.actual - (p.expected ?? 0)); // 6.5
 * ```
 * @category economics
 */
export interface NewCustomersPeriod {
  readonly period: string;
  readonly phase: "before" | "after";
  readonly actual: number;
  /** The trend line's value: fitted before the launch, forecast after it. */
  readonly expected: number;
}

/**
 * What {@link newCustomersEffect} returns.
 *
 * @example
 * ```ts
 * import type { NewCustomersEffect } from "loyalty-kit";
 * declare const r: NewCustomersEffect;
 * const extra = (x: NewCustomersEffect) => x.difference.estimate;
 * console.log(typeof extra);
 * ```
 * @category economics
 */
export interface NewCustomersEffect {
  /** New customers after the launch, summed over the periods of [launch, to). */
  readonly actual: number;
  /** New customers expected after the launch from the trend, with its prediction interval. */
  readonly expected: EffectEstimate;
  /** actual − expected: the interval is where it would fall without any effect, shifted by `actual`. */
  readonly difference: EffectEstimate;
  /** The trend fitted on the periods before the launch: new customers ≈ intercept + slope × period number (0 = first). */
  readonly trend: { readonly intercept: number; readonly slope: number; readonly residualSd: number };
  readonly byPeriod: readonly NewCustomersPeriod[];
  readonly confidence: number;
  readonly assumption: string;
}

const ASSUMPTION =
  "Without the program, new customers per period would have kept to the straight-line trend of the periods before the launch, with independent deviations of constant spread (ordinary least squares). Anything else that changed at the launch (a season, a campaign, a competitor) is counted as the program's effect.";

/**
 * Expected against actual new customers after a program's launch — the plain case of
 * {@link programEffect}, for a shop that has no comparison group: count the customers whose first
 * purchase falls in each period, fit a straight-line trend by ordinary least squares on the periods
 * before the launch, forecast the periods after it, and compare the forecast total with the actual.
 *
 * The interval is the ordinary least-squares prediction interval for the sum of the forecast periods
 * (Student's t with n − 2 degrees of freedom, n the periods before the launch): for m periods after,
 * expected ± t · s · √(m + m² (1/n + (t̄ₐ − t̄)² / Sₜₜ)), where s is the residual standard deviation, t̄ and
 * t̄ₐ the mean period numbers before and after, and Sₜₜ the sum of squared deviations of the period
 * numbers before (for one period this is the textbook interval ŷ ± t · s · √(1 + 1/n + (t₀ − t̄)²/Sₜₜ)).
 * A difference whose interval excludes 0 is more than the trend's noise. The assumption is stated in
 * the result.
 *
 * A customer is new in the period of their first purchase in `purchases`, so pass the history from
 * before `from` too: a customer who bought before `from` is not new in the window.
 *
 * @param purchases - `{ customerId, at }` purchases (array or iterable, read once; other fields ignored)
 * @param options - `from`, `launch`, `to`, optional `period` ("month" or "quarter"), `confidence`
 * @returns frozen `{ actual, expected, difference, trend, byPeriod, confidence, assumption }`
 * @throws {LoyaltyValidationError} naming the row (index and customer) of a malformed purchase, when a
 *   bound is not the start of a period, the bounds are out of order, fewer than 3 periods precede the
 *   launch, or an option is malformed
 * @example
 * ```ts
 * import { newCustomersEffect } from "loyalty-kit";
 * // New customers per month: 10, 12, 14 before the launch (a steady +2), then 25 in April.
 * const firstBuys = [10, 12, 14, 25].flatMap((n, month) =>
 *   Array.from({ length: n }, (_, i) => ({ customerId: `m${month}-${i}`, at: `2026-0${month + 1}-15` })));
 * const r = newCustomersEffect(firstBuys, { from: "2026-01-01", launch: "2026-04-01", to: "2026-05-01" });
 * console.log(r.expected.estimate, r.actual, r.difference.estimate); // 16 25 9
 * ```
 * @category economics
 */
export function newCustomersEffect(
  purchases: Iterable<{ readonly customerId: string | number; readonly at: string | Date | number }>,
  options: NewCustomersEffectOptions,
): NewCustomersEffect {
  return guardInputs("newCustomersEffect", { purchases, options }, () =>
    newCustomersEffectUnguarded(purchases, options),
  );
}

function newCustomersEffectUnguarded(
  purchases: Iterable<{ readonly customerId: string | number; readonly at: string | Date | number }>,
  options: NewCustomersEffectOptions,
): NewCustomersEffect {
  const what = "newCustomersEffect";
  const fail = (path: (string | number)[], message: string): never => invalid(path, message, what);
  if (typeof options !== "object" || options === null)
    fail([], `expected options { from, launch, to }, got ${previewValue(options)}`);
  const period = options.period ?? "month";
  if (period !== "month" && period !== "quarter")
    fail(["period"], `expected "month" or "quarter", got ${previewValue(period)}`);
  const bound = (name: "from" | "launch" | "to"): number => {
    const v = options[name];
    const ms = v instanceof Date ? v.getTime() : typeof v === "number" ? Number.NaN : timeMillis(v);
    if (!Number.isFinite(ms))
      fail(
        [name],
        `expected a date "YYYY-MM-DD", an ISO-8601 instant with an offset or a valid Date, got ${previewValue(v)}`,
      );
    const index = periodIndex(ms, period);
    if (periodStart(index, period) !== ms)
      fail(
        [name],
        `expected the start of a ${period} (UTC), such as ${new Date(periodStart(index, period)).toISOString().slice(0, 10)}, got ${previewValue(v)}`,
      );
    return index;
  };
  const from = bound("from");
  const launch = bound("launch");
  const to = bound("to");
  if (!(from < launch && launch < to)) fail(["launch"], "expected from < launch < to");
  const n = launch - from;
  if (n < 3)
    fail(["from"], `expected at least 3 ${period}s before the launch to fit a trend, got ${n}; start \`from\` earlier`);
  const confidence = options.confidence ?? 0.95;
  if (typeof confidence !== "number" || !(confidence >= 0.5 && confidence < 1))
    fail(["confidence"], `expected a number in [0.5, 1), got ${previewValue(confidence)}`);
  if (typeof purchases !== "object" || purchases === null || !(Symbol.iterator in purchases))
    fail([], `expected an iterable of purchases { customerId, at }, got ${previewValue(purchases)}`);

  // The first purchase of each customer over the whole history.
  const first = new Map<string | number, number>();
  let i = 0;
  for (const p of purchases) {
    if (typeof p !== "object" || p === null)
      fail([i], `expected a purchase { customerId, at }, got ${previewValue(p)}`);
    checkCustomerId(p.customerId, [i, "customerId"], what);
    const ms = p.at instanceof Date ? p.at.getTime() : timeMillis(p.at);
    if (!Number.isFinite(ms))
      fail([i, "at"], `expected an instant, got ${previewValue(p.at)} (customer ${String(p.customerId)})`);
    const seen = first.get(p.customerId);
    if (seen === undefined || ms < seen) first.set(p.customerId, ms);
    i++;
  }
  const counts = new Array<number>(to - from).fill(0);
  for (const ms of first.values()) {
    const k = periodIndex(ms, period) - from;
    if (k >= 0 && k < counts.length) counts[k] = (counts[k] as number) + 1;
  }

  // Ordinary least squares of the counts before the launch on the period number 0 … n − 1.
  const before = counts.slice(0, n);
  const tMean = (n - 1) / 2;
  const yMean = before.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  before.forEach((y, t) => {
    sxx += (t - tMean) ** 2;
    sxy += (t - tMean) * (y - yMean);
  });
  const slope = sxy / sxx;
  const intercept = yMean - slope * tMean;
  const fitted = (t: number) => intercept + slope * t;
  const sse = before.reduce((s, y, t) => s + (y - fitted(t)) ** 2, 0);
  const residualSd = Math.sqrt(sse / (n - 2));

  const m = to - launch;
  let expected = 0;
  for (let t = n; t < n + m; t++) expected += fitted(t);
  const actual = counts.slice(n).reduce((s, y) => s + y, 0);
  const afterMean = n + (m - 1) / 2;
  const se = residualSd * Math.sqrt(m + m * m * (1 / n + (afterMean - tMean) ** 2 / sxx));
  const half = studentTQuantile((1 + confidence) / 2, n - 2) * se;
  return Object.freeze({
    actual,
    expected: Object.freeze({ estimate: expected, low: expected - half, high: expected + half }),
    difference: Object.freeze({
      estimate: actual - expected,
      low: actual - expected - half,
      high: actual - expected + half,
    }),
    trend: Object.freeze({ intercept, slope, residualSd }),
    byPeriod: Object.freeze(
      counts.map((y, t) =>
        Object.freeze({
          period: periodLabel(from + t, period),
          phase: t < n ? ("before" as const) : ("after" as const),
          actual: y,
          expected: fitted(t),
        }),
      ),
    ),
    confidence,
    assumption: ASSUMPTION,
  });
}

// The first instant (UTC) of the period with this index.
function periodStart(index: number, period: "month" | "quarter"): number {
  const month = period === "month" ? index : index * 3;
  return Date.UTC(Math.floor(month / 12), month % 12, 1);
}
