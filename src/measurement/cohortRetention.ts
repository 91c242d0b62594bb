import { guardInputs } from "../core/guard.js";
import { assertTimeZone, zonedParts } from "../_lib/time.js";
import { invalid, parseInstant } from "../_lib/values.js";
import { parsePurchaseRecords, type PurchaseRecordInput } from "./purchaseRecord.js";
import { parseOptions } from "./_lib/options.js";

// CohortRow and CohortTable are declarations, not logic: documented field lists, alike in shape to
// other result types by nature, kept apart on purpose as each names its own fields.
/**
 * One row of a {@link cohortRetention} table: the customers whose first purchase fell in `cohort`.
 *
 * @example
 * ```ts
 * import type { CohortRow } from "loyalty-kit";
 * const row: CohortRow = { cohort: "2026-01", size: 4, active: [4, 2], rates: [1, 0.5] };
 * console.log(row.rates[1]);
 * ```
 * @category measurement
 */
export interface CohortRow {
  /** Acquisition month, "YYYY-MM" in the table's time zone. */
  readonly cohort: string;
  /** Customers acquired that month (first purchase). */
  readonly size: number;
  /** `active[k]`: cohort customers who bought in the k-th month after acquisition (k = 0 is the acquisition month). */
  readonly active: readonly number[];
  /** `rates[k] = active[k] / size`; `rates[0]` is 1. */
  readonly rates: readonly number[];
}

/**
 * The result of {@link cohortRetention}.
 *
 * @example
 * ```ts
 * import { cohortRetention, type CohortTable } from "loyalty-kit";
 * const t: CohortTable = cohortRetention([]);
 * console.log(t.cohorts.length); // 0
 * ```
 * @category measurement
 */
export interface CohortTable {
  /** The IANA time zone whose calendar months define the cohorts. */
  readonly timeZone: string;
  /** Every month from the first cohort to the last month observed, "YYYY-MM". */
  readonly months: readonly string[];
  /** One row per acquisition month that acquired anyone, oldest first. */
  readonly cohorts: readonly CohortRow[];
}

/**
 * Cohort retention table by acquisition month, from purchase records.
 *
 * A customer's cohort is the calendar month of their first purchase; the month of an instant is read
 * on the wall clock of `timeZone` (default "UTC"), so a purchase at 2026-01-31T20:00Z belongs to
 * February in Asia/Jakarta. For each cohort and each month k = 0, 1, … after acquisition up to the
 * last month observed, the table counts the cohort's customers who bought in that month and divides
 * by the cohort size — the "staircase" view of retention (keeping customers is the main task).
 * Purchases at or after `until` are ignored and the table then runs to the month holding the last
 * moment before `until` (`until` = 1 April 00:00 ends the table with March); without `until` it runs to
 * the month of the latest purchase.
 *
 * @param purchases - Purchase records `{ customerId, at }`.
 * @param options - `timeZone`: IANA zone whose months count (default "UTC"); `until`: exclusive end instant.
 * @returns The months covered and one row per cohort.
 * @throws {LoyaltyValidationError} when a record is invalid, the time zone is unknown, or `until` is not an instant.
 * @category measurement
 * @example
 * ```ts
 * import { cohortRetention } from "loyalty-kit";
 * const t = cohortRetention([
 *   { customerId: "ana", at: "2026-01-03T10:00:00Z" },
 *   { customerId: "budi", at: "2026-01-20T10:00:00Z" },
 *   { customerId: "ana", at: "2026-02-11T10:00:00Z" },
 *   { customerId: "citra", at: "2026-02-14T10:00:00Z" },
 * ]);
 * console.log(t.cohorts.map((c) => `${c.cohort}: ${c.rates.join(" ")}`)); // ["2026-01: 1 0.5", "2026-02: 1"]
 * ```
 */
export function cohortRetention(
  purchases: readonly PurchaseRecordInput[],
  options: { readonly timeZone?: string; readonly until?: string | Date } = {},
): CohortTable {
  return guardInputs("cohortRetention", { purchases, options }, () => cohortRetentionUnguarded(purchases, options));
}

function cohortRetentionUnguarded(
  purchases: readonly PurchaseRecordInput[],
  options: { readonly timeZone?: string; readonly until?: string | Date } = {},
): CohortTable {
  const records = parsePurchaseRecords(purchases);
  const o = parseOptions(options, ["timeZone", "until"], "cohortRetention");
  const timeZone = o["timeZone"] ?? "UTC";
  if (typeof timeZone !== "string")
    invalid(["timeZone"], 'expected an IANA time zone name such as "Asia/Jakarta"', "cohortRetention");
  assertTimeZone(timeZone);
  const until = o["until"] === undefined ? Infinity : parseInstant(o["until"], "until");

  // Month index = year × 12 + (month − 1), on the wall clock of timeZone.
  const monthsByCustomer = new Map<string, Set<number>>();
  let last = -Infinity;
  for (const r of records) {
    const ms = Date.parse(r.at);
    if (ms >= until) continue;
    const p = zonedParts(ms, timeZone);
    const m = p.year * 12 + p.month - 1;
    let set = monthsByCustomer.get(r.customerId);
    if (set === undefined) monthsByCustomer.set(r.customerId, (set = new Set()));
    set.add(m);
    if (m > last) last = m;
  }
  if (until !== Infinity) {
    const p = zonedParts(until - 1, timeZone);
    last = p.year * 12 + p.month - 1;
  }

  const cohortMembers = new Map<number, Set<number>[]>();
  for (const months of monthsByCustomer.values()) {
    let first = Infinity;
    for (const m of months) if (m < first) first = m;
    const list = cohortMembers.get(first) ?? [];
    list.push(months);
    cohortMembers.set(first, list);
  }
  const firsts = [...cohortMembers.keys()].sort((a, b) => a - b);
  const cohorts: CohortRow[] = firsts.map((first) => {
    const members = cohortMembers.get(first) ?? [];
    const active: number[] = [];
    for (let m = first; m <= last; m++) active.push(members.filter((s) => s.has(m)).length);
    return { cohort: monthLabel(first), size: members.length, active, rates: active.map((a) => a / members.length) };
  });
  const months: string[] = [];
  if (firsts.length > 0) for (let m = firsts[0] ?? last; m <= last; m++) months.push(monthLabel(m));
  return { timeZone, months, cohorts };
}

function monthLabel(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}
