import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { previewValue } from "../_lib/values.js";
import { rfmSettings } from "../analytics/_lib/rfm.js";
import { checkDialect, dayExpression, quoteName } from "./_lib/identifiers.js";
import type { RfmSqlOptions } from "./rfmSummarySql.js";
import type { PurchaseTable, SqlQuery } from "./types.js";

/**
 * Builds the SQL that reduces purchases, inside DuckDB or PostgreSQL, to one row per customer and
 * UTC purchase day with the day's summed value — the exact state of an `rfmAccumulator`. Read the
 * rows with {@link rfmStateFromSql} and `merge` them with accumulators fed in process (another
 * partition, today's purchases not yet loaded): the merged summary equals `rfmSummary` of all the
 * purchases. Purchases after `observationEnd` and rows with a NULL customer id are left out.
 *
 * @param table - the purchase table and its column names
 * @param options - `dialect` ("duckdb" | "postgres") and the `rfmAccumulator` options the state is for
 * @returns `{ text, params }`; result columns `customer_id, day, value, purchases`, ordered by customer and day
 * @throws {LoyaltyValidationError} when a name is not a plain identifier, the dialect is unknown or an option is malformed
 * @example
 * ```ts
 * import { purchaseDaysSql } from "loyalty-kit";
 * const q = purchaseDaysSql(
 *   { table: "purchases", customerId: "customer_id", at: "bought_at", value: "amount" },
 *   { dialect: "duckdb", observationEnd: "1998-06-30", period: "week" },
 * );
 * console.log(q.params); // [ 899251199999 ]
 * ```
 * @category sql
 */
export function purchaseDaysSql(table: PurchaseTable, options: RfmSqlOptions): SqlQuery {
  return guardInputs("purchaseDaysSql", { table, options }, () => purchaseDaysSqlUnguarded(table, options));
}

function purchaseDaysSqlUnguarded(table: PurchaseTable, options: RfmSqlOptions): SqlQuery {
  const what = "purchaseDaysSql";
  if (typeof table !== "object" || table === null) {
    throw new LoyaltyValidationError(
      [{ path: [], message: `expected { table, customerId, at, value? }, got ${previewValue(table)}` }],
      what,
    );
  }
  checkDialect((options as { dialect?: unknown } | null)?.dialect, what);
  const s = rfmSettings(options, what);
  const from = quoteName(table.table, "table", what, true);
  const id = quoteName(table.customerId, "customerId", what, false);
  const at = quoteName(table.at, "at", what, false);
  const value =
    table.value === undefined ? "0" : `CAST(${quoteName(table.value, "value", what, false)} AS DOUBLE PRECISION)`;
  const text = `SELECT ${id} AS customer_id, ${dayExpression(at)} AS day, SUM(${value}) AS value, COUNT(*) AS purchases
FROM ${from}
WHERE ${id} IS NOT NULL AND extract(epoch FROM ${at}) * 1000 <= CAST($1 AS DOUBLE PRECISION)
GROUP BY 1, 2
ORDER BY 1, 2`;
  return Object.freeze({ text, params: Object.freeze([s.endMs]) });
}
