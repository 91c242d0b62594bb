import { guardInputs } from "../core/guard.js";
import { invalid } from "../_lib/values.js";
import { phoneOptionProblem, toE164 } from "./_lib/phone.js";

/**
 * Options of {@link normalizePhone}.
 *
 * @example
 * ```ts
 * import type { NormalizePhoneOptions } from "loyalty-kit";
 * const indonesia: NormalizePhoneOptions = { defaultCountryCode: "62" };
 * console.log(indonesia.defaultCountryCode);
 * ```
 * @category customers
 */
export interface NormalizePhoneOptions {
  /** Country calling code for national numbers, digits only ("62" Indonesia, "7" Russia, "1" NANP). */
  readonly defaultCountryCode?: string;
  /** National trunk prefix dropped from national numbers; default "0" (use "8" for Russia, "" for Italy). */
  readonly trunkPrefix?: string;
}

/**
 * Normalizes a phone number to E.164 ("+6281234567890") so the same customer is found however the
 * number was typed (the phone number as the customer's unique code, looked up by the seller).
 *
 * Spaces, dashes, dots, slashes and parentheses are dropped. "+…" and "00…" are international. Any
 * other number is national: its trunk prefix (default "0") is dropped and `defaultCountryCode` put in
 * front — the library never guesses a country. The result must have 7 to 15 digits (ITU-T E.164).
 *
 * @param input - The number as typed or said, e.g. "0812-3456-7890" or "+62 812 3456 7890".
 * @param options - `defaultCountryCode` for national numbers, `trunkPrefix`.
 * @returns The E.164 number.
 * @throws {LoyaltyValidationError} when the number cannot be normalized, or is national and no
 *   `defaultCountryCode` was given, or the options are malformed.
 * @example
 * ```ts
 * import { normalizePhone } from "loyalty-kit";
 * console.log(normalizePhone("0812-3456-7890", { defaultCountryCode: "62" })); // +6281234567890
 * console.log(normalizePhone("+62 812 3456 7890")); // +6281234567890
 * ```
 * @category customers
 */
export function normalizePhone(input: string, options: NormalizePhoneOptions = {}): string {
  return guardInputs("normalizePhone", { input, options }, () => normalizePhoneUnguarded(input, options));
}

function normalizePhoneUnguarded(input: string, options: NormalizePhoneOptions = {}): string {
  // A null options argument (possible from JavaScript) reads as no options, not a TypeError.
  const { defaultCountryCode, trunkPrefix = "0" } = options ?? {};
  if (typeof input !== "string") invalid(["phone"], `expected a phone number string, got ${typeof input}`);
  const optionProblem = phoneOptionProblem(defaultCountryCode, trunkPrefix);
  if (optionProblem !== undefined) invalid([optionProblem[0]], optionProblem[1]);
  const r = toE164(input, defaultCountryCode, trunkPrefix);
  if ("problem" in r) invalid(["phone"], r.problem);
  return r.e164;
}
