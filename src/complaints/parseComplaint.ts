import { guardInputs } from "../core/guard.js";
import { LoyaltyError, LoyaltyValidationError } from "../errors/errors.js";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { openRecord, snapshotFrom } from "./_lib/open.js";
import { firstDifference } from "../core/json.js";
import { ComplaintSchema, type Complaint } from "./schema.js";
import { transition } from "./transition.js";

const schema = /* @__PURE__ */ makeParsers(ComplaintSchema, "complaint");

function check(input: unknown): SafeParseResult<Complaint> {
  const shape = schema.safeParse(input);
  if (!shape.success) return shape;
  const history = shape.data.history;
  let c: Complaint;
  try {
    c = snapshotFrom(openRecord(history[0], true, ["history", 0]));
  } catch (e) {
    if (e instanceof LoyaltyValidationError) return { success: false, error: e };
    throw e;
  }
  for (let i = 1; i < history.length; i++) {
    try {
      c = transition(c, history[i] as never);
    } catch (e) {
      if (!(e instanceof LoyaltyError)) throw e;
      return {
        success: false,
        error: new LoyaltyValidationError(
          [{ path: ["history", i], message: `the history cannot be replayed: ${e.message}` }],
          "complaint",
        ),
      };
    }
  }
  const diff = firstDifference(shape.data, c);
  if (diff !== undefined) {
    return {
      success: false,
      error: new LoyaltyValidationError(
        [{ path: diff, message: "does not match what the history produces (replay(history) must equal the snapshot)" }],
        "complaint",
      ),
    };
  }
  return { success: true, data: c };
}

/**
 * Reads a complaint snapshot from JSON (or any untrusted object) and checks it: the shape against
 * {@link ComplaintSchema}, then that replaying its history produces exactly this snapshot, so a
 * parsed complaint is always one the machine could have reached.
 *
 * `JSON.parse(JSON.stringify(c))` parses back to a snapshot deep-equal to `c`.
 *
 * @param input - the snapshot, typically from `JSON.parse`
 * @returns the snapshot, rebuilt from its history and frozen
 * @throws {LoyaltyValidationError} when the shape is wrong (every issue with its path), the history cannot be replayed, or a field disagrees with the history
 * @category complaints
 * @example
 * ```ts
 * import { openComplaint, parseComplaint } from "loyalty-kit";
 * const c = openComplaint({ id: "c-1", customerId: "cust-7", channel: "letter", cause: "overpricing", description: "Fee doubled", at: "2026-03-02T09:00:00Z" });
 * const back = parseComplaint(JSON.parse(JSON.stringify(c)));
 * console.log(back.state, back.priority); // received low
 * ```
 */
export function parseComplaint(input: unknown): Complaint {
  return guardInputs("parseComplaint", { input }, () => parseComplaintUnguarded(input));
}

function parseComplaintUnguarded(input: unknown): Complaint {
  const r = check(input);
  if (!r.success) throw r.error;
  return r.data;
}

/**
 * Like {@link parseComplaint} but returns a tagged result instead of throwing.
 *
 * @param input - the snapshot, typically from `JSON.parse`
 * @returns `{ success: true, data }` or `{ success: false, error }` with a LoyaltyValidationError
 * @throws never for bad input
 * @category complaints
 * @example
 * ```ts
 * import { safeParseComplaint } from "loyalty-kit";
 * const r = safeParseComplaint({ state: "closed" });
 * console.log(r.success); // false
 * if (!r.success) console.log(r.error.issues.length > 0); // true
 * ```
 */
export function safeParseComplaint(input: unknown): SafeParseResult<Complaint> {
  return guardInputs("safeParseComplaint", { input }, () => safeParseComplaintUnguarded(input));
}

function safeParseComplaintUnguarded(input: unknown): SafeParseResult<Complaint> {
  return check(input);
}
