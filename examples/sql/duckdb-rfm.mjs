// RFM summary of the CDNOW sample computed inside DuckDB: load the raw purchases, run the SQL that
// rfmSummarySql generates (one row per customer leaves the database), read the rows and fit BG/NBD.
// Calibration to 1997-09-30 as in Fader, Hardie & Lee (2005); their published fit is
// r = 0.243, alpha = 4.414, a = 0.793, b = 2.426.
// Run: npm run build && node examples/sql/duckdb-rfm.mjs   (needs the @duckdb/node-api package)
import { DuckDBInstance } from "@duckdb/node-api";
import { fitBgNbd, rfmRowsFromSql, rfmSummarySql } from "loyalty-kit";

const file = new URL("../../test/fixtures/analytics/CDNOW_sample.txt", import.meta.url).pathname;
const db = await DuckDBInstance.create(":memory:");
const connection = await db.connect();
// The sample file: original id, sample id, date yyyyMMdd, CDs bought, dollars, separated by spaces.
await connection.run(
  `CREATE TABLE purchases AS
   WITH f AS (SELECT string_split_regex(trim(line), '\\s+') AS c
              FROM read_csv('${file}', delim = '|', header = false, columns = {'line': 'VARCHAR'}))
   SELECT CAST(c[2] AS INTEGER) AS customer_id, CAST(strptime(c[3], '%Y%m%d') AS DATE) AS bought_at,
          CAST(c[5] AS DECIMAL(10,2)) AS amount
   FROM f`,
);

const query = rfmSummarySql(
  { table: "purchases", customerId: "customer_id", at: "bought_at", value: "amount" },
  { dialect: "duckdb", observationEnd: "1998-06-30", calibrationEnd: "1997-09-30", period: "week" },
);
console.log(`parameters: ${JSON.stringify(query.params)}`);
const reader = await connection.runAndReadAll(query.text, [...query.params]);
const rows = rfmRowsFromSql(reader.getRowObjects());
console.log(`customers: ${rows.length}`);
const first = rows[0];
console.log(
  `customer ${first.customerId}: frequency ${first.frequency}, recency ${first.recency.toFixed(2)}, T ${first.T.toFixed(2)}, monetary ${first.monetary.toFixed(3)}`,
);
const fit = fitBgNbd(rows);
console.log(
  `BG/NBD: r ${fit.r.toFixed(3)}, alpha ${fit.alpha.toFixed(3)}, a ${fit.a.toFixed(3)}, b ${fit.b.toFixed(3)}`,
);
connection.closeSync();
db.closeSync();
