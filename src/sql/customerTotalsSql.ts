import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { previewValue } from "../_lib/values.js";
import { checkDialect, quoteName, type SqlDialect } from "./_lib/identifiers.js";
import type { SqlQuery } from "./types.js";

/**
 * Options of {@link customerTotalsSql}.
 *
 * @example
 * ```ts
 * import type { CustomerTotalsSqlOptions } from "loyalty-kit";
 * const o: CustomerTotalsSqlOptions = { dialect: "postgres" };
 * console.log(o.dialect);
 * ```
 * @category sql
 */
export interface CustomerTotalsSqlOptions {
  readonly dialect: SqlDialect;
}

/**
 * Builds the SQL that sums each customer's purchase values inside the database — the input of
 * `pareto`, `abc`, `gini` and `lorenz` (read the rows with {@link customerTotalsFromSql}). Rows
 * whose customer id or value is NULL are left out, as SQL's `SUM` does.
 *
 * @param table - `{ table, customerId, value }`: validated identifiers, quoted in the SQL
 * @param options - `dialect` ("duckdb" | "postgres")
 * @returns `{ text, params }`; result columns `customer_id, total`, ordered by customer id
 * @throws {LoyaltyValidationError} when a name is not a plain identifier or the dialect is unknown
 * @example
 * ```ts
 * import { customerTotalsSql } from "loyalty-kit";
 * const q = customerTotalsSql({ table: "purchases", customerId: "customer_id", value: "amount" }, { dialect: "duckdb" });
 * console.log(q.text.split("\n")[0]); // SELECT "customer_id" AS customer_id, SUM(CAST("amount" AS DOUBLE PRECISION)) AS total
 * ```
 * @category sql
 */
export function customerTotalsSql(
  table: { readonly table: string; readonly customerId: string; readonly value: string },
  options: CustomerTotalsSqlOptions,
): SqlQuery {
  return guardInputs("customerTotalsSql", { table, options }, () => customerTotalsSqlUnguarded(table, options));
}

function customerTotalsSqlUnguarded(
  table: { readonly table: string; readonly customerId: string; readonly value: string },
  options: CustomerTotalsSqlOptions,
): SqlQuery {
  const what = "customerTotalsSql";
  if (typeof table !== "object" || table === null) {
    throw new LoyaltyValidationError(
      [{ path: [], message: `expected { table, customerId, value }, got ${previewValue(table)}` }],
      what,
    );
  }
  checkDialect((options as { dialect?: unknown } | null)?.dialect, what);
  const from = quoteName(table.table, "table", what, true);
  const id = quoteName(table.customerId, "customerId", what, false);
  const value = quoteName(table.value, "value", what, false);
  const text = `SELECT ${id} AS customer_id, SUM(CAST(${value} AS DOUBLE PRECISION)) AS total
FROM ${from}
WHERE ${id} IS NOT NULL AND ${value} IS NOT NULL
GROUP BY ${id}
ORDER BY ${id}`;
  return Object.freeze({ text, params: Object.freeze([]) });
}
