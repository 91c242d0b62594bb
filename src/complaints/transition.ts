import { guardInputs } from "../core/guard.js";
import { InvalidTransitionError, LoyaltyError, LoyaltyValidationError } from "../errors/errors.js";
import { assertSnapshot, step } from "./_lib/step.js";
import { validateEvent } from "./_lib/validateEvent.js";
import type { Complaint, ComplaintEventInput } from "./schema.js";

/**
 * Applies one event to a complaint and returns the next snapshot, XState-style: pure, the input is
 * never changed, the event (canonical, `at` in UTC) is appended to the history.
 *
 * The state's transitions for the event type are tried in the order of {@link machineDefinition};
 * the first whose named {@link guards} all hold is taken. The full transition table is documented
 * on {@link machineDefinition}. Events must not go back in time: `at` must be at or after the last
 * event's. Final states (`closed`, `withdrawn`, `rejected`) accept nothing.
 *
 * @param complaint - the current snapshot
 * @param event - the event; `at` is an ISO string with an offset or a Date
 * @returns a fresh, frozen snapshot (the input is left untouched)
 * @throws {LoyaltyValidationError} when the event is malformed, or its `at` is earlier than the last event's
 * @throws {InvalidTransitionError} when the state does not accept the event type or a guard fails; `details` names the state, the event and the allowed events
 * @category complaints
 * @example
 * ```ts
 * import { openComplaint, transition, InvalidTransitionError } from "loyalty-kit";
 * let c = openComplaint({ id: "c-1", customerId: "cust-7", channel: "email", cause: "poor-work-quality", description: "Seam split", at: "2026-03-02T09:00:00Z" });
 * c = transition(c, { type: "ACKNOWLEDGE", at: "2026-03-02T09:20:00Z", by: "agent:ana", note: "Sorry to hear that" });
 * console.log(c.state, c.history.length); // acknowledged 2
 * try {
 *   transition(c, { type: "CLOSE", at: "2026-03-02T09:30:00Z", by: "agent:ana" });
 * } catch (e) {
 *   if (e instanceof InvalidTransitionError) console.log(e.message);
 * }
 * ```
 */
export function transition(complaint: Complaint, event: ComplaintEventInput): Complaint {
  return guardInputs("transition", { complaint, event }, () => transitionUnguarded(complaint, event));
}

function transitionUnguarded(complaint: Complaint, event: ComplaintEventInput): Complaint {
  assertSnapshot(complaint);
  const e = validateEvent(event);
  const r = guarded(() => step(complaint, e));
  if (r.ok) return r.next;
  if (r.kind === "chronology") {
    throw new LoyaltyValidationError(
      [
        {
          path: ["at"],
          message: `expected an instant at or after the last event (${complaint.updatedAt}), got ${e.at}`,
        },
      ],
      `complaint event ${e.type}`,
    );
  }
  throw new InvalidTransitionError(complaint.state, e.type, r.allowed, r.reason);
}

// A hand-built snapshot with a broken context can make a step fail on a missing field: report it as
// bad input, never as a TypeError. (parseComplaint is the full check for untrusted snapshots.)
function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof LoyaltyError) throw e;
    throw new LoyaltyValidationError(
      [
        {
          path: [],
          message:
            "expected a complaint snapshot from openComplaint, transition or parseComplaint (check untrusted data with parseComplaint)",
        },
      ],
      "complaint",
    );
  }
}
