import { guardInputs } from "../core/guard.js";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { PurchaseRecordsSchema } from "./schemas.js";

/**
 * A purchase record after parsing: `at` is a UTC ISO string.
 *
 * @example
 * ```ts
 * import type { PurchaseRecord } from "loyalty-kit";
 * const p: PurchaseRecord = { customerId: "c1", at: "2026-01-05T03:00:00.000Z" };
 * console.log(p.customerId);
 * ```
 * @category measurement
 */
export interface PurchaseRecord {
  /** The purchase's own id, carried along when given (a non-empty string). */
  id?: string | undefined;
  /** Who bought (a non-empty string). */
  customerId: string;
  /** When, as the canonical UTC ISO string. */
  at: string;
}

/**
 * A purchase record as callers pass it: `at` may be a Date or an ISO string with any offset.
 *
 * @example
 * ```ts
 * import type { PurchaseRecordInput } from "loyalty-kit";
 * const p: PurchaseRecordInput = { customerId: "c1", at: new Date("2026-01-05T03:00:00Z") };
 * console.log(p.customerId);
 * ```
 * @category measurement
 */
export interface PurchaseRecordInput {
  /** The purchase's own id, carried along when given (a non-empty string). */
  id?: string | undefined;
  /** Who bought (a non-empty string). */
  customerId: string;
  /** When: an ISO-8601 instant with an offset, or a valid Date. */
  at: string | Date;
}

const parsers = /* @__PURE__ */ makeParsers(PurchaseRecordsSchema, "purchases");

/**
 * Validates a list of purchase records; instants are normalized to UTC ISO strings.
 *
 * @param input - Untrusted data.
 * @returns The records, typed.
 * @throws {LoyaltyValidationError} when an element is not `{ customerId, at, id? }` with a valid instant.
 * @category measurement
 * @example
 * ```ts
 * import { parsePurchaseRecords } from "loyalty-kit";
 * console.log(parsePurchaseRecords([{ customerId: "c1", at: "2026-02-01T00:00:00Z" }]).length); // 1
 * ```
 */
export function parsePurchaseRecords(input: unknown): PurchaseRecord[] {
  return guardInputs("parsePurchaseRecords", { input }, () => parsePurchaseRecordsUnguarded(input));
}

function parsePurchaseRecordsUnguarded(input: unknown): PurchaseRecord[] {
  return parsers.parse(input);
}

/**
 * Validates a list of purchase records without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @category measurement
 * @example
 * ```ts
 * import { safeParsePurchaseRecords } from "loyalty-kit";
 * const r = safeParsePurchaseRecords([{ customerId: "c1", at: "2026-02-01" }]);
 * console.log(r.success); // false: the instant has no time and offset
 * ```
 */
export function safeParsePurchaseRecords(input: unknown): SafeParseResult<PurchaseRecord[]> {
  return guardInputs("safeParsePurchaseRecords", { input }, () => safeParsePurchaseRecordsUnguarded(input));
}

function safeParsePurchaseRecordsUnguarded(input: unknown): SafeParseResult<PurchaseRecord[]> {
  return parsers.safeParse(input);
}
