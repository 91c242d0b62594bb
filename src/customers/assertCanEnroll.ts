import { guardInputs } from "../core/guard.js";
import { storedCustomer } from "./_lib/stored.js";
import { ErrorCode, OperationError } from "../errors/errors.js";
import { invalid, parseInstant } from "../_lib/values.js";
import type { Customer } from "./customer.js";
import { statementInForce } from "./_lib/consent.js";

/**
 * Options of {@link assertCanEnroll}.
 *
 * @example
 * ```ts
 * import type { EnrollOptions } from "loyalty-kit";
 * const o: EnrollOptions = { personalized: true, at: "2026-03-02T03:00:00Z" };
 * console.log(o.personalized);
 * ```
 * @category customers
 */
export interface EnrollOptions {
  /** True for programs that keep data about the customer (cards, phone, bonus accounts). */
  readonly personalized: boolean;
  /** Instant of the enrollment. */
  readonly at: string | Date;
}

/**
 * Refuses to enroll a customer in a personalized program without personal-data consent in force.
 *
 * Data-protection law (the EU GDPR and its counterparts elsewhere): when enrolling a client the shop must
 * get permission to process their personal data.
 * A non-personalized program (coupons, stickers, stamp cards) keeps no data, so it needs none. The
 * statement in force is the latest at or before `at`; a withdrawn consent refuses like a missing one.
 *
 * @param customer - A parsed customer.
 * @param options - `personalized` and the instant `at`.
 * @returns Nothing; returns normally when enrollment is allowed.
 * @throws {OperationError} with code `CONSENT_REQUIRED` when the program is personalized and no
 *   personal-data consent is in force at `at` (`details`: `customerId`, `reason`).
 * @throws {LoyaltyValidationError} when `at` is not a valid instant.
 * @example
 * ```ts
 * import { assertCanEnroll, parseCustomer, LoyaltyError } from "loyalty-kit";
 * const walkIn = parseCustomer({ id: "c-2" });
 * assertCanEnroll(walkIn, { personalized: false, at: "2026-03-02T03:00:00Z" }); // stamp card: fine
 * try {
 *   assertCanEnroll(walkIn, { personalized: true, at: "2026-03-02T03:00:00Z" });
 * } catch (e) {
 *   if (e instanceof LoyaltyError) console.log(e.code); // CONSENT_REQUIRED
 * }
 * ```
 * @category customers
 */
export function assertCanEnroll(customer: Customer, options: EnrollOptions): void {
  return guardInputs("assertCanEnroll", { customer, options }, () => assertCanEnrollUnguarded(customer, options));
}

function assertCanEnrollUnguarded(customer: Customer, options: EnrollOptions): void {
  customer = storedCustomer(customer, ["customer"], "assertCanEnroll");
  if (typeof options !== "object" || options === null)
    invalid(["options"], "expected { personalized, at }", "assertCanEnroll");
  const atMs = parseInstant(options.at, "at");
  if (typeof options.personalized !== "boolean")
    invalid(["personalized"], `expected true or false, got ${typeof options.personalized}`, "assertCanEnroll");
  if (!options.personalized) return;
  const statement = statementInForce(customer.consents, "personal-data", undefined, atMs);
  if (statement?.status === "given") return;
  const reason =
    statement === undefined
      ? "no personal-data consent has been given"
      : `personal-data consent was withdrawn at ${statement.at}`;
  throw new OperationError(
    ErrorCode.CONSENT_REQUIRED,
    `customer ${JSON.stringify(customer.id)} cannot join a personalized program: ${reason}; expected a personal-data consent statement with status "given" at or before ${new Date(atMs).toISOString()}`,
    {
      customerId: customer.id,
      reason: statement === undefined ? "no-personal-data-consent" : "personal-data-consent-withdrawn",
    },
  );
}
