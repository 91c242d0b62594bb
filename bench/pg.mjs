// `npm run bench:pg`: checkouts per second through loyalty-kit/postgres at 8 connections, beside
// pgbench's TPC-B-like transactions per second at 8 clients on the same server in the same run
// (pgbench ships with PostgreSQL; its default script is "TPC-B (sort of)": three UPDATEs, one SELECT
// and one INSERT per transaction). Goal: at least half of pgbench's figure. Needs the server of
// scripts/with-postgres.sh (PGHOST…) and a built package. BENCH_SECONDS (default 15) per measurement.
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { parseProgram } from "loyalty-kit";
import { createPostgresStore } from "loyalty-kit/postgres";

if (!process.env.PGHOST) {
  console.error("bench/pg.mjs: PGHOST is not set; run `npm run bench:pg` (it starts a throwaway server)");
  process.exit(1);
}
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = 8;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

function pgbench() {
  const out = execFileSync("pgbench", ["-n", "-c", String(CLIENTS), "-j", "2", "-T", String(SECONDS), "pgbench"], {
    encoding: "utf8",
  });
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
  if (m === null) throw new Error(`could not read pgbench's tps from:\n${out}`);
  return Number(m[1]);
}

const program = parseProgram({
  kind: "bonus",
  id: "bench",
  name: "Bench",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], rounding: "floor" },
  redeem: { pointValue: "0.01", maxShare: "50" },
});

async function storeRun() {
  const pool = new pg.Pool({ max: CLIENTS });
  pool.on("error", () => undefined);
  const store = createPostgresStore(pool, { program, tablePrefix: `bench_${Date.now().toString(36)}_` });
  await store.migrate();
  let done = 0;
  const end = Date.now() + SECONDS * 1000;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, till) => {
      for (let i = 0; Date.now() < end; i++) {
        const id = `till${till}-${i}`;
        const basket = {
          id,
          at: "2026-03-07T10:00:00Z",
          lines: [
            { id: "1", sku: "TEE", quantity: 1 + (i % 3), unitPrice: { amount: "12.90", currency: "EUR" } },
            { id: "2", sku: "SOCKS", quantity: 1, unitPrice: { amount: "4.50", currency: "EUR" } },
          ],
        };
        // 1,000 customers: ~2 purchases each over a 15 s run, so snapshots stay small as they will be bounded.
        await store.checkout(`c${(till * 7919 + i * 104729) % 1000}`, basket, { transactionId: id, consent: true });
        done++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await pool.end();
  return { done, seconds, rate: done / seconds, cpuMsPerCheckout: (cpu.user + cpu.system) / 1000 / done };
}

console.log(
  `bench:pg — node ${process.version}, ${cpus()[0]?.model ?? "cpu"} × ${cpus().length}, ${CLIENTS} connections, ${SECONDS} s each`,
);
console.log(`load average before: ${load()}`);
const admin = new pg.Client();
await admin.connect();
await admin.query("DROP DATABASE IF EXISTS pgbench");
await admin.query("CREATE DATABASE pgbench");
await admin.end();
execFileSync("pgbench", ["-i", "-q", "-s", String(CLIENTS), "pgbench"], { stdio: "ignore" });
const before = pgbench();
console.log(`pgbench TPC-B-like, ${CLIENTS} clients:        ${before.toFixed(0)} tps   (load ${load()})`);
const s = await storeRun();
console.log(
  `loyalty-kit/postgres checkout, ${CLIENTS} tills: ${s.rate.toFixed(0)} checkouts/s (${s.done} in ${s.seconds.toFixed(1)} s, load ${load()})`,
);
// The tills share one Node process: its CPU per checkout (the library's pure checkout, JSON, the
// driver) bounds the figure on a busy machine long before the database does.
console.log(
  `  Node CPU per checkout: ${s.cpuMsPerCheckout.toFixed(2)} ms (user + system, all ${CLIENTS} tills in one process)`,
);
const after = pgbench();
console.log(`pgbench TPC-B-like again:                ${after.toFixed(0)} tps   (load ${load()})`);
const ratio = s.rate / ((before + after) / 2);
console.log(`checkouts/s ÷ mean pgbench tps = ${ratio.toFixed(2)} (goal ≥ 0.50: ${ratio >= 0.5 ? "met" : "NOT met"})`);
