import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { previewValue } from "../_lib/values.js";
import { rfmSettings } from "../analytics/_lib/rfm.js";
import type { RfmOptions } from "../analytics/rfmAccumulator.js";
import { checkDialect, dayExpression, quoteName, type SqlDialect } from "./_lib/identifiers.js";
import type { PurchaseTable, SqlQuery } from "./types.js";

/**
 * Options of {@link rfmSummarySql}: the options of `rfmSummary` plus the SQL dialect.
 *
 * @example
 * ```ts
 * import type { RfmSqlOptions } from "loyalty-kit";
 * const o: RfmSqlOptions = { dialect: "duckdb", observationEnd: "1998-06-30", period: "week" };
 * console.log(o.dialect);
 * ```
 * @category sql
 */
export interface RfmSqlOptions extends RfmOptions {
  readonly dialect: SqlDialect;
}

/**
 * Builds the SQL that computes, inside DuckDB or PostgreSQL, the same per-customer rows as
 * `rfmSummary` — the definitions of the BG/NBD literature and of the `lifetimes` package's
 * `summary_data_from_transaction_data`: purchases grouped by UTC calendar day with same-day values
 * summed; **frequency** = purchase days − 1; **recency** = first → last purchase day; **T** = first
 * purchase day → observation end; **monetary** = mean of the repeat days' values (0 when frequency
 * is 0). `period: "week"` divides day counts by 7. With `calibrationEnd` the rows describe the
 * calibration period and add `frequency_holdout`, `monetary_holdout` and `duration_holdout`;
 * customers first seen in the holdout are left out. Purchases after `observationEnd` are ignored
 * (the in-process function refuses them). Only one row per customer leaves the database; read the
 * rows with {@link rfmRowsFromSql}.
 *
 * @param table - the purchase table and its column names
 * @param options - `dialect` ("duckdb" | "postgres"), `observationEnd`, `period`, optional `calibrationEnd`
 * @returns `{ text, params }`; the result columns are `customer_id, frequency, recency, t, monetary`
 *   (+ holdout columns), ordered by customer id
 * @throws {LoyaltyValidationError} when a name is not a plain identifier, the dialect is unknown or an
 *   option is malformed
 * @example
 * ```ts
 * import { rfmSummarySql } from "loyalty-kit";
 * const q = rfmSummarySql(
 *   { table: "purchases", customerId: "customer_id", at: "bought_at", value: "amount" },
 *   { dialect: "postgres", observationEnd: "1998-06-30", period: "week" },
 * );
 * console.log(q.params); // [ 899251199999, 10407, 7 ]
 * ```
 * @category sql
 */
export function rfmSummarySql(table: PurchaseTable, options: RfmSqlOptions): SqlQuery {
  return guardInputs("rfmSummarySql", { table, options }, () => rfmSummarySqlUnguarded(table, options));
}

function rfmSummarySqlUnguarded(table: PurchaseTable, options: RfmSqlOptions): SqlQuery {
  const what = "rfmSummarySql";
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
  const cal = s.calibrationDay ?? s.endDay;
  // Named slots, numbered $1, $2 … in order of first use: both engines refuse a parameter the text
  // never uses (DuckDB: "statement only has 3 parameter(s)", PostgreSQL: "could not determine data type").
  const slots: Record<string, number> = { $1: cal, $2: s.endDay, $3: s.unit, $4: s.endMs };
  const calDays = "COUNT(*) FILTER (WHERE d.day <= CAST($1 AS BIGINT))";
  const holdout =
    s.calibrationDay === undefined
      ? ""
      : `,
  COUNT(*) FILTER (WHERE d.day > CAST($1 AS BIGINT)) AS frequency_holdout,
  COALESCE(SUM(d.value) FILTER (WHERE d.day > CAST($1 AS BIGINT)) / NULLIF(COUNT(*) FILTER (WHERE d.day > CAST($1 AS BIGINT)), 0), 0) AS monetary_holdout,
  CAST(CAST($2 AS BIGINT) - CAST($1 AS BIGINT) AS DOUBLE PRECISION) / CAST($3 AS DOUBLE PRECISION) AS duration_holdout`;
  const text = `WITH p AS (
  SELECT ${id} AS customer_id, ${dayExpression(at)} AS day, ${value} AS value
  FROM ${from}
  WHERE ${id} IS NOT NULL AND extract(epoch FROM ${at}) * 1000 <= CAST($4 AS DOUBLE PRECISION)
), d AS (
  SELECT customer_id, day, SUM(value) AS value FROM p GROUP BY customer_id, day
), f AS (
  SELECT customer_id, MIN(day) AS first_day FROM d GROUP BY customer_id
)
SELECT
  d.customer_id,
  ${calDays} - 1 AS frequency,
  CAST(MAX(d.day) FILTER (WHERE d.day <= CAST($1 AS BIGINT)) - f.first_day AS DOUBLE PRECISION) / CAST($3 AS DOUBLE PRECISION) AS recency,
  CAST(CAST($1 AS BIGINT) - f.first_day AS DOUBLE PRECISION) / CAST($3 AS DOUBLE PRECISION) AS t,
  COALESCE(SUM(d.value) FILTER (WHERE d.day <= CAST($1 AS BIGINT) AND d.day > f.first_day) / NULLIF(${calDays} - 1, 0), 0) AS monetary${holdout}
FROM d JOIN f ON d.customer_id = f.customer_id
WHERE f.first_day <= CAST($1 AS BIGINT)
GROUP BY d.customer_id, f.first_day
ORDER BY d.customer_id`;
  const order: string[] = [];
  const numbered = text.replace(/\$[1-4]\b/g, (slot) => {
    if (!order.includes(slot)) order.push(slot);
    return `$${order.indexOf(slot) + 1}`;
  });
  const params = order.map((slot) => slots[slot] as number);
  return Object.freeze({ text: numbered, params: Object.freeze(params) });
}
