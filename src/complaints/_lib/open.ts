import { makeParsers } from "../../_lib/validation.js";
import { previewValue } from "../../core/instant.js";
import { LoyaltyValidationError } from "../../errors/errors.js";
import { COMPLAINT_DEFAULTS } from "../constants.js";
import { priorityFor } from "../priorityFor.js";
import {
  type Complaint,
  type ComplaintContext,
  OpenComplaintInputSchema,
  type OpenRecord,
  OpenRecordSchema,
} from "../schema.js";
import { frozenArray } from "./freeze.js";
import { relabel } from "./relabel.js";

const inputParsers = /* @__PURE__ */ makeParsers(OpenComplaintInputSchema, "openComplaint");
const recordParsers = /* @__PURE__ */ makeParsers(OpenRecordSchema, "complaint opening record");

/**
 * Validates `openComplaint`'s input (record = false, with {@link OpenComplaintInputSchema}) or a
 * history's opening record (record = true, with {@link OpenRecordSchema}; issue paths under `base`)
 * and returns the canonical opening record with every default filled in. A record must also carry
 * the priority its cause and customer value derive, unless it says the priority was overridden.
 */
export function openRecord(input: unknown, record: boolean, base: readonly (string | number)[] = []): OpenRecord {
  const what = record ? "complaint opening record" : "openComplaint";
  const r = (record ? recordParsers : inputParsers).safeParse(input);
  if (!r.success) throw base.length === 0 ? r.error : relabel(r.error, what, base);
  const given = r.data;
  const customerValue = given.customerValue ?? COMPLAINT_DEFAULTS.customerValue;
  const derived = priorityFor(given.cause, customerValue);
  const priorityOverridden = record ? (given as OpenRecord).priorityOverridden : given.priority !== undefined;
  if (!priorityOverridden && given.priority !== undefined && given.priority !== derived) {
    throw new LoyaltyValidationError(
      [
        {
          path: [...base, "priority"],
          message: `expected the derived priority ${JSON.stringify(derived)} (priorityOverridden is false), got ${previewValue(given.priority)}`,
        },
      ],
      what,
    );
  }
  return Object.freeze({
    type: "OPEN",
    at: given.at,
    by: given.by ?? given.customerId,
    id: given.id,
    customerId: given.customerId,
    channel: given.channel ?? COMPLAINT_DEFAULTS.channel,
    cause: given.cause,
    description: given.description ?? COMPLAINT_DEFAULTS.description,
    customerValue,
    priority: given.priority ?? derived,
    priorityOverridden,
    reopenWindowDays: given.reopenWindowDays ?? COMPLAINT_DEFAULTS.reopenWindowDays,
    autoCloseAfterDays: given.autoCloseAfterDays ?? COMPLAINT_DEFAULTS.autoCloseAfterDays,
    ...(given.remedySought === undefined ? {} : { remedySought: given.remedySought }),
  });
}

const EMPTY_CONTEXT: ComplaintContext = Object.freeze({
  alternatives: frozenArray<string>([]),
  plan: null,
  deliveredAt: null,
  followUp: null,
  escalation: null,
  resolvedAt: null,
  lastCustomerReplyAt: null,
  rejectionReason: null,
  escalations: 0,
  reopens: 0,
});

/** The snapshot of a complaint just opened from its record. */
export function snapshotFrom(record: OpenRecord): Complaint {
  return Object.freeze({
    id: record.id,
    customerId: record.customerId,
    channel: record.channel,
    cause: record.cause,
    description: record.description,
    customerValue: record.customerValue,
    priority: record.priority,
    reopenWindowDays: record.reopenWindowDays,
    autoCloseAfterDays: record.autoCloseAfterDays,
    state: "received",
    openedAt: record.at,
    updatedAt: record.at,
    context: EMPTY_CONTEXT,
    history: Object.freeze([record]) as unknown as Complaint["history"],
  });
}
