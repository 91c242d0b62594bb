// Shared by rfmSummary and rfmAccumulator: option parsing, day arithmetic and the per-customer row.
import { LoyaltyValidationError } from "../../errors/errors.js";
import { instantMillis, previewValue } from "../../_lib/values.js";

const DAY_START = { dateOnly: "utc-midnight" } as const;
import type { RfmRow } from "../rfmAccumulator.js";

export const DAY_MS = 86_400_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parsed RFM options: days are UTC day numbers (days since 1970-01-01). */
export interface RfmSettings {
  readonly period: "day" | "week";
  /** Days per reported period unit: 1 or 7. */
  readonly unit: number;
  readonly endMs: number;
  readonly endDay: number;
  readonly calibrationDay: number | undefined;
  readonly observationEnd: string;
  readonly calibrationEnd: string | undefined;
}

/** The largest epoch milliseconds of a valid Date (ECMAScript's time value range, ±8.64e15). */
export const MAX_EPOCH_MS = 8.64e15;

/**
 * Epoch ms of a date-only string (start of that UTC day), an instant or a Date (the one core parser,
 * whose fast path reads the usual ISO shapes without a regular expression), or of epoch milliseconds
 * within a Date's range (so every purchase day fits an Int32Array); NaN when invalid.
 */
export function timeMillis(value: unknown): number {
  if (typeof value === "number") return Math.abs(value) <= MAX_EPOCH_MS ? value : Number.NaN;
  return instantMillis(value, DAY_START);
}

/** An end-of-period bound: a date-only string stands for the whole UTC day (inclusive). */
function boundMillis(value: unknown, name: string, what: string): number {
  const ms = typeof value === "number" ? Number.NaN : timeMillis(value);
  if (!Number.isFinite(ms)) {
    throw new LoyaltyValidationError(
      [
        {
          path: [name],
          message: `expected a date "YYYY-MM-DD", an ISO-8601 instant with an offset or a valid Date, got ${previewValue(value)}`,
        },
      ],
      what,
    );
  }
  return typeof value === "string" && DATE_ONLY.test(value) ? ms + DAY_MS - 1 : ms;
}

/** Validates and normalises the options of rfmSummary / rfmAccumulator. */
export function rfmSettings(options: unknown, what: string): RfmSettings {
  if (typeof options !== "object" || options === null) {
    throw new LoyaltyValidationError(
      [
        {
          path: [],
          message: `expected options { observationEnd, period: "day" | "week", calibrationEnd? }, got ${previewValue(options)}`,
        },
      ],
      what,
    );
  }
  const o = options as { observationEnd?: unknown; period?: unknown; calibrationEnd?: unknown };
  if (o.period !== "day" && o.period !== "week") {
    throw new LoyaltyValidationError(
      [{ path: ["period"], message: `expected "day" or "week", got ${previewValue(o.period)}` }],
      what,
    );
  }
  const endMs = boundMillis(o.observationEnd, "observationEnd", what);
  let calibrationDay: number | undefined;
  let calibrationEnd: string | undefined;
  if (o.calibrationEnd !== undefined) {
    const calMs = boundMillis(o.calibrationEnd, "calibrationEnd", what);
    if (calMs > endMs) {
      throw new LoyaltyValidationError(
        [
          {
            path: ["calibrationEnd"],
            message: `expected calibrationEnd on or before observationEnd (${new Date(endMs).toISOString()}), got ${new Date(calMs).toISOString()}`,
          },
        ],
        what,
      );
    }
    calibrationDay = Math.floor(calMs / DAY_MS);
    calibrationEnd = new Date(calMs).toISOString();
  }
  return {
    period: o.period,
    unit: o.period === "week" ? 7 : 1,
    endMs,
    endDay: Math.floor(endMs / DAY_MS),
    calibrationDay,
    observationEnd: new Date(endMs).toISOString(),
    calibrationEnd,
  };
}

/** Same options? (Only accumulators built with equal settings can be merged.) */
export function sameSettings(a: RfmSettings, b: RfmSettings): boolean {
  return a.period === b.period && a.endMs === b.endMs && a.calibrationDay === b.calibrationDay;
}

/** Builds one row from a customer's aggregated figures (days are UTC day numbers). */
export function makeRow(
  s: RfmSettings,
  customerId: string | number,
  firstDay: number,
  lastCalDay: number,
  calDays: number,
  repeatSum: number,
  holdDays: number,
  holdSum: number,
): RfmRow {
  const end = s.calibrationDay ?? s.endDay;
  const frequency = calDays - 1;
  const row: RfmRow = {
    customerId,
    frequency,
    recency: (lastCalDay - firstDay) / s.unit,
    T: (end - firstDay) / s.unit,
    monetary: frequency === 0 ? 0 : repeatSum / frequency,
  };
  if (s.calibrationDay === undefined) return row;
  return {
    ...row,
    frequencyHoldout: holdDays,
    monetaryHoldout: holdDays === 0 ? 0 : holdSum / holdDays,
    durationHoldout: (s.endDay - s.calibrationDay) / s.unit,
  };
}

/** Whether `id` is a customer id: a non-empty string or a safe integer. */
export function isCustomerId(id: unknown): id is string | number {
  return (typeof id === "string" && id.length > 0) || Number.isSafeInteger(id);
}

/** Throws unless `id` is a customer id ({@link isCustomerId}). */
export function checkCustomerId(
  id: unknown,
  path: readonly (string | number)[],
  what: string,
): asserts id is string | number {
  if (!isCustomerId(id)) {
    throw new LoyaltyValidationError(
      [{ path, message: `expected a customer id (a non-empty string or an integer), got ${previewValue(id)}` }],
      what,
    );
  }
}
