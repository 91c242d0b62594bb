import { LoyaltyValidationError } from "../../errors/errors.js";
import {
  COMPLAINT_CAUSES,
  COMPLAINT_CHANNELS,
  COMPLAINT_DEFAULTS,
  COMPLAINT_PRIORITIES,
  CUSTOMER_VALUES,
} from "../constants.js";
import { priorityFor } from "../priorityFor.js";
import type { Complaint, ComplaintContext, OpenRecord } from "../schema.js";
import { checker, isRecord, preview, reading } from "./check.js";
import { frozenArray } from "./freeze.js";

const INPUT_KEYS = [
  "id",
  "customerId",
  "channel",
  "cause",
  "description",
  "at",
  "by",
  "customerValue",
  "priority",
  "reopenWindowDays",
  "autoCloseAfterDays",
  "remedySought",
];
const RECORD_KEYS = [
  "type",
  "id",
  "customerId",
  "channel",
  "cause",
  "description",
  "at",
  "by",
  "customerValue",
  "priority",
  "priorityOverridden",
  "reopenWindowDays",
  "autoCloseAfterDays",
  "remedySought",
];

/**
 * Validates `openComplaint`'s input (record = false) or a history's opening record (record = true)
 * and returns the canonical opening record with every default filled in.
 */
export function openRecord(input: unknown, record: boolean, base: readonly (string | number)[] = []): OpenRecord {
  return reading(record ? "complaint opening record" : "openComplaint", () => read(input, record, base));
}

function read(input: unknown, record: boolean, base: readonly (string | number)[]): OpenRecord {
  const what = record ? "complaint opening record" : "openComplaint";
  if (!isRecord(input))
    throw new LoyaltyValidationError([{ path: [...base], message: `expected an object, got ${preview(input)}` }], what);
  const c = checker(input, base);
  if (record && input["type"] !== "OPEN") c.fail("type", `expected "OPEN", got ${preview(input["type"])}`);
  const id = c.text("id", "a complaint id");
  const customerId = c.text("customerId", "a customer id");
  const channel = c.oneOf("channel", COMPLAINT_CHANNELS, !record);
  const cause = c.oneOf("cause", COMPLAINT_CAUSES);
  const description = record ? c.string("description") : c.text("description", "a description of the problem", true);
  const at = c.instant("at");
  const by = c.text("by", "who recorded the complaint", !record);
  const customerValue = c.oneOf("customerValue", CUSTOMER_VALUES, !record);
  const priority = c.oneOf("priority", COMPLAINT_PRIORITIES, !record);
  const priorityOverridden = record ? c.boolean("priorityOverridden") : priority !== undefined;
  const reopenWindowDays = c.days("reopenWindowDays", !record);
  const autoCloseAfterDays = c.days("autoCloseAfterDays", !record);
  const remedySought = c.text("remedySought", "the remedy the customer seeks", true);
  c.only(record ? RECORD_KEYS : INPUT_KEYS);
  if (c.issues.length > 0) throw new LoyaltyValidationError(c.issues, what);
  // Every required field was read without an issue, so none of these is undefined.
  const value = customerValue ?? COMPLAINT_DEFAULTS.customerValue;
  const derived = priorityFor(cause as NonNullable<typeof cause>, value);
  if (record && priorityOverridden === false && priority !== derived) {
    throw new LoyaltyValidationError(
      [
        {
          path: [...base, "priority"],
          message: `expected the derived priority ${JSON.stringify(derived)} (priorityOverridden is false), got ${preview(priority)}`,
        },
      ],
      what,
    );
  }
  return Object.freeze({
    type: "OPEN",
    at: at as string,
    by: by ?? (customerId as string),
    id: id as string,
    customerId: customerId as string,
    channel: channel ?? COMPLAINT_DEFAULTS.channel,
    cause: cause as NonNullable<typeof cause>,
    description: description ?? COMPLAINT_DEFAULTS.description,
    customerValue: value,
    priority: priority ?? derived,
    priorityOverridden: priorityOverridden === true,
    reopenWindowDays: reopenWindowDays ?? COMPLAINT_DEFAULTS.reopenWindowDays,
    autoCloseAfterDays: autoCloseAfterDays ?? COMPLAINT_DEFAULTS.autoCloseAfterDays,
    ...(remedySought === undefined ? {} : { remedySought }),
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
