// Cohort retention and repeat-purchase rate of the CDNOW sample computed inside DuckDB, read back
// into the same tables the in-process functions return, drawn as an SVG heat map.
// CDNOW sample: 2,357 customers who first bought in the first quarter of 1997, followed to 1998-06-30
// (Fader, Hardie & Lee 2005).
// Run: npm run build && node examples/sql/duckdb-cohorts.mjs   (needs the @duckdb/node-api package)
import { DuckDBInstance } from "@duckdb/node-api";
import {
  cohortRetentionSql,
  cohortTablesFromSql,
  repeatPurchaseRateSql,
  repeatPurchaseRatesFromSql,
} from "loyalty-kit";
import { cohortHeatmap } from "loyalty-kit/charts";

const file = new URL("../../test/fixtures/analytics/CDNOW_sample.txt", import.meta.url).pathname;
const db = await DuckDBInstance.create(":memory:");
const connection = await db.connect();
await connection.run(
  `CREATE TABLE purchases AS
   WITH f AS (SELECT string_split_regex(trim(line), '\\s+') AS c
              FROM read_csv('${file}', delim = '|', header = false, columns = {'line': 'VARCHAR'}))
   SELECT CAST(c[2] AS INTEGER) AS customer_id, CAST(strptime(c[3], '%Y%m%d') AS DATE) AS bought_at
   FROM f`,
);
const table = { table: "purchases", customerId: "customer_id", at: "bought_at" };
const run = async (q) => (await connection.runAndReadAll(q.text, [...q.params])).getRowObjects();

const [cohorts] = cohortTablesFromSql(
  await run(cohortRetentionSql(table, { dialect: "duckdb", until: "1998-07-01T00:00:00Z" })),
);
console.log(`months: ${cohorts.months[0]} .. ${cohorts.months.at(-1)}`);
for (const c of cohorts.cohorts) {
  const rates = c.rates.slice(1, 7).map((r) => `${(r * 100).toFixed(1)}%`);
  console.log(`${c.cohort}: ${c.size} customers; months 1-6 active: ${rates.join(" ")}`);
}
const [rate] = repeatPurchaseRatesFromSql(
  await run(
    repeatPurchaseRateSql(table, { dialect: "duckdb", from: "1997-01-01T00:00:00Z", to: "1998-01-01T00:00:00Z" }),
  ),
);
console.log(
  `1997 repeat-purchase rate: ${rate.repeatCustomers} of ${rate.customers} = ${(rate.rate * 100).toFixed(1)}%`,
);
const svg = cohortHeatmap(cohorts, { title: "CDNOW sample: cohort retention" });
console.log(`heat map: ${svg.match(/class="cell"/g).length} cells, ${svg.length} characters of SVG`);
connection.closeSync();
db.closeSync();
