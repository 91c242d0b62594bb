import { guardInputs } from "../core/guard.js";
import { assertSnapshot } from "./_lib/step.js";
import { addBusinessTime } from "./_lib/businessTime.js";
import type { ComplaintPriority } from "./constants.js";
import type { Complaint } from "./schema.js";
import { parseSlaPolicy, type SlaPolicyInput } from "./slaPolicy.js";

/**
 * The three SLA deadlines of a complaint, as UTC ISO strings.
 *
 * @example
 * ```ts
 * import type { ComplaintDeadlines } from "loyalty-kit";
 * const d: ComplaintDeadlines = { priority: "high", acknowledge: "2026-03-02T10:00:00.000Z", agreePlan: "2026-03-03T10:00:00.000Z", resolve: "2026-03-06T10:00:00.000Z" };
 * console.log(d.resolve);
 * ```
 * @category complaints
 */
export interface ComplaintDeadlines {
  readonly priority: ComplaintPriority;
  readonly acknowledge: string;
  readonly agreePlan: string;
  readonly resolve: string;
}

/**
 * When a complaint must be acknowledged, have an agreed plan, and be resolved, under an SLA policy.
 *
 * Each deadline is the receipt instant (`openedAt`) plus the policy's hours for the complaint's
 * priority, counted in business hours: only inside the policy's business hours, on business days
 * that are not holidays, in the policy's time zone (wall-clock math across DST changes). A complaint
 * received outside business hours starts its clock at the next opening. Deadlines do not move when a
 * complaint is escalated or reopened: the customer's clock started when they complained (seed 002,
 * "customer's time should always be a priority").
 *
 * @param complaint - the complaint snapshot
 * @param policy - the SLA policy (validated here)
 * @returns the priority used and the three deadlines
 * @throws {LoyaltyValidationError} when the policy is invalid or `complaint` is not a snapshot
 * @category complaints
 * @example
 * ```ts
 * import { openComplaint, deadlines } from "loyalty-kit";
 * const t = { acknowledgeHours: 2, agreePlanHours: 8, resolveHours: 24 };
 * const policy = { timeZone: "Europe/Berlin", businessHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }, targets: { low: t, normal: t, high: t, urgent: t } };
 * // Received Friday 16:00 in Berlin: one business hour on Friday, one on Monday.
 * const c = openComplaint({ id: "c-1", customerId: "cust-7", channel: "phone", cause: "poor-overall-service", description: "Rude staff", at: "2026-03-06T16:00:00+01:00" });
 * console.log(deadlines(c, policy).acknowledge); // 2026-03-09T09:00:00.000Z (Monday 10:00 in Berlin)
 * ```
 */
export function deadlines(complaint: Complaint, policy: SlaPolicyInput): ComplaintDeadlines {
  return guardInputs("deadlines", { complaint, policy }, () => deadlinesUnguarded(complaint, policy));
}

function deadlinesUnguarded(complaint: Complaint, policy: SlaPolicyInput): ComplaintDeadlines {
  assertSnapshot(complaint);
  const p = parseSlaPolicy(policy);
  const start = Date.parse(complaint.openedAt);
  const target = p.targets[complaint.priority];
  const at = (hours: number): string =>
    new Date(addBusinessTime(start, Math.round(hours * 3_600_000), p)).toISOString();
  return Object.freeze({
    priority: complaint.priority,
    acknowledge: at(target.acknowledgeHours),
    agreePlan: at(target.agreePlanHours),
    resolve: at(target.resolveHours),
  });
}
