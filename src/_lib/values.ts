// Zod-free validation helpers, so that modules kept small for bundles (money arithmetic, gini, nps,
// the complaint machine) can validate without pulling zod in. Internal: not re-exported from the root.
import { LoyaltyValidationError } from "../errors/errors.js";

/** A short, safe rendering of a value for error messages. */
export function previewValue(value: unknown): string {
  // Never throws: a Proxy's traps may throw on `instanceof` or Array.isArray (a revoked Proxy).
  try {
    return previewUnguarded(value);
  } catch {
    return typeof value === "object" ? "an object whose properties cannot be read" : typeof value;
  }
}

function previewUnguarded(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}

/** Throws a LoyaltyValidationError with one issue. */
export function invalid(path: readonly (string | number)[], message: string, what?: string): never {
  throw new LoyaltyValidationError([{ path, message }], what);
}

/** A decimal number as a string: optional minus, digits, optional fraction. No exponent, no spaces. */
export const DECIMAL_PATTERN = /^-?(0|[1-9]\d*)(\.\d+)?$/;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

// Instants from 0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z: the range where
// Date#toISOString writes the plain four-digit-year form that the parsers read back, so every stored
// instant survives a JSON round trip (a Date in year 188002 would be written "+188002-…").
const MIN_MS = -62_167_219_200_000;
const MAX_MS = 253_402_300_799_999;

/** What a validation message says an instant must be, where {@link instantMillis} gave NaN. */
export const EXPECTED_INSTANT =
  'expected an ISO-8601 instant with an offset such as "2026-01-31T10:00:00Z" or a valid Date, in years 0000–9999';

/**
 * Epoch milliseconds of an instant given as an ISO-8601 string with an offset or a valid Date, within
 * years 0000–9999 UTC; NaN when invalid or out of that range.
 */
export function instantMillis(value: unknown): number {
  const ms = unboundedMillis(value);
  return ms >= MIN_MS && ms <= MAX_MS ? ms : Number.NaN;
}

function unboundedMillis(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== "string" || !ISO_WITH_OFFSET.test(value)) return Number.NaN;
  // Date.parse rolls impossible dates over ("2026-02-30" becomes 2 March): require the calendar
  // fields to exist, and hours/minutes/offsets to be in range.
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const hour = Number(value.slice(11, 13));
  const minute = Number(value.slice(14, 16));
  const second = value[16] === ":" ? Number(value.slice(17, 19)) : 0;
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(value);
  if (offset !== null && (Number(offset[2]) > 23 || Number(offset[3]) > 59)) return Number.NaN;
  return Date.parse(value);
}

/** Parses one instant argument (`at`, `now`, …) to epoch milliseconds, or throws a validation error naming it. */
export function parseInstant(value: unknown, name: string): number {
  const ms = instantMillis(value);
  if (!Number.isFinite(ms))
    invalid(
      [name],
      `expected an ISO-8601 instant with an offset or a valid Date, in years 0000–9999, got ${previewValue(value)}`,
    );
  return ms;
}
