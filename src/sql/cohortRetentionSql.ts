import { guardInputs } from "../core/guard.js";
import { monthOfDay } from "./_lib/calendar.js";
import { checkDialect, dayExpression, quotePurchaseTable, type SqlDialect } from "./_lib/identifiers.js";
import { optionalInstant, utcMonth } from "./_lib/window.js";
import type { PurchaseTable, SqlQuery } from "./types.js";

/**
 * Options of {@link cohortRetentionSql}: the SQL dialect and, as in `cohortRetention`, an optional
 * exclusive end instant `until`.
 *
 * @example
 * ```ts
 * import type { CohortSqlOptions } from "loyalty-kit";
 * const o: CohortSqlOptions = { dialect: "duckdb", until: "1998-07-01T00:00:00Z" };
 * console.log(o.dialect);
 * ```
 * @category sql
 */
export interface CohortSqlOptions {
  readonly dialect: SqlDialect;
  readonly until?: string | Date;
}

/**
 * A purchase table with an optional store column, for the per-store SQL builders.
 *
 * @example
 * ```ts
 * import type { StorePurchaseTable } from "loyalty-kit";
 * const t: StorePurchaseTable = { table: "purchases", customerId: "customer_id", at: "bought_at", store: "store_id" };
 * console.log(t.store);
 * ```
 * @category sql
 */
export interface StorePurchaseTable extends PurchaseTable {
  /** A column naming the store (channel, region…): one result per store. */
  readonly store?: string;
}

/**
 * Builds the SQL that computes, inside DuckDB or PostgreSQL, the UTC cohort retention table of
 * `cohortRetention` (acquisition month = UTC month of a customer's first purchase; for each cohort
 * and month k after it, the cohort's customers who bought in that month) — one table per store when
 * `table.store` names a store column (a customer's first purchase at that store sets their cohort
 * there). Purchases at or after `until` are ignored; the table runs to the month of the last moment
 * before `until`, or without it to the month of the latest purchase (per store). Rows with a NULL
 * customer id, time or store are left out. Months come from the UTC day number, so the session time
 * zone does not matter. Read the rows with {@link cohortTablesFromSql}.
 *
 * @param table - the purchase table: `table`, `customerId`, `at`, and optionally `store`
 * @param options - `dialect` ("duckdb" | "postgres"), optional `until` (exclusive)
 * @returns `{ text, params }`; result columns `[store,] cohort_month, period, active, size,
 *   first_month, last_month` (months as year·12 + month − 1; one row per cohort and month with a buyer)
 * @throws {LoyaltyValidationError} when a name is not a plain identifier, the dialect is unknown or `until` is not an instant
 * @example
 * ```ts
 * import { cohortRetentionSql } from "loyalty-kit";
 * const q = cohortRetentionSql(
 *   { table: "purchases", customerId: "customer_id", at: "bought_at", store: "store_id" },
 *   { dialect: "postgres", until: "1998-07-01T00:00:00Z" },
 * );
 * console.log(q.params); // [ 899251200000, 23981 ]
 * ```
 * @category sql
 */
export function cohortRetentionSql(table: StorePurchaseTable, options: CohortSqlOptions): SqlQuery {
  return guardInputs("cohortRetentionSql", { table, options }, () => cohortRetentionSqlUnguarded(table, options));
}

function cohortRetentionSqlUnguarded(table: StorePurchaseTable, options: CohortSqlOptions): SqlQuery {
  const what = "cohortRetentionSql";
  const { from, id, at, store } = quotePurchaseTable(table, what);
  checkDialect((options as { dialect?: unknown } | null)?.dialect, what);
  const until = optionalInstant(options, "until", what);
  const key = (t: string): string => (store === undefined ? "" : `${t}.store, `);
  const on = (a: string, b: string): string => (store === undefined ? "TRUE" : `${a}.store = ${b}.store`);
  const lastMonth = until === undefined ? "MAX(m.month)" : "CAST($2 AS BIGINT)";
  const text = `WITH p AS (
  SELECT ${store === undefined ? "" : `${store} AS store, `}${id} AS customer_id, ${dayExpression(at)} AS day
  FROM ${from}
  WHERE ${id} IS NOT NULL AND ${at} IS NOT NULL${store === undefined ? "" : ` AND ${store} IS NOT NULL`}${
    until === undefined ? "" : ` AND extract(epoch FROM ${at}) * 1000 < CAST($1 AS DOUBLE PRECISION)`
  }
), m AS (
  SELECT DISTINCT ${key("p")}p.customer_id, ${monthOfDay("p.day")} AS month FROM p
), c AS (
  SELECT ${key("m")}m.customer_id, MIN(m.month) AS cohort_month FROM m GROUP BY ${key("m")}m.customer_id
), s AS (
  SELECT ${key("c")}c.cohort_month, COUNT(*) AS size FROM c GROUP BY ${key("c")}c.cohort_month
), l AS (
  SELECT ${key("m")}MIN(m.month) AS first_month, ${lastMonth} AS last_month FROM m${store === undefined ? "" : " GROUP BY m.store"}
), a AS (
  SELECT ${key("c")}c.cohort_month, m.month - c.cohort_month AS period, COUNT(*) AS active
  FROM m JOIN c ON m.customer_id = c.customer_id AND ${on("m", "c")}
  GROUP BY ${key("c")}c.cohort_month, m.month - c.cohort_month
)
SELECT ${key("s")}s.cohort_month, a.period, a.active, s.size, l.first_month, l.last_month
FROM s JOIN a ON s.cohort_month = a.cohort_month AND ${on("s", "a")} JOIN l ON ${on("s", "l")}
ORDER BY ${key("s")}s.cohort_month, a.period`;
  const params = until === undefined ? [] : [until, utcMonth(until - 1)];
  return Object.freeze({ text, params: Object.freeze(params) });
}
