import { guardInputs } from "../core/guard.js";
import { invalid } from "../_lib/values.js";
import type { Customer } from "./customer.js";
import type { CustomerIndex } from "./buildCustomerIndex.js";
import { barcodeKey, barcodeProblem, isValidBarcode } from "./_lib/gs1.js";
import { foldName } from "./_lib/foldName.js";
import { isMagneticNumber, MAGNETIC_EXPECTED } from "./_lib/magnetic.js";
import { phoneOptionProblem, toE164 } from "./_lib/phone.js";

/**
 * What the till knows about the customer in front of it: a card barcode, a magnetic-stripe number, a
 * phone number (national numbers need `defaultCountryCode`), a last name, or nothing (anonymous: a
 * coupon or stamp card).
 *
 * @example
 * ```ts
 * import type { IdentifyInput } from "loyalty-kit";
 * const byPhone: IdentifyInput = { kind: "phone", number: "0812 3456 7890", defaultCountryCode: "62" };
 * console.log(byPhone.kind);
 * ```
 * @category customers
 */
export type IdentifyInput =
  | { readonly kind: "barcode"; readonly code: string }
  | { readonly kind: "magnetic"; readonly number: string }
  | {
      readonly kind: "phone";
      readonly number: string;
      readonly defaultCountryCode?: string;
      readonly trunkPrefix?: string;
    }
  | { readonly kind: "lastName"; readonly lastName: string }
  | { readonly kind: "anonymous" };

/**
 * The answer of {@link identify}: `found` (exactly one customer), `ambiguous` (a last name several
 * customers share — all of them, never a guess), `not-found`, or `anonymous`.
 *
 * @example
 * ```ts
 * import type { IdentifyResult } from "loyalty-kit";
 * const r: IdentifyResult = { status: "not-found", customers: [] };
 * console.log(r.status);
 * ```
 * @category customers
 */
export type IdentifyResult =
  | { readonly status: "found"; readonly customers: readonly [Customer] }
  | { readonly status: "ambiguous"; readonly customers: readonly Customer[] }
  | { readonly status: "not-found" | "anonymous"; readonly customers: readonly [] };

function one(customer: Customer | undefined): IdentifyResult {
  return customer === undefined ? { status: "not-found", customers: [] } : { status: "found", customers: [customer] };
}

/**
 * Finds the customer at the till (by card scanner, or by a unique code such as the phone
 * number or the last name that the seller looks up).
 *
 * A barcode must carry a valid GS1 check digit (a misread is an error, not a miss); a UPC-A code also
 * finds its 13-digit EAN spelling. A phone is normalized to E.164 first. A last name is matched
 * ignoring case and diacritics ("MÜLLER" finds "Muller"); several matches come back as `ambiguous`
 * with all of them, in the order the customers were indexed. Each lookup is one hash-map read.
 *
 * @param index - Built by {@link buildCustomerIndex}.
 * @param input - What the till knows; see {@link IdentifyInput}.
 * @returns An {@link IdentifyResult}.
 * @throws {LoyaltyValidationError} when the barcode's check digit is wrong, the magnetic number is
 *   not 1 to 19 digits, the phone cannot be normalized, the last name is empty, or the kind is unknown.
 * @example
 * ```ts
 * import { buildCustomerIndex, identify, parseCustomer } from "loyalty-kit";
 * const index = buildCustomerIndex([
 *   parseCustomer({ id: "c-1", lastName: "Sari", identifiers: [{ kind: "phone", number: "+6281234567890" }] }),
 * ]);
 * const r = identify(index, { kind: "phone", number: "0812-3456-7890", defaultCountryCode: "62" });
 * console.log(r.status, r.customers[0]?.id); // found c-1
 * ```
 * @category customers
 */
export function identify(index: CustomerIndex, input: IdentifyInput): IdentifyResult {
  return guardInputs("identify", { index, input }, () => identifyUnguarded(index, input));
}

function identifyUnguarded(index: CustomerIndex, input: IdentifyInput): IdentifyResult {
  if (typeof input !== "object" || input === null)
    invalid([], 'expected an object such as { kind: "phone", number: "+6281234567890" }', "identify");
  // Every key in the index passed its check when the index was built, so a hit needs no second check:
  // the input is validated only on a miss, to tell a misread (an error) from an unknown customer.
  switch (input.kind) {
    case "barcode": {
      if (typeof input.code !== "string") invalid(["code"], "expected a barcode string", "identify");
      const customer = index.byBarcode.get(barcodeKey(input.code));
      if (customer !== undefined) return { status: "found", customers: [customer] };
      if (!isValidBarcode(input.code)) invalid(["code"], barcodeProblem(input.code) ?? "invalid barcode", "identify");
      return { status: "not-found", customers: [] };
    }
    case "magnetic": {
      if (typeof input.number !== "string") invalid(["number"], MAGNETIC_EXPECTED, "identify");
      const customer = index.byMagnetic.get(input.number);
      if (customer !== undefined) return { status: "found", customers: [customer] };
      if (!isMagneticNumber(input.number)) invalid(["number"], MAGNETIC_EXPECTED, "identify");
      return { status: "not-found", customers: [] };
    }
    case "phone": {
      if (typeof input.number !== "string") invalid(["number"], "expected a phone number string", "identify");
      const optionProblem =
        input.defaultCountryCode === undefined && input.trunkPrefix === undefined
          ? undefined
          : phoneOptionProblem(input.defaultCountryCode, input.trunkPrefix);
      if (optionProblem !== undefined) invalid([optionProblem[0]], optionProblem[1], "identify");
      // Fast path: already E.164, as a till that stores numbers normalized sends them.
      const customer = index.byPhone.get(input.number);
      if (customer !== undefined) return { status: "found", customers: [customer] };
      const r = toE164(input.number, input.defaultCountryCode, input.trunkPrefix);
      if ("problem" in r) invalid(["number"], r.problem, "identify");
      return one(index.byPhone.get(r.e164));
    }
    case "lastName": {
      const key = typeof input.lastName === "string" ? foldName(input.lastName) : "";
      if (key === "") invalid(["lastName"], "expected a non-empty last name", "identify");
      const matches = index.byLastName.get(key);
      if (matches === undefined) return { status: "not-found", customers: [] };
      if (matches.length === 1) return one(matches[0]);
      return { status: "ambiguous", customers: matches };
    }
    case "anonymous":
      return { status: "anonymous", customers: [] };
    default: {
      const never: never = input;
      return invalid(
        ["kind"],
        `expected one of barcode, magnetic, phone, lastName, anonymous, got ${JSON.stringify((never as { kind?: unknown }).kind)}`,
        "identify",
      );
    }
  }
}
