// The vocabulary of the complaint machine: causes, channels, states, event types and defaults. The
// zod schemas in schema.ts and the machine's definition are built from these same lists.
// Each list is declared with its own TSDoc, example and derived union type, so the declarations
// repeat one shape on purpose (data, not logic): one list each is what a reader looks up.

/**
 * The usual causes of complaints about a service as customer-service training lists them, plus
 * `other` for a cause outside that list.
 *
 * - `little-or-no-support` — little or no customer support
 * - `delay-in-fixing` — delay in fixing problems and lack of initiative to solve it
 * - `poor-work-quality` — lacking work quality of the finished project
 * - `poor-overall-service` — poor overall service
 * - `overpricing` — overpricing (most common for monopolies)
 *
 * @example
 * ```ts
 * import { COMPLAINT_CAUSES } from "loyalty-kit";
 * console.log(COMPLAINT_CAUSES.join(", "));
 * ```
 * @category complaints
 */
export const COMPLAINT_CAUSES = [
  "little-or-no-support",
  "delay-in-fixing",
  "poor-work-quality",
  "poor-overall-service",
  "overpricing",
  "other",
] as const;

/**
 * A complaint cause, one of {@link COMPLAINT_CAUSES} .
 *
 * @example
 * ```ts
 * import type { ComplaintCause } from "loyalty-kit";
 * const cause: ComplaintCause = "delay-in-fixing";
 * console.log(cause);
 * ```
 * @category complaints
 */
export type ComplaintCause = (typeof COMPLAINT_CAUSES)[number];

/**
 * The channels a complaint can arrive through; `other` when not recorded.
 *
 * @example
 * ```ts
 * import { COMPLAINT_CHANNELS } from "loyalty-kit";
 * console.log(COMPLAINT_CHANNELS.includes("phone")); // true
 * ```
 * @category complaints
 */
export const COMPLAINT_CHANNELS = ["phone", "email", "chat", "in-person", "web", "social", "letter", "other"] as const;

/**
 * A complaint channel, one of {@link COMPLAINT_CHANNELS}.
 *
 * @example
 * ```ts
 * import type { ComplaintChannel } from "loyalty-kit";
 * const channel: ComplaintChannel = "email";
 * console.log(channel);
 * ```
 * @category complaints
 */
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/**
 * Complaint priorities, lowest first. The SLA policy sets targets per priority.
 *
 * @example
 * ```ts
 * import { COMPLAINT_PRIORITIES } from "loyalty-kit";
 * console.log(COMPLAINT_PRIORITIES); // [ 'low', 'normal', 'high', 'urgent' ]
 * ```
 * @category complaints
 */
export const COMPLAINT_PRIORITIES = ["low", "normal", "high", "urgent"] as const;

/**
 * A complaint priority, one of {@link COMPLAINT_PRIORITIES}.
 *
 * @example
 * ```ts
 * import type { ComplaintPriority } from "loyalty-kit";
 * const p: ComplaintPriority = "urgent";
 * console.log(p);
 * ```
 * @category complaints
 */
export type ComplaintPriority = (typeof COMPLAINT_PRIORITIES)[number];

/**
 * How valuable the customer is to the business: `high` for the top customers that carry most of the
 * value (the top 20% of Pareto's 80/20 rule, class A of an ABC analysis), `medium`, `low`.
 *
 * @example
 * ```ts
 * import { CUSTOMER_VALUES } from "loyalty-kit";
 * console.log(CUSTOMER_VALUES); // [ 'low', 'medium', 'high' ]
 * ```
 * @category complaints
 */
export const CUSTOMER_VALUES = ["low", "medium", "high"] as const;

/**
 * A customer value class, one of {@link CUSTOMER_VALUES}.
 *
 * @example
 * ```ts
 * import type { CustomerValue } from "loyalty-kit";
 * const value: CustomerValue = "high";
 * console.log(value);
 * ```
 * @category complaints
 */
export type CustomerValue = (typeof CUSTOMER_VALUES)[number];

/**
 * The states in which the five A's are worked : the complaint is open, nobody else holds it,
 * and it can be escalated, withdrawn or rejected from any of them.
 *
 * @example
 * ```ts
 * import { WORKING_STATES } from "loyalty-kit";
 * console.log(WORKING_STATES.length); // 9
 * ```
 * @category complaints
 */
export const WORKING_STATES = [
  "received",
  "acknowledged",
  "assessing",
  "affirmed",
  "analyzing",
  "planAgreed",
  "delivering",
  "followingUp",
  "reopened",
] as const;

/**
 * A working state, one of {@link WORKING_STATES}; an escalation returns to one of these.
 *
 * @example
 * ```ts
 * import type { WorkingState } from "loyalty-kit";
 * const s: WorkingState = "assessing";
 * console.log(s);
 * ```
 * @category complaints
 */
export type WorkingState = (typeof WORKING_STATES)[number];

/**
 * Every state of the complaint machine: the working states, `escalated`, `resolved`, and the final
 * states `closed`, `withdrawn` and `rejected`.
 *
 * @example
 * ```ts
 * import { COMPLAINT_STATES } from "loyalty-kit";
 * console.log(COMPLAINT_STATES.length); // 14
 * ```
 * @category complaints
 */
export const COMPLAINT_STATES = [
  ...WORKING_STATES,
  "escalated",
  "resolved",
  "closed",
  "withdrawn",
  "rejected",
] as const;

/**
 * A complaint state, one of {@link COMPLAINT_STATES}.
 *
 * @example
 * ```ts
 * import type { ComplaintState } from "loyalty-kit";
 * const s: ComplaintState = "closed";
 * console.log(s);
 * ```
 * @category complaints
 */
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

/**
 * Every event type the complaint machine knows, in the order of the five A's.
 *
 * @example
 * ```ts
 * import { COMPLAINT_EVENT_TYPES } from "loyalty-kit";
 * console.log(COMPLAINT_EVENT_TYPES[0]); // "ACKNOWLEDGE"
 * ```
 * @category complaints
 */
export const COMPLAINT_EVENT_TYPES = [
  "ACKNOWLEDGE",
  "ASSESS",
  "AFFIRM",
  "PROPOSE_ALTERNATIVE",
  "AGREE_PLAN",
  "START_DELIVERY",
  "DELIVERED",
  "FOLLOW_UP",
  "ESCALATE",
  "RETURN_FROM_ESCALATION",
  "CUSTOMER_REPLY",
  "WITHDRAW",
  "REJECT",
  "CLOSE",
] as const;

/**
 * An event type, one of {@link COMPLAINT_EVENT_TYPES}.
 *
 * @example
 * ```ts
 * import type { ComplaintEventType } from "loyalty-kit";
 * const t: ComplaintEventType = "ESCALATE";
 * console.log(t);
 * ```
 * @category complaints
 */
export type ComplaintEventType = (typeof COMPLAINT_EVENT_TYPES)[number];

/**
 * Defaults of `openComplaint`. The two windows a complaint carries: a customer reply within
 * `reopenWindowDays` of resolution reopens it; a delivered complaint whose customer has not replied
 * for `autoCloseAfterDays` may be closed without a satisfied follow-up. Days are 24-hour periods.
 * A complaint opened without a channel or a description gets `other` and an empty description.
 *
 * @example
 * ```ts
 * import { COMPLAINT_DEFAULTS } from "loyalty-kit";
 * console.log(COMPLAINT_DEFAULTS.reopenWindowDays, COMPLAINT_DEFAULTS.autoCloseAfterDays); // 14 7
 * ```
 * @category complaints
 */
export const COMPLAINT_DEFAULTS = {
  reopenWindowDays: 14,
  autoCloseAfterDays: 7,
  customerValue: "medium",
  channel: "other",
  description: "",
} as const;
