import { guardInputs } from "../core/guard.js";
import { assertSnapshot, step } from "./_lib/step.js";
import { validateEvent } from "./_lib/validateEvent.js";
import type { Complaint, ComplaintEventInput } from "./schema.js";

/**
 * Whether {@link transition} would accept the event: `true` exactly when `transition(complaint,
 * event)` would return instead of throwing. Never throws.
 *
 * Use it to enable buttons in a UI: `can(c, { type: "CLOSE", at: now, by })` answers the closing
 * guard (satisfied follow-up or auto-close due) at `now`.
 *
 * @param complaint - the current snapshot
 * @param event - the event to test (malformed events answer `false`)
 * @returns `true` when the event is valid, in time, accepted by the state and its guards hold
 * @throws never: malformed input answers `false`
 * @category complaints
 * @example
 * ```ts
 * import { openComplaint, can } from "loyalty-kit";
 * const c = openComplaint({ id: "c-1", customerId: "cust-7", channel: "chat", cause: "overpricing", description: "Too dear", at: "2026-03-02T09:00:00Z" });
 * console.log(can(c, { type: "ACKNOWLEDGE", at: "2026-03-02T09:05:00Z", by: "agent:ana" })); // true
 * console.log(can(c, { type: "CLOSE", at: "2026-03-02T09:05:00Z", by: "agent:ana" })); // false
 * ```
 */
export function can(complaint: Complaint, event: ComplaintEventInput): boolean {
  return guardInputs("can", { complaint, event }, () => canUnguarded(complaint, event));
}

function canUnguarded(complaint: Complaint, event: ComplaintEventInput): boolean {
  try {
    assertSnapshot(complaint);
    return step(complaint, validateEvent(event)).ok;
  } catch {
    // Malformed events and broken snapshots answer false (transition would throw a LoyaltyError).
    return false;
  }
}
