// Referrals: a member's code brings a friend; the friend's first qualifying purchase rewards both.
import * as z from "zod/mini";
import { isTimeZone } from "../../core/calendar.js";
import { NON_NEGATIVE_DECIMAL_PATTERN } from "../../core/decimal.js";
import { EventCapSchema } from "../events/eventRules.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

const points = () =>
  z.string().check(
    z.regex(NON_NEGATIVE_DECIMAL_PATTERN, { error: 'expected points as a positive decimal string such as "500"' }),
    z.refine((s) => /[1-9]/.test(s), { error: 'expected points greater than zero such as "500"' }),
  );

/**
 * Referral rules: `referrerPoints` for the member who referred and `friendPoints` for the friend, when
 * the friend's first purchase pays at least `minPurchase`; at most `capPerReferrer` rewarded referrals
 * per calendar period in `timeZone`. Both rewards are refused for a self-referral, between customers
 * who share a card, a phone number or an e-mail address, and when the qualifying purchase is refunded.
 * `pendingDays` (1–365; default none) is the friend's return window: both rewards are pending for that
 * many 24-hour days after the qualifying purchase (the ledger's `availableAt`), so a refund inside
 * the window reverses them in full and they cannot be spent before it ends.
 *
 * @example
 * ```ts
 * import { ReferralRulesSchema } from "loyalty-kit/schemas";
 * const r = ReferralRulesSchema.parse({ timeZone: "Europe/Berlin", referrerPoints: "500", friendPoints: "250", minPurchase: "30.00", capPerReferrer: { count: 10, period: "year" } });
 * console.log(r.capPerReferrer?.count); // 10
 * ```
 * @category programs
 */
export const ReferralRulesSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    timeZone: z.string().check(z.refine(isTimeZone, { error: 'expected an IANA time zone such as "Europe/Berlin"' })),
    referrerPoints: points(),
    friendPoints: points(),
    minPurchase: z.optional(
      z.string().check(
        z.regex(NON_NEGATIVE_DECIMAL_PATTERN, {
          error: 'expected an amount as a non-negative decimal string such as "30.00"',
        }),
      ),
    ),
    capPerReferrer: z.optional(EventCapSchema),
    pendingDays: z.optional(z.int().check(z.minimum(1), z.maximum(365))),
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!ReferralRulesSchema} @category programs */
export type ReferralRules = z.output<typeof ReferralRulesSchema>;

/** {@inheritDoc "loyalty-kit/schemas"!ReferralRulesSchema} @category programs */
export type ReferralRulesInput = z.input<typeof ReferralRulesSchema>;
