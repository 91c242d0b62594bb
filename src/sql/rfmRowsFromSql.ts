import { guardInputs } from "../core/guard.js";
import type { RfmRow } from "../analytics/rfmAccumulator.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { checkRows } from "./_lib/cells.js";
import { rfmRowCell } from "./_lib/rfmRow.js";

/**
 * Turns the result rows of {@link rfmSummarySql} (as returned by `pg` or DuckDB's node API, objects
 * keyed by column name) into the `RfmRow`s that `rfmSummary` returns and `fitBgNbd`,
 * `fitGammaGamma` and `rfmScores` take. BIGINT cells (bigint or string) and NUMERIC strings become
 * numbers; a cell that is not a finite number is refused.
 *
 * @param rows - result rows with columns `customer_id, frequency, recency, t, monetary` (+ holdout columns)
 * @returns frozen `RfmRow`s in the order given
 * @throws {LoyaltyValidationError} naming the row index and column of a missing or non-numeric cell,
 *   or of a `store` cell (per-store rows are read by {@link rfmRowsByStoreFromSql})
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
    if ("store" in r) {
      throw new LoyaltyValidationError(
        [
          {
            path: [i, "store"],
            message:
              "expected rows without a store column (one customer may have a row per store); read per-store rows with rfmRowsByStoreFromSql",
          },
        ],
        what,
      );
    }
    return rfmRowCell(r, i, what);
  });
}
