// The coupon-state table: one row per promotion with coupon rules, holding its coupon state (the
// same JSON the library's checkout takes and returns). A checkout that redeems a code locks the row
// (SELECT … FOR UPDATE) in the transaction that writes the sale, so every use of a limited code is
// counted against the state the previous sale wrote: the limit holds under any number of tills.

import { jsonColumnSql } from "./schema.js";

/** The DDL of the coupon-state table (idempotent; converts an earlier jsonb `state` to json). */
export function couponSchemaSql(prefix: string): string {
  return `CREATE TABLE IF NOT EXISTS ${prefix}coupon_states (
  program_id  text        PRIMARY KEY,
  version     bigint      NOT NULL CHECK (version >= 0),  -- the coupon state's own version
  state       json        NOT NULL,                       -- the coupon state as the library returned it
  updated_at  timestamptz NOT NULL DEFAULT now()
);
DO $$
BEGIN
${jsonColumnSql(`${prefix}coupon_states`, "state")}
END
$$;`;
}

/** The statements on the coupon-state table. */
export function couponSql(prefix: string): { readonly ensure: string; readonly lock: string; readonly write: string } {
  const t = `${prefix}coupon_states`;
  return {
    // The row must exist to be locked: two first sales would otherwise both read "no state".
    ensure: `INSERT INTO ${t} (program_id, version, state) VALUES ($1::text, 0, $2::json) ON CONFLICT (program_id) DO NOTHING`,
    lock: `SELECT version::text AS version, state FROM ${t} WHERE program_id = $1::text FOR UPDATE`,
    write: `UPDATE ${t} SET version = $3::bigint, state = $4::json, updated_at = now() WHERE program_id = $1::text AND version = $2::bigint`,
  };
}
