// Points for moments beyond the purchase: the member's birthday, the anniversary of enrollment, and
// custom events (a review written, a profile completed, the app installed).
import * as z from "zod/mini";
import { isTimeZone } from "../../core/calendar.js";
import { NON_NEGATIVE_DECIMAL_PATTERN } from "../../core/decimal.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

const points = () =>
  z.string().check(
    z.regex(NON_NEGATIVE_DECIMAL_PATTERN, { error: 'expected points as a positive decimal string such as "100"' }),
    z.refine((s) => /[1-9]/.test(s), { error: 'expected points greater than zero such as "100"' }),
  );
const text = (what: string) =>
  z
    .string()
    .check(
      z.minLength(1, { error: `expected a non-empty ${what}` }),
      z.maxLength(200, { error: `expected a ${what} of at most 200 characters` }),
    );
const validDays = () => z.optional(z.int().check(z.minimum(1), z.maximum(31)));

/**
 * A cap on how often an event earns: at most `count` times per calendar `period` in the rules' time
 * zone (weeks start on Monday, ISO 8601), or over the member's whole membership (`lifetime`).
 *
 * @example
 * ```ts
 * import { EventCapSchema } from "loyalty-kit/schemas";
 * console.log(EventCapSchema.parse({ count: 3, period: "month" }).period); // month
 * ```
 * @category programs
 */
export const EventCapSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    count: z.int().check(z.minimum(1), z.maximum(1_000_000)),
    period: z.enum(["day", "week", "month", "year", "lifetime"]),
  }))();

/**
 * Points for the member's moments:
 * - `birthday`: `points` once a year on the birthday in the rules' `timeZone`, claimable for
 *   `validDays` days from it (default 1: the day itself). A member born on 29 February celebrates on
 *   28 February in common years (`feb29: "feb-28"`, the default) or on 1 March (`"mar-1"`);
 * - `anniversary`: `points` on each anniversary of enrollment (not on the enrollment day itself),
 *   same `validDays` and 29 February rule;
 * - `events`: custom events by `id` (a review written, a profile completed…), each with `points`
 *   and an optional cap per period.
 *
 * @example
 * ```ts
 * import { EventRulesSchema } from "loyalty-kit/schemas";
 * const rules = EventRulesSchema.parse({ timeZone: "Europe/Berlin", birthday: { points: "200" },
 *   events: [{ id: "review", name: "Review written", points: "50", cap: { count: 3, period: "month" } }] });
 * console.log(rules.events?.[0]?.cap?.count); // 3
 * ```
 * @category programs
 */
export const EventRulesSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      timeZone: z.string().check(z.refine(isTimeZone, { error: 'expected an IANA time zone such as "Europe/Berlin"' })),
      birthday: z.optional(
        z.strictObject({ points: points(), validDays: validDays(), feb29: z.optional(z.enum(["feb-28", "mar-1"])) }),
      ),
      anniversary: z.optional(
        z.strictObject({ points: points(), validDays: validDays(), feb29: z.optional(z.enum(["feb-28", "mar-1"])) }),
      ),
      events: z.optional(
        z
          .array(
            z.strictObject({
              id: text("event id"),
              name: text("event name"),
              points: points(),
              cap: z.optional(EventCapSchema),
            }),
          )
          .check(z.maxLength(500)),
      ),
    })
    .check(
      z.superRefine((r, ctx) => {
        const seen = new Set<string>();
        (r.events ?? []).forEach((e, i) => {
          if (seen.has(e.id))
            ctx.addIssue({
              code: "custom",
              path: ["events", i, "id"],
              message: `expected a unique event id ("${e.id}" is already used: which rule applies would be ambiguous)`,
            });
          seen.add(e.id);
        });
      }),
    ))();

/** {@inheritDoc "loyalty-kit/schemas"!EventRulesSchema} @category programs */
export type EventRules = z.output<typeof EventRulesSchema>;

/** {@inheritDoc "loyalty-kit/schemas"!EventRulesSchema} @category programs */
export type EventRulesInput = z.input<typeof EventRulesSchema>;
