// Zod-free copies of the shared instant and preview helpers (src/_lib/validation.ts), so the till
// path (post, balance) does not pull zod into a user's bundle: that module builds zod schemas at its
// top level, which a bundler cannot drop.
import { LoyaltyValidationError } from "../../errors/errors.js";

/** A short description of a value for error messages. */
export function preview(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Epoch ms of an instant given as an ISO-8601 string with an offset, or a valid Date; NaN otherwise.
 * Unlike `Date.parse`, a calendar date that does not exist ("2026-02-30") is rejected, not rolled over.
 */
export function instantMillis(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== "string") return Number.NaN;
  const m = ISO_WITH_OFFSET.exec(value);
  if (m === null) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // days in `month` of a leap year
  const leapDay = month === 2 && day === 29 && !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > days || leapDay || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return Number.NaN;
  return Date.parse(value);
}

/** Parses one instant argument (`at`, `from`, …) to epoch ms, or throws a validation error naming it. */
export function parseInstant(value: unknown, name: string): number {
  const ms = instantMillis(value);
  if (!Number.isFinite(ms)) {
    throw new LoyaltyValidationError([{ path: [name], message: `expected an ISO-8601 instant with an offset such as "2026-01-31T10:00:00Z", or a valid Date, got ${preview(value)}` }]);
  }
  return ms;
}
