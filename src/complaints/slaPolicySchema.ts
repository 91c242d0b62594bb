// The zod schema of an SLA policy, exported on `loyalty-kit/schemas` only. The named type `SlaPolicy`
// lives in slaPolicy.ts; test/types/complaints.test-d.ts checks it equals what this schema infers.
import * as z from "zod/mini";
import { isTimeZone } from "../_lib/time.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

const hours = /* @__PURE__ */ (() =>
  z
    .number()
    .check(z.positive({ message: "expected a positive number of business hours" }))
    .check(z.maximum(100_000, { message: "expected at most 100000 hours" })))();

const target = /* @__PURE__ */ (() =>
  z.strictObject({ acknowledgeHours: hours, agreePlanHours: hours, resolveHours: hours }).check(
    z.refine((t) => t.acknowledgeHours <= t.agreePlanHours && t.agreePlanHours <= t.resolveHours, {
      message: "expected acknowledgeHours ≤ agreePlanHours ≤ resolveHours",
    }),
  ))();

const clock = /* @__PURE__ */ (() =>
  z.string().check(
    z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, {
      message: 'expected a wall-clock time "HH:MM" from "00:00" to "24:00"',
    }),
  ))();

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
export const SlaPolicySchema = /* @__PURE__ */ (() =>
  z.strictObject({
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
  }))();
