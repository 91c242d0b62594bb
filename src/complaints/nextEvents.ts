import { guardInputs } from "../core/guard.js";
import { assertSnapshot, allowedIn } from "./_lib/step.js";
import type { ComplaintEventType } from "./constants.js";
import type { Complaint } from "./schema.js";

/**
 * The event types the complaint's current state has transitions for, in definition order. Guards
 * are not evaluated (they need the event's data and instant): use {@link can} for a full answer.
 * Final states return an empty list. These are the events an InvalidTransitionError lists as allowed.
 *
 * @param complaint - the current snapshot
 * @returns the accepted event types, fresh array
 * @throws {LoyaltyValidationError} when `complaint` is not a complaint snapshot
 * @category complaints
 * @example
 * ```ts
 * import { openComplaint, nextEvents } from "loyalty-kit";
 * const c = openComplaint({ id: "c-1", customerId: "cust-7", channel: "web", cause: "little-or-no-support", description: "No answer", at: "2026-03-02T09:00:00Z" });
 * console.log(nextEvents(c)); // [ 'ACKNOWLEDGE', 'ESCALATE', 'CUSTOMER_REPLY', 'WITHDRAW', 'REJECT' ]
 * ```
 */
export function nextEvents(complaint: Complaint): ComplaintEventType[] {
  return guardInputs("nextEvents", { complaint }, () => nextEventsUnguarded(complaint));
}

function nextEventsUnguarded(complaint: Complaint): ComplaintEventType[] {
  assertSnapshot(complaint);
  return [...allowedIn(complaint.state)] as ComplaintEventType[];
}
