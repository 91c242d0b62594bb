import { guardInputs } from "../core/guard.js";
import * as z from "zod/mini";
import { isTimeZone } from "../_lib/time.js";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";

const hours = /* @__PURE__ */ z
  .number()
  .check(z.positive({ message: "expected a positive number of business hours" }))
  .check(z.maximum(100_000, { message: "expected at most 100000 hours" }));

const target = /* @__PURE__ */ z
  .strictObject({ acknowledgeHours: hours, agreePlanHours: hours, resolveHours: hours })
  .check(
    z.refine((t) => t.acknowledgeHours <= t.agreePlanHours && t.agreePlanHours <= t.resolveHours, {
      message: "expected acknowledgeHours ≤ agreePlanHours ≤ resolveHours",
    }),
  );

const clock = /* @__PURE__ */ z.string().check(
  z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, {
    message: 'expected a wall-clock time "HH:MM" from "00:00" to "24:00"',
  }),
);

/**
 * An SLA policy as data: the time zone the business works in, its business hours (weekdays 0 =
 * Sunday … 6 = Saturday, with an opening and a closing wall-clock time; omit for round-the-clock
 * service), local holidays (`YYYY-MM-DD`), and per priority the business hours allowed to
 * acknowledge, to agree a plan and to resolve — each counted from receipt: in service the customer's time comes first, so
 * each step has a deadline.
 *
 * @example
 * ```ts
 * import { SlaPolicySchema } from "loyalty-kit/schemas";
 * const t = { acknowledgeHours: 8, agreePlanHours: 24, resolveHours: 80 };
 * const r = SlaPolicySchema.safeParse({ timeZone: "Europe/Berlin", targets: { low: t, normal: t, high: t, urgent: t } });
 * console.log(r.success); // true
 * ```
 * @category complaints
 */
export const SlaPolicySchema = /* @__PURE__ */ z.strictObject({
  timeZone: z.string().check(z.refine(isTimeZone, { message: 'expected an IANA time zone such as "Europe/Berlin"' })),
  businessHours: z.optional(
    z
      .strictObject({
        days: z
          .array(z.number().check(z.int()).check(z.minimum(0)).check(z.maximum(6)))
          .check(z.minLength(1, { message: "expected at least one business day (0 = Sunday … 6 = Saturday)" })),
        start: clock,
        end: clock,
      })
      .check(z.refine((b) => b.start < b.end, { message: "expected start before end", path: ["end"] })),
  ),
  holidays: z.optional(z.array(z.iso.date({ message: 'expected a local date "YYYY-MM-DD"' }))),
  targets: z.strictObject({ low: target, normal: target, high: target, urgent: target }),
});

/**
 * A validated SLA policy (see {@link SlaPolicySchema}).
 *
 * @example
 * ```ts
 * import type { SlaPolicy } from "loyalty-kit";
 * const t = { acknowledgeHours: 4, agreePlanHours: 16, resolveHours: 40 };
 * const policy: SlaPolicy = { timeZone: "Asia/Jakarta", businessHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }, targets: { low: t, normal: t, high: t, urgent: t } };
 * console.log(policy.timeZone);
 * ```
 * @category complaints
 */
export type SlaPolicy = z.output<typeof SlaPolicySchema>;

/**
 * An SLA policy as a caller writes it (same as {@link SlaPolicy}).
 *
 * @example
 * ```ts
 * import type { SlaPolicyInput } from "loyalty-kit";
 * const t = { acknowledgeHours: 4, agreePlanHours: 16, resolveHours: 40 };
 * const input: SlaPolicyInput = { timeZone: "UTC", targets: { low: t, normal: t, high: t, urgent: t } };
 * console.log(Object.keys(input.targets).length); // 4
 * ```
 * @category complaints
 */
export type SlaPolicyInput = z.input<typeof SlaPolicySchema>;

const parsers = /* @__PURE__ */ makeParsers(SlaPolicySchema, "SLA policy");

/**
 * Validates an SLA policy: a known IANA time zone, business hours with start before end and at
 * least one day, local holiday dates, and for each priority positive hours with acknowledge ≤
 * agree plan ≤ resolve.
 *
 * @param input - the policy, typically from JSON
 * @returns the validated policy
 * @throws {LoyaltyValidationError} listing every issue with its path
 * @category complaints
 * @example
 * ```ts
 * import { parseSlaPolicy } from "loyalty-kit";
 * const t = { acknowledgeHours: 2, agreePlanHours: 8, resolveHours: 24 };
 * const policy = parseSlaPolicy({ timeZone: "Europe/Berlin", businessHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }, targets: { low: t, normal: t, high: t, urgent: t } });
 * console.log(policy.businessHours?.start); // 09:00
 * ```
 */
export function parseSlaPolicy(input: unknown): SlaPolicy {
  return guardInputs("parseSlaPolicy", { input }, () => parseSlaPolicyUnguarded(input));
}

function parseSlaPolicyUnguarded(input: unknown): SlaPolicy {
  return parsers.parse(input);
}

/**
 * Like {@link parseSlaPolicy} but returns a tagged result instead of throwing.
 *
 * @param input - the policy
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @throws never for bad input
 * @category complaints
 * @example
 * ```ts
 * import { safeParseSlaPolicy } from "loyalty-kit";
 * console.log(safeParseSlaPolicy({ timeZone: "Mars/Olympus" }).success); // false
 * ```
 */
export function safeParseSlaPolicy(input: unknown): SafeParseResult<SlaPolicy> {
  return guardInputs("safeParseSlaPolicy", { input }, () => safeParseSlaPolicyUnguarded(input));
}

function safeParseSlaPolicyUnguarded(input: unknown): SafeParseResult<SlaPolicy> {
  return parsers.safeParse(input);
}
