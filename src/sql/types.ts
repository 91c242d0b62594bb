import type { SqlDialect } from "./_lib/identifiers.js";

export type { SqlDialect };

/**
 * A parameterised SQL query: `text` with `$1`, `$2` … placeholders and the values to bind, in order.
 * Pass both to the driver (`client.query(text, params)` in `pg`, a prepared statement in DuckDB);
 * never splice `params` into `text`.
 *
 * @example
 * ```ts
 * import type { SqlQuery } from "loyalty-kit";
 * const q: SqlQuery = { text: "SELECT $1::int AS n", params: [1] };
 * console.log(q.params.length); // 1
 * ```
 * @category sql
 */
export interface SqlQuery {
  readonly text: string;
  readonly params: readonly (number | string)[];
}

/**
 * Where the purchases are: a table (or view) and its columns. Names are validated identifiers
 * (letters, digits, `_`; the table may be `schema.table`), quoted in the generated SQL.
 * `at` is a `timestamp`, `timestamptz` or `date` column, grouped by UTC calendar day; `value` a
 * numeric column (optional: without it purchases count with value 0).
 *
 * @example
 * ```ts
 * import type { PurchaseTable } from "loyalty-kit";
 * const t: PurchaseTable = { table: "sales.purchases", customerId: "customer_id", at: "bought_at", value: "amount" };
 * console.log(t.table);
 * ```
 * @category sql
 */
export interface PurchaseTable {
  readonly table: string;
  readonly customerId: string;
  readonly at: string;
  readonly value?: string;
}
