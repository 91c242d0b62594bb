import { makeParsers } from "../../_lib/validation.js";
import { deepFreeze } from "../../core/json.js";
import { COMPLAINT_EVENT_TYPES } from "../constants.js";
import { type ComplaintEvent, ComplaintEventSchema } from "../schema.js";
import { relabel } from "./relabel.js";

const parsers = /* @__PURE__ */ makeParsers(ComplaintEventSchema, "complaint event");

/**
 * Validates a caller's event with {@link ComplaintEventSchema} and returns it in canonical form: `at`
 * as a UTC ISO string, keys in the schema's order, optional keys present only when given a value,
 * deeply frozen. Throws LoyaltyValidationError listing every issue with its path; the message names
 * the event type when it is a known one ("complaint event ESCALATE: team: …").
 */
export function validateEvent(input: unknown): ComplaintEvent {
  const r = parsers.safeParse(input);
  if (!r.success) {
    const type = typeOf(input);
    throw type === undefined ? r.error : relabel(r.error, `complaint event ${type}`);
  }
  return deepFreeze(withoutUndefined(r.data));
}

/** The event's type when it is a known one; never throws (a getter on `type` may). */
function typeOf(input: unknown): string | undefined {
  try {
    const type = typeof input === "object" && input !== null ? (input as { type?: unknown }).type : undefined;
    return typeof type === "string" && (COMPLAINT_EVENT_TYPES as readonly string[]).includes(type) ? type : undefined;
  } catch {
    return undefined;
  }
}

// zod keeps an optional key given as `undefined` (`note: undefined`); the history stores only the
// keys that have values, so a snapshot and its JSON round trip hold the same keys.
function withoutUndefined<T extends object>(value: T): T {
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) delete (value as Record<string, unknown>)[key];
    else if (typeof v === "object" && v !== null) withoutUndefined(v);
  }
  return value;
}
