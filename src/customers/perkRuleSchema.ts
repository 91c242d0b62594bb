// The zod schema of a perk rule, exported on `loyalty-kit/schemas` only. The named type `PerkRule`
// lives in perksFor.ts; test/types/customers.test-d.ts checks it equals what this schema accepts.
import * as z from "zod/mini";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

/**
 * One VIP perk rule as data (give the top 20% a free drink, a free product, the VIP lounge —
 * "something that makes them feel: I am a special person"). A rule applies when every condition it
 * states holds: the customer's segment is one of `segments`; she has at least one of `interestsAny`.
 * A rule with no condition applies to everyone.
 *
 * @example
 * ```ts
 * import { PerkRuleSchema } from "loyalty-kit/schemas";
 * const rule = PerkRuleSchema.parse({ perk: "free-drink", segments: ["big-profit"] });
 * console.log(rule.perk);
 * ```
 * @category customers
 */
export const PerkRuleSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    perk: z.string().check(z.minLength(1)),
    description: z.optional(z.string().check(z.minLength(1))),
    segments: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
    interestsAny: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
  }))();
