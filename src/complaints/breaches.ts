import { guardInputs } from "../core/guard.js";
import { differenceInMinutes } from "date-fns";
import { parseInstant } from "../_lib/validation.js";
import { assertSnapshot } from "./_lib/step.js";
import { timeline } from "./_lib/timeline.js";
import type { Complaint } from "./schema.js";
import { deadlines } from "./deadlines.js";
import type { SlaPolicyInput } from "./slaPolicy.js";

/**
 * One missed SLA target.
 *
 * @example
 * ```ts
 * import type { SlaBreach } from "loyalty-kit";
 * const b: SlaBreach = { target: "acknowledge", deadline: "2026-03-02T10:00:00.000Z", metAt: null, lateByMinutes: 45 };
 * console.log(b.target);
 * ```
 * @category complaints
 */
export interface SlaBreach {
  readonly target: "acknowledge" | "agreePlan" | "resolve";
  readonly deadline: string;
  /** When the target was met (late), or null when it is still open at `at` or the complaint ended without it. */
  readonly metAt: string | null;
  /** Wall-clock minutes from the deadline to when it was met, to the withdrawal/rejection, or to `at`. */
  readonly lateByMinutes: number;
}

/**
 * The SLA targets a complaint has missed as of an instant.
 *
 * The milestones are read from the history up to `at` (later events are ignored): acknowledged = the
 * first move past `received` along the five A's, plan agreed = the first entry into `planAgreed`,
 * resolved = the first entry into `resolved` (a satisfied follow-up) or `closed`. A target is
 * breached when it was met after its deadline ({@link deadlines}), or is unmet and its deadline is
 * before `at`. A withdrawn or rejected complaint stops its clocks at that event. Meeting a deadline to
 * the millisecond is not a breach. Time the complaint waited on the customer or a third party
 * (`waitingOn`) does not count: the deadlines are those of {@link deadlines} as of `at`.
 *
 * @param complaint - the complaint snapshot
 * @param policy - the SLA policy
 * @param options - `at`: the instant to judge at (ISO string with an offset, or Date)
 * @returns the breached targets in the order acknowledge, agreePlan, resolve (empty when none)
 * @throws {LoyaltyValidationError} when the policy or `at` is invalid
 * @category complaints
 * @example
 * ```ts
 * import { openComplaint, breaches } from "loyalty-kit";
 * const t = { acknowledgeHours: 1, agreePlanHours: 8, resolveHours: 24 };
 * const policy = { timeZone: "UTC", targets: { low: t, normal: t, high: t, urgent: t } };
 * const c = openComplaint({ id: "c-1", customerId: "cust-7", channel: "email", cause: "little-or-no-support", description: "No reply for a week", at: "2026-03-02T09:00:00Z" });
 * console.log(breaches(c, policy, { at: "2026-03-02T10:30:00Z" })); // acknowledge, 30 minutes late
 * ```
 */
export function breaches(complaint: Complaint, policy: SlaPolicyInput, options: { at: string | Date }): SlaBreach[] {
  return guardInputs("breaches", { complaint, policy, options }, () => breachesUnguarded(complaint, policy, options));
}

function breachesUnguarded(complaint: Complaint, policy: SlaPolicyInput, options: { at: string | Date }): SlaBreach[] {
  assertSnapshot(complaint);
  const atMs = parseInstant(options?.at, "at");
  // Deadlines as of `at`: pauses (waiting on the customer or a third party) up to `at` move them.
  const d = deadlines(complaint, policy, { at: options.at });
  const tl = timeline(complaint, atMs + 1);
  const out: SlaBreach[] = [];
  const check = (target: SlaBreach["target"], deadline: string, metMs: number | null): void => {
    const deadlineMs = Date.parse(deadline);
    const stopMs = metMs ?? tl.endedMs ?? atMs;
    if (stopMs > deadlineMs) {
      out.push(
        Object.freeze({
          target,
          deadline,
          metAt: metMs === null ? null : new Date(metMs).toISOString(),
          lateByMinutes: differenceInMinutes(stopMs, deadlineMs),
        }),
      );
    }
  };
  check("acknowledge", d.acknowledge, tl.acknowledgedMs);
  check("agreePlan", d.agreePlan, tl.planAgreedMs);
  check("resolve", d.resolve, tl.resolvedMs);
  return out;
}
