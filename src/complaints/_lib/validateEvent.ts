import { LoyaltyValidationError } from "../../errors/errors.js";
import { COMPLAINT_EVENT_TYPES, WORKING_STATES, type ComplaintEventType } from "../constants.js";
import type { ComplaintEvent } from "../schema.js";
import { checker, isRecord, preview, reading } from "./check.js";

const BASE = ["type", "at", "by", "note"] as const;

// The fields each event type carries besides type, at, by and note.
const EXTRA: Readonly<Record<ComplaintEventType, readonly string[]>> = {
  ACKNOWLEDGE: [],
  ASSESS: [],
  AFFIRM: [],
  PROPOSE_ALTERNATIVE: ["alternative"],
  AGREE_PLAN: ["alternative", "customerAgreed"],
  START_DELIVERY: [],
  DELIVERED: [],
  FOLLOW_UP: ["satisfied"],
  ESCALATE: ["team", "reason"],
  RETURN_FROM_ESCALATION: ["to"],
  CUSTOMER_REPLY: [],
  WITHDRAW: [],
  REJECT: ["reason"],
  CLOSE: [],
};

/**
 * Validates a caller's event and returns it in canonical form: `at` as a UTC ISO string, keys in a
 * fixed order, optional keys present only when given. Throws LoyaltyValidationError listing every
 * issue with its path.
 */
export function validateEvent(input: unknown): ComplaintEvent {
  return reading("complaint event", () => read(input));
}

function read(input: unknown): ComplaintEvent {
  if (!isRecord(input))
    throw new LoyaltyValidationError(
      [{ path: [], message: `expected an event object with a type, got ${preview(input)}` }],
      "complaint event",
    );
  const type = Object.hasOwn(input, "type") ? input["type"] : undefined;
  if (typeof type !== "string" || !(COMPLAINT_EVENT_TYPES as readonly string[]).includes(type)) {
    throw new LoyaltyValidationError(
      [{ path: ["type"], message: `expected one of ${COMPLAINT_EVENT_TYPES.join(", ")}, got ${preview(type)}` }],
      "complaint event",
    );
  }
  const t = type as ComplaintEventType;
  const c = checker(input);
  const at = c.instant("at");
  const by = c.text("by", "who performed the event");
  const note = c.note();
  c.only([...BASE, ...EXTRA[t]]);
  const head = { type: t, at: at ?? "", by: by ?? "" };
  const tail = note === undefined ? {} : { note };
  let event: ComplaintEvent;
  switch (t) {
    case "PROPOSE_ALTERNATIVE":
      event = { ...head, type: t, ...tail, alternative: c.text("alternative", "the alternative") ?? "" };
      break;
    case "AGREE_PLAN":
      event = {
        ...head,
        type: t,
        ...tail,
        alternative: c.index("alternative") ?? 0,
        customerAgreed: c.boolean("customerAgreed") ?? false,
      };
      break;
    case "FOLLOW_UP":
      event = { ...head, type: t, ...tail, satisfied: c.boolean("satisfied") ?? false };
      break;
    case "ESCALATE":
      event = {
        ...head,
        type: t,
        ...tail,
        team: c.text("team", "the team escalated to") ?? "",
        reason: c.text("reason", "the reason for escalating") ?? "",
      };
      break;
    case "RETURN_FROM_ESCALATION": {
      const to = c.oneOf("to", WORKING_STATES, true);
      event = to === undefined ? { ...head, type: t, ...tail } : { ...head, type: t, ...tail, to };
      break;
    }
    case "REJECT":
      event = { ...head, type: t, ...tail, reason: c.text("reason", "the reason for rejecting") ?? "" };
      break;
    default:
      event = { ...head, type: t, ...tail } as ComplaintEvent;
  }
  if (c.issues.length > 0) throw new LoyaltyValidationError(c.issues, `complaint event ${t}`);
  return Object.freeze(event);
}
