// The one instant parser for every boundary (baskets, programs, ledger entries, customers,
// complaints, analytics). Internal: not re-exported from the package root.
import { LoyaltyValidationError } from "../errors/errors.js";

/** A path into the input, as property names and array indexes. */
export type Path = readonly (string | number)[];

/**
 * How a date-only string ("2025-03-31") is read:
 * - `"reject"` (the default): refused, because a day is not an instant;
 * - `"utc-midnight"`: read as 00:00:00.000 UTC of that day.
 * A function that accepts days says so in its TSDoc and passes `"utc-midnight"`; no other reading exists.
 */
export type DateOnlyRule = "reject" | "utc-midnight";

/** Options of {@link parseInstant} and {@link instantMillis}. */
export interface InstantOptions {
  /** How to read a date-only string; `"reject"` unless given. */
  readonly dateOnly?: DateOnlyRule;
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

// Instants from 0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z: the range where
// Date#toISOString writes the plain four-digit-year form that the parser reads back, so every stored
// instant survives a JSON round trip (a Date in year 188002 would be written "+188002-…").
/** Epoch ms of 0000-01-01T00:00:00.000Z, the earliest accepted instant. */
export const MIN_INSTANT_MS = -62_167_219_200_000;
/** Epoch ms of 9999-12-31T23:59:59.999Z, the latest accepted instant. */
export const MAX_INSTANT_MS = 253_402_300_799_999;

/** What a validation message says an instant must be. */
export const EXPECTED_INSTANT =
  'expected an ISO-8601 instant with an offset such as "2026-01-31T10:00:00Z" or a valid Date, in years 0000–9999';

const EXPECTED_INSTANT_OR_DAY =
  'expected an ISO-8601 instant with an offset such as "2026-01-31T10:00:00Z", a date such as "2026-01-31" (read as UTC midnight) or a valid Date, in years 0000–9999';

/** Milliseconds in 400 Gregorian years (146,097 days): the calendar repeats exactly after them. */
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;

/**
 * `Date.UTC` for every year: Date.UTC reads years 0–99 as 1900–1999 (ECMA-262 MakeFullYear), which
 * put instants of years 0000–0099 nineteen centuries off. Such years are computed 400 years later
 * and shifted back (the Gregorian calendar repeats every 400 years). Fields may overflow as in Date.UTC.
 */
export function utcMillis(year: number, monthIndex: number, day = 1, hour = 0, minute = 0, second = 0, ms = 0): number {
  if (year >= 0 && year < 100)
    return Date.UTC(year + 400, monthIndex, day, hour, minute, second, ms) - FOUR_CENTURIES_MS;
  return Date.UTC(year, monthIndex, day, hour, minute, second, ms);
}

function daysIn(year: number, month: number): number {
  return new Date(utcMillis(year, month, 0)).getUTCDate();
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

function utcDay(year: number, month: number, day: number): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`; any year ≥ 0). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Days in `month` (1–12) of `year`, Gregorian leap rule. */
function monthDays(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The digit at `i` of `s` (0–9), or −1 when that character is not an ASCII digit. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** The two-digit number at `i` of `s`, or −1 when either character is not a digit. */
function two(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * The fast path of the parser for the shapes data files use — `YYYY-MM-DD` (when date-only strings
 * are read) and `YYYY-MM-DDTHH:MM[:SS[.s–sss]]` followed by `Z` or `±hh:mm` — read character by
 * character with no regular expression, no allocation and no `Date.parse`. Returns the epoch
 * milliseconds of a valid string of those shapes and NaN for anything else (another shape, or an
 * impossible field), which the caller then reads through the full parser ({@link patternMillis}):
 * the two agree on every string (test/core/fastParse.property.test.ts checks that on random valid and
 * invalid strings).
 */
function fastIsoMillis(s: string, dateOnly: boolean): number {
  const n = s.length;
  // The stored form `YYYY-MM-DDTHH:MM:SS.sssZ` (what Date#toISOString and most databases write)
  // first, read at fixed positions by storedInstant: 55 ns a string against 85 ns through the
  // general shapes below (Node 20). Years 0–99 and every other string go on.
  if (n === 24) {
    const ms = storedInstant(s);
    if (!Number.isNaN(ms)) return ms;
  }
  if (n < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const y1 = two(s, 0);
  const y2 = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1) return Number.NaN;
  const year = y1 * 100 + y2;
  if (day > monthDays(year, month)) return Number.NaN;
  const days = daysFromCivil(year, month, day);
  if (n === 10) return dateOnly ? days * 86_400_000 : Number.NaN;
  if (n < 17 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return Number.NaN;
  const hour = two(s, 11);
  const minute = two(s, 14);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return Number.NaN;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    second = two(s, i + 1);
    if (second < 0 || second > 59) return Number.NaN;
    i += 3;
    if (s.charCodeAt(i) === 46) {
      // One to three fraction digits (".5" is 500 ms); longer fractions take the full parser.
      let scale = 100;
      i++;
      const start = i;
      for (let d = digit(s, i); d >= 0 && i - start < 3; d = digit(s, ++i)) {
        ms += d * scale;
        scale /= 10;
      }
      if (i === start || digit(s, i) >= 0) return Number.NaN;
    }
  }
  let offset = 0;
  const z = s.charCodeAt(i);
  if (z === 90) {
    if (i + 1 !== n) return Number.NaN;
  } else if (z === 43 || z === 45) {
    if (i + 6 !== n || s.charCodeAt(i + 3) !== 58) return Number.NaN;
    const oh = two(s, i + 1);
    const om = two(s, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
    offset = (z === 43 ? 1 : -1) * (oh * 60 + om) * 60_000;
  } else return Number.NaN;
  return days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms - offset;
}

/**
 * Epoch ms of an instant in exactly the stored form `YYYY-MM-DDTHH:MM:SS.sssZ` (what
 * `Date#toISOString` writes for years 100–9999), or NaN for anything else — including calendar
 * dates that do not exist, which `Date.parse` would silently roll over ("02-30" → March). A string
 * it reads is canonical: `Date#toISOString` of its epoch ms gives it back.
 * Hand-parsed because it runs once per entry in replay's hot loop and once per instant read back.
 */
export function storedInstant(v: unknown): number {
  if (typeof v !== "string" || v.length !== 24) return Number.NaN;
  if (
    v.charCodeAt(4) !== 45 ||
    v.charCodeAt(7) !== 45 ||
    v.charCodeAt(10) !== 84 ||
    v.charCodeAt(13) !== 58 ||
    v.charCodeAt(16) !== 58 ||
    v.charCodeAt(19) !== 46 ||
    v.charCodeAt(23) !== 90
  ) {
    return Number.NaN;
  }
  // Digits are read inline (no closure per call) and the day count is integer arithmetic rather
  // than Date.UTC: this runs once or twice per entry in replay's hot loop.
  const year = digits(v, 0, 4);
  const month = digits(v, 5, 7);
  const day = digits(v, 8, 10);
  const hour = digits(v, 11, 13);
  const minute = digits(v, 14, 16);
  const second = digits(v, 17, 19);
  const milli = digits(v, 20, 23);
  // Years 0–99 are left to the full parser.
  if (
    year < 100 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    milli < 0
  )
    return Number.NaN;
  if (day > monthDays(year, month)) return Number.NaN;
  return (daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second) * 1000 + milli;
}

/** The non-negative integer in `v` from `from` to `to` (exclusive), or -1 when a character is not a digit. */
function digits(v: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Epoch ms of an instant already in stored form (fast path), falling back to Date.parse. */
export function instantMs(v: string): number {
  const ms = storedInstant(v);
  return Number.isNaN(ms) ? Date.parse(v) : ms;
}

function unbounded(value: unknown, dateOnly: DateOnlyRule): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== "string") return Number.NaN;
  const fast = fastIsoMillis(value, dateOnly === "utc-midnight");
  return Number.isNaN(fast) ? patternMillis(value, dateOnly) : fast;
}

/**
 * The general path of the parser, which the fast path ({@link fastIsoMillis}) only spares work:
 * epoch ms of `value` read by regular expression and `Date.parse` with its fields checked, before
 * the range check; NaN when it is not an instant (or day, under `"utc-midnight"`). Exported for the
 * property test that the fast path agrees with it.
 */
export function patternMillis(value: string, dateOnly: DateOnlyRule): number {
  const m = ISO_WITH_OFFSET.exec(value);
  if (m === null) {
    const d = dateOnly === "utc-midnight" ? DATE_ONLY.exec(value) : null;
    if (d === null) return Number.NaN;
    const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    return validDay(year, month, day) ? utcDay(year, month, day) : Number.NaN;
  }
  // Date.parse rolls impossible dates over ("2026-02-30" becomes 2 March): require the calendar
  // fields to exist, and hours, minutes, seconds and offsets to be in range.
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  if (m[9] !== undefined && (Number(m[10]) > 23 || Number(m[11]) > 59)) return Number.NaN;
  return Date.parse(value);
}

/**
 * Epoch milliseconds of an instant given as an ISO-8601 string with an offset (`Z` or `±hh:mm`) or a
 * valid Date, within years 0000–9999 UTC; NaN when invalid or out of that range. A date-only string
 * only with `{ dateOnly: "utc-midnight" }`.
 */
export function instantMillis(value: unknown, options?: InstantOptions | null): number {
  const ms = unbounded(value, options?.dateOnly ?? "reject");
  return ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS ? ms : Number.NaN;
}

/** What a validation message says an instant must be under `options`. */
export function expectedInstant(options?: InstantOptions | null): string {
  return options?.dateOnly === "utc-midnight" ? EXPECTED_INSTANT_OR_DAY : EXPECTED_INSTANT;
}

/** A short, safe rendering of a value for error messages. */
export function previewValue(value: unknown): string {
  // Never throws: a Proxy's traps may throw on `instanceof` or Array.isArray (a revoked Proxy).
  try {
    return previewUnguarded(value);
  } catch {
    return typeof value === "object" ? "an object whose properties cannot be read" : typeof value;
  }
}

function previewUnguarded(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}

/**
 * Parses one instant (`at`, `now`, an entry's `at`, …) to epoch milliseconds, or throws a
 * LoyaltyValidationError whose issue carries `path` (a string is a one-element path).
 */
export function parseInstant(value: unknown, path: Path | string, options?: InstantOptions | null): number {
  const ms = instantMillis(value, options);
  if (!Number.isFinite(ms))
    throw new LoyaltyValidationError([
      {
        path: typeof path === "string" ? [path] : path,
        message: `${expectedInstant(options)}, got ${previewValue(value)}`,
      },
    ]);
  return ms;
}

/**
 * The canonical wire form of an instant: exactly what `Date#toISOString` writes for `ms`. Instants
 * in years 0000–9999 are written by hand — the inverse of {@link storedInstant}, with H. Hinnant's
 * `civil_from_days` — because reading a stored snapshot writes one per instant it holds and
 * `toISOString` costs about three times as much; anything else is left to `toISOString`. The
 * characters are written at once (`String.fromCharCode`), so the string is flat: reading it again
 * (storedInstant, JSON.stringify) does not first have to join pieces a template would leave.
 */
export function instantToIso(ms: number): string {
  if (!(ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097; // [0, 146096]
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365], from 1 March
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  // Character codes: "-" 45, "T" 84, ":" 58, "." 46, "Z" 90; digitCode() gives a digit's.
  // biome-ignore format: one group of digits per field, as the string reads
  return String.fromCharCode(
    digitCode(year, 1000), digitCode(year, 100), digitCode(year, 10), digitCode(year, 1), 45,
    digitCode(month, 10), digitCode(month, 1), 45,
    digitCode(day, 10), digitCode(day, 1), 84,
    digitCode(hour, 10), digitCode(hour, 1), 58,
    digitCode(minute, 10), digitCode(minute, 1), 58,
    digitCode(second, 10), digitCode(second, 1), 46,
    digitCode(milli, 100), digitCode(milli, 10), digitCode(milli, 1), 90,
  );
}

/** The character code of the digit of `n` (a non-negative integer) at `place` (1, 10, 100 or 1000). */
function digitCode(n: number, place: number): number {
  return 48 + (Math.floor(n / place) % 10);
}

/**
 * The canonical wire form of an instant (see {@link instantMillis} for what is read), or undefined
 * when `value` is not one. A string already in that form ({@link storedInstant}: what every stored
 * snapshot holds) is returned as it is, not parsed and written again.
 */
export function canonicalInstant(value: unknown, options?: InstantOptions | null): string | undefined {
  if (!Number.isNaN(storedInstant(value))) return value as string;
  const ms = instantMillis(value, options);
  return Number.isFinite(ms) ? instantToIso(ms) : undefined;
}
