import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { openRecord, snapshotFrom } from "./_lib/open.js";
import { previewValue as preview } from "../core/instant.js";
import type { Complaint, ComplaintEventInput } from "./schema.js";
import { transition } from "./transition.js";

/**
 * Rebuilds a complaint from its history: the opening record, then every event through
 * {@link transition}. `replay(c.history)` deep-equals `c` for every snapshot this module produces —
 * the snapshot is a cache of its history, as in event sourcing.
 *
 * @param history - the opening record (`type: "OPEN"`, as in `snapshot.history[0]`) followed by the events
 * @returns the rebuilt, frozen snapshot
 * @throws {LoyaltyValidationError} when the history is empty, does not start with a valid opening record, or an event is malformed or out of order
 * @throws {InvalidTransitionError} when an event is not accepted where it occurs
 * @category complaints
 * @example
 * ```ts
 * import { openComplaint, transition, replay } from "loyalty-kit";
 * let c = openComplaint({ id: "c-1", customerId: "cust-7", channel: "email", cause: "poor-overall-service", description: "Ignored at the desk", at: "2026-03-02T09:00:00Z" });
 * c = transition(c, { type: "ACKNOWLEDGE", at: "2026-03-02T09:10:00Z", by: "agent:ana" });
 * const again = replay(JSON.parse(JSON.stringify(c.history)));
 * console.log(again.state, JSON.stringify(again) === JSON.stringify(c)); // acknowledged true
 * ```
 */
export function replay(history: readonly unknown[]): Complaint {
  return guardInputs("replay", { history }, () => replayUnguarded(history));
}

function replayUnguarded(history: readonly unknown[]): Complaint {
  if (!Array.isArray(history) || history.length === 0) {
    throw new LoyaltyValidationError(
      [
        {
          path: [],
          message: `expected a history starting with the opening record, got ${Array.isArray(history) ? "an empty array" : preview(history)}`,
        },
      ],
      "replay",
    );
  }
  let c = snapshotFrom(openRecord(history[0], true, [0]));
  for (let i = 1; i < history.length; i++) c = transition(c, history[i] as ComplaintEventInput);
  return c;
}
