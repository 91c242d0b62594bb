// The fields of a complaint snapshot that the SLA and metrics code computes with, checked cheaply
// (no zod: transition/can bundles stay small). A snapshot edited by hand and read back from a store
// (`priority: 7`, an `openedAt` that is not an instant, a history entry without `at`) is refused with
// each issue and its path; parseComplaint still does the full check (the history must replay).
import type { ValidationIssue } from "../../errors/errors.js";
import { COMPLAINT_CAUSES, COMPLAINT_PRIORITIES } from "../constants.js";
import { instantMillis, isRecord, preview, type UnknownRecord } from "./check.js";

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
