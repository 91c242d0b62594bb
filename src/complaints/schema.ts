// The zod schemas of the complaint module: the one validator of its wire formats. openComplaint,
// transition, can, replay and parseComplaint all validate with them (through core's bridge), and the
// types are inferred from them. Each message says what was expected; the bridge adds what was given.
import * as z from "zod/mini";
import { InstantSchema, PositiveDecimalStringSchema } from "../_lib/validation.js";
import {
  COMPLAINT_CAUSES,
  COMPLAINT_CHANNELS,
  COMPLAINT_EVENT_TYPES,
  COMPLAINT_PRIORITIES,
  COMPLAINT_STATES,
  CUSTOMER_VALUES,
  WORKING_STATES,
} from "./constants.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

const text = (what: string) => {
  const error = `expected ${what} (a non-empty string)`;
  return z.string({ error }).check(z.regex(/\S/, { error }));
};
/** One of a list of strings, named in the message (`expected one of "phone", "email", …`). */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of ${values.map((v) => JSON.stringify(v)).join(", ")}` });
/** A plain object with exactly these keys (unknown keys are refused with their names). */
const object = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.strictObject(shape, { error: (issue) => (issue.code === "invalid_type" ? "expected an object" : undefined) });
const string = () => z.string({ error: "expected a string" });
const boolean = () => z.boolean({ error: "expected a boolean" });
const DAYS = "expected a positive number of days up to 3650";
const days = /* @__PURE__ */ (() =>
  z.number({ error: DAYS }).check(z.positive({ error: DAYS }), z.maximum(3650, { error: DAYS })))();
const INDEX = "expected the 0-based index of an analyzed alternative";
const CSAT = "expected a CSAT score from 1 to 5";
const note = /* @__PURE__ */ (() => z.optional(string()))();

const base = {
  at: InstantSchema,
  by: /* @__PURE__ */ text("who performed the event"),
  note,
  waitingOn: /* @__PURE__ */ z.optional(oneOf(["customer", "third-party"])),
};

/**
 * The events of the complaint machine, a discriminated union on `type`. Each carries `at` (an
 * ISO-8601 instant with an offset, or a Date; stored as the canonical UTC ISO string) and `by` (who
 * did it), and an optional free-text `note`.
 *
 * Event-specific fields: `PROPOSE_ALTERNATIVE.alternative` (the alternative analyzed with the
 * customer, step 4 of the five A's), `AGREE_PLAN.alternative` (0-based index of the analyzed alternative
 * chosen) and `AGREE_PLAN.customerAgreed` (the customer's commitment, step 5),
 * `FOLLOW_UP.satisfied`, `ESCALATE.team` and `ESCALATE.reason` ("seek assistance of others in the
 * company"), `RETURN_FROM_ESCALATION.to` (optional; the state it came from when omitted),
 * `REJECT.reason`.
 *
 * Service recovery: any event may say the complaint now waits on the customer or a third party
 * (`waitingOn`); the SLA clocks pause from that event until the next event without it, the way help
 * desks pause SLAs on "pending" and "on-hold" tickets. `AGREE_PLAN.goodwill` (points and/or a coupon
 * in the agreed plan, see `goodwillRequests`) and `FOLLOW_UP.csat` (the customer's satisfaction
 * score 1–5 and reason) are optional.
 *
 * @example
 * ```ts
 * import { ComplaintEventSchema } from "loyalty-kit/schemas";
 * const e = ComplaintEventSchema.parse({ type: "ACKNOWLEDGE", at: "2026-03-02T09:00:00+01:00", by: "agent:ana" });
 * console.log(e.at); // 2026-03-02T08:00:00.000Z
 * ```
 * @category complaints
 */
export const ComplaintEventSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion(
    "type",
    [
      object({ type: z.literal("ACKNOWLEDGE"), ...base }),
      object({ type: z.literal("ASSESS"), ...base }),
      object({ type: z.literal("AFFIRM"), ...base }),
      object({ type: z.literal("PROPOSE_ALTERNATIVE"), ...base, alternative: text("the alternative") }),
      object({
        type: z.literal("AGREE_PLAN"),
        ...base,
        alternative: z
          .number({ error: INDEX })
          .check(z.int({ error: INDEX, abort: true }), z.nonnegative({ error: INDEX })),
        customerAgreed: boolean(),
        goodwill: z.optional(
          object({ points: z.optional(PositiveDecimalStringSchema), coupon: z.optional(text("a coupon id")) }).check(
            z.refine((g) => g.points !== undefined || g.coupon !== undefined, {
              message: "expected goodwill points, a coupon, or both",
            }),
          ),
        ),
      }),
      object({ type: z.literal("START_DELIVERY"), ...base }),
      object({ type: z.literal("DELIVERED"), ...base }),
      object({
        type: z.literal("FOLLOW_UP"),
        ...base,
        satisfied: boolean(),
        csat: z.optional(
          object({
            score: z
              .number({ error: CSAT })
              .check(z.int({ error: CSAT, abort: true }), z.minimum(1, { error: CSAT }), z.maximum(5, { error: CSAT })),
            reason: z.optional(text("the reason for the score")),
          }),
        ),
      }),
      object({
        type: z.literal("ESCALATE"),
        ...base,
        team: text("the team escalated to"),
        reason: text("the reason for escalating"),
      }),
      object({ type: z.literal("RETURN_FROM_ESCALATION"), ...base, to: z.optional(oneOf(WORKING_STATES)) }),
      object({ type: z.literal("CUSTOMER_REPLY"), ...base }),
      object({ type: z.literal("WITHDRAW"), ...base }),
      object({ type: z.literal("REJECT"), ...base, reason: text("the reason for rejecting") }),
      object({ type: z.literal("CLOSE"), ...base }),
    ],
    {
      // Not an object ("invalid_type", at the top) or no known `type` ("invalid_union", at `type`).
      error: (issue) =>
        (issue.code as string) === "invalid_type"
          ? "expected an event object with a type"
          : `expected one of ${COMPLAINT_EVENT_TYPES.join(", ")}`,
    },
  ))();

/**
 * A validated complaint event as stored in a snapshot's history (`at` is a UTC ISO string).
 *
 * @example
 * ```ts
 * import type { ComplaintEvent } from "loyalty-kit";
 * const e: ComplaintEvent = { type: "FOLLOW_UP", at: "2026-03-09T10:00:00.000Z", by: "agent:ana", satisfied: true };
 * console.log(e.type);
 * ```
 * @category complaints
 */
export type ComplaintEvent = z.output<typeof ComplaintEventSchema>;

/**
 * An event as a caller passes it to `transition` / `can`: `at` may be an ISO string with any offset
 * or a Date.
 *
 * @example
 * ```ts
 * import type { ComplaintEventInput } from "loyalty-kit";
 * const e: ComplaintEventInput = { type: "ESCALATE", at: new Date("2026-03-03T10:00:00Z"), by: "agent:ana", team: "workshop", reason: "repair needed" };
 * console.log(e.type);
 * ```
 * @category complaints
 */
export type ComplaintEventInput = z.input<typeof ComplaintEventSchema>;

/**
 * What `openComplaint` takes: the complaint's identity, its cause  and the instant it was
 * received; optionally its channel (default `other`), a description (default empty), who recorded it
 * (`by`, default the customer id), the customer's value class (default `medium`), a priority that overrides the derived
 * one, the reopen and auto-close windows in days, and the remedy the customer seeks (`remedySought`,
 * e.g. "refund"; ISO 10002:2018 asks the complaints-handling process to record it at receipt).
 *
 * @example
 * ```ts
 * import { OpenComplaintInputSchema } from "loyalty-kit/schemas";
 * const input = OpenComplaintInputSchema.parse({
 *   id: "c-1", customerId: "cust-7", channel: "email", cause: "overpricing",
 *   description: "Charged twice", at: "2026-03-02T09:00:00Z",
 * });
 * console.log(input.cause);
 * ```
 * @category complaints
 */
export const OpenComplaintInputSchema = /* @__PURE__ */ (() =>
  object({
    id: text("a complaint id"),
    customerId: text("a customer id"),
    channel: z.optional(oneOf(COMPLAINT_CHANNELS)),
    cause: oneOf(COMPLAINT_CAUSES),
    description: z.optional(text("a description of the problem")),
    at: InstantSchema,
    by: z.optional(text("who recorded the complaint")),
    customerValue: z.optional(oneOf(CUSTOMER_VALUES)),
    priority: z.optional(oneOf(COMPLAINT_PRIORITIES)),
    reopenWindowDays: z.optional(days),
    autoCloseAfterDays: z.optional(days),
    remedySought: z.optional(text("the remedy the customer seeks")),
  }))();

/**
 * The input of `openComplaint` (`at` may be a Date or an ISO string with an offset).
 *
 * @example
 * ```ts
 * import type { OpenComplaintInput } from "loyalty-kit";
 * const input: OpenComplaintInput = { id: "c-1", customerId: "cust-7", channel: "phone", cause: "poor-overall-service", description: "Rude staff", at: "2026-03-02T09:00:00Z" };
 * console.log(input.id);
 * ```
 * @category complaints
 */
export type OpenComplaintInput = z.input<typeof OpenComplaintInputSchema>;

/**
 * The first entry of every history: the complaint as opened, with every default filled in, so
 * that `replay(history)` needs nothing else.
 *
 * @example
 * ```ts
 * import { OpenRecordSchema } from "loyalty-kit/schemas";
 * console.log(Object.keys(OpenRecordSchema.shape).includes("priority")); // true
 * ```
 * @category complaints
 */
export const OpenRecordSchema = /* @__PURE__ */ (() =>
  object({
    type: z.literal("OPEN", { error: 'expected "OPEN"' }),
    at: InstantSchema,
    by: text("who recorded the complaint"),
    id: text("a complaint id"),
    customerId: text("a customer id"),
    channel: oneOf(COMPLAINT_CHANNELS),
    cause: oneOf(COMPLAINT_CAUSES),
    description: string(),
    customerValue: oneOf(CUSTOMER_VALUES),
    priority: oneOf(COMPLAINT_PRIORITIES),
    priorityOverridden: boolean(),
    reopenWindowDays: days,
    autoCloseAfterDays: days,
    remedySought: z.optional(text("the remedy the customer seeks")),
  }))();

/**
 * The opening entry of a complaint's history.
 *
 * @example
 * ```ts
 * import type { OpenRecord } from "loyalty-kit";
 * const describe = (r: OpenRecord) => `${r.id} opened ${r.at}`;
 * console.log(typeof describe);
 * ```
 * @category complaints
 */
export type OpenRecord = z.output<typeof OpenRecordSchema>;

/**
 * One entry of a complaint's history: the opening record, then every accepted event.
 *
 * @example
 * ```ts
 * import type { ComplaintHistoryEntry } from "loyalty-kit";
 * const e: ComplaintHistoryEntry = { type: "CLOSE", at: "2026-03-20T10:00:00.000Z", by: "agent:ana" };
 * console.log(e.type);
 * ```
 * @category complaints
 */
export type ComplaintHistoryEntry = OpenRecord | ComplaintEvent;

const nullableInstant = /* @__PURE__ */ z.nullable(InstantSchema);

/**
 * The working memory of a complaint, derived from its history: the alternatives analyzed and the
 * plan agreed in the current round (a reopen starts a new round), delivery and follow-up, the open
 * escalation, and counters.
 *
 * @example
 * ```ts
 * import { ComplaintContextSchema } from "loyalty-kit/schemas";
 * console.log(Object.keys(ComplaintContextSchema.shape).length);
 * ```
 * @category complaints
 */
export const ComplaintContextSchema = /* @__PURE__ */ (() =>
  object({
    alternatives: z.array(string()),
    plan: z.nullable(
      object({
        alternative: z.number().check(z.int()).check(z.nonnegative()),
        description: string(),
        agreedAt: InstantSchema,
      }),
    ),
    deliveredAt: nullableInstant,
    followUp: z.nullable(object({ satisfied: boolean(), at: InstantSchema })),
    escalation: z.nullable(
      object({ team: string(), reason: string(), from: oneOf(WORKING_STATES), at: InstantSchema }),
    ),
    resolvedAt: nullableInstant,
    lastCustomerReplyAt: nullableInstant,
    rejectionReason: z.nullable(string()),
    escalations: z.number().check(z.int()).check(z.nonnegative()),
    reopens: z.number().check(z.int()).check(z.nonnegative()),
  }))();

/**
 * The context of a complaint snapshot.
 *
 * @example
 * ```ts
 * import type { ComplaintContext } from "loyalty-kit";
 * const count = (c: ComplaintContext) => c.escalations + c.reopens;
 * console.log(typeof count);
 * ```
 * @category complaints
 */
export type ComplaintContext = z.output<typeof ComplaintContextSchema>;

/**
 * A complaint snapshot: plain JSON, `{ state, context, history }` in the XState manner plus the
 * fields of the opening record for convenience. Every instant is a UTC ISO string. The snapshot is
 * fully determined by its history: `replay(snapshot.history)` deep-equals it, and `parseComplaint`
 * checks exactly that.
 *
 * @example
 * ```ts
 * import { openComplaint } from "loyalty-kit";
 * import { ComplaintSchema } from "loyalty-kit/schemas";
 * const c = openComplaint({ id: "c-1", customerId: "cust-7", channel: "email", cause: "overpricing", description: "Charged twice", at: "2026-03-02T09:00:00Z" });
 * console.log(ComplaintSchema.safeParse(c).success); // true
 * ```
 * @category complaints
 */
export const ComplaintSchema = /* @__PURE__ */ (() =>
  object({
    id: string(),
    customerId: string(),
    channel: oneOf(COMPLAINT_CHANNELS),
    cause: oneOf(COMPLAINT_CAUSES),
    description: string(),
    customerValue: oneOf(CUSTOMER_VALUES),
    priority: oneOf(COMPLAINT_PRIORITIES),
    reopenWindowDays: days,
    autoCloseAfterDays: days,
    state: oneOf(COMPLAINT_STATES),
    openedAt: InstantSchema,
    updatedAt: InstantSchema,
    context: ComplaintContextSchema,
    history: z.tuple(
      [OpenRecordSchema],
      z.lazy(() => ComplaintEventSchema),
    ),
  }))();

/**
 * A complaint snapshot (see {@link ComplaintSchema}). Snapshots returned by this module are deeply
 * frozen.
 *
 * @example
 * ```ts
 * import { openComplaint, type Complaint } from "loyalty-kit";
 * const c: Complaint = openComplaint({ id: "c-1", customerId: "cust-7", channel: "chat", cause: "delay-in-fixing", description: "Still broken", at: "2026-03-02T09:00:00Z" });
 * console.log(c.state); // "received"
 * ```
 * @category complaints
 */
export type Complaint = z.output<typeof ComplaintSchema>;
