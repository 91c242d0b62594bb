// A pg Pool on the server `scripts/with-postgres.sh` started (PGHOST/PGPORT/PGUSER/PGDATABASE), or
// undefined with a loud message. With LOYALTY_REQUIRE_PG=1 (set by `npm run test:pg`, which CI runs)
// a missing server fails the run instead of skipping it.
import pg from "pg";
import { parseProgram } from "../../src/programs/parseProgram.js";

export const hasServer = Boolean(process.env["PGHOST"]);
export const required = process.env["LOYALTY_REQUIRE_PG"] === "1";

export function announceSkip(file: string): void {
  if (hasServer) return;
  if (required)
    throw new Error(`${file}: LOYALTY_REQUIRE_PG=1 but PGHOST is not set: no PostgreSQL server to test against`);
  console.warn(
    `\n*** ${file}: PGHOST is not set — the PostgreSQL store tests are SKIPPED. Run \`npm run test:pg\` (starts a throwaway server). ***\n`,
  );
}

/** A pool whose connections swallow asynchronous 'error' events (a terminated backend), as a real till's pool must. */
export function makePool(max: number, applicationName = "loyalty-test"): pg.Pool {
  const pool = new pg.Pool({ max, application_name: applicationName });
  pool.on("error", () => undefined);
  pool.on("connect", (client) => {
    client.on("error", () => undefined);
  });
  return pool;
}

/** A unique table prefix per test, so test files can share one server. */
export function freshPrefix(name: string): string {
  return `t_${name}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}_`;
}

/**
 * The test program: a bonus program, 1 point per 1.00 paid (floor), points worth 0.01 up to half a
 * basket, no expiry, and refunds take earned points back even when spent (`negative-balance`), so the
 * balance is a plain signed sum of the ledger entries and can be recomputed independently.
 */
export const program = parseProgram({
  kind: "bonus",
  id: "store-test",
  name: "Store test",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], rounding: "floor" },
  redeem: { pointValue: "0.01", maxShare: "50" },
  clawback: "negative-balance",
});
