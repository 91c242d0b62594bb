// `npm run bench:pg`: checkouts per second through loyalty-kit/postgres at 8 connections, beside
// pgbench's TPC-B-like transactions per second at 8 clients on the same server in the same run
// (pgbench ships with PostgreSQL; its default script is "TPC-B (sort of)": three UPDATEs, one SELECT
// and one INSERT per transaction). Goal: at least half of pgbench's figure. Needs the server of
// scripts/with-postgres.sh (PGHOST…) and a built package. BENCH_SECONDS (default 15) per measurement.
// The store's 8 tills run on BENCH_THREADS worker threads (default 2, as pgbench's `-j 2`), warmed up
// first. Every figure is printed with the load average: on a shared machine the ratio, measured in
// the same run, is the figure to compare, not the absolute rates.
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import pg from "pg";
import { checkout, openProgramAccount, parseProgram } from "loyalty-kit";
import { createPostgresStore } from "loyalty-kit/postgres";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = 8;
// pgbench runs its 8 clients on `-j 2` threads; the store's 8 tills run on as many worker threads,
// 4 connections each (BENCH_THREADS=1 puts all 8 in one thread, as a single Node server would).
const THREADS = Number(process.env.BENCH_THREADS ?? 2);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const WARMUP_PURE = Number(process.env.BENCH_WARMUP_PURE ?? 3000);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

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

const basketOf = (id, i) => ({
  id,
  at: "2026-03-07T10:00:00Z",
  lines: [
    { id: "1", sku: "TEE", quantity: 1 + (i % 3), unitPrice: { amount: "12.90", currency: "EUR" } },
    { id: "2", sku: "SOCKS", quantity: 1, unitPrice: { amount: "4.50", currency: "EUR" } },
  ],
});

/**
 * V8 compiles a function with its optimizing tier only after thousands of calls (measured here: the
 * store's Node CPU per checkout is ~3× higher in the first 500 checkouts than after 3,000), and a
 * busy machine delays that further. A server that has been up for a while runs the compiled code, so
 * each thread first runs the library's checkout in memory (no database) WARMUP_PURE times.
 */
function warmPure() {
  const accounts = Array.from({ length: 50 }, (_, c) =>
    openProgramAccount(program, { customerId: `w${c}`, consent: true }),
  );
  for (let i = 0; i < WARMUP_PURE; i++) {
    const r = checkout(program, accounts[i % 50], basketOf(`w${i}`, i), { transactionId: `w${i}`, consent: true });
    accounts[i % 50] =
      i % 500 === 499 ? openProgramAccount(program, { customerId: `w${i}`, consent: true }) : r.account;
    JSON.stringify(r.account);
  }
}

/** One worker thread's tills: `tills` connections, each a till selling to the 1,000 shared customers until `end`. */
async function tillsThread(store, { tills, first, end, tag }) {
  let done = 0;
  await Promise.all(
    Array.from({ length: tills }, async (_, k) => {
      const till = first + k;
      for (let i = 0; Date.now() < end; i++) {
        const id = `${tag}till${till}-${i}`;
        const basket = basketOf(id, i);
        // 1,000 customers shared by all tills: a few purchases each over a 15 s run, so snapshots stay small as they will be bounded.
        await store.checkout(`c${(till * 7919 + i * 104729) % 1000}`, basket, { transactionId: id, consent: true });
        done++;
      }
    }),
  );
  return done;
}

if (!isMainThread) {
  // Warm up first (the same tills and customers for WARMUP seconds, untimed): the JIT compiles the
  // library's hot paths and the store has read its customers once, as in a server that has been up
  // for a while; pgbench's C code and the server's caches need no such start.
  warmPure();
  const pool = new pg.Pool({ max: workerData.tills });
  pool.on("error", () => undefined);
  const store = createPostgresStore(pool, { program, tablePrefix: workerData.prefix });
  await tillsThread(store, { ...workerData, end: Date.now() + WARMUP * 1000, tag: "warm-" });
  parentPort.postMessage("ready");
  const end = await new Promise((resolve) => parentPort.once("message", resolve));
  const elu0 = performance.eventLoopUtilization();
  const done = await tillsThread(store, { ...workerData, end, tag: "" });
  parentPort.postMessage({ done, busy: performance.eventLoopUtilization(elu0).utilization });
  await pool.end();
} else {
  await main();
}

function pgbench() {
  const out = execFileSync("pgbench", ["-n", "-c", String(CLIENTS), "-j", "2", "-T", String(SECONDS), "pgbench"], {
    encoding: "utf8",
  });
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
  if (m === null) throw new Error(`could not read pgbench's tps from:\n${out}`);
  return Number(m[1]);
}

async function storeRun() {
  const prefix = `bench_${Date.now().toString(36)}_`;
  const pool = new pg.Pool({ max: 1 });
  await createPostgresStore(pool, { program, tablePrefix: prefix }).migrate();
  await pool.end();
  const per = CLIENTS / THREADS;
  const workers = await Promise.all(
    Array.from(
      { length: THREADS },
      (_, t) =>
        new Promise((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url), { workerData: { prefix, tills: per, first: t * per } });
          w.once("message", () => resolve(w));
          w.once("error", reject);
        }),
    ),
  );
  const end = Date.now() + SECONDS * 1000;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const counts = await Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve, reject) => {
          w.once("message", resolve);
          w.once("error", reject);
          w.postMessage(end);
        }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const done = counts.reduce((a, b) => a + b.done, 0);
  const busy = counts.map((c) => `${(c.busy * 100).toFixed(0)}%`).join(", ");
  return { done, seconds, rate: done / seconds, cpuMsPerCheckout: (cpu.user + cpu.system) / 1000 / done, busy };
}

async function main() {
  if (!process.env.PGHOST) {
    console.error("bench/pg.mjs: PGHOST is not set; run `npm run bench:pg` (it starts a throwaway server)");
    process.exit(1);
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
  // The Node CPU per checkout (the library's pure checkout, JSON, the driver) bounds the figure on a
  // busy machine: each thread gets its share of the cores like any other runnable task.
  console.log(
    `  Node CPU per checkout: ${s.cpuMsPerCheckout.toFixed(2)} ms (user + system, ${CLIENTS} tills on ${THREADS} worker thread(s)); event loops busy ${s.busy} of the time (near 100%: the Node side is the bound)`,
  );
  const after = pgbench();
  console.log(`pgbench TPC-B-like again:                ${after.toFixed(0)} tps   (load ${load()})`);
  const ratio = s.rate / ((before + after) / 2);
  console.log(
    `checkouts/s ÷ mean pgbench tps = ${ratio.toFixed(2)} (goal ≥ 0.50: ${ratio >= 0.5 ? "met" : "NOT met"})`,
  );
}
