import { LoyaltyValidationError } from "../errors/errors.js";
import type { PgPoolLike } from "../postgres/types.js";
import type { SyncRefusalLog } from "./createSyncHandler.js";

const PREFIX = /^[a-z_][a-z0-9_]{0,39}$/;

/**
 * A durable refusal log for {@link createSyncHandler} in the central PostgreSQL database: one row per
 * refused transactionId (table `<prefix>sync_refusals`), so refusals survive a restart and are shared
 * by every central process answering tills.
 *
 * @param pool - a connection pool (`new pg.Pool(...)`)
 * @param options - `programId` (required: refusals are kept per program), `tablePrefix` (default `"loyalty_"`)
 * @returns the log; call `migrate()` once
 * @throws {LoyaltyValidationError} when the pool, the program id or the prefix is invalid
 * @category sqlite
 * @example
 * ```ts
 * import { createPostgresRefusalLog } from "loyalty-kit/sqlite";
 * const pool = { connect: async () => ({ query: async () => ({ rows: [], rowCount: 0 }), release: () => {} }) };
 * const log = createPostgresRefusalLog(pool, { programId: "bonus", tablePrefix: "shop_" });
 * console.log(log.table, await log.get("till-3:0002")); // shop_sync_refusals undefined
 * ```
 */
export function createPostgresRefusalLog(
  pool: PgPoolLike,
  options: { readonly programId: string; readonly tablePrefix?: string },
): SyncRefusalLog & { readonly table: string; migrate(): Promise<void> } {
  if (typeof pool !== "object" || pool === null || typeof pool.connect !== "function")
    throw new LoyaltyValidationError([
      { path: ["pool"], message: "expected a connection pool with connect(), such as new pg.Pool(...)" },
    ]);
  const programId = options?.programId;
  if (typeof programId !== "string" || programId.length === 0)
    throw new LoyaltyValidationError([
      { path: ["programId"], message: "expected the program's id (program.id), a non-empty string" },
    ]);
  const prefix = options.tablePrefix ?? "loyalty_";
  if (typeof prefix !== "string" || !PREFIX.test(prefix))
    throw new LoyaltyValidationError([
      {
        path: ["tablePrefix"],
        message: `expected lower-case letters, digits and _ (at most 40, not starting with a digit), got ${JSON.stringify(prefix)}`,
      },
    ]);
  const table = `${prefix}sync_refusals`;
  const query = async (text: string, values?: unknown[]) => {
    const client = await pool.connect();
    try {
      return await client.query(text, values);
    } finally {
      client.release();
    }
  };
  return Object.freeze({
    table,
    async migrate(): Promise<void> {
      await query(
        `CREATE TABLE IF NOT EXISTS ${table} (program_id text NOT NULL, transaction_id text NOT NULL, code text NOT NULL, message text NOT NULL, refused_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (program_id, transaction_id))`,
      );
    },
    async get(transactionId: string) {
      const row = (
        await query(`SELECT code, message FROM ${table} WHERE program_id = $1 AND transaction_id = $2`, [
          programId,
          transactionId,
        ])
      ).rows[0];
      return row === undefined
        ? undefined
        : Object.freeze({ code: String(row["code"]), message: String(row["message"]) });
    },
    async set(transactionId: string, error: { readonly code: string; readonly message: string }): Promise<void> {
      await query(
        `INSERT INTO ${table} (program_id, transaction_id, code, message) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [programId, transactionId, error.code, error.message],
      );
    },
  });
}
