import { guardInputs } from "../core/guard.js";
import { invalid } from "../_lib/values.js";
import { isE164, phoneOptionProblem, toE164 } from "./_lib/phone.js";

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
  /**
   * National trunk prefix dropped from national numbers; default: the country's own where its plan is
   * known ("1" for NANP, "8" for Russia, none for Italy and Spain), else "0".
   */
  readonly trunkPrefix?: string;
  /**
   * Your own normaliser (for example one built on libphonenumber-js, which knows every country's plan):
   * it gets the number as typed and these options, and returns the E.164 number, which is checked
   * (`+` and 7 to 15 digits). When it throws, normalizePhone throws a LoyaltyValidationError with its
   * message.
   */
  readonly normalize?: (input: string, options: { readonly defaultCountryCode?: string }) => string;
}

/**
 * Normalizes a phone number to E.164 ("+6281234567890") so the same customer is found however the
 * number was typed (the phone number as the customer's unique code, looked up by the seller).
 *
 * Spaces, dashes, dots, slashes and parentheses are dropped. "+…" and "00…" are international; a
 * trunk prefix typed after the country code ("+49 (0)30 1234567", "+62 0812 3456 7890") is dropped
 * where the country has one. Any other number is national: its trunk prefix is dropped and
 * `defaultCountryCode` put in front — the library never guesses a country. The result must have 7 to
 * 15 digits (ITU-T E.164); for the countries whose national numbering plan the library knows (NANP,
 * Russia, most of Europe's largest, Indonesia, Australia, Japan, China, India, Brazil, Mexico,
 * Singapore, South Africa) the digits after the country code must have a length that plan allows.
 * Italian numbers keep their leading 0 (Italy has no trunk prefix). For every country's plan, plug in
 * your own normaliser with `normalize`.
 *
 * @param input - The number as typed or said, e.g. "0812-3456-7890" or "+62 812 3456 7890".
 * @param options - `defaultCountryCode` for national numbers, `trunkPrefix`, `normalize`.
 * @returns The E.164 number.
 * @throws {LoyaltyValidationError} when the number cannot be normalized, or is national and no
 *   `defaultCountryCode` was given, or the options are malformed.
 * @example
 * ```ts
 * import { normalizePhone } from "loyalty-kit";
 * console.log(normalizePhone("0812-3456-7890", { defaultCountryCode: "62" })); // +6281234567890
 * console.log(normalizePhone("+62 812 3456 7890")); // +6281234567890
 * console.log(normalizePhone("+49 (0)30 1234567")); // +49301234567
 * console.log(normalizePhone("1 (415) 555-2671", { defaultCountryCode: "1" })); // +14155552671
 * console.log(normalizePhone("06 1234 5678", { defaultCountryCode: "39" })); // +390612345678
 * // Your own normaliser, e.g. with libphonenumber-js installed:
 * //   import { parsePhoneNumber } from "libphonenumber-js";
 * //   const normalize = (input, { defaultCountryCode }) => parsePhoneNumber(input, { defaultCallingCode: defaultCountryCode }).number;
 * const normalize = (input: string) => `+44${input.replace(/\D/g, "").replace(/^0/, "")}`;
 * console.log(normalizePhone("020 7946 0958", { normalize })); // +442079460958
 * ```
 * @category customers
 */
export function normalizePhone(input: string, options: NormalizePhoneOptions = {}): string {
  return guardInputs("normalizePhone", { input, options }, () => normalizePhoneUnguarded(input, options));
}

function normalizePhoneUnguarded(input: string, options: NormalizePhoneOptions = {}): string {
  // A null options argument (possible from JavaScript) reads as no options, not a TypeError.
  const { defaultCountryCode, trunkPrefix, normalize } = options ?? {};
  if (typeof input !== "string") invalid(["phone"], `expected a phone number string, got ${typeof input}`);
  const optionProblem = phoneOptionProblem(defaultCountryCode, trunkPrefix);
  if (optionProblem !== undefined) invalid([optionProblem[0]], optionProblem[1]);
  if (normalize !== undefined) return custom(normalize, input, defaultCountryCode);
  const r = toE164(input, defaultCountryCode, trunkPrefix);
  if ("problem" in r) invalid(["phone"], r.problem);
  return r.e164;
}

/** Runs the integrator's normaliser and checks what it returns. */
function custom(normalize: unknown, input: string, defaultCountryCode: string | undefined): string {
  if (typeof normalize !== "function")
    invalid(
      ["normalize"],
      `expected a function (input, { defaultCountryCode }) => E.164 string, got ${typeof normalize}`,
    );
  let out: unknown;
  try {
    out = normalize(input, defaultCountryCode === undefined ? {} : { defaultCountryCode });
  } catch (e) {
    invalid(
      ["phone"],
      `the normalize option refused ${JSON.stringify(input)}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (typeof out !== "string" || !isE164(out))
    invalid(
      ["normalize"],
      `expected the normalize option to return an E.164 number such as "+6281234567890", got ${typeof out === "string" ? JSON.stringify(out) : typeof out}`,
    );
  return out;
}
