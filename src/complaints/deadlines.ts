import { guardInputs } from "../core/guard.js";
import { assertSnapshot } from "./_lib/step.js";
import { parseInstant } from "../_lib/validation.js";
import { addBusinessTimeWithPauses, businessTimeBetween, pausesOf } from "./_lib/pauses.js";
import { timeline } from "./_lib/timeline.js";
import type { ComplaintPriority } from "./constants.js";
import type { Complaint } from "./schema.js";
import { parseSlaPolicy, type SlaPolicyInput } from "./slaPolicy.js";

/**
 * The three SLA deadlines of a complaint, as UTC ISO strings.
 *
 * @example
 * ```ts
 * import type { ComplaintDeadlines } from "loyalty-kit";
 * const d: ComplaintDeadlines = { priority: "high", acknowledge: "2026-03-02T10:00:00.000Z", agreePlan: "2026-03-03T10:00:00.000Z", resolve: "2026-03-06T10:00:00.000Z", pausedMinutes: 0, waitingOn: null };
 * console.log(d.resolve);
 * ```
 * @category complaints
 */
export interface ComplaintDeadlines {
  readonly priority: ComplaintPriority;
  readonly acknowledge: string;
  readonly agreePlan: string;
  readonly resolve: string;
  /** Business minutes the clocks stood still while the complaint waited on the customer or a third party. */
  readonly pausedMinutes: number;
  /** Who the complaint waits on at the instant judged (`options.at`, else its last event), or null. */
  readonly waitingOn: "customer" | "third-party" | null;
}

/**
 * When a complaint must be acknowledged, have an agreed plan, and be resolved, under an SLA policy.
 *
 * Each deadline is the receipt instant (`openedAt`) plus the policy's hours for the complaint's
 * priority, counted in business hours: only inside the policy's business hours, on business days
 * that are not holidays, in the policy's time zone (wall-clock math across DST changes). A complaint
 * received outside business hours starts its clock at the next opening. Deadlines do not move when a
 * complaint is escalated or reopened: the customer's clock started when they complained ("the customer's time should
 * always be a priority").
 *
 * Pauses: from an event with `waitingOn` ("customer" or "third-party") until the next event
 * without it, the clocks stand still, as help desks pause SLAs on pending and on-hold tickets; every
 * deadline not yet met when a pause starts moves later by the business time of the pause (a pause
 * after a target was met does not move that target). A pause still open at `options.at` counts up to
 * it; without `options.at` the whole history is read and an open pause counts up to the last event,
 * so the deadlines can only move later while it lasts.
 *
 * @param complaint - the complaint snapshot
 * @param policy - the SLA policy (validated here)
 * @param options - `at`: judge the history up to this instant (later events are ignored)
 * @returns the priority used, the three deadlines, the paused business minutes and who is waited on
 * @throws {LoyaltyValidationError} when the policy or `at` is invalid or `complaint` is not a snapshot
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
export function deadlines(
  complaint: Complaint,
  policy: SlaPolicyInput,
  options?: { readonly at?: string | Date | undefined },
): ComplaintDeadlines {
  return guardInputs("deadlines", { complaint, policy, options }, () => deadlinesUnguarded(complaint, policy, options));
}

function deadlinesUnguarded(
  complaint: Complaint,
  policy: SlaPolicyInput,
  options?: { readonly at?: string | Date | undefined },
): ComplaintDeadlines {
  assertSnapshot(complaint);
  const p = parseSlaPolicy(policy);
  const judgedMs = options?.at === undefined ? undefined : parseInstant(options.at, "at");
  const beforeMs = judgedMs === undefined ? Number.POSITIVE_INFINITY : judgedMs + 1;
  const untilMs = judgedMs ?? Date.parse(complaint.updatedAt);
  const start = Date.parse(complaint.openedAt);
  const target = p.targets[complaint.priority];
  const pauses = pausesOf(complaint, beforeMs, untilMs);
  const tl = pauses.length === 0 ? undefined : timeline(complaint, beforeMs);
  // Only pauses that started before a target was met move it.
  const at = (hours: number, metMs: number | null | undefined): string =>
    new Date(
      addBusinessTimeWithPauses(
        start,
        Math.round(hours * 3_600_000),
        p,
        metMs === null || metMs === undefined ? pauses : pauses.filter((x) => x.fromMs < metMs),
      ),
    ).toISOString();
  const last = pauses.at(-1);
  return Object.freeze({
    priority: complaint.priority,
    acknowledge: at(target.acknowledgeHours, tl?.acknowledgedMs),
    agreePlan: at(target.agreePlanHours, tl?.planAgreedMs),
    resolve: at(target.resolveHours, tl?.resolvedMs),
    pausedMinutes: Math.floor(pauses.reduce((sum, x) => sum + businessTimeBetween(x.fromMs, x.toMs, p), 0) / 60_000),
    waitingOn: last !== undefined && last.toMs === untilMs && isStillWaiting(complaint, beforeMs) ? last.on : null,
  });
}

// Whether the last event before `beforeMs` carries `waitingOn`.
function isStillWaiting(complaint: Complaint, beforeMs: number): boolean {
  const events = complaint.history.slice(1).filter((e) => Date.parse(e.at) < beforeMs);
  const last = events.at(-1);
  return last !== undefined && "waitingOn" in last && last.waitingOn !== undefined;
}
