// Real engines for the SQL tests: DuckDB in memory (@duckdb/node-api) and, when PGHOST is set (see
// scripts/with-postgres.sh, `npm run test:pg`), a PostgreSQL server through `pg`.
import { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";
import type { SqlQuery } from "../../src/sql/index.js";

export interface Purchase {
  customerId: number;
  /** A date "YYYY-MM-DD" or an ISO instant with Z. */
  at: string;
  value: string;
  /** Store id for the per-store queries (NULL when absent). */
  store?: number;
}

export interface Engine {
  name: string;
  /** Replaces table `purchases` (customer_id INTEGER, bought_at <atType>, amount DECIMAL(14,2), store_id INTEGER). */
  load(rows: readonly Purchase[], atType: "DATE" | "TIMESTAMPTZ"): Promise<void>;
  run(q: SqlQuery): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

const CHUNK = 5000;

async function loadChunks(
  rows: readonly Purchase[],
  exec: (text: string, params: (string | number | null)[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const params: (string | number | null)[] = [];
    const tuples = part.map((r, j) => {
      params.push(r.customerId, r.at, r.value, r.store ?? null);
      return `($${4 * j + 1}, $${4 * j + 2}, $${4 * j + 3}, $${4 * j + 4})`;
    });
    await exec(`INSERT INTO purchases VALUES ${tuples.join(", ")}`, params);
  }
}

export async function duckdb(): Promise<Engine> {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  await c.run("SET TimeZone = 'UTC'");
  let current: string | undefined;
  return {
    name: "duckdb",
    async load(rows, atType) {
      // Re-create only when the column type changes: 1,000 DROP/CREATE pairs dominate the property run.
      if (atType === current) await c.run("DELETE FROM purchases");
      else {
        await c.run("DROP TABLE IF EXISTS purchases");
        await c.run(
          `CREATE TABLE purchases (customer_id INTEGER, bought_at ${atType}, amount DECIMAL(14,2), store_id INTEGER)`,
        );
        current = atType;
      }
      await loadChunks(rows, (text, params) => c.run(text, params));
    },
    async run(q) {
      const reader = await c.runAndReadAll(q.text, [...q.params]);
      return reader.getRowObjects() as Record<string, unknown>[];
    },
    async close() {
      c.closeSync();
      instance.closeSync();
    },
  };
}

/** PostgreSQL when PGHOST is set, else undefined (the caller skips loudly). */
export async function postgres(): Promise<Engine | undefined> {
  if (!process.env["PGHOST"]) return undefined;
  const client = new pg.Client();
  await client.connect();
  await client.query("SET TIME ZONE 'UTC'");
  let current: string | undefined;
  return {
    name: "postgres",
    async load(rows, atType) {
      // Re-create only when the column type changes: 1,000 DROP/CREATE pairs dominate the property run.
      if (atType === current) await client.query("DELETE FROM purchases");
      else {
        await client.query("DROP TABLE IF EXISTS purchases");
        await client.query(
          `CREATE TABLE purchases (customer_id INTEGER, bought_at ${atType}, amount NUMERIC(14,2), store_id INTEGER)`,
        );
        current = atType;
      }
      await loadChunks(rows, (text, params) => client.query(text, params));
    },
    async run(q) {
      return (await client.query(q.text, [...q.params])).rows as Record<string, unknown>[];
    },
    async close() {
      await client.end();
    },
  };
}

export const table = { table: "purchases", customerId: "customer_id", at: "bought_at", value: "amount" } as const;
