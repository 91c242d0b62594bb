// Input checks shared by the lifetime functions. Rows are checked by hand rather than by a zod schema:
// a fit reads every row of a possibly large summary once, straight into columns. Internal.
import { LoyaltyValidationError, type ValidationIssue } from "../../../errors/errors.js";
import type { BgNbdParams, GammaGammaParams } from "../schemas.js";
import { describe as previewValue, positiveFieldIssues } from "./check.js";

/** The histories as columns (one copy of the input). */
export interface HistoryColumns {
  readonly frequency: number[];
  readonly recency: number[];
  readonly T: number[];
  /** Present when monetary values were required. */
  readonly monetary: number[];
  readonly length: number;
}

const MAX_ISSUES = 20;

function field(row: object, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(row, name) ? (row as Record<string, unknown>)[name] : undefined;
}

/** Checks one history; pushes issues with `path` prefixed. Returns the numbers when valid. */
function checkHistory(
  row: unknown,
  path: readonly (string | number)[],
  needMonetary: boolean,
  issues: ValidationIssue[],
): { frequency: number; recency: number; T: number; monetary: number } | undefined {
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    issues.push({ path, message: `expected an object { frequency, recency, T${needMonetary ? ", monetary" : ""} }, got ${previewValue(row)}` });
    return undefined;
  }
  const before = issues.length;
  const num = (name: string): number | undefined => {
    const v = field(row, name);
    if (typeof v !== "number" || !Number.isFinite(v)) {
      issues.push({ path: [...path, name], message: `expected a finite number, got ${previewValue(v)}` });
      return undefined;
    }
    return v;
  };
  const frequency = num("frequency");
  const recency = num("recency");
  const T = num("T");
  if (frequency !== undefined && (!Number.isInteger(frequency) || frequency < 0)) {
    issues.push({ path: [...path, "frequency"], message: `expected a non-negative integer (repeat purchases), got ${frequency}` });
  }
  if (recency !== undefined && recency < 0) issues.push({ path: [...path, "recency"], message: `expected recency ≥ 0, got ${recency}` });
  if (T !== undefined && T < 0) issues.push({ path: [...path, "T"], message: `expected T ≥ 0, got ${T}` });
  if (recency !== undefined && T !== undefined && recency > T) {
    issues.push({ path: [...path, "recency"], message: `expected recency ≤ T (${T}), got ${recency}` });
  }
  if (frequency === 0 && recency !== undefined && recency !== 0) {
    issues.push({ path: [...path, "recency"], message: `expected recency 0 when frequency is 0, got ${recency}` });
  }
  let monetary = 0;
  if (needMonetary) {
    const m = field(row, "monetary");
    if (frequency !== undefined && frequency > 0) {
      if (typeof m !== "number" || !Number.isFinite(m) || m <= 0) {
        issues.push({ path: [...path, "monetary"], message: `expected a finite positive mean spend per repeat purchase when frequency > 0, got ${previewValue(m)}` });
      } else monetary = m;
    } else if (m !== undefined && (typeof m !== "number" || !Number.isFinite(m) || m < 0)) {
      issues.push({ path: [...path, "monetary"], message: `expected a finite non-negative number or nothing, got ${previewValue(m)}` });
    }
  }
  if (issues.length > before || frequency === undefined || recency === undefined || T === undefined) return undefined;
  return { frequency, recency, T, monetary };
}

/** Reads an iterable of histories into columns, or throws one LoyaltyValidationError listing (up to 20) bad fields. */
export function readHistories(summary: unknown, needMonetary: boolean, what: string): HistoryColumns {
  if (summary === null || typeof summary !== "object" || typeof (summary as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function") {
    throw new LoyaltyValidationError([{ path: [], message: `expected an iterable (array) of customer histories, got ${previewValue(summary)}` }], what);
  }
  const cols = { frequency: [] as number[], recency: [] as number[], T: [] as number[], monetary: [] as number[] };
  const issues: ValidationIssue[] = [];
  let index = 0;
  for (const row of summary as Iterable<unknown>) {
    const h = checkHistory(row, [index], needMonetary, issues);
    if (h !== undefined && issues.length === 0) {
      cols.frequency.push(h.frequency);
      cols.recency.push(h.recency);
      cols.T.push(h.T);
      if (needMonetary) cols.monetary.push(h.monetary);
    }
    index++;
    if (issues.length >= MAX_ISSUES) break;
  }
  if (issues.length > 0) throw new LoyaltyValidationError(issues, what);
  if (index === 0) throw new LoyaltyValidationError([{ path: [], message: "expected at least one customer history, got none" }], what);
  return { ...cols, length: index };
}

/** One customer's history, checked; path starts at `name`. */
export function readHistory(customer: unknown, name: string, needMonetary: boolean, what: string): { frequency: number; recency: number; T: number; monetary: number } {
  const issues: ValidationIssue[] = [];
  const h = checkHistory(customer, [name], needMonetary, issues);
  if (h === undefined) throw new LoyaltyValidationError(issues, what);
  return h;
}

/** A finite number ≥ 0 (a time span, a rate), or a validation error naming it. */
export function readNonNegative(value: unknown, name: string, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new LoyaltyValidationError([{ path: [name], message: `expected a finite number ≥ 0, got ${previewValue(value)}` }], what);
  }
  return value;
}

export function readBgNbdParams(params: unknown, what: string): BgNbdParams {
  const issues = positiveFieldIssues(params, ["r", "alpha", "a", "b"], ["params"]);
  if (issues.length > 0) throw new LoyaltyValidationError(issues, what);
  const { r, alpha, a, b } = params as BgNbdParams;
  return { r, alpha, a, b };
}

export function readGammaGammaParams(params: unknown, what: string): GammaGammaParams {
  const issues = positiveFieldIssues(params, ["p", "q", "v"], ["params"]);
  if (issues.length > 0) throw new LoyaltyValidationError(issues, what);
  const { p, q, v } = params as GammaGammaParams;
  return { p, q, v };
}
