import { guardInputs } from "../core/guard.js";
import * as z from "zod/mini";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";

const count = /* @__PURE__ */ z.int().check(z.minimum(0));

/**
 * Customer counts over a period: `start` customers at its beginning, `end` at its end, of whom
 * `acquired` were won during the period. `acquired` cannot exceed `end`, and the customers kept
 * (`end − acquired`) cannot exceed `start`.
 *
 * @example
 * ```ts
 * import { RetentionCountsSchema } from "loyalty-kit/schemas";
 * console.log(RetentionCountsSchema.safeParse({ start: 600, end: 620, acquired: 100 }).success); // true
 * ```
 * @category measurement
 */
export const RetentionCountsSchema = /* @__PURE__ */ z
  .strictObject({ start: count, end: count, acquired: count })
  .check(
    z.superRefine((c, ctx) => {
      if (c.acquired > c.end) {
        ctx.addIssue({
          code: "custom",
          path: ["acquired"],
          message: `expected at most end (${c.end}) customers acquired, got ${c.acquired}`,
        });
      } else if (c.end - c.acquired > c.start) {
        ctx.addIssue({
          code: "custom",
          path: ["end"],
          message: `expected end − acquired (${c.end - c.acquired} kept) to be at most start (${c.start})`,
        });
      }
    }),
  );

/**
 * Customer counts over a period, as {@link RetentionCountsSchema} describes them.
 *
 * @example
 * ```ts
 * import type { RetentionCounts } from "loyalty-kit";
 * const q1: RetentionCounts = { start: 600, end: 620, acquired: 100 };
 * console.log(q1.end - q1.acquired); // 520 kept
 * ```
 * @category measurement
 */
export type RetentionCounts = z.infer<typeof RetentionCountsSchema>;

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
