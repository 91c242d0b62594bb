// The fields of a complaint snapshot that the SLA and metrics code computes with, checked cheaply on
// every call that takes a snapshot (transition, can, deadlines, …). Not a second validator of the
// snapshot's wire format: that is ComplaintSchema, and parseComplaint checks it in full (and replays
// the history). Checking these fields with ComplaintSchema's pieces (a zod array of `{ at }` over
// the history) made transition 2–4× slower in bench/complaints.bench.mjs, since every transition
// re-reads the history. A snapshot edited by hand and read back from a store (`priority: 7`, an
// `openedAt` that is not an instant, a history entry without `at`) is refused here with each issue
// and its path instead of crashing mid-way.
import type { ValidationIssue } from "../../errors/errors.js";
import { instantMillis, previewValue as preview } from "../../core/instant.js";
import { COMPLAINT_CAUSES, COMPLAINT_PRIORITIES } from "../constants.js";

export type UnknownRecord = Readonly<Record<string, unknown>>;

/** A plain object (not null, an array or a Date). */
export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

const oneOf = (list: readonly string[]): string => list.map((v) => JSON.stringify(v)).join(", ");

export function storedRecordIssues(c: UnknownRecord): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const priority = c["priority"];
  if (typeof priority !== "string" || !(COMPLAINT_PRIORITIES as readonly string[]).includes(priority))
    issues.push({
      path: ["priority"],
      message: `expected one of ${oneOf(COMPLAINT_PRIORITIES)}, got ${preview(priority)}`,
    });
  const cause = c["cause"];
  if (typeof cause !== "string" || !(COMPLAINT_CAUSES as readonly string[]).includes(cause))
    issues.push({ path: ["cause"], message: `expected one of ${oneOf(COMPLAINT_CAUSES)}, got ${preview(cause)}` });
  for (const key of ["openedAt", "updatedAt"]) {
    if (!Number.isFinite(instantMillis(c[key])))
      issues.push({ path: [key], message: `expected an ISO-8601 instant, got ${preview(c[key])}` });
  }
  const history = c["history"] as readonly unknown[];
  if (history.length === 0) issues.push({ path: ["history"], message: "expected at least the opening record" });
  // Entries are checked up to the first bad one: a sparse or huge edited history costs one issue.
  for (let i = 0; i < history.length; i++) {
    const entry = history[i];
    if (!isRecord(entry)) {
      issues.push({ path: ["history", i], message: `expected a history entry (an object), got ${preview(entry)}` });
      break;
    }
    if (!Number.isFinite(instantMillis((entry as UnknownRecord)["at"]))) {
      issues.push({
        path: ["history", i, "at"],
        message: `expected an ISO-8601 instant, got ${preview((entry as UnknownRecord)["at"])}`,
      });
      break;
    }
  }
  return issues;
}
