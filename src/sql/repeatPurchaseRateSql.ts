import { guardInputs } from "../core/guard.js";
import { invalid } from "../_lib/values.js";
import { checkDialect, quotePurchaseTable, type SqlDialect } from "./_lib/identifiers.js";
import { optionalInstant } from "./_lib/window.js";
import type { StorePurchaseTable } from "./cohortRetentionSql.js";
import type { SqlQuery } from "./types.js";

/**
 * Options of {@link repeatPurchaseRateSql}: the SQL dialect and, as in `repeatPurchaseRate`, an
 * optional half-open window `[from, to)`.
 *
 * @example
 * ```ts
 * import type { RepeatPurchaseSqlOptions } from "loyalty-kit";
 * const o: RepeatPurchaseSqlOptions = { dialect: "postgres", from: "1997-01-01T00:00:00Z", to: "1998-01-01T00:00:00Z" };
 * console.log(o.dialect);
 * ```
 * @category sql
 */
export interface RepeatPurchaseSqlOptions {
  readonly dialect: SqlDialect;
  readonly from?: string | Date;
  readonly to?: string | Date;
}

/**
 * Builds the SQL that computes, inside DuckDB or PostgreSQL, the repeat-purchase rate of
 * `repeatPurchaseRate`: among the customers who bought in the window `[from, to)`, those with two
 * or more purchases (rows) in it — per store when `table.store` names a store column. Rows with a
 * NULL customer id, time or store are left out. Read the rows with {@link repeatPurchaseRatesFromSql}.
 *
 * @param table - the purchase table: `table`, `customerId`, `at`, and optionally `store`
 * @param options - `dialect` ("duckdb" | "postgres"), optional `from` (inclusive) and `to` (exclusive)
 * @returns `{ text, params }`; result columns `[store,] customers, repeat_customers`
 * @throws {LoyaltyValidationError} when a name is not a plain identifier, the dialect is unknown, a bound is not an instant or `to` is not after `from`
 * @example
 * ```ts
 * import { repeatPurchaseRateSql } from "loyalty-kit";
 * const q = repeatPurchaseRateSql(
 *   { table: "purchases", customerId: "customer_id", at: "bought_at" },
 *   { dialect: "duckdb", from: "1997-01-01T00:00:00Z" },
 * );
 * console.log(q.params); // [ 852076800000 ]
 * ```
 * @category sql
 */
export function repeatPurchaseRateSql(table: StorePurchaseTable, options: RepeatPurchaseSqlOptions): SqlQuery {
  return guardInputs("repeatPurchaseRateSql", { table, options }, () => repeatPurchaseRateSqlUnguarded(table, options));
}

function repeatPurchaseRateSqlUnguarded(table: StorePurchaseTable, options: RepeatPurchaseSqlOptions): SqlQuery {
  const what = "repeatPurchaseRateSql";
  const { from, id, at, store } = quotePurchaseTable(table, what);
  checkDialect((options as { dialect?: unknown } | null)?.dialect, what);
  const fromMs = optionalInstant(options, "from", what);
  const toMs = optionalInstant(options, "to", what);
  if (fromMs !== undefined && toMs !== undefined && !(fromMs < toMs))
    invalid(["to"], 'expected "to" after "from"', what);
  const params: number[] = [];
  const bound = (op: string, ms: number | undefined): string => {
    if (ms === undefined) return "";
    params.push(ms);
    return ` AND extract(epoch FROM ${at}) * 1000 ${op} CAST($${params.length} AS DOUBLE PRECISION)`;
  };
  const where = `${id} IS NOT NULL AND ${at} IS NOT NULL${store === undefined ? "" : ` AND ${store} IS NOT NULL`}${bound(">=", fromMs)}${bound("<", toMs)}`;
  const s = store === undefined ? "" : "store, ";
  const text = `WITH n AS (
  SELECT ${store === undefined ? "" : `${store} AS store, `}${id} AS customer_id, COUNT(*) AS purchases
  FROM ${from}
  WHERE ${where}
  GROUP BY ${store === undefined ? "" : `${store}, `}${id}
)
SELECT ${s}COUNT(*) AS customers, COUNT(*) FILTER (WHERE purchases >= 2) AS repeat_customers
FROM n${store === undefined ? "" : "\nGROUP BY store\nORDER BY store"}`;
  return Object.freeze({ text, params: Object.freeze(params) });
}
