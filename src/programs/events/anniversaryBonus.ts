import { guardInputs } from "../../core/guard.js";
import type { CustomerInput } from "../../customers/customer.js";
import type { EventDecision } from "./_lib/occasion.js";
import { yearlyBonus } from "./_lib/yearly.js";
import type { EventRulesInput } from "./eventRules.js";

/**
 * The bonus for the anniversary of a member's enrollment (`enrolledAt`, read as a date in the rules'
 * time zone), as a ledger earn request, or why there is none. From the first anniversary on, never on
 * the enrollment day itself; 29 February enrollments follow the rule's `feb29` like birthdays. Once
 * per anniversary: the transactionId is `anniversary:<customerId>:<years>`. Needs personal-data
 * consent in force.
 *
 * @param rules - the event rules with an `anniversary` rule
 * @param customer - the customer (validated here) with `enrolledAt` and consents
 * @param options - `{ at }`: the instant of granting
 * @returns the frozen decision; `entry` is the earn request when granted
 * @throws {LoyaltyValidationError} when the rules, the customer or `options.at` is invalid
 * @category programs
 * @example
 * ```ts
 * import { anniversaryBonus, type CustomerInput } from "loyalty-kit";
 * const customer: CustomerInput = { id: "c-1", enrolledAt: "2024-05-10T09:00:00Z", consents: [{ purpose: "personal-data", status: "given", at: "2024-05-10T09:00:00Z", method: "signed-form" }] };
 * const d = anniversaryBonus({ timeZone: "Europe/Berlin", anniversary: { points: "100", validDays: 7 } }, customer, { at: "2026-05-12T09:00:00Z" });
 * console.log(d.entry?.transactionId, d.explanation); // anniversary:c-1:2 100 points for the 2nd anniversary of enrollment of 2026-05-10; once a year: posting it again is a duplicate.
 * ```
 */
export function anniversaryBonus(
  rules: EventRulesInput,
  customer: CustomerInput,
  options: { readonly at: string | Date },
): EventDecision {
  return guardInputs("anniversaryBonus", { rules, customer, options }, () =>
    anniversaryBonusUnguarded(rules, customer, options),
  );
}

function anniversaryBonusUnguarded(
  rules: EventRulesInput,
  customer: CustomerInput,
  options: { readonly at: string | Date },
): EventDecision {
  return yearlyBonus("anniversary", rules, customer, options);
}
