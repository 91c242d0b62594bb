import { guardInputs } from "../core/guard.js";
import type { RfmRow } from "../analytics/rfmAccumulator.js";
import { checkRows, idCell, numberCell } from "./_lib/cells.js";

/**
 * Turns the result rows of {@link rfmSummarySql} (as returned by `pg` or DuckDB's node API, objects
 * keyed by column name) into the `RfmRow`s that `rfmSummary` returns and `fitBgNbd`,
 * `fitGammaGamma` and `rfmScores` take. BIGINT cells (bigint or string) and NUMERIC strings become
 * numbers; a cell that is not a finite number is refused.
 *
 * @param rows - result rows with columns `customer_id, frequency, recency, t, monetary` (+ holdout columns)
 * @returns frozen `RfmRow`s in the order given
 * @throws {LoyaltyValidationError} naming the row index and column of a missing or non-numeric cell
 * @example
 * ```ts
 * import { rfmRowsFromSql } from "loyalty-kit";
 * const rows = rfmRowsFromSql([{ customer_id: 7n, frequency: 2n, recency: 3, t: 5, monetary: "12.5" }]);
 * console.log(rows[0]); // { customerId: 7, frequency: 2, recency: 3, T: 5, monetary: 12.5 }
 * ```
 * @category sql
 */
export function rfmRowsFromSql(rows: readonly Record<string, unknown>[]): RfmRow[] {
  return guardInputs("rfmRowsFromSql", { rows }, () => rfmRowsFromSqlUnguarded(rows));
}

function rfmRowsFromSqlUnguarded(rows: readonly Record<string, unknown>[]): RfmRow[] {
  const what = "rfmRowsFromSql";
  checkRows(rows, what);
  return rows.map((r, i) => {
    const row: RfmRow = {
      customerId: idCell(r, i, what),
      frequency: numberCell(r, "frequency", i, what),
      recency: numberCell(r, "recency", i, what),
      T: numberCell(r, "t", i, what),
      monetary: numberCell(r, "monetary", i, what),
    };
    if (!("frequency_holdout" in r)) return Object.freeze(row);
    return Object.freeze({
      ...row,
      frequencyHoldout: numberCell(r, "frequency_holdout", i, what),
      monetaryHoldout: numberCell(r, "monetary_holdout", i, what),
      durationHoldout: numberCell(r, "duration_holdout", i, what),
    });
  });
}
