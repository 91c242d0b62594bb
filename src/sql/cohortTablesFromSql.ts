import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import type { CohortRow, CohortTable } from "../measurement/cohortRetention.js";
import { checkRows, numberCell } from "./_lib/cells.js";
import { compareStores, countCell, storeCell } from "./_lib/store.js";

/**
 * One store's cohort table read from the database: the `CohortTable` of `cohortRetention`
 * (time zone "UTC") and its `store` (null when the query had no store column).
 *
 * @example
 * ```ts
 * import type { StoreCohortTable } from "loyalty-kit";
 * const t: StoreCohortTable = { store: null, timeZone: "UTC", months: ["2026-01"], cohorts: [] };
 * console.log(t.store);
 * ```
 * @category sql
 */
export interface StoreCohortTable extends CohortTable {
  readonly store: string | number | null;
}

const label = (index: number): string => {
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, "0")}-${String(index - y * 12 + 1).padStart(2, "0")}`;
};

/**
 * Turns the result rows of {@link cohortRetentionSql} into cohort tables equal to those
 * `cohortRetention` computes in process (with `timeZone: "UTC"` and the same `until`): months
 * without a buyer become 0, one table per store (ordered: numbers first, then strings), a single
 * table with `store: null` without a store column, none for an empty result.
 *
 * @param rows - result rows with columns `[store,] cohort_month, period, active, size, first_month, last_month`
 * @returns frozen tables
 * @throws {LoyaltyValidationError} naming the row index and column of a missing, non-integer or inconsistent cell
 * @example
 * ```ts
 * import { cohortTablesFromSql } from "loyalty-kit";
 * const [t] = cohortTablesFromSql([
 *   { cohort_month: 24312n, period: 0n, active: 2n, size: 2n, first_month: 24312n, last_month: 24313n },
 *   { cohort_month: 24312n, period: 1n, active: 1n, size: 2n, first_month: 24312n, last_month: 24313n },
 * ]);
 * console.log(t?.months, t?.cohorts[0]?.rates); // [ '2026-01', '2026-02' ] [ 1, 0.5 ]
 * ```
 * @category sql
 */
export function cohortTablesFromSql(rows: readonly Record<string, unknown>[]): StoreCohortTable[] {
  return guardInputs("cohortTablesFromSql", { rows }, () => cohortTablesFromSqlUnguarded(rows));
}

function cohortTablesFromSqlUnguarded(rows: readonly Record<string, unknown>[]): StoreCohortTable[] {
  const what = "cohortTablesFromSql";
  checkRows(rows, what);
  const tables = new Map<
    string,
    {
      store: string | number | null;
      first: number;
      last: number;
      cohorts: Map<number, { size: number; active: number[] }>;
    }
  >();
  rows.forEach((r, i) => {
    const int = (column: string): number => countCell(numberCell(r, column, i, what), i, column, what);
    const store = storeCell(r, i, what);
    const first = int("first_month");
    const last = int("last_month");
    const month = int("cohort_month");
    const period = int("period");
    const size = int("size");
    const active = int("active");
    if (month < first || month + period > last || active > size || size === 0) {
      throw new LoyaltyValidationError(
        [
          {
            path: [i],
            message: `inconsistent row: cohort_month ${month} + period ${period} must lie in [${first}, ${last}] and 0 < active ${active} ≤ size ${size}; pass the rows of cohortRetentionSql unchanged`,
          },
        ],
        what,
      );
    }
    const key = `${typeof store}:${String(store)}`;
    let t = tables.get(key);
    if (t === undefined) tables.set(key, (t = { store, first, last, cohorts: new Map() }));
    let c = t.cohorts.get(month);
    if (c === undefined) t.cohorts.set(month, (c = { size, active: new Array<number>(last - month + 1).fill(0) }));
    c.active[period] = active;
  });
  return [...tables.values()]
    .sort((a, b) => compareStores(a.store, b.store))
    .map((t) => {
      const months: string[] = [];
      for (let m = t.first; m <= t.last; m++) months.push(label(m));
      const cohorts: CohortRow[] = [...t.cohorts.entries()]
        .sort(([a], [b]) => a - b)
        .map(([m, c]) =>
          Object.freeze({
            cohort: label(m),
            size: c.size,
            active: Object.freeze(c.active),
            rates: Object.freeze(c.active.map((a) => a / c.size)),
          }),
        );
      return Object.freeze({
        store: t.store,
        timeZone: "UTC",
        months: Object.freeze(months),
        cohorts: Object.freeze(cohorts),
      });
    });
}
