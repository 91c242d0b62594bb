// Time-boxed earn multipliers: "double points on Tuesdays 16:00–18:00", "triple points on shoes this weekend".
import * as z from "zod/mini";
import { isTimeZone } from "../../core/calendar.js";
import { NON_NEGATIVE_DECIMAL_PATTERN } from "../../core/decimal.js";
import { Instant } from "../../core/validation.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
const list = () =>
  z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.minLength(1), z.maxLength(10_000)));

/**
 * A time-boxed earn multiplier: points earned on matching lines (every line without `match`) are
 * multiplied by `factor` when the sale's wall-clock time in `timeZone` is on one of `days` (all days
 * when absent), from `from` (inclusive, "HH:MM") to `to` (exclusive, "24:00" for midnight), and
 * between `start` (inclusive) and `end` (exclusive) when given. Wall-clock time follows daylight
 * saving time: "16:00–18:00 Europe/Berlin" is 14:00–16:00 UTC in summer and 15:00–17:00 UTC in
 * winter. A window may not cross midnight: write 22:00–24:00 and 00:00–02:00 as two multipliers.
 *
 * @example
 * ```ts
 * import { TimedMultiplierSchema } from "loyalty-kit/schemas";
 * const m = TimedMultiplierSchema.parse({ id: "happy-hour", name: "Double points Tuesdays", factor: "2", timeZone: "Europe/Berlin",
 *   days: ["tue"], from: "16:00", to: "18:00" });
 * console.log(m.factor, m.days); // 2 [ 'tue' ]
 * ```
 * @category programs
 */
export const TimedMultiplierSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      id: z.string().check(z.minLength(1), z.maxLength(200)),
      name: z.string().check(z.minLength(1), z.maxLength(500)),
      factor: z.string().check(
        z.regex(NON_NEGATIVE_DECIMAL_PATTERN, { error: 'expected a factor as a decimal string such as "2"' }),
        z.refine((s) => !NON_NEGATIVE_DECIMAL_PATTERN.test(s) || (Number(s) > 1 && Number(s) <= 100), {
          error: 'expected a factor above 1 and at most 100 such as "2" (double points)',
        }),
      ),
      timeZone: z.string().check(z.refine(isTimeZone, { error: 'expected an IANA time zone such as "Europe/Berlin"' })),
      days: z.optional(
        z.array(z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])).check(z.minLength(1), z.maxLength(7)),
      ),
      from: z.optional(
        z.string().check(z.regex(HHMM, { error: 'expected a wall-clock time "HH:MM" such as "16:00"' })),
      ),
      to: z.optional(
        z.string().check(z.regex(HHMM, { error: 'expected a wall-clock time "HH:MM" such as "18:00" (or "24:00")' })),
      ),
      start: z.optional(Instant),
      end: z.optional(Instant),
      match: z.optional(z.strictObject({ skus: list(), categories: list() })),
    })
    .check(
      z.superRefine((m, ctx) => {
        if (
          m.from !== undefined &&
          m.to !== undefined &&
          HHMM.test(m.from) &&
          HHMM.test(m.to) &&
          minutes(m.from) >= minutes(m.to)
        )
          ctx.addIssue({
            code: "custom",
            path: ["to"],
            message: `expected "to" after "from" on the same day (${m.from}–${m.to} crosses midnight or is empty); split it into two multipliers`,
          });
        if (m.start !== undefined && m.end !== undefined && Date.parse(m.end) <= Date.parse(m.start))
          ctx.addIssue({ code: "custom", path: ["end"], message: "expected end after start" });
        if (m.match !== undefined && m.match.skus === undefined && m.match.categories === undefined)
          ctx.addIssue({
            code: "custom",
            path: ["match"],
            message: "expected skus or categories to match (or no match: every line)",
          });
      }),
    ))();

/** {@inheritDoc "loyalty-kit/schemas"!TimedMultiplierSchema} @category programs */
export type TimedMultiplier = z.output<typeof TimedMultiplierSchema>;

/** {@inheritDoc "loyalty-kit/schemas"!TimedMultiplierSchema} @category programs */
export type TimedMultiplierInput = z.input<typeof TimedMultiplierSchema>;

/**
 * A list of time-boxed multipliers (unique ids, at most 1,000).
 *
 * @example
 * ```ts
 * import { TimedMultipliersSchema } from "loyalty-kit/schemas";
 * console.log(TimedMultipliersSchema.safeParse([]).success); // true
 * ```
 * @category programs
 */
export const TimedMultipliersSchema = /* @__PURE__ */ (() =>
  z.array(TimedMultiplierSchema).check(
    z.maxLength(1000),
    z.superRefine((ms, ctx) => {
      const seen = new Set<string>();
      ms.forEach((m, i) => {
        if (seen.has(m.id))
          ctx.addIssue({
            code: "custom",
            path: [i, "id"],
            message: `expected a unique multiplier id ("${m.id}" repeats)`,
          });
        seen.add(m.id);
      });
    }),
  ))();
