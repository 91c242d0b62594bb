// migrate() upgrades the tables of the previous schema (snapshot, record and coupon state as jsonb)
// to json, keeps every row, and is a no-op the second time; a fresh install gets json directly.
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresStore, postgresSchemaSql } from "../../src/postgres/index.js";
import { announceSkip, freshPrefix, hasServer, makePool, program } from "./_pg.js";

announceSkip("test/stores/migrate.test.ts");
const pool = hasServer ? makePool(2) : undefined;
afterAll(async () => {
  await pool?.end();
});
const at = "2026-03-07T10:00:00Z";
const basket = (id: string, amount: string) => ({
  id,
  at,
  lines: [{ id: "1", sku: "TEE", quantity: 2, unitPrice: { amount, currency: "EUR" } }],
});

/** The DDL `migrate()` ran before this change (the previous schema version), verbatim but for the prefix. */
const previousSchema = (p: string) => `CREATE TABLE ${p}accounts (
  program_id  text        NOT NULL,
  account_key text        NOT NULL,
  version     bigint      NOT NULL CHECK (version > 0),
  snapshot    jsonb       NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, account_key)
);
CREATE TABLE ${p}history (
  seq            bigserial   PRIMARY KEY,
  program_id     text        NOT NULL,
  account_key    text        NOT NULL,
  transaction_id text        NOT NULL,
  kind           text        NOT NULL,
  request        text        NOT NULL,
  record         jsonb       NOT NULL,
  at             timestamptz NOT NULL,
  call_id        text        NOT NULL,
  stored_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (program_id, transaction_id)
);
CREATE INDEX ${p}history_account ON ${p}history (program_id, account_key, seq);
CREATE TABLE ${p}stock (
  program_id  text    NOT NULL,
  reward_id   text    NOT NULL,
  remaining   integer NOT NULL CHECK (remaining >= 0),
  PRIMARY KEY (program_id, reward_id)
);
CREATE TABLE ${p}coupon_states (
  program_id  text        PRIMARY KEY,
  version     bigint      NOT NULL CHECK (version >= 0),
  state       jsonb       NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);`;

type Column = { table: string; column: string; type: string; compression: string; file: string };

/** Type, compression ('l' lz4, 'p' pglz, '' the default) and data file of the JSON columns of a prefix's tables. */
async function columns(prefix: string): Promise<Column[]> {
  const p = pool as NonNullable<typeof pool>;
  const r = await p.query(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            a.attcompression::text AS compression, c.relfilenode::text AS file
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relname IN ($1, $2, $3) AND a.attname IN ('snapshot', 'record', 'state')
      ORDER BY c.relname`,
    [`${prefix}accounts`, `${prefix}coupon_states`, `${prefix}history`],
  );
  return r.rows as Column[];
}

/** Whether this server can compress a column with lz4 (PostgreSQL 14+ built with lz4). */
async function serverHasLz4(): Promise<boolean> {
  const client = await (pool as NonNullable<typeof pool>).connect();
  try {
    await client.query("CREATE TEMP TABLE lz4_probe (a text COMPRESSION lz4)");
    await client.query("DROP TABLE lz4_probe");
    return true;
  } catch {
    return false;
  } finally {
    client.release();
  }
}

describe.skipIf(!hasServer)("migrate() and the json columns", () => {
  it("creates json columns (lz4 where the server has it) on a fresh database", async () => {
    const prefix = freshPrefix("fresh");
    await createPostgresStore(pool as NonNullable<typeof pool>, { program, tablePrefix: prefix }).migrate();
    const lz4 = await serverHasLz4();
    const cols = await columns(prefix);
    expect(cols.map((c) => `${c.table.slice(prefix.length)}.${c.column} ${c.type}`)).toEqual([
      "accounts.snapshot json",
      "coupon_states.state json",
      "history.record json",
    ]);
    for (const c of cols) expect(c.compression).toBe(lz4 ? "l" : "");
  });

  it("upgrades the previous schema's jsonb tables in place: rows kept, retries still answered, a second migrate() rewrites nothing", async () => {
    const p = pool as NonNullable<typeof pool>;
    const prefix = freshPrefix("upgrade");
    await p.query(previousSchema(prefix));
    const store = createPostgresStore(p, { program, tablePrefix: prefix });
    // Written before the upgrade (the store's json parameters go into jsonb columns by PostgreSQL's
    // assignment cast, so a process with the new store works during a rolling upgrade too).
    // 2 × 10.00 at 1 point per 1.00 (the test program) → 20 points.
    expect((await store.checkout("ute", basket("b1", "10.00"), { transactionId: "u1", consent: true })).status).toBe(
      "applied",
    );
    const before = await columns(prefix);
    expect(before.map((c) => c.type)).toEqual(["jsonb", "jsonb", "jsonb"]);

    await store.migrate();
    const after = await columns(prefix);
    expect(after.map((c) => c.type)).toEqual(["json", "json", "json"]);
    const lz4 = await serverHasLz4();
    for (const c of after) expect(c.compression).toBe(lz4 ? "l" : "");
    // A store with nothing in memory reads the converted rows: the old sale is a duplicate, the balance kept.
    // The pool's connections still hold statements prepared before the column changed type; PostgreSQL
    // refuses them ("cached plan must not change result type") and the store retries on a new connection.
    const fresh = createPostgresStore(p, { program, tablePrefix: prefix });
    const retry = await fresh.checkout("ute", basket("b1", "10.00"), { transactionId: "u1", consent: true });
    expect(retry.status).toBe("duplicate");
    expect(retry.pointsEarned).toBe("20");
    const next = await fresh.checkout("ute", basket("b2", "5.00"), { transactionId: "u2", consent: true });
    expect(next.status).toBe("applied");
    expect(await fresh.balance("ute", { at })).toBe("30"); // 20 + 2 × 5.00
    expect((await fresh.history("ute")).map((h) => h.transactionId)).toEqual(["u1", "u2"]);

    // Idempotent: the second run neither converts nor rewrites a table (same data files).
    await fresh.migrate();
    expect(await columns(prefix)).toEqual(after);
  });
});

describe("postgresSchemaSql", () => {
  it("postgresSchemaSql is the text migrate() runs: json columns and the upgrade block", () => {
    const sql = postgresSchemaSql({ tablePrefix: "shop_" });
    expect(sql).not.toMatch(/\bjsonb\s+NOT NULL/);
    expect(sql).toMatch(/snapshot\s+json\s+NOT NULL/);
    expect(sql).toContain("ALTER TABLE shop_accounts ALTER COLUMN snapshot TYPE json USING snapshot::json");
    expect(sql).toContain("ALTER TABLE shop_coupon_states ALTER COLUMN state TYPE json USING state::json");
  });
});
