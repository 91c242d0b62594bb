// Needs a PostgreSQL server (PGHOST…): `npm run test:pg` runs it against a throwaway one; without a
// server scripts/check-examples.mjs skips it and says so.
// An offline till on SQLite: it learns a customer's account, loses the network, sells and redeems
// on its own copy, and syncs when back — over a transport that loses the first reply. The central
// PostgreSQL store refuses the redemption (another till spent the points meanwhile): the till gets a
// typed conflict to show the cashier, and learns the authoritative balance.
import Database from "better-sqlite3";
import pg from "pg";
import { parseProgram } from "loyalty-kit";
import { createPostgresStore } from "loyalty-kit/postgres";
import { createSqliteTill, createSyncHandler } from "loyalty-kit/sqlite";

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
const basket = (id, at, amount) => ({
  id,
  at,
  lines: [{ id: "1", sku: "DRESS", quantity: 1, unitPrice: { amount, currency: "EUR" } }],
});

// The central store, and the sync handler the central server runs for its tills.
const pool = new pg.Pool({ max: 2 }); // PGHOST, PGPORT, PGUSER, PGDATABASE from the environment
pool.on("error", () => {});
const store = createPostgresStore(pool, { program, tablePrefix: "example_sync_" });
await pool.query("DROP TABLE IF EXISTS example_sync_accounts, example_sync_history"); // a fresh demo
await store.migrate();
const handler = createSyncHandler(store);
await store.checkout("olga-0042", basket("b0", "2026-03-07T09:00:00Z", "40.00"), {
  transactionId: "till-1:0001",
  consent: true,
});

// The till: a SQLite file in production (new Database("till.db")); in memory here.
const till = createSqliteTill(new Database(":memory:"), { program, tillId: "till-3" });
till.migrate();
till.receive(await handler.handle(till.batch({ refresh: ["olga-0042"] }))); // while online
console.log(`till knows: ${till.balance("olga-0042", { at: "2026-03-07T09:00:00Z" })} points`);

// Offline from here. Another till spends 30 points at the central store meanwhile.
await store.redeem("olga-0042", { transactionId: "till-1:0002", at: "2026-03-07T09:30:00Z", points: "30" });
const sale = till.checkout("olga-0042", basket("b1", "2026-03-07T10:00:00Z", "12.50"), {
  transactionId: "till-3:0001",
  consent: true,
});
till.redeem("olga-0042", { transactionId: "till-3:0002", at: "2026-03-07T10:01:00Z", points: "25" });
console.log(`offline: sale ${sale.status} +${sale.pointsEarned}, queued ${till.pending().length}`);
console.log(`till's copy: ${till.balance("olga-0042", { at: "2026-03-07T10:01:00Z" })} points`);

// Back online. The first reply is lost on the way back; the till sends the same batch again.
await handler.handle(till.batch());
const counts = till.receive(await handler.handle(till.batch()));
console.log(`sync: ${counts.confirmed} confirmed, ${counts.refused} refused, ${till.pending().length} queued`);
for (const c of till.conflicts()) console.log(`show the cashier: ${c.kind} ${c.transactionId} ${c.code}`);
console.log(`till now: ${till.balance("olga-0042", { at: "2026-03-07T11:00:00Z" })} points`);
console.log(`central:  ${await store.balance("olga-0042", { at: "2026-03-07T11:00:00Z" })} points`);
console.log(`central history: ${(await store.history("olga-0042")).map((r) => r.transactionId).join(", ")}`);
await pool.end();
