import { guardInputs } from "../core/guard.js";
import type { SafeParseResult } from "../core/validation.js";
import { safeParseStoredCustomer } from "./_lib/stored.js";
import type { Customer } from "./customer.js";

/**
 * Validates a customer profile and returns it with canonical instants and defaults filled in.
 *
 * Every issue is reported with its path (`identifiers.0.code: EAN-13 check digit … should be 1, got 2`);
 * extra keys, `__proto__` keys, out-of-order consent statements and invalid check digits are all
 * rejected (see {@link "loyalty-kit/schemas"!CustomerSchema}). A snapshot written with `JSON.stringify` parses back equal.
 *
 * @param input - The profile, e.g. read from JSON.
 * @returns The parsed {@link Customer}.
 * @throws {LoyaltyValidationError} when the input does not match {@link "loyalty-kit/schemas"!CustomerSchema}.
 * @example
 * ```ts
 * import { parseCustomer } from "loyalty-kit";
 * const c = parseCustomer({ id: "c-1", lastName: "Sari", enrolledAt: "2026-03-02T10:00:00+07:00" });
 * console.log(c.enrolledAt); // 2026-03-02T03:00:00.000Z
 * ```
 * @category customers
 */
export function parseCustomer(input: unknown): Customer {
  return guardInputs("parseCustomer", { input }, () => parseCustomerUnguarded(input));
}

function parseCustomerUnguarded(input: unknown): Customer {
  const r = safeParseStoredCustomer(input);
  if (!r.success) throw r.error;
  return r.data;
}

/**
 * Like {@link parseCustomer} but returns `{ success: true, data }` or `{ success: false, error }` and
 * never throws.
 *
 * @param input - The profile, e.g. read from JSON.
 * @returns A tagged result carrying the {@link Customer} or the LoyaltyValidationError.
 * @throws Never.
 * @example
 * ```ts
 * import { safeParseCustomer } from "loyalty-kit";
 * const r = safeParseCustomer({ id: "c-1", identifiers: [{ kind: "barcode", code: "4006381333932" }] });
 * if (!r.success) console.log(r.error.message);
 * ```
 * @category customers
 */
export function safeParseCustomer(input: unknown): SafeParseResult<Customer> {
  return guardInputs("safeParseCustomer", { input }, () => safeParseCustomerUnguarded(input));
}

function safeParseCustomerUnguarded(input: unknown): SafeParseResult<Customer> {
  return safeParseStoredCustomer(input);
}
