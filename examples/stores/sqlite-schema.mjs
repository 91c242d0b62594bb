// The offline till's two tables, as `migrate()` creates them in SQLite (read back from sqlite_master).
// `accounts.local` is the till's copy (the authoritative snapshot with the queued operations on top),
// `accounts.central` the last authoritative snapshot; `outbox` holds every operation the till made,
// `pending` until the central store confirms it (`synced`) or refuses it (`refused`, with its code).
import Database from "better-sqlite3";
import { parseProgram } from "loyalty-kit";
import { createSqliteTill } from "loyalty-kit/sqlite";

const program = parseProgram({
  kind: "bonus",
  id: "bonus",
  name: "Bonus",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
});
const db = new Database(":memory:");
createSqliteTill(db, { program, tillId: "till-1" }).migrate();
for (const { sql } of db
  .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
  .all())
  console.log(`${sql};`);
