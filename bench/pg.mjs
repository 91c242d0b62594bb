// `npm run bench:pg`: checkouts per second through loyalty-kit/postgres at 8 connections, beside
// pgbench's TPC-B-like transactions per second at 8 clients on the same server in the same run
// (pgbench ships with PostgreSQL; its default script is "TPC-B (sort of)": three UPDATEs, one SELECT
// and one INSERT per transaction). Goal: at least half of pgbench's figure. Needs the server of
// scripts/with-postgres.sh (PGHOST…) and a built package. BENCH_SECONDS (default 15) per measurement.
// The store's 8 tills run on BENCH_THREADS worker threads (default 2, as pgbench's `-j 2`), warmed up
// first. Every figure is printed with the load average: on a shared machine the ratio, measured in
// the same run, is the figure to compare, not the absolute rates.
// Every customer starts with BENCH_HISTORY sales (default 30: a purchase every three days over the
// 90 days an account keeps), written straight into the tables before the run: the snapshot
// PostgreSQL rewrites on every sale then has the size of a regular customer's whatever the
// machine's speed (without it, accounts grew only by the run's own sales, so a faster machine
// wrote larger snapshots). BENCH_HISTORY=0 starts every customer new.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
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
const HISTORY = Number(process.env.BENCH_HISTORY ?? 30);
const CUSTOMERS = 1000;
/** The bench's sales happen at this instant; the seeded ones every three days before it. */
const SALE_AT = Date.parse("2026-06-01T10:00:00Z");
/** The server's postmaster pid (its data directory's postmaster.pid), set by main; undefined: not readable. */
let postmaster;

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

const basketOf = (id, i, at = new Date(SALE_AT).toISOString()) => ({
  id,
  at,
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
        // 1,000 customers shared by all tills, each with HISTORY earlier sales.
        await store.checkout(`c${(till * 7919 + i * 104729) % CUSTOMERS}`, basket, {
          transactionId: id,
          consent: true,
        });
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
  // Every statement the store sends is counted (round trips per checkout: a figure the load does not blur).
  const sent = { statements: 0 };
  const counting = {
    async connect() {
      const client = await pool.connect();
      return {
        query: (q, v) => {
          sent.statements++;
          return client.query(q, v);
        },
        release: (err) => client.release(err),
      };
    },
  };
  // BENCH_PREPARED=0 sends the store's statements as plain text (to measure what preparing them saves).
  const store = createPostgresStore(counting, {
    program,
    tablePrefix: workerData.prefix,
    preparedStatements: process.env.BENCH_PREPARED !== "0",
  });
  // Every customer read once (as a server up for a while holds its regular customers), so the run
  // does not count first reads; a row another thread wrote since is still read and parsed again.
  for (let c = 0; c < CUSTOMERS; c += 8)
    await Promise.all(Array.from({ length: 8 }, (_, k) => store.account(`c${c + k}`)));
  await tillsThread(store, { ...workerData, end: Date.now() + WARMUP * 1000, tag: "warm-" });
  parentPort.postMessage("ready");
  const end = await new Promise((resolve) => parentPort.once("message", resolve));
  const elu0 = performance.eventLoopUtilization();
  const sent0 = sent.statements;
  const done = await tillsThread(store, { ...workerData, end, tag: "" });
  parentPort.postMessage({
    done,
    statements: sent.statements - sent0,
    busy: performance.eventLoopUtilization(elu0).utilization,
  });
  // Close the connections only when the main thread has read the server's CPU: an ended backend's
  // CPU moves to the postmaster's children's total, which would blur the client backends' figure.
  await new Promise((resolve) => parentPort.once("message", resolve));
  await pool.end();
} else {
  await main();
}

/**
 * CPU seconds (user + system) used so far by this server's processes (the postmaster and its
 * children), from /proc (Linux; undefined elsewhere): the server shares the machine's cores with the
 * Node side, so its CPU per checkout bounds the figure too. `clientsOnly`: only the live backends
 * serving a client connection (process title "postgres: <user> <database> <host>(<port>) …"), not
 * the background processes (WAL writer, checkpointer, autovacuum) nor processes that ended.
 */
function serverCpuSeconds(clientsOnly = false) {
  if (postmaster === undefined) return undefined;
  try {
    const tick = 100; // USER_HZ: 100 on Linux (proc(5): utime and stime in clock ticks)
    let total = 0;
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      } catch {
        continue; // ended meanwhile
      }
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (pid !== postmaster && f[1] !== postmaster) continue; // f[1]: the parent's pid
      if (clientsOnly) {
        let title = "";
        try {
          title = readFileSync(`/proc/${pid}/cmdline`, "utf8");
        } catch {
          continue;
        }
        if (!/^postgres: \S+ \S+ [\d.:a-f]+\(\d+\)/.test(title)) continue;
        total += (Number(f[11]) + Number(f[12])) / tick;
        continue;
      }
      // fields 14-17 (utime, stime, cutime, cstime) are f[11..14] after "pid (comm) "
      total += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / tick;
    }
    return total;
  } catch {
    return undefined;
  }
}

/** pgbench's tps, and the server's CPU per transaction and pgbench's own (from /proc) as `cpu` text. */
function pgbench() {
  const server0 = serverCpuSeconds();
  const own0 = childCpuSeconds();
  const out = execFileSync("pgbench", ["-n", "-c", String(CLIENTS), "-j", "2", "-T", String(SECONDS), "pgbench"], {
    encoding: "utf8",
  });
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
  if (m === null) throw new Error(`could not read pgbench's tps from:\n${out}`);
  const server1 = serverCpuSeconds();
  const own1 = childCpuSeconds();
  const n = Number(/number of transactions actually processed: (\d+)/.exec(out)?.[1] ?? Number.NaN);
  const cpu =
    server0 === undefined || server1 === undefined || own0 === undefined || own1 === undefined || !(n > 0)
      ? ""
      : ` — PostgreSQL CPU ${(((server1 - server0) * 1000) / n).toFixed(2)} ms, pgbench CPU ${(((own1 - own0) * 1000) / n).toFixed(2)} ms per transaction`;
  return { tps: Number(m[1]), cpu };
}

/** CPU seconds of this process's waited-for children (pgbench), from /proc/self/stat (Linux). */
function childCpuSeconds() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Writes every customer's account after HISTORY sales, one every three days before SALE_AT, with
 * their history rows, as the store would have stored them (the library's pure checkout, the
 * snapshot's JSON), 50 customers per multi-row INSERT. Returns the mean snapshot size in bytes.
 */
async function seed(pool, prefix) {
  if (HISTORY === 0) return 0;
  let bytes = 0;
  for (let first = 0; first < CUSTOMERS; first += 50) {
    const accounts = { key: [], version: [], snapshot: [] };
    const history = { key: [], id: [], request: [], record: [], at: [] };
    for (let c = first; c < Math.min(CUSTOMERS, first + 50); c++) {
      const key = `c${c}`;
      let account = openProgramAccount(program, { customerId: key, consent: true });
      for (let k = 0; k < HISTORY; k++) {
        const at = new Date(SALE_AT - (HISTORY - k) * 3 * 86_400_000).toISOString();
        const id = `seed-${key}-${k}`;
        const basket = basketOf(id, k, at);
        const r = checkout(program, account, basket, { transactionId: id, consent: true });
        account = r.account;
        const { account: _a, status: _s, ...record } = r;
        history.key.push(key);
        history.id.push(id);
        history.request.push(JSON.stringify({ basket, options: { consent: true, transactionId: id } }));
        history.record.push(JSON.stringify(record));
        history.at.push(at);
      }
      const snapshot = JSON.stringify(account);
      bytes += snapshot.length;
      accounts.key.push(key);
      accounts.version.push(HISTORY);
      accounts.snapshot.push(snapshot);
    }
    // Cast to json: PostgreSQL converts on assignment to whatever type migrate() gave the column.
    await pool.query(
      `INSERT INTO ${prefix}accounts (program_id, account_key, version, snapshot) SELECT $1, k, v, s::json FROM unnest($2::text[], $3::bigint[], $4::text[]) AS t(k, v, s)`,
      [program.id, accounts.key, accounts.version, accounts.snapshot],
    );
    await pool.query(
      `INSERT INTO ${prefix}history (program_id, account_key, transaction_id, kind, request, record, at, call_id) SELECT $1, k, i, 'checkout', q, r::json, a::timestamptz, 'seed' FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(k, i, q, r, a)`,
      [program.id, history.key, history.id, history.request, history.record, history.at],
    );
  }
  await pool.query(`VACUUM ANALYZE ${prefix}accounts, ${prefix}history`);
  return bytes / CUSTOMERS;
}

async function storeRun() {
  const prefix = `bench_${Date.now().toString(36)}_`;
  const pool = new pg.Pool({ max: 1 });
  await createPostgresStore(pool, { program, tablePrefix: prefix }).migrate();
  const seeded = await seed(pool, prefix);
  // Closed before the run: a backend that ends inside the window adds all its CPU (here the seeding's) to it.
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
  const server0 = serverCpuSeconds();
  const clients0 = serverCpuSeconds(true);
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
  const server1 = serverCpuSeconds();
  const clients1 = serverCpuSeconds(true);
  const done = counts.reduce((a, b) => a + b.done, 0);
  const statements = counts.reduce((a, b) => a + b.statements, 0);
  const busy = counts.map((c) => `${(c.busy * 100).toFixed(0)}%`).join(", ");
  const serverMsPerCheckout =
    server0 === undefined || server1 === undefined ? undefined : ((server1 - server0) * 1000) / done;
  const clientMsPerCheckout =
    clients0 === undefined || clients1 === undefined ? undefined : ((clients1 - clients0) * 1000) / done;
  for (const w of workers) w.postMessage("close");
  const sizer = new pg.Client();
  await sizer.connect();
  const after = await sizer.query(`SELECT avg(octet_length(snapshot::text))::float8 AS bytes FROM ${prefix}accounts`);
  await sizer.end();
  return {
    done,
    seconds,
    rate: done / seconds,
    cpuMsPerCheckout: (cpu.user + cpu.system) / 1000 / done,
    statementsPerCheckout: statements / done,
    serverMsPerCheckout,
    clientMsPerCheckout,
    busy,
    seeded,
    snapshotBytes: Number(after.rows[0]?.bytes ?? 0),
  };
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
  try {
    const dir = (await admin.query("SHOW data_directory")).rows[0].data_directory;
    postmaster = readFileSync(`${dir}/postmaster.pid`, "utf8").split("\n")[0]?.trim();
  } catch {
    postmaster = undefined; // another user's server: no CPU figures
  }
  await admin.end();
  execFileSync("pgbench", ["-i", "-q", "-s", String(CLIENTS), "pgbench"], { stdio: "ignore" });
  const before = pgbench();
  console.log(
    `pgbench TPC-B-like, ${CLIENTS} clients:        ${before.tps.toFixed(0)} tps   (load ${load()})${before.cpu}`,
  );
  const s = await storeRun();
  console.log(
    `loyalty-kit/postgres checkout, ${CLIENTS} tills: ${s.rate.toFixed(0)} checkouts/s (${s.done} in ${s.seconds.toFixed(1)} s, load ${load()})`,
  );
  // The Node CPU per checkout (the library's pure checkout, JSON, the driver) bounds the figure on a
  // busy machine: each thread gets its share of the cores like any other runnable task.
  console.log(
    `  Node CPU per checkout: ${s.cpuMsPerCheckout.toFixed(2)} ms (user + system, ${CLIENTS} tills on ${THREADS} worker thread(s)); event loops busy ${s.busy} of the time (near 100%: the Node side is the bound)`,
  );
  console.log(`  statements per checkout: ${s.statementsPerCheckout.toFixed(2)} (each one round trip)`);
  console.log(
    `  snapshot per account: ${(s.seeded / 1024).toFixed(1)} kB before the run (${HISTORY} earlier sales each, BENCH_HISTORY), ${(s.snapshotBytes / 1024).toFixed(1)} kB after`,
  );
  if (s.serverMsPerCheckout !== undefined)
    console.log(
      `  PostgreSQL CPU per checkout: ${s.serverMsPerCheckout.toFixed(2)} ms (its processes' user + system from /proc, same window)${s.clientMsPerCheckout === undefined ? "" : `, of which the 8 client backends ${s.clientMsPerCheckout.toFixed(2)} ms (the rest: WAL writer, checkpointer, autovacuum)`}`,
    );
  const after = pgbench();
  console.log(`pgbench TPC-B-like again:                ${after.tps.toFixed(0)} tps   (load ${load()})${after.cpu}`);
  const ratio = s.rate / ((before.tps + after.tps) / 2);
  console.log(
    `checkouts/s ÷ mean pgbench tps = ${ratio.toFixed(2)} (goal ≥ 0.50: ${ratio >= 0.5 ? "met" : "NOT met"})`,
  );
}
