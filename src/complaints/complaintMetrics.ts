import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { parseInstant } from "../_lib/validation.js";
import { quantile } from "./_lib/quantile.js";
import { assertSnapshot } from "./_lib/step.js";
import { timeline, type Timeline } from "./_lib/timeline.js";
import { breaches } from "./breaches.js";
import { COMPLAINT_CAUSES, COMPLAINT_STATES, type ComplaintCause, type ComplaintState } from "./constants.js";
import type { Complaint } from "./schema.js";
import { parseSlaPolicy, type SlaPolicyInput } from "./slaPolicy.js";

/**
 * Median and 90th percentile of a duration in hours over the complaints that reached the milestone.
 *
 * @example
 * ```ts
 * import type { DurationSummary } from "loyalty-kit";
 * const s: DurationSummary = { count: 3, medianHours: 2, p90Hours: 4.4 };
 * console.log(s.p90Hours);
 * ```
 * @category complaints
 */
export interface DurationSummary {
  readonly count: number;
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
}

/**
 * What {@link complaintMetrics} returns. Rates are fractions in 0..1, `null` when there is nothing
 * to divide by.
 *
 * @example
 * ```ts
 * import type { ComplaintMetrics } from "loyalty-kit";
 * const show = (m: ComplaintMetrics) => `${m.count} complaints, ${m.reopenRate ?? "-"} reopened`;
 * console.log(typeof show);
 * ```
 * @category complaints
 */
export interface ComplaintMetrics {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly byCause: Readonly<Record<ComplaintCause, number>>;
  readonly byState: Readonly<Record<ComplaintState, number>>;
  readonly timeToAcknowledge: DurationSummary;
  readonly timeToResolve: DurationSummary;
  readonly reopenRate: number | null;
  readonly escalationRate: number | null;
  readonly firstContactResolutionRate: number | null;
  readonly slaBreachRate: number | null;
  readonly satisfiedFollowUpShare: number | null;
}

const HOUR = 3_600_000;

function summary(values: number[]): DurationSummary {
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number): number | null => {
    const v = quantile(sorted, p);
    return v === null ? null : v / HOUR;
  };
  return Object.freeze({ count: sorted.length, medianHours: q(0.5), p90Hours: q(0.9) });
}

const rate = (n: number, d: number): number | null => (d === 0 ? null : n / d);

/**
 * Complaint-handling metrics for the complaints received in `[from, to)`, each judged as of `to`
 * (events at or after `to` are ignored, so the figures for a closed period never change).
 *
 * - `byCause` (the causes of {@link COMPLAINT_CAUSES}) and `byState` (state as of `to`) count every complaint.
 * - `timeToAcknowledge`: receipt → first move past `received`; `timeToResolve`: receipt → first
 *   entry into `resolved` or `closed`. Wall-clock hours. Median and p90 use linear interpolation
 *   between closest ranks (Hyndman & Fan type 7, as R, NumPy and Excel PERCENTILE.INC): with the
 *   durations sorted x₀ ≤ … ≤ xₙ₋₁ and h = (n − 1)·p, the p-quantile is x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋);
 *   the median is then the usual one (mean of the two middle values for even n).
 * - `reopenRate`, `escalationRate`: share of complaints reopened / escalated at least once.
 * - `firstContactResolutionRate`: share of complaints resolved without escalation, without a reopen
 *   and without the customer having to reply before resolution.
 * - `slaBreachRate`: share with at least one breached target as of `to` ({@link breaches}); `null`
 *   unless a `policy` is given.
 * - `satisfiedFollowUpShare`: of the complaints resolved or closed as of `to`, the share whose last
 *   follow-up was satisfied (the rest were auto-closed without an answer): a follow-up after the
 *   fix is how complaint handling prevents further dissatisfaction.
 *
 * @param complaints - complaint snapshots (any order; those received outside the period are skipped)
 * @param options - `from` and `to` (ISO strings with an offset, or Dates; from ≤ to) and an optional SLA `policy`
 * @returns the metrics, frozen
 * @throws {LoyaltyValidationError} when `from`/`to` are invalid or out of order, the policy is invalid, or an element is not a complaint snapshot
 * @category complaints
 * @example
 * ```ts
 * import { openComplaint, transition, complaintMetrics } from "loyalty-kit";
 * const base = { customerId: "cust-7", channel: "email", cause: "delay-in-fixing", description: "Late" } as const;
 * const a = transition(openComplaint({ ...base, id: "a", at: "2026-03-02T09:00:00Z" }), { type: "ACKNOWLEDGE", at: "2026-03-02T10:00:00Z", by: "ana" });
 * const b = transition(openComplaint({ ...base, id: "b", at: "2026-03-02T09:00:00Z" }), { type: "ACKNOWLEDGE", at: "2026-03-02T12:00:00Z", by: "ana" });
 * const m = complaintMetrics([a, b], { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z" });
 * console.log(m.count, m.timeToAcknowledge.medianHours); // 2 2
 * ```
 */
export function complaintMetrics(
  complaints: readonly Complaint[],
  options: { from: string | Date; to: string | Date; policy?: SlaPolicyInput },
): ComplaintMetrics {
  return guardInputs("complaintMetrics", { complaints, options }, () => complaintMetricsUnguarded(complaints, options));
}

function complaintMetricsUnguarded(
  complaints: readonly Complaint[],
  options: { from: string | Date; to: string | Date; policy?: SlaPolicyInput },
): ComplaintMetrics {
  const fromMs = parseInstant(options?.from, "from");
  const toMs = parseInstant(options?.to, "to");
  if (fromMs > toMs)
    throw new LoyaltyValidationError(
      [
        {
          path: ["to"],
          message: `expected an instant at or after from (${new Date(fromMs).toISOString()}), got ${new Date(toMs).toISOString()}`,
        },
      ],
      "complaintMetrics",
    );
  if (!Array.isArray(complaints))
    throw new LoyaltyValidationError(
      [{ path: [], message: "expected an array of complaint snapshots" }],
      "complaintMetrics",
    );
  const policy = options.policy === undefined ? undefined : parseSlaPolicy(options.policy);
  const byCause = Object.fromEntries(COMPLAINT_CAUSES.map((c) => [c, 0])) as Record<ComplaintCause, number>;
  const byState = Object.fromEntries(COMPLAINT_STATES.map((s) => [s, 0])) as Record<ComplaintState, number>;
  const ack: number[] = [];
  const resolve: number[] = [];
  let count = 0;
  let reopened = 0;
  let escalated = 0;
  let firstContact = 0;
  let breached = 0;
  let ended = 0;
  let satisfied = 0;
  complaints.forEach((complaint, i) => {
    try {
      assertSnapshot(complaint);
    } catch {
      throw new LoyaltyValidationError([{ path: [i], message: "expected a complaint snapshot" }], "complaintMetrics");
    }
    const opened = Date.parse(complaint.openedAt);
    if (opened < fromMs || opened >= toMs) return;
    const tl: Timeline = timeline(complaint, toMs);
    const c = tl.snapshot;
    count++;
    byCause[c.cause]++;
    byState[c.state]++;
    if (tl.acknowledgedMs !== null) ack.push(tl.acknowledgedMs - tl.openedMs);
    if (tl.resolvedMs !== null) resolve.push(tl.resolvedMs - tl.openedMs);
    if (tl.reopened) reopened++;
    if (tl.escalated) escalated++;
    if (tl.resolvedMs !== null && !tl.escalated && !tl.reopened && !tl.customerChased) firstContact++;
    if (c.state === "resolved" || c.state === "closed") {
      ended++;
      if (c.context.followUp?.satisfied === true) satisfied++;
    }
    // Judged just before `to`, like every other figure.
    if (policy !== undefined && breaches(c, policy, { at: new Date(toMs - 1) }).length > 0) breached++;
  });
  return Object.freeze({
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    count,
    byCause: Object.freeze(byCause),
    byState: Object.freeze(byState),
    timeToAcknowledge: summary(ack),
    timeToResolve: summary(resolve),
    reopenRate: rate(reopened, count),
    escalationRate: rate(escalated, count),
    firstContactResolutionRate: rate(firstContact, count),
    slaBreachRate: policy === undefined ? null : rate(breached, count),
    satisfiedFollowUpShare: rate(satisfied, ended),
  });
}
