import { guardInputs } from "../core/guard.js";
import { rfmSettings } from "../analytics/_lib/rfm.js";
import type { RfmOptions } from "../analytics/rfmAccumulator.js";
import { checkDialect, type SqlDialect } from "./_lib/identifiers.js";
import { purchaseDaysSelect } from "./_lib/purchaseDays.js";
import type { StorePurchaseTable } from "./cohortRetentionSql.js";
import type { SqlQuery } from "./types.js";

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
 * (the in-process function refuses them). Values are summed exactly — cast once to PostgreSQL's
 * NUMERIC or DuckDB's DECIMAL(38,10) (up to 28 integer digits; a DOUBLE column is rounded to 10
 * places) — and the monetary means are the exact means rounded to doubles. The query groups twice:
 * purchases to customer days, then to customers (the first day's value by DuckDB's `arg_min` or
 * PostgreSQL's ordered `array_agg`). Only one row per customer leaves the database; read the rows
 * with {@link rfmRowsFromSql}. With `table.store` the rows are per store and customer (each store's
 * rows are `rfmSummary` of that store's purchases; rows with a NULL store are left out), start with a
 * `store` column and are read with {@link rfmRowsByStoreFromSql}.
 *
 * @param table - the purchase table and its column names, optionally a `store` column
 * @param options - `dialect` ("duckdb" | "postgres"), `observationEnd`, `period`, optional `calibrationEnd`
 * @returns `{ text, params }`; the result columns are `[store,] customer_id, frequency, recency, t,
 *   monetary` (+ holdout columns), ordered by store and customer id
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
export function rfmSummarySql(table: StorePurchaseTable, options: RfmSqlOptions): SqlQuery {
  return guardInputs("rfmSummarySql", { table, options }, () => rfmSummarySqlUnguarded(table, options));
}

function rfmSummarySqlUnguarded(table: StorePurchaseTable, options: RfmSqlOptions): SqlQuery {
  const what = "rfmSummarySql";
  const dialect = checkDialect((options as { dialect?: unknown } | null)?.dialect, what);
  const s = rfmSettings(options, what);
  const store = (table as StorePurchaseTable | null)?.store;
  const days = purchaseDaysSelect(table, dialect, "$4", what, store);
  const key = store === undefined ? "" : "store, ";
  const cal = s.calibrationDay ?? s.endDay;
  // Named slots, numbered $1, $2 … in order of first use: both engines refuse a parameter the text
  // never uses (DuckDB: "statement only has 3 parameter(s)", PostgreSQL: "could not determine data type").
  const slots: Record<string, number> = { $1: cal, $2: s.endDay, $3: s.unit, $4: s.endMs };
  // The value of a customer's first purchase day, in the same grouping as the other figures:
  // DuckDB's arg_min, PostgreSQL's ordered aggregate (the first element of the day-ordered values).
  const firstValue = dialect === "duckdb" ? "arg_min(value, day)" : "(array_agg(value ORDER BY day))[1]";
  const inCal = "WHERE day <= CAST($1 AS BIGINT)";
  const inHoldout = "WHERE day > CAST($1 AS BIGINT)";
  const holdoutSums =
    s.calibrationDay === undefined
      ? ""
      : `,
    COUNT(*) FILTER (${inHoldout}) AS holdout_days,
    SUM(value) FILTER (${inHoldout}) AS holdout_total`;
  const holdout =
    s.calibrationDay === undefined
      ? ""
      : `,
  holdout_days AS frequency_holdout,
  CASE WHEN holdout_days > 0 THEN CAST(holdout_total AS DOUBLE PRECISION) / holdout_days ELSE 0 END AS monetary_holdout,
  CAST(CAST($2 AS BIGINT) - CAST($1 AS BIGINT) AS DOUBLE PRECISION) / CAST($3 AS DOUBLE PRECISION) AS duration_holdout`;
  // Two groupings, as an analyst writes it by hand: purchases → customer days → customers. The
  // repeat spend is the calibration total less the first day's value, exact in DECIMAL / NUMERIC
  // and converted to a double once, before the division by the repeat count.
  const text = `WITH d AS (
  ${days}
), c AS (
  SELECT ${key}customer_id,
    MIN(day) AS first_day,
    MAX(day) FILTER (${inCal}) AS last_day,
    COUNT(*) FILTER (${inCal}) AS days,
    SUM(value) FILTER (${inCal}) AS total,
    ${firstValue} AS first_value${holdoutSums}
  FROM d
  GROUP BY ${key}customer_id
)
SELECT
  ${key}customer_id,
  days - 1 AS frequency,
  CAST(last_day - first_day AS DOUBLE PRECISION) / CAST($3 AS DOUBLE PRECISION) AS recency,
  CAST(CAST($1 AS BIGINT) - first_day AS DOUBLE PRECISION) / CAST($3 AS DOUBLE PRECISION) AS t,
  CASE WHEN days > 1 THEN CAST(total - first_value AS DOUBLE PRECISION) / (days - 1) ELSE 0 END AS monetary${holdout}
FROM c
WHERE first_day <= CAST($1 AS BIGINT)
ORDER BY ${key}customer_id`;
  const order: string[] = [];
  const numbered = text.replace(/\$[1-4]\b/g, (slot) => {
    if (!order.includes(slot)) order.push(slot);
    return `$${order.indexOf(slot) + 1}`;
  });
  const params = order.map((slot) => slots[slot] as number);
  return Object.freeze({ text: numbered, params: Object.freeze(params) });
}
