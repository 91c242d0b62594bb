// Customers read back from a store are input like any other: a profile edited by hand
// (`enrolledAt: NaN`, no `identifiers`, `consents: null`) is refused with a typed error naming the
// path instead of crashing mid-plan. Profiles parseCustomer returned are remembered (WeakSet) and
// not checked again, so the usual path — parse once after loading, then plan — costs nothing extra;
// any other object is checked against the full customer schema on each call.
import { LoyaltyValidationError, type ValidationIssue } from "../../errors/errors.js";
import { makeParsers, type SafeParseResult } from "../../core/validation.js";
import { CustomerSchema, type Customer } from "../customer.js";

const parsers = /* @__PURE__ */ makeParsers(CustomerSchema, "customer");
const PARSED = new WeakSet<object>();

/** parseCustomer / safeParseCustomer: the schema check, remembering the profiles it returns. */
export function safeParseStoredCustomer(input: unknown): SafeParseResult<Customer> {
  const r = parsers.safeParse(input);
  if (r.success && typeof r.data === "object" && r.data !== null) PARSED.add(r.data);
  return r;
}

/**
 * The profile to compute with: `customer` itself if parseCustomer returned it, else its parsed form
 * (defaults filled in: a record without `identifiers` has none). Throws a LoyaltyValidationError
 * (paths under `path`) when it is not a valid profile.
 */
export function storedCustomer(customer: unknown, path: readonly (string | number)[], what: string): Customer {
  if (typeof customer === "object" && customer !== null && PARSED.has(customer)) return customer as Customer;
  const r = safeParseStoredCustomer(customer);
  if (r.success) return r.data;
  const issues: ValidationIssue[] = r.error.issues.map((i) => ({ path: [...path, ...i.path], message: i.message }));
  throw new LoyaltyValidationError(issues, what);
}
