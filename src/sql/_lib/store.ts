// The optional `store` cell of per-store result rows, and their order (numbers first, as customer ids).
import { LoyaltyValidationError } from "../../errors/errors.js";
import { previewValue } from "../../_lib/values.js";

/** The store id of row `index`, or null when the rows have no store column. */
export function storeCell(row: Record<string, unknown>, index: number, what: string): string | number | null {
  if (!("store" in row)) return null;
  const cell = row["store"];
  if (typeof cell === "string" && cell.length > 0) return cell;
  if (typeof cell === "number" && Number.isSafeInteger(cell)) return cell;
  if (typeof cell === "bigint" && Number.isSafeInteger(Number(cell))) return Number(cell);
  throw new LoyaltyValidationError(
    [
      {
        path: [index, "store"],
        message: `expected a store id (a non-empty string or a safe integer), got ${previewValue(cell)}`,
      },
    ],
    what,
  );
}

/** Orders store ids: null, then numbers ascending, then strings by code unit. */
export function compareStores(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === "number") return typeof b === "number" ? a - b : -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A non-negative safe integer cell (counts, month indexes), or a typed error naming the row. */
export function countCell(value: number, index: number, column: string, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new LoyaltyValidationError(
      [{ path: [index, column], message: `expected a non-negative integer, got ${value}` }],
      what,
    );
  }
  return value;
}
