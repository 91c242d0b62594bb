import { guardInputs } from "../core/guard.js";
import { storedCustomer } from "./_lib/stored.js";
import { parseInstant } from "../_lib/values.js";
import type { Customer } from "./customer.js";
import { statementInForce } from "./_lib/consent.js";

/**
 * Whether the customer's personal-data consent is in force at an instant: the answer to pass as
 * `consent` to a personalized program's `checkout`, `quote` or `openProgramAccount`.
 *
 * Data-protection law (the EU GDPR and its counterparts elsewhere): the shop must have the client's
 * permission to process personal data before it keeps any.
 * The statement in force is the latest one at or before `at` (among statements at the same instant,
 * the one listed last); a withdrawn consent counts as none. Use {@link assertCanEnroll} where a
 * refusal should throw with the reason.
 *
 * @param customer - A parsed customer (see {@link parseCustomer}).
 * @param at - The instant of the sale or enrollment.
 * @returns True when a personal-data statement with status "given" is in force at `at`.
 * @throws {LoyaltyValidationError} when `at` is not a valid instant.
 * @example
 * ```ts
 * import { hasPersonalDataConsent, parseCustomer } from "loyalty-kit";
 * const ayu = parseCustomer({
 *   id: "c-1",
 *   consents: [
 *     { purpose: "personal-data", status: "given", at: "2026-03-02T10:00:00+07:00", method: "signed-form" },
 *     { purpose: "personal-data", status: "withdrawn", at: "2026-06-01T09:00:00+07:00", method: "web" },
 *   ],
 * });
 * console.log(hasPersonalDataConsent(ayu, "2026-03-01T12:00:00+07:00")); // false: not yet given
 * console.log(hasPersonalDataConsent(ayu, "2026-04-11T16:10:00+07:00")); // true
 * console.log(hasPersonalDataConsent(ayu, "2026-06-02T10:00:00+07:00")); // false: withdrawn
 * ```
 * @category customers
 */
export function hasPersonalDataConsent(customer: Customer, at: string | Date): boolean {
  return guardInputs("hasPersonalDataConsent", { customer, at }, () => hasPersonalDataConsentUnguarded(customer, at));
}

function hasPersonalDataConsentUnguarded(customer: Customer, at: string | Date): boolean {
  customer = storedCustomer(customer, ["customer"], "hasPersonalDataConsent");
  const atMs = parseInstant(at, "at");
  return statementInForce(customer.consents, "personal-data", undefined, atMs)?.status === "given";
}
