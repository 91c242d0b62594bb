// Identifier quoting shared by the SQL builders: names are checked against a strict pattern and then
// double-quoted, the delimited-identifier syntax of the SQL standard that DuckDB and PostgreSQL share.
import { LoyaltyValidationError } from "../../errors/errors.js";
import { previewValue } from "../../_lib/values.js";

const PART = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Quotes `name` ("table", "schema.table") or throws a typed error naming `path`; never splices raw text. */
export function quoteName(name: unknown, path: string, what: string, dotted: boolean): string {
  const parts = typeof name === "string" ? name.split(".") : [];
  if (parts.length === 0 || (!dotted && parts.length > 1) || parts.length > 2 || !parts.every((p) => PART.test(p))) {
    throw new LoyaltyValidationError(
      [
        {
          path: [path],
          message: `expected ${dotted ? 'a table name such as "purchases" or "sales.purchases"' : 'a column name such as "customer_id"'} (letters, digits and _, not starting with a digit, at most 63 characters per part), got ${previewValue(name)}; rename or alias it in a view`,
        },
      ],
      what,
    );
  }
  return parts.map((p) => `"${p}"`).join(".");
}

/**
 * The SQL dialects whose generated SQL is tested against a real engine: DuckDB and PostgreSQL.
 *
 * @example
 * ```ts
 * import type { SqlDialect } from "loyalty-kit";
 * const dialect: SqlDialect = "duckdb";
 * console.log(dialect);
 * ```
 * @category sql
 */
export type SqlDialect = "duckdb" | "postgres";

/** Throws unless `dialect` is one of the tested dialects. */
export function checkDialect(dialect: unknown, what: string): SqlDialect {
  if (dialect !== "duckdb" && dialect !== "postgres") {
    throw new LoyaltyValidationError(
      [{ path: ["dialect"], message: `expected "duckdb" or "postgres", got ${previewValue(dialect)}` }],
      what,
    );
  }
  return dialect;
}

/** UTC day number (days since 1970-01-01) of a timestamp, timestamptz or date column, in both dialects. */
export function dayExpression(column: string): string {
  return `CAST(floor(extract(epoch FROM ${column}) / 86400) AS BIGINT)`;
}

/** A purchase table's names, quoted: the table, the customer id and time columns, the store column if named. */
export interface QuotedPurchaseTable {
  readonly from: string;
  readonly id: string;
  readonly at: string;
  readonly store: string | undefined;
}

/**
 * Checks and quotes a `{ table, customerId, at, store? }` purchase table (the per-store SQL builders'
 * first argument) or throws a typed error naming the bad part.
 */
export function quotePurchaseTable(table: unknown, what: string): QuotedPurchaseTable {
  if (typeof table !== "object" || table === null) {
    throw new LoyaltyValidationError(
      [{ path: [], message: `expected { table, customerId, at, store? }, got ${previewValue(table)}` }],
      what,
    );
  }
  const t = table as { table?: unknown; customerId?: unknown; at?: unknown; store?: unknown };
  return {
    from: quoteName(t.table, "table", what, true),
    id: quoteName(t.customerId, "customerId", what, false),
    at: quoteName(t.at, "at", what, false),
    store: t.store === undefined ? undefined : quoteName(t.store, "store", what, false),
  };
}
