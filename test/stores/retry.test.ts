// The store's retry loop and option checks, without a server: a fake pool whose every query fails.
import { describe, expect, it } from "vitest";
import { LoyaltyError } from "../../src/errors/errors.js";
import { parseProgram } from "../../src/programs/parseProgram.js";
import { backoffMs, retryable } from "../../src/postgres/_lib/retry.js";
import { createPostgresStore, type PgPoolLike, postgresSchemaSql } from "../../src/postgres/index.js";
import { program } from "./_pg.js";

function failingPool(error: unknown): { pool: PgPoolLike; connects: number; released: unknown[] } {
  const state = { connects: 0, released: [] as unknown[] };
  const pool: PgPoolLike = {
    async connect() {
      state.connects++;
      return {
        query: async () => {
          throw error;
        },
        release: (err) => {
          state.released.push(err);
        },
      };
    },
  };
  return Object.assign(state, { pool });
}

const basket = {
  id: "b1",
  at: "2026-03-07T10:00:00Z",
  lines: [{ id: "1", sku: "TEE", quantity: 1, unitPrice: { amount: "10.00", currency: "EUR" } }],
};
const caught = async (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("the PostgreSQL store's retry loop", () => {
  it("retries a serialization failure maxAttempts times, then throws RETRIES_EXHAUSTED naming the cause", async () => {
    const f = failingPool(Object.assign(new Error("could not serialize access"), { code: "40001" }));
    const store = createPostgresStore(f.pool, { program, maxAttempts: 3, baseDelayMs: 0 });
    const e = await caught(store.checkout("c1", basket, { transactionId: "s1", consent: true }));
    expect(e).toBeInstanceOf(LoyaltyError);
    expect((e as LoyaltyError).code).toBe("RETRIES_EXHAUSTED");
    expect((e as LoyaltyError).details).toEqual({ transactionId: "s1", attempts: 3, lastCause: "40001" });
    expect(f.connects).toBe(3);
    expect(f.released).toEqual([undefined, undefined, undefined]); // a healthy connection goes back to the pool
  });

  it("destroys a connection that was lost instead of returning it to the pool", async () => {
    const f = failingPool(
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
    );
    const store = createPostgresStore(f.pool, { program, maxAttempts: 2, baseDelayMs: 0 });
    expect(
      ((await caught(store.redeem("c1", { transactionId: "r1", at: basket.at, points: "1" }))) as LoyaltyError).code,
    ).toBe("RETRIES_EXHAUSTED");
    expect(f.released.every((r) => r instanceof Error)).toBe(true);
  });

  it("replaces a connection whose prepared statements a schema change invalidated, and retries; other 0A000 errors are final", async () => {
    // PostgreSQL's wording (src/backend/utils/cache/plancache.c) when a column's type changed under a prepared statement.
    const stale = Object.assign(new Error("cached plan must not change result type"), { code: "0A000" });
    const f = failingPool(stale);
    const store = createPostgresStore(f.pool, { program, maxAttempts: 2, baseDelayMs: 0 });
    expect(
      ((await caught(store.checkout("c1", basket, { transactionId: "s1", consent: true }))) as LoyaltyError).code,
    ).toBe("RETRIES_EXHAUSTED");
    expect(f.connects).toBe(2);
    expect(f.released.every((r) => r instanceof Error)).toBe(true); // destroyed, not back to the pool
    const other = Object.assign(new Error("unsupported feature"), { code: "0A000" });
    expect(retryable(other)).toBe(false);
  });

  it("does not retry an error no new attempt can cure (a missing table: run migrate())", async () => {
    const missing = Object.assign(new Error('relation "loyalty_history" does not exist'), { code: "42P01" });
    const f = failingPool(missing);
    const store = createPostgresStore(f.pool, { program, maxAttempts: 5, baseDelayMs: 0 });
    expect(await caught(store.checkout("c1", basket, { transactionId: "s1", consent: true }))).toBe(missing);
    expect(f.connects).toBe(1);
  });

  it("classifies SQLSTATEs: conflicts and lost connections retry, everything else does not", () => {
    for (const code of ["40001", "40P01", "23505", "57014", "57P01", "08006"])
      expect(retryable(Object.assign(new Error(code), { code }))).toBe(true);
    for (const code of ["42P01", "23502", "22P02"])
      expect(retryable(Object.assign(new Error(code), { code }))).toBe(false);
    expect(retryable(new Error("Connection terminated unexpectedly"))).toBe(true);
  });

  it("waits a random time below min(cap, base · 2^attempt) (full jitter)", () => {
    for (let attempt = 0; attempt < 12; attempt++)
      for (let i = 0; i < 200; i++) {
        const ms = backoffMs(attempt, 5, 250);
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThan(Math.min(250, 5 * 2 ** attempt));
      }
  });
});

describe("createPostgresStore options", () => {
  const pool = failingPool(new Error("unused")).pool;
  const code = (f: () => unknown) => {
    try {
      f();
      return "no error";
    } catch (e) {
      return e instanceof LoyaltyError ? `${e.code}: ${e.message}` : String(e);
    }
  };
  it("refuses a bad table prefix, a bad attempt count, and a missing pool with typed errors; accepts a catalog program", () => {
    expect(code(() => createPostgresStore(pool, { program, tablePrefix: "x; DROP TABLE y" }))).toMatch(
      /^VALIDATION: .*lower-case letters/,
    );
    expect(code(() => createPostgresStore(pool, { program, maxAttempts: 1.5 }))).toMatch(/^VALIDATION: .*integer/);
    expect(code(() => createPostgresStore(null as unknown as PgPoolLike, { program }))).toMatch(/^VALIDATION: .*pool/);
    const catalog = parseProgram({
      kind: "catalog",
      id: "cat",
      name: "Catalog",
      currency: "EUR",
      timeZone: "Europe/Berlin",
      active: { from: "2026-01-01T00:00:00Z" },
      earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
      rewards: [{ id: "mug", name: "Mug", pointsCost: "100", stock: 5, gives: { type: "product", sku: "MUG" } }],
    });
    // Catalog programs are accepted: their stock is a table of its own.
    expect(createPostgresStore(pool, { program: catalog }).tables.stock).toBe("loyalty_stock");
    expect(store0().tables).toEqual({
      accounts: "loyalty_accounts",
      history: "loyalty_history",
      stock: "loyalty_stock",
    });
    function store0() {
      return createPostgresStore(pool, { program });
    }
  });

  it("prints the schema with the prefix and refuses an unsafe one", () => {
    expect(postgresSchemaSql({ tablePrefix: "shop_" })).toContain("UNIQUE (program_id, transaction_id)");
    expect(postgresSchemaSql({ tablePrefix: "shop_" })).toContain("CREATE TABLE IF NOT EXISTS shop_stock (");
    expect(postgresSchemaSql().split("\n")[0]).toBe("CREATE TABLE IF NOT EXISTS loyalty_accounts (");
    expect(code(() => postgresSchemaSql({ tablePrefix: "Shop" }))).toMatch(/^VALIDATION/);
  });
});
