// UTC calendar months in plain SQL shared by DuckDB and PostgreSQL: the UTC day number is turned into
// a DATE (which carries no time zone) and its year and month are extracted, so the session time zone
// never matters — unlike extract(month …) on a timestamptz.

/** Month index (year·12 + month − 1) of a UTC day number (days since 1970-01-01) column `day`. */
export function monthOfDay(day: string): string {
  const date = `(DATE '1970-01-01' + CAST(${day} AS INTEGER))`;
  return `CAST(extract(year FROM ${date}) * 12 + extract(month FROM ${date}) - 1 AS BIGINT)`;
}
