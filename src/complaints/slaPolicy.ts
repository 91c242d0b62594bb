import { guardInputs } from "../core/guard.js";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { SlaPolicySchema } from "./slaPolicySchema.js";

/**
 * A validated SLA policy (`SlaPolicySchema` on `loyalty-kit/schemas` checks it): the time zone the
 * business works in, its business hours and holidays, and per priority the business hours allowed
 * for each step.
 *
 * @example
 * ```ts
 * import type { SlaPolicy } from "loyalty-kit";
 * const t = { acknowledgeHours: 4, agreePlanHours: 16, resolveHours: 40 };
 * const policy: SlaPolicy = { timeZone: "Asia/Jakarta", businessHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }, targets: { low: t, normal: t, high: t, urgent: t } };
 * console.log(policy.timeZone);
 * ```
 * @category complaints
 */
export interface SlaPolicy {
  /** The IANA time zone the business works in, such as "Europe/Berlin". */
  timeZone: string;
  /** When the business works; omitted for round-the-clock service. */
  businessHours?:
    | {
        /** Business days, at least one: 0 = Sunday … 6 = Saturday. */
        days: number[];
        /** Opening wall-clock time, "HH:MM" from "00:00", before `end`. */
        start: string;
        /** Closing wall-clock time, "HH:MM" up to "24:00". */
        end: string;
      }
    | undefined;
  /** Local holidays, "YYYY-MM-DD": no business hours on these days. */
  holidays?: string[] | undefined;
  /** Per priority, the business hours allowed for each step, counted from receipt. */
  targets: {
    /** Targets for a `low` priority complaint. */
    low: SlaTargetHours;
    /** Targets for a `normal` priority complaint. */
    normal: SlaTargetHours;
    /** Targets for a `high` priority complaint. */
    high: SlaTargetHours;
    /** Targets for an `urgent` complaint. */
    urgent: SlaTargetHours;
  };
}

/**
 * The business hours allowed for one priority, each counted from receipt, positive and at most
 * 100,000, with acknowledgeHours ≤ agreePlanHours ≤ resolveHours.
 *
 * @example
 * ```ts
 * import type { SlaTargetHours } from "loyalty-kit";
 * const t: SlaTargetHours = { acknowledgeHours: 4, agreePlanHours: 16, resolveHours: 40 };
 * console.log(t.resolveHours); // 40
 * ```
 * @category complaints
 */
export interface SlaTargetHours {
  /** Business hours to acknowledge the complaint. */
  acknowledgeHours: number;
  /** Business hours to agree a plan with the customer. */
  agreePlanHours: number;
  /** Business hours to resolve it. */
  resolveHours: number;
}

/**
 * An SLA policy as a caller writes it (same as {@link SlaPolicy}).
 *
 * @example
 * ```ts
 * import type { SlaPolicyInput } from "loyalty-kit";
 * const t = { acknowledgeHours: 4, agreePlanHours: 16, resolveHours: 40 };
 * const input: SlaPolicyInput = { timeZone: "UTC", targets: { low: t, normal: t, high: t, urgent: t } };
 * console.log(Object.keys(input.targets).length); // 4
 * ```
 * @category complaints
 */
export type SlaPolicyInput = SlaPolicy;

const parsers = /* @__PURE__ */ makeParsers(SlaPolicySchema, "SLA policy");

/**
 * Validates an SLA policy: a known IANA time zone, business hours with start before end and at
 * least one day, local holiday dates, and for each priority positive hours with acknowledge ≤
 * agree plan ≤ resolve.
 *
 * @param input - the policy, typically from JSON
 * @returns the validated policy
 * @throws {LoyaltyValidationError} listing every issue with its path
 * @category complaints
 * @example
 * ```ts
 * import { parseSlaPolicy } from "loyalty-kit";
 * const t = { acknowledgeHours: 2, agreePlanHours: 8, resolveHours: 24 };
 * const policy = parseSlaPolicy({ timeZone: "Europe/Berlin", businessHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }, targets: { low: t, normal: t, high: t, urgent: t } });
 * console.log(policy.businessHours?.start); // 09:00
 * ```
 */
export function parseSlaPolicy(input: unknown): SlaPolicy {
  return guardInputs("parseSlaPolicy", { input }, () => parseSlaPolicyUnguarded(input));
}

function parseSlaPolicyUnguarded(input: unknown): SlaPolicy {
  return parsers.parse(input);
}

/**
 * Like {@link parseSlaPolicy} but returns a tagged result instead of throwing.
 *
 * @param input - the policy
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @throws never for bad input
 * @category complaints
 * @example
 * ```ts
 * import { safeParseSlaPolicy } from "loyalty-kit";
 * console.log(safeParseSlaPolicy({ timeZone: "Mars/Olympus" }).success); // false
 * ```
 */
export function safeParseSlaPolicy(input: unknown): SafeParseResult<SlaPolicy> {
  return guardInputs("safeParseSlaPolicy", { input }, () => safeParseSlaPolicyUnguarded(input));
}

function safeParseSlaPolicyUnguarded(input: unknown): SafeParseResult<SlaPolicy> {
  return parsers.safeParse(input);
}
