import { LoyaltyValidationError } from "../../errors/errors.js";
import { COMPLAINT_EVENT_TYPES, WORKING_STATES, type ComplaintEventType } from "../constants.js";
import type { ComplaintEvent } from "../schema.js";
import { NON_NEGATIVE_DECIMAL_PATTERN } from "../../core/decimal.js";
import { type Checker, checker, isRecord, preview, reading, type UnknownRecord } from "./check.js";

const BASE = ["type", "at", "by", "note", "waitingOn"] as const;
const WAITING_ON = ["customer", "third-party"] as const;

// The fields each event type carries besides type, at, by and note.
const EXTRA: Readonly<Record<ComplaintEventType, readonly string[]>> = {
  ACKNOWLEDGE: [],
  ASSESS: [],
  AFFIRM: [],
  PROPOSE_ALTERNATIVE: ["alternative"],
  AGREE_PLAN: ["alternative", "customerAgreed", "goodwill"],
  START_DELIVERY: [],
  DELIVERED: [],
  FOLLOW_UP: ["satisfied", "csat"],
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
  const waitingOn = c.oneOf("waitingOn", WAITING_ON, true);
  c.only([...BASE, ...EXTRA[t]]);
  const head = { type: t, at: at ?? "", by: by ?? "" };
  const tail = { ...(note === undefined ? {} : { note }), ...(waitingOn === undefined ? {} : { waitingOn }) };
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
        ...readNested(input, "goodwill", c, readGoodwill),
      };
      break;
    case "FOLLOW_UP":
      event = {
        ...head,
        type: t,
        ...tail,
        satisfied: c.boolean("satisfied") ?? false,
        ...readNested(input, "csat", c, readCsat),
      };
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

// The optional nested objects of AGREE_PLAN (goodwill) and FOLLOW_UP (csat), read like the zod schema.
function readNested<K extends string, V>(
  input: UnknownRecord,
  key: K,
  outer: Checker,
  read: (c: Checker, record: UnknownRecord) => V | undefined,
): { [P in K]?: V } {
  const v = Object.hasOwn(input, key) ? input[key] : undefined;
  if (v === undefined) return {};
  if (!isRecord(v)) {
    outer.fail(key, `expected an object, got ${preview(v)}`);
    return {};
  }
  const c = checker(v, [key]);
  const value = read(c, v);
  outer.issues.push(...c.issues);
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function readGoodwill(c: Checker, v: UnknownRecord): { points?: string; coupon?: string } | undefined {
  c.only(["points", "coupon"]);
  let points: string | undefined;
  if (Object.hasOwn(v, "points")) {
    const p = v["points"];
    if (typeof p === "string" && NON_NEGATIVE_DECIMAL_PATTERN.test(p) && /[1-9]/.test(p)) points = p;
    else c.fail("points", `expected a positive decimal string such as "100", got ${preview(p)}`);
  }
  const coupon = c.text("coupon", "a coupon id", true);
  if (!Object.hasOwn(v, "points") && !Object.hasOwn(v, "coupon"))
    c.fail(null, "expected goodwill points, a coupon, or both");
  return c.issues.length > 0
    ? undefined
    : Object.freeze({ ...(points === undefined ? {} : { points }), ...(coupon === undefined ? {} : { coupon }) });
}

function readCsat(c: Checker, v: UnknownRecord): { score: number; reason?: string } | undefined {
  c.only(["score", "reason"]);
  const score = v["score"];
  if (!(typeof score === "number" && Number.isInteger(score) && score >= 1 && score <= 5))
    c.fail("score", `expected a CSAT score from 1 to 5, got ${preview(score)}`);
  const reason = c.text("reason", "the reason for the score", true);
  return c.issues.length > 0
    ? undefined
    : Object.freeze({ score: score as number, ...(reason === undefined ? {} : { reason }) });
}
