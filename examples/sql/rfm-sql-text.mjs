// The SQL that rfmSummarySql generates for DuckDB and for PostgreSQL, with a calibration / holdout
// split: purchases are reduced to customer days (values summed exactly, DECIMAL in DuckDB and NUMERIC
// in PostgreSQL), then to one row per customer; the first day's value comes from DuckDB's arg_min
// or from PostgreSQL's ordered array_agg. Every value is a bound parameter.
// Run: npm run build && node examples/sql/rfm-sql-text.mjs
import { rfmSummarySql } from "loyalty-kit";

const table = { table: "purchases", customerId: "customer_id", at: "bought_at", value: "amount" };
const options = { observationEnd: "1998-06-30", calibrationEnd: "1997-09-30", period: "week" };
for (const dialect of ["duckdb", "postgres"]) {
  const query = rfmSummarySql(table, { ...options, dialect });
  console.log(`-- ${dialect}, parameters ${JSON.stringify(query.params)}`);
  console.log(query.text);
  console.log();
}
