import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { rfmSettings } from "../analytics/_lib/rfm.js";
import type { RfmAccumulatorState, RfmOptions } from "../analytics/rfmAccumulator.js";
import { checkRows, idCell, numberCell } from "./_lib/cells.js";

/**
 * Turns the result rows of {@link purchaseDaysSql} into an `RfmAccumulatorState` for the same
 * options, ready for `rfmAccumulator(options, state)` or `accumulator.merge(state)`: the database
 * does the heavy grouping, the accumulator merges partitions exactly.
 *
 * @param rows - result rows with columns `customer_id, day, value, purchases`
 * @param options - the `rfmAccumulator` options the query was built with
 * @returns a frozen, JSON-serializable state
 * @throws {LoyaltyValidationError} naming the row index and column of a missing or malformed cell, a day after
 *   `observationEnd`, or the same customer and day twice
 * @example
 * ```ts
 * import { rfmAccumulator, rfmStateFromSql } from "loyalty-kit";
 * const options = { observationEnd: "2026-01-31", period: "day" } as const;
 * const state = rfmStateFromSql([{ customer_id: 7n, day: 20455n, value: 12.5, purchases: 2n }], options);
 * console.log(rfmAccumulator(options).merge(state).result()[0]?.T); // 29
 * ```
 * @category sql
 */
export function rfmStateFromSql(rows: readonly Record<string, unknown>[], options: RfmOptions): RfmAccumulatorState {
  return guardInputs("rfmStateFromSql", { rows, options }, () => rfmStateFromSqlUnguarded(rows, options));
}

function rfmStateFromSqlUnguarded(rows: readonly Record<string, unknown>[], options: RfmOptions): RfmAccumulatorState {
  const what = "rfmStateFromSql";
  const s = rfmSettings(options, what);
  checkRows(rows, what);
  const customers = new Map<string | number, Map<number, number>>();
  let count = 0;
  rows.forEach((r, i) => {
    const id = idCell(r, i, what);
    const day = numberCell(r, "day", i, what);
    const purchases = numberCell(r, "purchases", i, what);
    const bad = (column: string, message: string) =>
      new LoyaltyValidationError([{ path: [i, column], message: `${message} (customer ${String(id)})` }], what);
    if (!Number.isSafeInteger(day) || day > s.endDay)
      throw bad("day", `expected a UTC day number ≤ ${s.endDay}, got ${day}`);
    if (!Number.isSafeInteger(purchases) || purchases < 1)
      throw bad("purchases", `expected a positive integer, got ${purchases}`);
    let days = customers.get(id);
    if (days === undefined) customers.set(id, (days = new Map()));
    if (days.has(day)) throw bad("day", `expected one row per customer and day, got day ${day} twice`);
    days.set(day, numberCell(r, "value", i, what));
    count += purchases;
  });
  return Object.freeze({
    period: s.period,
    observationEnd: s.observationEnd,
    ...(s.calibrationEnd === undefined ? {} : { calibrationEnd: s.calibrationEnd }),
    count,
    customers: Object.freeze(
      [...customers].map(([id, days]) =>
        Object.freeze([id, Object.freeze([...days].map((d) => Object.freeze(d)))] as const),
      ),
    ),
  });
}
