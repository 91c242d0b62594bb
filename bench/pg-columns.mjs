// `bash scripts/with-postgres.sh node bench/pg-columns.mjs` (after `npm run build`): the PostgreSQL
// server's CPU per sale's write for the ways the snapshot column could be stored — why the store's
// JSON columns are `json` with LZ4 and not `jsonb`. Each variant gets its own accounts and history
// tables; 8 connections send the store's one-statement write (UPDATE the account's snapshot if the
// version matches, INSERT the history row) with real snapshots of the library (a customer with
// PURCHASES sales, default 40: about 19 kB of JSON), N writes per variant (default 5000). The CPU
// is the server processes' user + system time from /proc (Linux), so the figure is the server's
// work per write whatever else the machine runs; the wall time per write is printed for reference.
// VARIANTS (comma-separated) picks from: jsonb, json, text, then -lz4 (SET COMPRESSION lz4),
// -ext (SET STORAGE EXTERNAL: no compression), -ff (fillfactor 50, room for HOT updates).
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import pg from "pg";
import { checkout, openProgramAccount, parseProgram } from "loyalty-kit";

const PURCHASES = Number(process.env.PURCHASES ?? 40);
const N = Number(process.env.N ?? 5000);
const CUSTOMERS = 200;
const VARIANTS = (process.env.VARIANTS ?? "jsonb,jsonb-lz4,json,json-lz4,json-ext,text-lz4,json-lz4-ff,jsonb").split(
  ",",
);

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
const basket = (i) => ({
  id: `t${i}`,
  at: "2026-03-07T10:00:00Z",
  lines: [
    { id: "1", sku: "TEE", quantity: 1 + (i % 3), unitPrice: { amount: "12.90", currency: "EUR" } },
    { id: "2", sku: "SOCKS", quantity: 1, unitPrice: { amount: "4.50", currency: "EUR" } },
  ],
});

// The JSON the store would send after each of a customer's sales (snapshot, record, request).
const snaps = [];
const records = [];
const requests = [];
let account = openProgramAccount(program, { customerId: "c1", consent: true });
for (let i = 0; i < PURCHASES + 20; i++) {
  const r = checkout(program, account, basket(i), { transactionId: `t${i}`, consent: true });
  account = r.account;
  const { account: _a, status: _s, ...record } = r;
  snaps.push(JSON.stringify(account));
  records.push(JSON.stringify(record));
  requests.push(JSON.stringify({ basket: basket(i) }));
}

const admin = new pg.Client();
await admin.connect();
const dir = (await admin.query("SHOW data_directory")).rows[0].data_directory;
const postmaster = readFileSync(`${dir}/postmaster.pid`, "utf8").split("\n")[0].trim();
/** CPU seconds of the postmaster and its children so far (/proc/<pid>/stat utime, stime, cutime, cstime). */
function serverCpu() {
  let total = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue;
    }
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (pid !== postmaster && f[1] !== postmaster) continue;
    total += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100; // USER_HZ 100
  }
  return total;
}

console.log(
  `bench/pg-columns: snapshot ${snaps[PURCHASES].length} B, record ${records[PURCHASES].length} B, ${N} writes per variant, 8 connections, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
for (const v of VARIANTS) {
  const p = `cols_${v.replace(/-/g, "_")}_`;
  const type = v.startsWith("jsonb") ? "jsonb" : v.startsWith("json") ? "json" : "text";
  await admin.query(`DROP TABLE IF EXISTS ${p}accounts, ${p}history`);
  await admin.query(
    `CREATE TABLE ${p}accounts (program_id text NOT NULL, account_key text NOT NULL, version bigint NOT NULL, snapshot ${type} NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (program_id, account_key))`,
  );
  await admin.query(
    `CREATE TABLE ${p}history (seq bigserial PRIMARY KEY, program_id text NOT NULL, account_key text NOT NULL, transaction_id text NOT NULL, kind text NOT NULL, request text NOT NULL, record ${type} NOT NULL, at timestamptz NOT NULL, call_id text NOT NULL, stored_at timestamptz NOT NULL DEFAULT now(), UNIQUE (program_id, transaction_id))`,
  );
  await admin.query(`CREATE INDEX ON ${p}history (program_id, account_key, seq)`);
  if (v.includes("-lz4")) {
    await admin.query(`ALTER TABLE ${p}accounts ALTER COLUMN snapshot SET COMPRESSION lz4`);
    await admin.query(`ALTER TABLE ${p}history ALTER COLUMN record SET COMPRESSION lz4`);
  }
  if (v.includes("-ext")) await admin.query(`ALTER TABLE ${p}accounts ALTER COLUMN snapshot SET STORAGE EXTERNAL`);
  if (v.includes("-ff")) await admin.query(`ALTER TABLE ${p}accounts SET (fillfactor = 50)`);
  const write = `WITH acc AS (UPDATE ${p}accounts SET version = version + 1, snapshot = $4::${type}, updated_at = now() WHERE program_id = $1::text AND account_key = $2::text AND version::text = $3::text RETURNING 1) INSERT INTO ${p}history (program_id, account_key, transaction_id, kind, request, record, at, call_id) SELECT $1::text, $2::text, $5::text, $6::text, $7::text, $8::${type}, $9::timestamptz, $10::text FROM acc`;
  const version = new Map();
  for (let c = 0; c < CUSTOMERS; c++) {
    await admin.query(`INSERT INTO ${p}accounts VALUES ('bench', $1, 1, $2::${type})`, [`c${c}`, snaps[PURCHASES - 1]]);
    version.set(c, 1);
  }
  const pool = new pg.Pool({ max: 8 });
  let next = 0;
  async function connection() {
    const client = await pool.connect();
    try {
      for (let i = next++; i < N; i = next++) {
        const c = (i * 7919) % CUSTOMERS;
        const n = PURCHASES + (version.get(c) % 20);
        const r = await client.query({
          name: "write",
          text: write,
          values: [
            "bench",
            `c${c}`,
            String(version.get(c)),
            snaps[n],
            `${v}-${i}`,
            "checkout",
            requests[n],
            records[n],
            "2026-03-07T10:00:00Z",
            "call",
          ],
        });
        if (r.rowCount !== 1) throw new Error(`${v}: write ${i} found another version`);
        version.set(c, version.get(c) + 1);
      }
    } finally {
      client.release();
    }
  }
  const cpu0 = serverCpu();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 8 }, connection));
  const cpu = serverCpu() - cpu0;
  const wall = performance.now() - t0;
  console.log(
    `${v.padEnd(12)} server CPU ${((cpu * 1000) / N).toFixed(3)} ms per write   wall ${(wall / N).toFixed(3)} ms per write`,
  );
  await pool.end();
  await admin.query(`DROP TABLE ${p}accounts, ${p}history`);
}
await admin.end();
