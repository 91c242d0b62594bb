import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { previewValue } from "../_lib/values.js";
import { checkCustomerId, DAY_MS, rfmSettings, sameSettings, type RfmSettings } from "./_lib/rfm.js";
import { summarize, timeOrder } from "./_lib/rfmColumns.js";
import {
  checkPurchaseCustomer,
  customerNumber,
  customerOrder,
  customers,
  mergeCurrency,
  notAPurchase,
  purchaseMillis,
  purchaseValue,
} from "./_lib/purchases.js";
import type { ValueLike } from "./_lib/values.js";

/**
 * One purchase for RFM: who, when and (optionally) how much.
 *
 * `at` is an ISO-8601 instant with an offset, a `Date`, epoch milliseconds, or a calendar date
 * "YYYY-MM-DD" (that UTC day). Purchases are grouped by UTC calendar day. `value` is a number, a
 * decimal string or a money amount (one currency throughout); without it the purchase counts with
 * value 0. Refunds may be negative values.
 *
 * @example
 * ```ts
 * import type { RfmTransaction } from "loyalty-kit";
 * const tx: RfmTransaction = { customerId: "c-17", at: "2026-03-01", value: "42.50" };
 * console.log(tx.customerId);
 * ```
 * @category analytics
 */
export interface RfmTransaction {
  readonly customerId: string | number;
  readonly at: string | Date | number;
  readonly value?: ValueLike;
}

/**
 * Options of {@link rfmSummary} and {@link rfmAccumulator}.
 *
 * `observationEnd` closes the observation (a date "YYYY-MM-DD" means the end of that UTC day);
 * `period` is the unit of `recency` and `T`; `calibrationEnd` splits the data into a calibration
 * period (summarised) and a holdout period (counted in the holdout fields).
 *
 * @example
 * ```ts
 * import type { RfmOptions } from "loyalty-kit";
 * const options: RfmOptions = { observationEnd: "1998-06-30", period: "week", calibrationEnd: "1997-09-30" };
 * console.log(options.period);
 * ```
 * @category analytics
 */
export interface RfmOptions {
  readonly observationEnd: string | Date;
  readonly period: "day" | "week";
  readonly calibrationEnd?: string | Date;
}

/**
 * One customer's RFM summary, in the definitions of the BG/NBD literature and the `lifetimes`
 * package: `frequency` = distinct purchase days − 1 (repeat purchases), `recency` = first → last
 * purchase, `T` = first purchase → observation end (both in `period`s), `monetary` = mean value of
 * the repeat days (first day excluded; 0 when `frequency` is 0). With `calibrationEnd`, these describe
 * the calibration period and `frequencyHoldout` (purchase days in the holdout), `monetaryHoldout`
 * (their mean value) and `durationHoldout` (holdout length in periods) are present. Feeds
 * `fitBgNbd` and `fitGammaGamma` directly.
 *
 * @example
 * ```ts
 * import type { RfmRow } from "loyalty-kit";
 * const row: RfmRow = { customerId: 1, frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 };
 * console.log(row.frequency);
 * ```
 * @category analytics
 */
export interface RfmRow {
  readonly customerId: string | number;
  /** Repeat purchase days (distinct purchase days − 1). */
  readonly frequency: number;
  /** First to last purchase, in periods. */
  readonly recency: number;
  /** First purchase to the end of observation (or calibration), in periods. */
  readonly T: number;
  /** Mean value of the repeat days; 0 when frequency is 0. */
  readonly monetary: number;
  /** With calibrationEnd: purchase days in the holdout period. */
  readonly frequencyHoldout?: number;
  /** With calibrationEnd: mean value of the holdout purchase days (0 when none). */
  readonly monetaryHoldout?: number;
  /** With calibrationEnd: the holdout period's length, in periods. */
  readonly durationHoldout?: number;
}

/**
 * The JSON-serializable state of an {@link RfmAccumulator}: its options and, per customer, the value
 * summed per purchase day (`day` = days since 1970-01-01 UTC). Send it to another worker, store it,
 * and resume with `rfmAccumulator(options, state)` or `merge(state)`.
 *
 * @example
 * ```ts
 * import { rfmAccumulator, type RfmAccumulatorState } from "loyalty-kit";
 * const state: RfmAccumulatorState = rfmAccumulator({ observationEnd: "2026-01-31", period: "day" })
 *   .add({ customerId: "a", at: "2026-01-02", value: 10 })
 *   .state();
 * console.log(JSON.stringify(state.customers)); // [["a",[[20455,10]]]]
 * ```
 * @category analytics
 */
export interface RfmAccumulatorState {
  readonly period: "day" | "week";
  readonly observationEnd: string;
  readonly calibrationEnd?: string;
  /** The currency of the values, when money amounts were added. */
  readonly currency?: string;
  /** Purchases added (`count`); when absent on merge, the number of purchase days is counted. */
  readonly count?: number;
  readonly customers: readonly (readonly [string | number, readonly (readonly [number, number])[]])[];
}

/**
 * A mergeable RFM partial: feed purchases with `add`, combine partials from other chunks or workers
 * with `merge`, read the summary with `result`.
 *
 * @example
 * ```ts
 * import { rfmAccumulator, type RfmAccumulator } from "loyalty-kit";
 * const acc: RfmAccumulator = rfmAccumulator({ observationEnd: "2026-01-31", period: "day" });
 * console.log(acc.add({ customerId: "a", at: "2026-01-02" }).result()[0]?.T); // 29
 * ```
 * @category analytics
 */
export interface RfmAccumulator {
  /** Adds one purchase; returns the same accumulator. Throws (and adds nothing) on a bad purchase. */
  add(tx: RfmTransaction): RfmAccumulator;
  /** Adds every purchase of another accumulator or state (built with equal options); the other is not changed. */
  merge(other: RfmAccumulator | RfmAccumulatorState): RfmAccumulator;
  /** The summary so far, one row per customer, customers ordered by id (numbers first). */
  result(): RfmRow[];
  /** A JSON-serializable copy of the state. */
  state(): RfmAccumulatorState;
  /** Purchases added so far (including those merged in). */
  readonly count: number;
}

/**
 * Starts a mergeable RFM accumulator: the streaming, splittable form of {@link rfmSummary}.
 *
 * Per customer it keeps the value summed per purchase day, which is all RFM needs and is exact to
 * merge: days from two partials are unioned and same-day values added, so any split of the
 * purchases into chunks, merged in any order, gives the same summary as one pass (exactly for
 * integer values; within floating-point rounding of the per-day sums otherwise). **Why a closure and
 * not a class:** `add` must update in place to be O(1) per purchase (copying an immutable state per
 * purchase would be quadratic), and the mutable state is the accumulator's whole, stated purpose;
 * it is never hidden — `state()` hands out a JSON copy, and `rfmAccumulator(options, state)`
 * resumes from one. Nothing else in loyalty-kit keeps state.
 *
 * @param options - `observationEnd`, `period` ("day" | "week"), optional `calibrationEnd`
 * @param initial - optional state to resume from (from `state()`, possibly after JSON)
 * @returns a new accumulator
 * @throws {LoyaltyValidationError} when the options or the initial state are malformed; `add` throws
 *   it for a bad customer id, time or value, or a purchase after `observationEnd`; `merge` for
 *   partials with different options
 * @throws {CurrencyMismatchError} from `add` or `merge` when money amounts of different currencies meet
 * @example
 * ```ts
 * import { rfmAccumulator } from "loyalty-kit";
 * const options = { observationEnd: "2026-03-31", period: "day" } as const;
 * const north = rfmAccumulator(options).add({ customerId: "ana", at: "2026-01-01", value: 30 });
 * const south = rfmAccumulator(options).add({ customerId: "ana", at: "2026-01-11", value: 50 });
 * const [ana] = north.merge(south).result();
 * console.log(ana?.frequency, ana?.recency, ana?.T, ana?.monetary); // 1 10 89 50
 * ```
 * @category analytics
 */
export function rfmAccumulator(options: RfmOptions, initial?: RfmAccumulatorState): RfmAccumulator {
  return guardInputs("rfmAccumulator", { options, initial }, () => rfmAccumulatorUnguarded(options, initial));
}

function rfmAccumulatorUnguarded(options: RfmOptions, initial?: RfmAccumulatorState): RfmAccumulator {
  const what = "rfmAccumulator";
  const settings = rfmSettings(options, what);
  // Purchase days in typed columns grown by doubling: customer number (numbered in order of first
  // appearance, as rfmSummary reads), the UTC day number (a Date's fits an Int32), and the value summed. A customer's
  // purchases on the day of their latest entry are added to it; any other day appends an entry, so
  // the columns are rfmSummary's input with same-day purchases mostly summed already, and
  // `result()` is rfmSummary's aggregation of them.
  const table = customers();
  let entryCustomer = new Int32Array(1024);
  let entryDay = new Int32Array(1024);
  let entryValue = new Float64Array(1024);
  let entries = 0;
  /** Per customer number: the index + 1 of its latest entry (0: none yet). */
  let latest = new Int32Array(1024);
  const money = { currency: undefined as string | undefined };
  let count = 0;

  const put = (c: number, day: number, value: number): void => {
    if (c >= latest.length) latest = grown(latest, c);
    const e = (latest[c] as number) - 1;
    if (e >= 0 && entryDay[e] === day) {
      entryValue[e] = (entryValue[e] as number) + value;
      return;
    }
    if (entries === entryDay.length) {
      entryCustomer = grown(entryCustomer, entries);
      entryDay = grown(entryDay, entries);
      entryValue = grown(entryValue, entries);
    }
    entryCustomer[entries] = c;
    entryDay[entries] = day;
    entryValue[entries] = value;
    entries++;
    latest[c] = entries;
  };
  const columns = () => ({
    customer: entryCustomer.subarray(0, entries),
    day: entryDay.subarray(0, entries),
    value: entryValue.subarray(0, entries),
  });

  const acc: RfmAccumulator = {
    add(tx: RfmTransaction): RfmAccumulator {
      if (typeof tx !== "object" || tx === null) throw notAPurchase(tx, count, what);
      const id = tx.customerId;
      // The id is checked first (a known id passes, as it did when it was numbered) and looked up
      // once, after the time and value: so a bad purchase numbers no one and adds nothing.
      checkPurchaseCustomer(id, count, what);
      const ms = purchaseMillis(tx.at, settings, count, what);
      const value = purchaseValue(tx.value, money, count, true, what);
      put(customerNumber(table, id), Math.floor(ms / DAY_MS), value);
      count++;
      return acc;
    },
    merge(other: RfmAccumulator | RfmAccumulatorState): RfmAccumulator {
      const state = isAccumulator(other) ? other.state() : other;
      const list = checkState(state, settings, what);
      const currency = (state as { currency?: unknown }).currency;
      mergeCurrency(money, currency, what);
      for (const [id, days] of list) {
        if (days.length === 0) continue; // a customer without purchase days adds nothing
        const c = customerNumber(table, id);
        for (const [day, value] of days) put(c, day, value);
      }
      const added = (state as { count?: number }).count;
      count += added ?? list.reduce((n, [, days]) => n + days.length, 0);
      return acc;
    },
    result(): RfmRow[] {
      const { customer, day, value } = columns();
      const keys = table.keys;
      return summarize(
        customer,
        day,
        1,
        value,
        keys.length,
        settings,
        (c) => keys[c] as string | number,
        customerOrder(table),
      );
    },
    state(): RfmAccumulatorState {
      const { customer, day, value } = columns();
      // Each customer's days ascending, same-day values summed in the order they were added.
      const order = timeOrder(customer, day, 1, table.keys.length);
      const days: [number, number][][] = Array.from({ length: table.keys.length }, () => []);
      for (let t = 0; t < entries; t++) {
        const e = order[t] as number;
        const list = days[customer[e] as number] as [number, number][];
        const d = day[e] as number;
        const last = list[list.length - 1];
        if (last !== undefined && last[0] === d) last[1] += value[e] as number;
        else list.push([d, value[e] as number]);
      }
      return {
        period: settings.period,
        observationEnd: settings.observationEnd,
        ...(settings.calibrationEnd === undefined ? {} : { calibrationEnd: settings.calibrationEnd }),
        ...(money.currency === undefined ? {} : { currency: money.currency }),
        count,
        customers: Array.from(customerOrder(table), (c) => [table.keys[c] as string | number, days[c] ?? []] as const),
      };
    },
    get count(): number {
      return count;
    },
  };
  if (initial !== undefined) acc.merge(initial);
  return acc;
}

/** A copy of `column` with twice its length (at least `needed` + 1), the first entries kept. */
function grown<T extends Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(column: T, needed: number): T {
  let length = column.length * 2;
  while (length <= needed) length *= 2;
  const next = (column instanceof Int32Array ? new Int32Array(length) : new Float64Array(length)) as T;
  next.set(column);
  return next;
}

function isAccumulator(x: unknown): x is RfmAccumulator {
  return typeof x === "object" && x !== null && typeof (x as { state?: unknown }).state === "function";
}

/** The day of 0000-01-01, the earliest instant a purchase may have. */
const FIRST_DAY = -719_528;

/** Validates a state against the settings before anything is applied. */
function checkState(
  state: unknown,
  settings: RfmSettings,
  what: string,
): (readonly [string | number, readonly (readonly [number, number])[]])[] {
  const fail = (path: (string | number)[], message: string): never => {
    throw new LoyaltyValidationError([{ path, message }], what);
  };
  if (typeof state !== "object" || state === null)
    return fail([], `expected an accumulator or its state, got ${previewValue(state)}`);
  const s = state as { period?: unknown; observationEnd?: unknown; calibrationEnd?: unknown; customers?: unknown };
  const other = rfmSettings(
    {
      period: s.period,
      observationEnd: s.observationEnd,
      ...(s.calibrationEnd === undefined ? {} : { calibrationEnd: s.calibrationEnd }),
    },
    what,
  );
  if (!sameSettings(settings, other)) {
    fail(
      [],
      `cannot merge partials with different options: expected period ${settings.period}, observationEnd ${settings.observationEnd}, calibrationEnd ${settings.calibrationEnd ?? "none"}; got ${other.period}, ${other.observationEnd}, ${other.calibrationEnd ?? "none"}`,
    );
  }
  const added = (state as { count?: unknown }).count;
  if (added !== undefined && !(Number.isSafeInteger(added) && (added as number) >= 0))
    fail(["count"], `expected a purchase count (an integer ≥ 0), got ${previewValue(added)}`);
  if (!Array.isArray(s.customers))
    return fail(
      ["customers"],
      `expected an array of [customerId, [[day, value], …]], got ${previewValue(s.customers)}`,
    );
  const entries = s.customers as unknown[];
  entries.forEach((entry, i) => {
    if (!Array.isArray(entry) || entry.length !== 2 || !Array.isArray(entry[1]))
      fail(["customers", i], `expected [customerId, [[day, value], …]], got ${previewValue(entry)}`);
    const [id, days] = entry as [unknown, unknown[]];
    checkCustomerId(id, ["customers", i, 0], what);
    days.forEach((d, j) => {
      const ok =
        Array.isArray(d) &&
        d.length === 2 &&
        Number.isSafeInteger(d[0]) &&
        (d[0] as number) >= FIRST_DAY &&
        (d[0] as number) <= settings.endDay &&
        Number.isFinite(d[1]);
      if (!ok)
        fail(
          ["customers", i, 1, j],
          `expected [day, value] with an integer day from ${FIRST_DAY} (0000-01-01) to ${settings.endDay} and a finite value, got ${previewValue(d)}`,
        );
    });
  });
  return entries as (readonly [string | number, readonly (readonly [number, number])[]])[];
}
