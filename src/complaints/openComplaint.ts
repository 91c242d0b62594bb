import { guardInputs } from "../core/guard.js";
import { openRecord, snapshotFrom } from "./_lib/open.js";
import type { Complaint, OpenComplaintInput } from "./schema.js";

/**
 * Opens a complaint: the snapshot in state `received`, with the opening record as the first entry
 * of its history.
 *
 * The priority is derived from the cause and the customer's value by {@link priorityFor} unless
 * `priority` is given (the record then says `priorityOverridden: true`). `channel` defaults to
 * `other` and `description` to ""; `by` defaults to the customer id (the customer filed it); `customerValue` defaults to `medium`; the reopen window to 14
 * days and auto-close to 7 days ({@link COMPLAINT_DEFAULTS}). `at` is stored as a UTC ISO string.
 * The cause is one of {@link COMPLAINT_CAUSES}; the five A's of complaint handling give the steps that
 * follow (acknowledge first).
 *
 * @param input - the complaint as received (see {@link OpenComplaintInput})
 * @returns a fresh, frozen complaint snapshot in state `received`
 * @throws {LoyaltyValidationError} when a field is missing or malformed (every issue listed with its path), or an unknown key is present
 * @category complaints
 * @example
 * ```ts
 * import { openComplaint } from "loyalty-kit";
 * const c = openComplaint({
 *   id: "c-1", customerId: "cust-7", channel: "phone", cause: "delay-in-fixing",
 *   description: "Boiler still not fixed after two visits", at: "2026-03-02T09:15:00+01:00", customerValue: "high",
 * });
 * console.log(c.state, c.priority, c.openedAt); // received urgent 2026-03-02T08:15:00.000Z
 * const minimal = openComplaint({ id: "c-2", customerId: "cust-8", cause: "overpricing", at: new Date("2026-03-02T10:00:00Z") });
 * console.log(minimal.channel, minimal.priority); // other low
 * ```
 */
export function openComplaint(input: OpenComplaintInput): Complaint {
  return guardInputs("openComplaint", { input }, () => openComplaintUnguarded(input));
}

function openComplaintUnguarded(input: OpenComplaintInput): Complaint {
  return snapshotFrom(openRecord(input, false));
}
