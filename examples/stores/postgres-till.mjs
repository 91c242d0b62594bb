// Needs a PostgreSQL server (PGHOST…): `npm run test:pg` runs it against a throwaway one; without a
// server scripts/check-examples.mjs skips it and says so.
// A till on the PostgreSQL store: a sale, its retry after a lost reply, a redemption another till's
// spending made impossible (a typed refusal that stored nothing), and the history rows.
import pg from "pg";
import { LoyaltyError, parseProgram } from "loyalty-kit";
import { createPostgresStore } from "loyalty-kit/postgres";

const program = parseProgram({
  kind: "bonus",
  id: "bonus",
  name: "Bonus",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], rounding: "floor" },
  redeem: { pointValue: "0.01", maxShare: "50" },
});

const pool = new pg.Pool({ max: 4 }); // PGHOST, PGPORT, PGUSER, PGDATABASE from the environment
pool.on("error", () => {}); // a backend that dies while idle must not crash the till
const store = createPostgresStore(pool, { program, tablePrefix: "example_till_" });
await pool.query("DROP TABLE IF EXISTS example_till_accounts, example_till_history"); // a fresh demo
await store.migrate();

const basket = {
  id: "b1",
  at: "2026-03-07T10:00:00Z",
  lines: [{ id: "1", sku: "DRESS", quantity: 1, unitPrice: { amount: "35.70", currency: "EUR" } }],
};
const sale = await store.checkout("olga-0042", basket, { transactionId: "till-3:0001", consent: true });
console.log(`sale: ${sale.status}, ${sale.pointsEarned} points`);

// The reply was lost; the till sends the same sale again: answered from the history table.
const retry = await store.checkout("olga-0042", basket, { transactionId: "till-3:0001", consent: true });
console.log(`retry: ${retry.status}, ${retry.pointsEarned} points`);

// Another till spends 30 of the 35 points meanwhile; this till's 20-point redemption is refused.
await store.redeem("olga-0042", { transactionId: "till-1:0107", at: "2026-03-07T10:05:00Z", points: "30" });
try {
  await store.redeem("olga-0042", { transactionId: "till-3:0002", at: "2026-03-07T10:06:00Z", points: "20" });
} catch (err) {
  if (!(err instanceof LoyaltyError)) throw err;
  console.log(`refused: ${err.code}, ${err.details.available} available`);
}

console.log(`balance: ${await store.balance("olga-0042", { at: "2026-03-07T11:00:00Z" })}`);
for (const row of await store.history("olga-0042"))
  console.log(`history: ${row.kind} ${row.transactionId} at ${row.at}`);
await pool.end();
