import { guardInputs } from "../core/guard.js";
import { rfmSettings } from "../analytics/_lib/rfm.js";
import { checkDialect } from "./_lib/identifiers.js";
import { purchaseDaysSelect } from "./_lib/purchaseDays.js";
import type { RfmSqlOptions } from "./rfmSummarySql.js";
import type { PurchaseTable, SqlQuery } from "./types.js";

/**
 * Builds the SQL that reduces purchases, inside DuckDB or PostgreSQL, to one row per customer and
 * UTC purchase day with the day's value summed exactly (DECIMAL / NUMERIC) — the exact state of an `rfmAccumulator`. Read the
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
  const dialect = checkDialect((options as { dialect?: unknown } | null)?.dialect, what);
  const s = rfmSettings(options, what);
  // The day's exact sum leaves the database as a double, the number an rfmAccumulator holds.
  const text = `SELECT customer_id, day, CAST(value AS DOUBLE PRECISION) AS value, purchases
FROM (
  ${purchaseDaysSelect(table, dialect, "$1", what)}
) AS d
ORDER BY 1, 2`;
  return Object.freeze({ text, params: Object.freeze([s.endMs]) });
}
