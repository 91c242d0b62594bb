import { guardInputs } from "../../core/guard.js";
import { makeParsers, type SafeParseResult } from "../../core/validation.js";
import { TierHistorySchema, TierPolicySchema, type TierActivity, type TierPolicy } from "./tierPolicy.js";

const policyParsers = /* @__PURE__ */ makeParsers(TierPolicySchema, "tier policy");
const historyParsers = /* @__PURE__ */ makeParsers(TierHistorySchema, "tier history");

/**
 * Validates a tier policy (see {@link TierPolicySchema}).
 *
 * @param input - the policy as JSON
 * @returns the validated policy
 * @throws {LoyaltyValidationError} listing every issue with its path (a missing currency for a spend
 *   basis, duplicate thresholds, a retention rule the window cannot have…)
 * @category programs
 * @example
 * ```ts
 * import { parseTierPolicy } from "loyalty-kit";
 * const policy = parseTierPolicy({ basis: "points", timeZone: "Europe/Berlin", window: { type: "rolling", months: 12 }, tiers: [{ name: "Gold", threshold: "5000" }] });
 * console.log(policy.window.type); // rolling
 * ```
 */
export function parseTierPolicy(input: unknown): TierPolicy {
  return guardInputs("parseTierPolicy", { input }, () => parseTierPolicyUnguarded(input));
}

function parseTierPolicyUnguarded(input: unknown): TierPolicy {
  return policyParsers.parse(input);
}

/**
 * Like {@link parseTierPolicy}, but returns `{ success, data | error }` and never throws.
 *
 * @param input - the policy as JSON
 * @returns the tagged result
 * @category programs
 * @example
 * ```ts
 * import { safeParseTierPolicy } from "loyalty-kit";
 * const r = safeParseTierPolicy({ basis: "spend", timeZone: "Europe/Berlin", window: { type: "calendar-year" }, tiers: [{ name: "Gold", threshold: "1000" }] });
 * console.log(r.success ? "ok" : r.error.issues[0]?.path.join(".")); // currency
 * ```
 */
export function safeParseTierPolicy(input: unknown): SafeParseResult<TierPolicy> {
  return guardInputs("safeParseTierPolicy", { input }, () => safeParseTierPolicyUnguarded(input));
}

function safeParseTierPolicyUnguarded(input: unknown): SafeParseResult<TierPolicy> {
  return policyParsers.safeParse(input);
}

/** Validates a member's qualifying history (internal: the tier functions call it). */
export function parseTierHistory(input: unknown): TierActivity[] {
  return guardInputs("parseTierHistory", { input }, () => parseTierHistoryUnguarded(input));
}

function parseTierHistoryUnguarded(input: unknown): TierActivity[] {
  return historyParsers.parse(input);
}
