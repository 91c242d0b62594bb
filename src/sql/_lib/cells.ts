// Reading result cells from database drivers: `pg` returns BIGINT and NUMERIC as strings, DuckDB's
// node API returns BIGINT as bigint; both become numbers here, refused when not exactly representable.
import { LoyaltyValidationError } from "../../errors/errors.js";
import { previewValue } from "../../_lib/values.js";

/** A finite number from a number, bigint or numeric string cell, or a typed error naming the row. */
export function numberCell(row: Record<string, unknown>, column: string, index: number, what: string): number {
  const cell = row[column];
  let n = Number.NaN;
  if (typeof cell === "number") n = cell;
  else if (typeof cell === "bigint") n = Number.isSafeInteger(Number(cell)) ? Number(cell) : Number.NaN;
  else if (typeof cell === "string" && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(cell.trim())) n = Number(cell);
  if (!Number.isFinite(n)) {
    throw new LoyaltyValidationError(
      [{ path: [index, column], message: `expected a finite number, got ${previewValue(cell)}` }],
      what,
    );
  }
  return n;
}

/** A customer id: a non-empty string, or an integer (bigint cells within the safe range). */
export function idCell(row: Record<string, unknown>, index: number, what: string): string | number {
  const column = "customer_id";
  const cell = row[column];
  if (typeof cell === "string" && cell.length > 0) return cell;
  if (typeof cell === "number" && Number.isSafeInteger(cell)) return cell;
  if (typeof cell === "bigint" && Number.isSafeInteger(Number(cell))) return Number(cell);
  throw new LoyaltyValidationError(
    [
      {
        path: [index, column],
        message: `expected a customer id (a non-empty string or a safe integer), got ${previewValue(cell)}`,
      },
    ],
    what,
  );
}

/** Throws unless `rows` is an array of objects. */
export function checkRows(rows: unknown, what: string): asserts rows is readonly Record<string, unknown>[] {
  if (!Array.isArray(rows)) {
    throw new LoyaltyValidationError(
      [{ path: [], message: `expected an array of result rows (objects keyed by column), got ${previewValue(rows)}` }],
      what,
    );
  }
  rows.forEach((r, i) => {
    if (typeof r !== "object" || r === null) {
      throw new LoyaltyValidationError(
        [{ path: [i], message: `expected a row object keyed by column name, got ${previewValue(r)}` }],
        what,
      );
    }
  });
}
