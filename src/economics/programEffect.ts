import { guardInputs } from "../core/guard.js";
import { invalid } from "../core/invalid.js";
import { previewValue } from "../_lib/values.js";
import { checkCustomerId, timeMillis } from "../analytics/_lib/rfm.js";
import { valueToNumber, type ValueLike } from "../analytics/_lib/values.js";
import type { RfmTransaction } from "../analytics/rfmAccumulator.js";
import { mulberry32 } from "./_lib/random.js";

/**
 * Options of {@link programEffect}: who joined, when the program started, the two windows, and the
 * bootstrap.
 *
 * @example
 * ```ts
 * import type { ProgramEffectOptions } from "loyalty-kit";
 * const o: ProgramEffectOptions = { members: ["ana"], launch: "2026-03-01T00:00:00Z", from: "2026-01-01T00:00:00Z", to: "2026-05-01T00:00:00Z", seed: 7 };
 * console.log(o.seed);
 * ```
 * @category economics
 */
export interface ProgramEffectOptions {
  /** Customer ids of the members (the treated group); every other buyer is the comparison group. */
  readonly members: Iterable<string | number>;
  /** Start of the program; "before" is [from, launch), "after" is [launch, to). */
  readonly launch: string | Date;
  readonly from: string | Date;
  readonly to: string | Date;
  /** Bootstrap resamples (default 2,000, at most 100,000). */
  readonly resamples?: number;
  /** Seed of the bootstrap's random numbers (an integer; the same seed gives the same interval). */
  readonly seed: number;
  /** Confidence level of the interval (default 0.95). */
  readonly confidence?: number;
}

/**
 * A difference-in-differences estimate with its percentile bootstrap interval.
 *
 * @example
 * ```ts
 * import type { EffectEstimate } from "loyalty-kit";
 * const e: EffectEstimate = { estimate: 0.4, low: 0.1, high: 0.7 };
 * console.log(e.estimate);
 * ```
 * @category economics
 */
export interface EffectEstimate {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/**
 * What {@link programEffect} returns: per-customer effects on purchase frequency and spend per window,
 * the group sizes, and the assumption the estimate rests on.
 *
 * @example
 * ```ts
 * import type { ProgramEffect } from "loyalty-kit";
 * const r: Pick<ProgramEffect, "members" | "others"> = { members: 120, others: 800 };
 * console.log(r.members);
 * ```
 * @category economics
 */
export interface ProgramEffect {
  readonly purchases: EffectEstimate;
  readonly spend: EffectEstimate;
  /** Members and other customers with a purchase in either window. */
  readonly members: number;
  readonly others: number;
  readonly confidence: number;
  readonly resamples: number;
  readonly seed: number;
  readonly assumption: string;
}

const ASSUMPTION =
  "Difference in differences: without the program, members' purchases and spend per customer would have changed from the before window to the after window by the same amount as other customers' (parallel trends). Members who chose to join may differ in ways that break this; the interval reflects sampling only.";

/**
 * A purchase as {@link programEffect} reads it: who (`customerId`), when (`at`: an ISO-8601 instant,
 * a calendar date, a `Date` or epoch milliseconds) and what it was worth (`value`: a number, a
 * decimal string or a money amount).
 *
 * @example
 * ```ts
 * import type { ProgramEffectPurchase } from "loyalty-kit";
 * const p: ProgramEffectPurchase = { customerId: "ana", at: "2026-03-10", value: "20.00" };
 * console.log(p.customerId);
 * ```
 * @category economics
 */
export type ProgramEffectPurchase = RfmTransaction & { readonly value: ValueLike };

/**
 * Estimates the effect of a loyalty program on purchases and spend per customer by difference in
 * differences (Card & Krueger 1994; Angrist & Pischke, *Mostly Harmless Econometrics*, ch. 5): the
 * members' change from the before window [from, launch) to the after window [launch, to), minus the
 * other customers' change over the same windows. Customers count when they bought in either window
 * (0 in the other). The interval is a percentile bootstrap (Efron & Tibshirani 1993) resampling
 * customers within each group with a seeded generator, so it is reproducible. The assumption is
 * stated in the result. Without a comparison group, {@link newCustomersEffect} is the plain case: new
 * customers after the launch against the trend before it.
 *
 * @param purchases - `{ customerId, at, value }` purchases (array or iterable, read once)
 * @param options - `members`, `launch`, `from`, `to`, `seed`, optional `resamples`, `confidence`
 * @returns frozen `{ purchases, spend, members, others, confidence, resamples, seed, assumption }`
 * @throws {LoyaltyValidationError} naming the row (index and customer) of a malformed purchase, when the windows are out of
 *   order, an option is malformed, or either group has no customer
 * @example
 * ```ts
 * import { programEffect } from "loyalty-kit";
 * const p = (customerId: string, at: string, value: number) => ({ customerId, at, value });
 * const r = programEffect(
 *   [p("ana", "2026-01-10", 20), p("ana", "2026-03-10", 20), p("ana", "2026-04-10", 30), p("ben", "2026-01-12", 25), p("ben", "2026-03-12", 25)],
 *   { members: ["ana"], launch: "2026-03-01", from: "2026-01-01", to: "2026-05-01", seed: 1 },
 * );
 * console.log(r.purchases.estimate, r.spend.estimate); // 1 30
 * ```
 * @category economics
 */
export function programEffect(
  purchases: Iterable<ProgramEffectPurchase>,
  options: ProgramEffectOptions,
): ProgramEffect {
  return guardInputs("programEffect", { purchases, options }, () => programEffectUnguarded(purchases, options));
}

function programEffectUnguarded(
  purchases: Iterable<ProgramEffectPurchase>,
  options: ProgramEffectOptions,
): ProgramEffect {
  const what = "programEffect";
  const fail = (path: (string | number)[], message: string): never => invalid(path, message, what);
  if (typeof options !== "object" || options === null)
    fail([], `expected options { members, launch, from, to, seed }, got ${previewValue(options)}`);
  const instant = (name: "launch" | "from" | "to"): number => {
    const v = options[name];
    const ms = v instanceof Date ? v.getTime() : timeMillis(v);
    if (!Number.isFinite(ms) || typeof v === "number")
      fail(
        [name],
        `expected a date "YYYY-MM-DD", an ISO-8601 instant with an offset or a valid Date, got ${previewValue(v)}`,
      );
    return ms;
  };
  const from = instant("from");
  const launch = instant("launch");
  const to = instant("to");
  if (!(from < launch && launch < to)) fail(["launch"], "expected from < launch < to");
  const members = options.members;
  if (typeof members !== "object" || members === null || !(Symbol.iterator in members))
    fail(["members"], `expected an iterable of customer ids, got ${previewValue(members)}`);
  const memberSet = new Set<string | number>(members);
  const resamples = options.resamples ?? 2000;
  if (!Number.isInteger(resamples) || resamples < 100 || resamples > 100_000)
    fail(["resamples"], `expected an integer from 100 to 100,000, got ${previewValue(resamples)}`);
  const seed = options.seed;
  if (!Number.isSafeInteger(seed)) fail(["seed"], `expected an integer, got ${previewValue(seed)}`);
  const confidence = options.confidence ?? 0.95;
  if (typeof confidence !== "number" || !(confidence >= 0.5 && confidence < 1))
    fail(["confidence"], `expected a number in [0.5, 1), got ${previewValue(confidence)}`);
  if (typeof purchases !== "object" || purchases === null || !(Symbol.iterator in purchases))
    fail([], `expected an iterable of purchases { customerId, at, value }, got ${previewValue(purchases)}`);

  // Per customer: [purchases before, spend before, purchases after, spend after].
  const byCustomer = new Map<string | number, [number, number, number, number]>();
  const money: { currency?: string } = {};
  let i = 0;
  for (const p of purchases) {
    if (typeof p !== "object" || p === null)
      fail([i], `expected a purchase { customerId, at, value }, got ${previewValue(p)}`);
    checkCustomerId(p.customerId, [i, "customerId"], what);
    const ms = p.at instanceof Date ? p.at.getTime() : timeMillis(p.at);
    if (!Number.isFinite(ms))
      fail([i, "at"], `expected an instant, got ${previewValue(p.at)} (customer ${String(p.customerId)})`);
    const value = valueToNumber(p.value, [i, "value"], money, what);
    i++;
    if (ms < from || ms >= to) continue;
    let c = byCustomer.get(p.customerId);
    if (c === undefined) byCustomer.set(p.customerId, (c = [0, 0, 0, 0]));
    if (ms < launch) {
      c[0]++;
      c[1] += value;
    } else {
      c[2]++;
      c[3] += value;
    }
  }
  const treated: [number, number][] = [];
  const control: [number, number][] = [];
  for (const [id, c] of byCustomer) (memberSet.has(id) ? treated : control).push([c[2] - c[0], c[3] - c[1]]);
  if (treated.length === 0 || control.length === 0)
    fail(
      ["members"],
      `expected buyers in both groups within [from, to), got ${treated.length} members and ${control.length} others`,
    );

  const did = (t: readonly [number, number][], c: readonly [number, number][], pick: 0 | 1, draw?: () => number) => {
    const mean = (g: readonly [number, number][]) => {
      let s = 0;
      for (let j = 0; j < g.length; j++)
        s += (g[draw === undefined ? j : Math.floor(draw() * g.length)] as [number, number])[pick];
      return s / g.length;
    };
    return mean(t) - mean(c);
  };
  const random = mulberry32(seed);
  const boot: [number[], number[]] = [[], []];
  for (let b = 0; b < resamples; b++) {
    // One resample of customers serves both measures, so their intervals describe the same draws.
    const state = random() * 2 ** 32;
    for (const pick of [0, 1] as const) boot[pick].push(did(treated, control, pick, mulberry32(state)));
  }
  const estimate = (pick: 0 | 1): EffectEstimate => {
    const sorted = boot[pick].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(p * sorted.length)))] as number;
    return Object.freeze({
      estimate: did(treated, control, pick),
      low: q((1 - confidence) / 2),
      high: q(1 - (1 - confidence) / 2),
    });
  };
  return Object.freeze({
    purchases: estimate(0),
    spend: estimate(1),
    members: treated.length,
    others: control.length,
    confidence,
    resamples,
    seed,
    assumption: ASSUMPTION,
  });
}
