import { guardInputs } from "../core/guard.js";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { RetentionCountsSchema } from "./schemas.js";

/**
 * Customer counts over a period (`RetentionCountsSchema` on `loyalty-kit/schemas` checks them).
 *
 * @example
 * ```ts
 * import type { RetentionCounts } from "loyalty-kit";
 * const q1: RetentionCounts = { start: 600, end: 620, acquired: 100 };
 * console.log(q1.end - q1.acquired); // 520 kept
 * ```
 * @category measurement
 */
export interface RetentionCounts {
  /** Customers at the beginning of the period, a non-negative integer. */
  start: number;
  /** Customers at its end, a non-negative integer. */
  end: number;
  /** Customers won during the period, a non-negative integer at most `end`; `end − acquired` is at most `start`. */
  acquired: number;
}

const parsers = /* @__PURE__ */ makeParsers(RetentionCountsSchema, "retention counts");

/**
 * Validates customer counts; throws listing every problem with its path.
 *
 * @param input - Untrusted data.
 * @returns The counts, typed.
 * @throws {LoyaltyValidationError} when a count is not a non-negative integer or the counts are inconsistent.
 * @category measurement
 * @example
 * ```ts
 * import { parseRetentionCounts } from "loyalty-kit";
 * console.log(parseRetentionCounts({ start: 10, end: 12, acquired: 3 }).start); // 10
 * ```
 */
export function parseRetentionCounts(input: unknown): RetentionCounts {
  return guardInputs("parseRetentionCounts", { input }, () => parseRetentionCountsUnguarded(input));
}

function parseRetentionCountsUnguarded(input: unknown): RetentionCounts {
  return parsers.parse(input);
}

/**
 * Validates customer counts without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @category measurement
 * @example
 * ```ts
 * import { safeParseRetentionCounts } from "loyalty-kit";
 * const r = safeParseRetentionCounts({ start: 10, end: 12, acquired: 13 });
 * if (!r.success) console.log(r.error.issues[0]?.path); // ["acquired"]
 * ```
 */
export function safeParseRetentionCounts(input: unknown): SafeParseResult<RetentionCounts> {
  return guardInputs("safeParseRetentionCounts", { input }, () => safeParseRetentionCountsUnguarded(input));
}

function safeParseRetentionCountsUnguarded(input: unknown): SafeParseResult<RetentionCounts> {
  return parsers.safeParse(input);
}

/**
 * Customer retention rate over a period: (end − acquired) / start.
 *
 * The customers at the end of the period who were not acquired during it are the ones kept from the
 * start; divided by the customers at the start, that is the share retained. CRM practice makes retention the main task: losing half of one's customers a
 * year destabilizes cash flow, and keeping a customer costs about a fifth of winning one.
 *
 * @param counts - `{ start, end, acquired }` customer counts for the period.
 * @returns The retained share, 0..1; `null` when `start` is 0 (nobody to retain), never NaN.
 * @throws {LoyaltyValidationError} when a count is not a non-negative integer, `acquired > end`, or
 *   `end − acquired > start`.
 * @category measurement
 * @example
 * ```ts
 * import { retentionRate } from "loyalty-kit";
 * // 600 customers at the start, 620 at the end, 100 of them new: 520 of 600 kept
 * console.log(retentionRate({ start: 600, end: 620, acquired: 100 })?.toFixed(3)); // "0.867"
 * ```
 */
export function retentionRate(counts: RetentionCounts): number | null {
  return guardInputs("retentionRate", { counts }, () => retentionRateUnguarded(counts));
}

function retentionRateUnguarded(counts: RetentionCounts): number | null {
  const c = parsers.parse(counts);
  return c.start === 0 ? null : (c.end - c.acquired) / c.start;
}

/**
 * Customer churn rate over a period: the share of the starting customers lost, (start − (end −
 * acquired)) / start = 1 − {@link retentionRate}.
 *
 * @param counts - `{ start, end, acquired }` customer counts for the period.
 * @returns The lost share, 0..1; `null` when `start` is 0, never NaN.
 * @throws {LoyaltyValidationError} when the counts are invalid, as for {@link retentionRate}.
 * @category measurement
 * @example
 * ```ts
 * import { churnRate } from "loyalty-kit";
 * // 80 of the 600 starting customers were lost
 * console.log(churnRate({ start: 600, end: 620, acquired: 100 })?.toFixed(3)); // "0.133"
 * ```
 */
export function churnRate(counts: RetentionCounts): number | null {
  return guardInputs("churnRate", { counts }, () => churnRateUnguarded(counts));
}

function churnRateUnguarded(counts: RetentionCounts): number | null {
  const c = parsers.parse(counts);
  return c.start === 0 ? null : (c.start - (c.end - c.acquired)) / c.start;
}
