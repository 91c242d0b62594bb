import { autoCloseDueAt, reopenWindowEndsAt } from "./_lib/windows.js";
import { ONWARD_FROM, type GuardName } from "./definition.js";
import type { Complaint, ComplaintEvent } from "./schema.js";

/**
 * A guard: a pure predicate over the current snapshot and the (validated) event.
 *
 * @example
 * ```ts
 * import type { Guard } from "loyalty-kit";
 * const always: Guard = () => true;
 * console.log(always.length);
 * ```
 * @category complaints
 */
export type Guard = (complaint: Complaint, event: ComplaintEvent) => boolean;

/**
 * The named guards of the complaint machine ({@link machineDefinition} refers to them by name).
 *
 * - `choosesAnalyzedAlternative` — `AGREE_PLAN.alternative` indexes an alternative analyzed in this
 *   round (agree on a plan after analyzing alternatives together).
 * - `customerAgreed` — the customer committed to the plan (`AGREE_PLAN.customerAgreed`).
 * - `hasAgreedPlan` — delivery needs an agreed plan.
 * - `hasDelivery` — a follow-up needs a delivery.
 * - `satisfied` / `dissatisfied` — the follow-up's verdict.
 * - `closable` — the last follow-up was satisfied, or the complaint was delivered and the customer has
 *   not replied for `autoCloseAfterDays` (auto-close, at or after that instant).
 * - `withinReopenWindow` — a reply comes less than `reopenWindowDays` after resolution.
 * - `returnTargetAllowed` — an escalation returns to the state it came from or to {@link ONWARD_FROM}
 *   that state.
 *
 * Days are 24-hour periods.
 *
 * @example
 * ```ts
 * import { guards, openComplaint } from "loyalty-kit";
 * const c = openComplaint({ id: "c-1", customerId: "cust-7", channel: "email", cause: "overpricing", description: "Charged twice", at: "2026-03-02T09:00:00Z" });
 * console.log(guards.hasAgreedPlan(c, { type: "START_DELIVERY", at: "2026-03-02T10:00:00.000Z", by: "agent:ana" })); // false
 * ```
 * @category complaints
 */
export const guards: Readonly<Record<GuardName, Guard>> = Object.freeze({
  choosesAnalyzedAlternative: (c, e) => e.type === "AGREE_PLAN" && e.alternative < c.context.alternatives.length,
  customerAgreed: (_c, e) => e.type === "AGREE_PLAN" && e.customerAgreed,
  hasAgreedPlan: (c) => c.context.plan !== null,
  hasDelivery: (c) => c.context.deliveredAt !== null,
  satisfied: (_c, e) => e.type === "FOLLOW_UP" && e.satisfied,
  dissatisfied: (_c, e) => e.type === "FOLLOW_UP" && !e.satisfied,
  closable: (c, e) => {
    if (c.context.followUp?.satisfied === true) return true;
    const due = autoCloseDueAt(c);
    return due !== null && Date.parse(e.at) >= due;
  },
  withinReopenWindow: (c, e) => {
    const end = reopenWindowEndsAt(c);
    return end !== null && Date.parse(e.at) < end;
  },
  returnTargetAllowed: (c, e) => {
    const esc = c.context.escalation;
    if (e.type !== "RETURN_FROM_ESCALATION" || esc === null) return false;
    const to = e.to ?? esc.from;
    return to === esc.from || to === ONWARD_FROM[esc.from];
  },
});
