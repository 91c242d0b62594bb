// Input checks shared by the lifetime functions. Rows are checked by hand rather than by a zod schema:
// a fit reads every row of a possibly large summary once, straight into columns. Internal.
import { LoyaltyValidationError, type ValidationIssue } from "../../../errors/errors.js";
import type { BgNbdParams, GammaGammaParams } from "../schemas.js";
import { describe as previewValue, positiveFieldIssues } from "./check.js";

/**
 * The histories as columns of distinct patterns with a count each — the only copy made of the input.
 * A pattern is (frequency, recency, T) for BG/NBD and (frequency, monetary) for Gamma-Gamma: customers
 * sharing one add the same likelihood term, and summaries by day or week repeat patterns heavily.
 */
export interface Patterns {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  /** Filled for Gamma-Gamma patterns only (0 for frequency 0). */
  readonly monetary: Float64Array;
  readonly count: Float64Array;
  /** Number of customers read (excluded ones not counted). */
  readonly customers: number;
  /** Repeat customers left out for a non-positive monetary value (`excludeNonPositiveSpend`). */
  readonly excluded: number;
}

const MAX_ISSUES = 20;

function field(row: object, name: string): unknown {
  return Object.hasOwn(row, name) ? (row as Record<string, unknown>)[name] : undefined;
}

/** Checks one history; pushes issues with `path` prefixed. Returns the numbers when valid. */
function checkHistory(
  row: unknown,
  path: readonly (string | number)[],
  needMonetary: boolean,
  issues: ValidationIssue[],
): { frequency: number; recency: number; T: number; monetary: number } | undefined {
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    issues.push({
      path,
      message: `expected an object { frequency, recency, T${needMonetary ? ", monetary" : ""} }, got ${previewValue(row)}`,
    });
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
    issues.push({
      path: [...path, "frequency"],
      message: `expected a non-negative integer (repeat purchases), got ${frequency}`,
    });
  }
  if (recency !== undefined && recency < 0)
    issues.push({ path: [...path, "recency"], message: `expected recency ≥ 0, got ${recency}` });
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
        issues.push({
          path: [...path, "monetary"],
          message: `expected a finite positive mean spend per repeat purchase when frequency > 0, got ${previewValue(m)}`,
        });
      } else monetary = m;
    } else if (m !== undefined && (typeof m !== "number" || !Number.isFinite(m) || m < 0)) {
      issues.push({
        path: [...path, "monetary"],
        message: `expected a finite non-negative number or nothing, got ${previewValue(m)}`,
      });
    }
  }
  if (issues.length > before || frequency === undefined || recency === undefined || T === undefined) return undefined;
  return { frequency, recency, T, monetary };
}

/** Reads an iterable of histories into patterns, or throws one LoyaltyValidationError listing (up to 20) bad fields. */
export function readPatterns(
  summary: unknown,
  forSpend: boolean,
  what: string,
  excludeNonPositiveSpend = false,
): Patterns {
  if (
    summary === null ||
    typeof summary !== "object" ||
    typeof (summary as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function"
  ) {
    throw new LoyaltyValidationError(
      [{ path: [], message: `expected an iterable (array) of customer histories, got ${previewValue(summary)}` }],
      what,
    );
  }
  // Typed columns (the likelihood loops run several times faster over them than over arrays), sized
  // to the input when it is an array and doubled when a generator outgrows them.
  let capacity = Array.isArray(summary) ? Math.max(1, summary.length) : 1024;
  let cols = [
    new Float64Array(capacity),
    new Float64Array(capacity),
    new Float64Array(capacity),
    new Float64Array(forSpend ? capacity : 0),
    new Float64Array(capacity),
  ] as const;
  let size = 0;
  const seen = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  let index = 0;
  let excluded = 0;
  for (const row of summary as Iterable<unknown>) {
    if (excludeNonPositiveSpend && nonPositiveRepeatSpend(row)) {
      excluded++;
      index++;
      continue;
    }
    const before = issues.length;
    const h = checkHistory(row, [index], forSpend, issues);
    // Name the customer, not only the row index, when the row carries an id (rfmSummary rows do).
    const id = typeof row === "object" && row !== null ? (row as { customerId?: unknown }).customerId : undefined;
    if (id !== undefined)
      for (let k = before; k < issues.length; k++) {
        const issue = issues[k] as ValidationIssue;
        issues[k] = { ...issue, message: `${issue.message} (customer ${previewValue(id)})` };
      }
    if (h !== undefined && issues.length === 0) {
      const key = forSpend ? `${h.frequency}|${h.monetary}` : `${h.frequency}|${h.recency}|${h.T}`;
      const k = seen.get(key);
      if (k !== undefined) cols[4][k] = (cols[4][k] as number) + 1;
      else {
        if (size === capacity) {
          capacity *= 2;
          const grow = (c: Float64Array): Float64Array<ArrayBuffer> => {
            if (c.length === 0) return new Float64Array(0);
            const bigger = new Float64Array(capacity);
            bigger.set(c);
            return bigger;
          };
          cols = [grow(cols[0]), grow(cols[1]), grow(cols[2]), grow(cols[3]), grow(cols[4])] as const;
        }
        seen.set(key, size);
        cols[0][size] = h.frequency;
        cols[1][size] = h.recency;
        cols[2][size] = h.T;
        if (forSpend) cols[3][size] = h.monetary;
        cols[4][size] = 1;
        size++;
      }
    }
    index++;
    if (issues.length >= MAX_ISSUES) break;
  }
  if (issues.length > 0) throw new LoyaltyValidationError(issues, what);
  if (index === 0)
    throw new LoyaltyValidationError([{ path: [], message: "expected at least one customer history, got none" }], what);
  if (index === excluded && excluded > 0) {
    throw new LoyaltyValidationError(
      [
        {
          path: [],
          message: `every one of the ${excluded} customers has a zero or negative mean spend; nothing is left to fit`,
        },
      ],
      what,
    );
  }
  const [frequency, recency, T, monetary, count] = cols;
  return {
    frequency: frequency.subarray(0, size),
    recency: recency.subarray(0, size),
    T: T.subarray(0, size),
    monetary: monetary.subarray(0, forSpend ? size : 0),
    count: count.subarray(0, size),
    customers: index - excluded,
    excluded,
  };
}

/** A repeat customer (integer frequency > 0) whose monetary is a finite number ≤ 0. */
function nonPositiveRepeatSpend(row: unknown): boolean {
  if (typeof row !== "object" || row === null) return false;
  const f = field(row, "frequency");
  const m = field(row, "monetary");
  return typeof f === "number" && Number.isInteger(f) && f > 0 && typeof m === "number" && Number.isFinite(m) && m <= 0;
}

/** One customer's history, checked; path starts at `name`. */
export function readHistory(
  customer: unknown,
  name: string,
  needMonetary: boolean,
  what: string,
): { frequency: number; recency: number; T: number; monetary: number } {
  const issues: ValidationIssue[] = [];
  const h = checkHistory(customer, [name], needMonetary, issues);
  if (h === undefined) throw new LoyaltyValidationError(issues, what);
  return h;
}

/** A finite number ≥ 0 (a time span, a rate), or a validation error naming it. */
export function readNonNegative(value: unknown, name: string, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new LoyaltyValidationError(
      [{ path: [name], message: `expected a finite number ≥ 0, got ${previewValue(value)}` }],
      what,
    );
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
