import { LoyaltyValidationError } from "../errors/errors.js";
import { schemaSql } from "./_lib/schema.js";
import { couponSchemaSql } from "./_lib/couponSchema.js";

const PREFIX = /^[a-z_][a-z0-9_]{0,39}$/;

/**
 * The DDL of the PostgreSQL store: the accounts table (program, account key, version, snapshot),
 * the history table (one row per operation, transactionId UNIQUE per program) and its index, the
 * coupon-state table (one row per promotion with coupon codes, locked by each sale that redeems one) — the
 * text `migrate()` runs, for teams that apply migrations with their own tool or port the store to
 * another database.
 *
 * @param options - `tablePrefix` (default `"loyalty_"`), as in {@link createPostgresStore}
 * @returns the SQL text (idempotent: `CREATE … IF NOT EXISTS`)
 * @throws {LoyaltyValidationError} when the prefix is not lower-case letters, digits and `_`
 * @category postgres
 * @example
 * ```ts
 * import { postgresSchemaSql } from "loyalty-kit/postgres";
 * console.log(postgresSchemaSql({ tablePrefix: "shop_" }).split("\n")[0]); // CREATE TABLE IF NOT EXISTS shop_accounts (
 * ```
 */
export function postgresSchemaSql(options: { readonly tablePrefix?: string } = {}): string {
  const prefix = options?.tablePrefix ?? "loyalty_";
  if (typeof prefix !== "string" || !PREFIX.test(prefix))
    throw new LoyaltyValidationError([
      {
        path: ["tablePrefix"],
        message: `expected lower-case letters, digits and _ (at most 40, not starting with a digit), got ${JSON.stringify(prefix)}`,
      },
    ]);
  return `${schemaSql({ accounts: `${prefix}accounts`, history: `${prefix}history`, stock: `${prefix}stock` })}
${couponSchemaSql(prefix)}`;
}
