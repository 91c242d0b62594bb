import { guardInputs } from "../core/guard.js";
import { COMPLAINT_PRIORITIES, type ComplaintCause, type ComplaintPriority, type CustomerValue } from "./constants.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { previewValue } from "../core/instant.js";

/**
 * The priority each cause starts from, before the customer's value moves it. Failures of competence
 * — no support, delay in fixing, poor work — start `high` ("Incompetence, not
 * competition, destroy consumer relationships"; "Urgent delivery of value — time is of the
 * essence"); poor overall service and other causes start `normal`; overpricing, a disagreement on
 * price rather than a failure to deliver, starts `low`.
 *
 * @example
 * ```ts
 * import { CAUSE_BASE_PRIORITY } from "loyalty-kit";
 * console.log(CAUSE_BASE_PRIORITY["delay-in-fixing"]); // "high"
 * ```
 * @category complaints
 */
export const CAUSE_BASE_PRIORITY: Readonly<Record<ComplaintCause, ComplaintPriority>> = Object.freeze({
  "little-or-no-support": "high",
  "delay-in-fixing": "high",
  "poor-work-quality": "high",
  "poor-overall-service": "normal",
  overpricing: "low",
  other: "normal",
});

const STEP: Readonly<Record<CustomerValue, number>> = { low: -1, medium: 0, high: 1 };

/**
 * Derives a complaint's priority from its cause and the customer's value.
 *
 * The cause sets a base ({@link CAUSE_BASE_PRIORITY}); a `high`-value customer moves it one step up
 * and a `low`-value customer one step down, within `low`…`urgent`. The reasoning: most of the cash flow
 * comes from the top 20% of repeat customers, so their complaints go first; a dissatisfied
 * customer tells 20 people, so no complaint drops below `low`. `openComplaint` uses this unless a
 * `priority` is given.
 *
 * @param cause - the complaint's cause
 * @param customerValue - the customer's value class; `medium` leaves the base unchanged
 * @returns the derived priority
 * @throws {LoyaltyValidationError} when the cause or the value class is unknown
 * @category complaints
 * @example
 * ```ts
 * import { priorityFor } from "loyalty-kit";
 * console.log(priorityFor("delay-in-fixing", "high")); // "urgent"
 * console.log(priorityFor("overpricing", "low")); // "low"
 * ```
 */
export function priorityFor(cause: ComplaintCause, customerValue: CustomerValue = "medium"): ComplaintPriority {
  return guardInputs("priorityFor", { cause, customerValue }, () => priorityForUnguarded(cause, customerValue));
}

function priorityForUnguarded(cause: ComplaintCause, customerValue: CustomerValue = "medium"): ComplaintPriority {
  // Only strings are looked up: an array holding a Symbol would throw while being turned into a key.
  const base =
    typeof cause === "string" && Object.hasOwn(CAUSE_BASE_PRIORITY, cause) ? CAUSE_BASE_PRIORITY[cause] : undefined;
  const step =
    typeof customerValue === "string" && Object.hasOwn(STEP, customerValue) ? STEP[customerValue] : undefined;
  if (base === undefined)
    throw new LoyaltyValidationError([
      { path: ["cause"], message: `expected a complaint cause, got ${previewValue(cause)}` },
    ]);
  if (step === undefined)
    throw new LoyaltyValidationError([
      { path: ["customerValue"], message: `expected "low", "medium" or "high", got ${previewValue(customerValue)}` },
    ]);
  const i = Math.min(COMPLAINT_PRIORITIES.length - 1, Math.max(0, COMPLAINT_PRIORITIES.indexOf(base) + step));
  // i is clamped to the array's bounds.
  return COMPLAINT_PRIORITIES[i] as ComplaintPriority;
}
