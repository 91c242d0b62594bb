import { guardInputs } from "../core/guard.js";
import { storedCustomer } from "./_lib/stored.js";
import { invalid, parseInstant, previewValue } from "../_lib/values.js";
import type { ConsentStatement, ContactChannel, Customer } from "./customer.js";
import { CHANNELS, decideContact } from "./_lib/consent.js";

/**
 * Why {@link canContact} answered as it did.
 *
 * - `marketing-consent` / `personal-data-consent`: allowed under the statement returned.
 * - `no-personal-data-consent` / `personal-data-consent-withdrawn`: the shop may not process her data.
 * - `no-marketing-consent` / `marketing-consent-withdrawn`: no consent for marketing on this channel.
 * - `no-address`: no e-mail, postal address or phone on file for the channel.
 *
 * @example
 * ```ts
 * import type { ContactReason } from "loyalty-kit";
 * const reason: ContactReason = "marketing-consent-withdrawn";
 * console.log(reason);
 * ```
 * @category customers
 */
export type ContactReason =
  | "marketing-consent"
  | "personal-data-consent"
  | "no-personal-data-consent"
  | "personal-data-consent-withdrawn"
  | "no-marketing-consent"
  | "marketing-consent-withdrawn"
  | "no-address";

/**
 * The answer of {@link canContact}: whether the contact is allowed, why, and the consent statement
 * that decided it (undefined when there is none).
 *
 * @example
 * ```ts
 * import type { ContactDecision } from "loyalty-kit";
 * const d: ContactDecision = { allowed: false, reason: "no-marketing-consent", statement: undefined };
 * console.log(d.allowed, d.reason);
 * ```
 * @category customers
 */
export interface ContactDecision {
  readonly allowed: boolean;
  readonly reason: ContactReason;
  readonly statement: ConsentStatement | undefined;
}

/**
 * Options of {@link canContact}: the instant of the contact and its purpose — `marketing` (news,
 * promotions, reminders of the shop, her bonus and discounts) or `service` (about her own
 * purchase or account).
 *
 * @example
 * ```ts
 * import type { CanContactOptions } from "loyalty-kit";
 * const o: CanContactOptions = { at: "2026-03-09T03:00:00Z", purpose: "marketing" };
 * console.log(o.purpose);
 * ```
 * @category customers
 */
export interface CanContactOptions {
  readonly at: string | Date;
  readonly purpose: "marketing" | "service";
}

/**
 * Whether the shop may contact a customer on a channel at an instant, and why.
 *
 * Every contact needs personal-data consent in force (by law the shop must get permission to
 * process personal data); a marketing contact also needs marketing consent for that very channel
 * (get consent to receive information materials). The statement in force is the latest made
 * at or before `at` — a withdrawal after a consent wins, a consent given later than `at` does not count
 * yet. The customer must also have an address for the channel (e-mail, postal address, phone).
 *
 * @param customer - A parsed customer.
 * @param channel - `"email" | "sms" | "phone" | "post"`.
 * @param options - `at` (instant of the contact) and `purpose`.
 * @returns A {@link ContactDecision}.
 * @throws {LoyaltyValidationError} when the channel, purpose or instant is invalid.
 * @example
 * ```ts
 * import { canContact, parseCustomer } from "loyalty-kit";
 * const ayu = parseCustomer({
 *   id: "c-1",
 *   identifiers: [{ kind: "phone", number: "+6281234567890" }],
 *   consents: [
 *     { purpose: "personal-data", status: "given", at: "2026-03-02T10:00:00+07:00", method: "signed-form" },
 *     { purpose: "marketing", channel: "sms", status: "given", at: "2026-03-02T10:00:00+07:00", method: "signed-form" },
 *   ],
 * });
 * console.log(canContact(ayu, "sms", { at: "2026-03-09T10:00:00+07:00", purpose: "marketing" }).reason); // marketing-consent
 * console.log(canContact(ayu, "email", { at: "2026-03-09T10:00:00+07:00", purpose: "marketing" }).reason); // no-marketing-consent
 * ```
 * @category customers
 */
export function canContact(customer: Customer, channel: ContactChannel, options: CanContactOptions): ContactDecision {
  return guardInputs("canContact", { customer, channel, options }, () =>
    canContactUnguarded(customer, channel, options),
  );
}

function canContactUnguarded(customer: Customer, channel: ContactChannel, options: CanContactOptions): ContactDecision {
  customer = storedCustomer(customer, ["customer"], "canContact");
  if (typeof options !== "object" || options === null) invalid(["options"], "expected { at, purpose }", "canContact");
  if (!(CHANNELS as readonly unknown[]).includes(channel))
    invalid(["channel"], `expected one of email, sms, phone, post, got ${previewValue(channel)}`, "canContact");
  if (options.purpose !== "marketing" && options.purpose !== "service")
    invalid(["purpose"], `expected "marketing" or "service", got ${previewValue(options.purpose)}`, "canContact");
  const atMs = parseInstant(options.at, "at");
  return decideContact(customer, channel, options.purpose, atMs);
}
