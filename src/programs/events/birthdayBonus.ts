import { guardInputs } from "../../core/guard.js";
import type { CustomerInput } from "../../customers/customer.js";
import type { EventDecision } from "./_lib/occasion.js";
import { yearlyBonus } from "./_lib/yearly.js";
import type { EventRulesInput } from "./eventRules.js";

/**
 * The birthday bonus on a day, as a ledger earn request, or why there is none. The birthday is read in
 * the rules' time zone (the program's, not the server's): at 23:30 in Berlin on the birthday it is
 * still the birthday although UTC has moved on. A member born on 29 February celebrates on 28 February
 * in common years (or 1 March with `feb29: "mar-1"`). Once a year: the request's transactionId is
 * `birthday:<customerId>:<year>`, so the ledger posts a second request of the same year as a duplicate.
 * The birth date is personal data: without personal-data consent in force, no bonus.
 *
 * @param rules - the event rules with a `birthday` rule
 * @param customer - the customer (validated here) with `birthDate` and consents
 * @param options - `{ at }`: the instant of granting (a daily job's run, a login, a purchase)
 * @returns the frozen decision; `entry` is the earn request when granted
 * @throws {LoyaltyValidationError} when the rules, the customer or `options.at` is invalid
 * @category programs
 * @example
 * ```ts
 * import { birthdayBonus, type CustomerInput } from "loyalty-kit";
 * const customer: CustomerInput = { id: "c-1", birthDate: "1992-02-29", consents: [{ purpose: "personal-data", status: "given", at: "2025-01-01T00:00:00Z", method: "signed-form" }] };
 * const d = birthdayBonus({ timeZone: "Europe/Berlin", birthday: { points: "200" } }, customer, { at: "2026-02-28T09:00:00Z" });
 * console.log(d.reason, d.entry?.transactionId); // granted birthday:c-1:2026
 * ```
 */
export function birthdayBonus(
  rules: EventRulesInput,
  customer: CustomerInput,
  options: { readonly at: string | Date },
): EventDecision {
  return guardInputs("birthdayBonus", { rules, customer, options }, () =>
    birthdayBonusUnguarded(rules, customer, options),
  );
}

function birthdayBonusUnguarded(
  rules: EventRulesInput,
  customer: CustomerInput,
  options: { readonly at: string | Date },
): EventDecision {
  return yearlyBonus("birthday", rules, customer, options);
}
