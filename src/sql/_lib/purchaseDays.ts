// The purchase-day reduction shared by rfmSummarySql and purchaseDaysSql: one row per customer and UTC
// day with the day's value summed exactly (DECIMAL in DuckDB, NUMERIC in PostgreSQL, cast once per
// purchase; 0 when every value of the day is NULL) and the day's purchase count. Purchases after the observation end and rows with a NULL
// customer id are left out.
import { LoyaltyValidationError } from "../../errors/errors.js";
import { previewValue } from "../../_lib/values.js";
import { dayExpression, quoteName, type SqlDialect } from "./identifiers.js";
import type { PurchaseTable } from "../types.js";

/**
 * The exact numeric type a purchase value is cast to before it is summed: PostgreSQL's unbounded
 * NUMERIC; DuckDB's widest DECIMAL with 10 decimal places (exact for integer and decimal columns with
 * up to 10 places and 28 integer digits; a DOUBLE column is rounded to 10 places).
 */
export function exactType(dialect: SqlDialect): string {
  return dialect === "duckdb" ? "DECIMAL(38,10)" : "NUMERIC";
}

/**
 * `SELECT customer_id, day, value, purchases … GROUP BY 1, 2` over `table`, unordered; `endMs` is
 * the placeholder ("$1", "$4" …) bound to the observation end in epoch milliseconds (inclusive).
 * With `store` (a column name) the rows start with a `store` column, rows with a NULL store are left
 * out, and the days are per store and customer.
 */
export function purchaseDaysSelect(
  table: PurchaseTable,
  dialect: SqlDialect,
  endMs: string,
  what: string,
  store?: string,
): string {
  if (typeof table !== "object" || table === null) {
    throw new LoyaltyValidationError(
      [{ path: [], message: `expected { table, customerId, at, value? }, got ${previewValue(table)}` }],
      what,
    );
  }
  const from = quoteName(table.table, "table", what, true);
  const id = quoteName(table.customerId, "customerId", what, false);
  const at = quoteName(table.at, "at", what, false);
  const value =
    table.value === undefined ? "0" : `CAST(${quoteName(table.value, "value", what, false)} AS ${exactType(dialect)})`;
  const storeColumn = store === undefined ? undefined : quoteName(store, "store", what, false);
  const [key, notNull, groups] =
    storeColumn === undefined
      ? ["", "", "1, 2"]
      : [`${storeColumn} AS store, `, ` AND ${storeColumn} IS NOT NULL`, "1, 2, 3"];
  return `SELECT ${key}${id} AS customer_id, ${dayExpression(at)} AS day, COALESCE(SUM(${value}), 0) AS value, COUNT(*) AS purchases
  FROM ${from}
  WHERE ${id} IS NOT NULL${notNull} AND extract(epoch FROM ${at}) * 1000 <= CAST(${endMs} AS DOUBLE PRECISION)
  GROUP BY ${groups}`;
}
