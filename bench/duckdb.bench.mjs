// `npm run bench:duckdb` (also part of `npm run bench`): the RFM summary of N generated purchases
// computed inside DuckDB (through @duckdb/node-api) by the SQL that `rfmSummarySql` generates, beside
// the same summary written by hand as an analyst would write it for DuckDB, in the same run on the
// same table. Goal: the generated SQL takes at most 1.2× the hand-written one. Both group twice
// (purchases → customer days → customers, the first day's value by arg_min); the generated SQL also
// casts each value once to DECIMAL(38,10) for exact sums whatever the column's type, reads UTC days
// from the epoch (time-zone proof for timestamptz columns) and bounds the observation end by a
// parameter.
//
// N = DUCKDB_ROWS (default 20,000,000) purchases by N / 20 customers over 18 months, a TIMESTAMP and a
// DECIMAL(10,2) column as a warehouse table has them. Each query is wrapped in an aggregate of its
// rows (count and column sums), so both are timed on the work inside the database, not on moving a
// million rows into JavaScript; the aggregates must agree, which checks the two queries compute the
// same rows. The queries run alternately, DUCKDB_RUNS times each (default 3); the median counts.
import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { rfmSummarySql } from "loyalty-kit/sql";

const ROWS = Number(process.env.DUCKDB_ROWS ?? 20_000_000);
const RUNS = Number(process.env.DUCKDB_RUNS ?? 3);
const GOAL = 1.2;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");

// The hand-written RFM summary (lifetimes' definitions: UTC days, frequency = repeat days, recency
// and T in weeks from the first day, monetary = mean value of the repeat days), observation end
// 1998-06-30 inclusive.
const HAND_WRITTEN = `
WITH d AS (
  SELECT customer_id, CAST(bought_at AS DATE) AS day, SUM(amount) AS value
  FROM purchases
  WHERE bought_at < TIMESTAMP '1998-07-01'
  GROUP BY customer_id, day
), c AS (
  SELECT customer_id, MIN(day) AS first_day, MAX(day) AS last_day, COUNT(*) AS days,
         SUM(value) AS total, arg_min(value, day) AS first_value
  FROM d GROUP BY customer_id
)
SELECT customer_id,
       days - 1 AS frequency,
       (last_day - first_day) / 7.0 AS recency,
       (DATE '1998-06-30' - first_day) / 7.0 AS t,
       CASE WHEN days > 1 THEN CAST(total - first_value AS DOUBLE) / (days - 1) ELSE 0 END AS monetary
FROM c
ORDER BY customer_id`;

/** Wraps an RFM query so the database computes it fully and returns only a checksum row. */
const checksum = (sql) => `SELECT COUNT(*) AS customers, SUM(frequency) AS frequency, ROUND(SUM(recency), 3) AS recency,
  ROUND(SUM(t), 3) AS t, ROUND(SUM(monetary), 2) AS monetary FROM (${sql}) AS rfm`;

async function timed(connection, sql, params) {
  const t0 = performance.now();
  const reader = await connection.runAndReadAll(sql, params);
  const ms = performance.now() - t0;
  const row = reader.getRowObjects()[0];
  return { ms, row: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function duckdbBench() {
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  const version = (await connection.runAndReadAll("SELECT version() AS v")).getRowObjects()[0].v;
  console.log(
    `DuckDB ${version}, ${cpus().length} cores; ${ROWS.toLocaleString("en-US")} purchases, ${Math.max(1, Math.floor(ROWS / 20)).toLocaleString("en-US")} customers; load before: ${load()}`,
  );
  const g0 = performance.now();
  // Deterministic pseudo-random rows: customer, second within 1997-01-01 … 1998-06-30, cents.
  await connection.run(`CREATE TABLE purchases AS
    SELECT CAST(hash(i) % ${Math.max(1, Math.floor(ROWS / 20))} AS INTEGER) AS customer_id,
           TIMESTAMP '1997-01-01' + to_seconds(CAST(hash(i + ${ROWS}) % (546 * 86400) AS BIGINT)) AS bought_at,
           CAST((hash(i * 3 + 1) % 20000) / 100 AS DECIMAL(10,2)) AS amount
    FROM range(${ROWS}) AS r(i)`);
  console.log(`generated in ${((performance.now() - g0) / 1000).toFixed(1)} s`);

  const generated = rfmSummarySql(
    { table: "purchases", customerId: "customer_id", at: "bought_at", value: "amount" },
    { dialect: "duckdb", observationEnd: "1998-06-30", period: "week" },
  );
  const runs = { generated: [], hand: [] };
  let rows = null;
  for (let i = 0; i < RUNS; i++) {
    for (const [name, sql, params] of [
      ["generated", checksum(generated.text), [...generated.params]],
      ["hand", checksum(HAND_WRITTEN), []],
    ]) {
      const r = await timed(connection, sql, params);
      runs[name].push(r.ms);
      rows ??= {};
      rows[name] ??= r.row;
    }
  }
  const same = JSON.stringify(rows.generated) === JSON.stringify(rows.hand);
  const g = median(runs.generated);
  const h = median(runs.hand);
  const ratio = g / h;
  const fmt = (xs) => xs.map((x) => (x / 1000).toFixed(2)).join(", ");
  console.log(`rfmSummarySql (generated): median ${(g / 1000).toFixed(2)} s (runs: ${fmt(runs.generated)} s)`);
  console.log(`hand-written SQL:          median ${(h / 1000).toFixed(2)} s (runs: ${fmt(runs.hand)} s)`);
  console.log(
    `ratio generated / hand-written: ${ratio.toFixed(2)}× (goal ≤ ${GOAL}×: ${ratio <= GOAL ? "met" : "NOT met"}); load after: ${load()}`,
  );
  // On a shared machine the medians move with the load; the fastest runs show the queries' own cost.
  const best = Math.min(...runs.generated) / Math.min(...runs.hand);
  console.log(`ratio of the fastest runs: ${best.toFixed(2)}× (for reference; the median ratio is the goal's figure)`);
  console.log(`same rows: ${same ? "yes" : "NO"} ${JSON.stringify(rows.generated)}`);
  if (!same) console.log(`hand-written rows: ${JSON.stringify(rows.hand)}`);
  connection.closeSync();
  db.closeSync();
  if (!same) process.exitCode = 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await duckdbBench();
