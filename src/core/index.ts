/**
 * # src/core — the shared internals of loyalty-kit (not exported from the package root)
 *
 * Import from the file you need (`../core/instant.js`, …) or from this index. What is here:
 *
 * - `instant.ts` — the ONE instant parser for every boundary: `parseInstant(value, path, options?)`
 *   returns epoch ms or throws a LoyaltyValidationError carrying `path`; `instantMillis` returns NaN
 *   instead. Accepted: an ISO-8601 instant with an offset (`Z` or `±hh:mm`, seconds and up to nine
 *   fraction digits optional) or a valid `Date`, in years 0000–9999 UTC; impossible dates
 *   (2026-02-30), hours > 23 and offsets > 23:59 are refused. A date-only string ("2025-03-31") only
 *   with `{ dateOnly: "utc-midnight" }`, and then it is 00:00 UTC of that day — the only reading.
 *   Also `previewValue` (a value as an error message shows it) and `EXPECTED_INSTANT`.
 * - `calendar.ts` — date-fns calendar arithmetic (`addMonthsClamped`, `daysInMonth`, `weekStart`)
 *   and the Intl time-zone code (`zonedParts`, `zoneOffset`, `zonedTimeToInstant`, `isTimeZone`,
 *   `assertTimeZone`, `endOfDayMonthsLater`).
 * - `json.ts` — `isJsonValue`, `deepFreeze`, `jsonEqual`, `canonicalJson` (sorted keys, RFC 8785
 *   key order) and `firstDifference(a, b)`: the path of the first differing field, for
 *   IdempotencyConflictError's `field`.
 * - `allocate.ts` — `allocate(total: bigint, weights: bigint[])`: the one exact largest-remainder
 *   split (ties to the earlier index; shares sum to the total); `allocateNumber` for safe integers.
 * - `validation.ts` — zod/mini: `makeParsers(schema, what)` → `{ parse, safeParse }` (safeParse never
 *   throws), `issuesFromZod`, `formatIssues` (the one message format, "and N more issues" after 20),
 *   and the shared wire schemas `DecimalString`, `NonNegativeDecimalString`, `PositiveDecimalString`,
 *   `Instant` / `instantSchema(options)`, `CurrencyCode`.
 * - `issues.ts` — `formatIssues` itself (imported by src/errors).
 *
 * Errors live in src/errors: `loyaltyError(code, message, details)` builds any refusal with
 * `details` typed per code (`ErrorDetails`); the hold/reversal/reward codes (HOLD_EXCEEDED,
 * HOLD_NOT_OPEN, HOLD_EXPIRED, ALREADY_REVERSED, NOT_REVERSIBLE, REWARD_NOT_APPLICABLE,
 * LIMIT_EXCEEDED) are defined there; `new IdempotencyConflictError(id, undefined, firstDifference(a, b))`
 * names the first differing field.
 *
 * @internal
 */
export { allocate, allocateNumber } from "./allocate.js";
export {
  addMonthsClamped,
  assertTimeZone,
  daysInMonth,
  endOfDayMonthsLater,
  isTimeZone,
  type ZonedParts,
  weekStart,
  zonedParts,
  zonedTimeToInstant,
  zoneOffset,
} from "./calendar.js";
export {
  type DateOnlyRule,
  EXPECTED_INSTANT,
  expectedInstant,
  type InstantOptions,
  instantMillis,
  instantToIso,
  MAX_INSTANT_MS,
  MIN_INSTANT_MS,
  type Path,
  parseInstant,
  previewValue,
} from "./instant.js";
export { canonicalJson, deepFreeze, firstDifference, isJsonValue, type JsonValue, jsonEqual } from "./json.js";
export {
  CurrencyCode,
  DECIMAL_PATTERN,
  DecimalString,
  formatIssues,
  Instant,
  instantSchema,
  issuesFromZod,
  MAX_LISTED_ISSUES,
  makeParsers,
  NonNegativeDecimalString,
  PositiveDecimalString,
  type SafeParseResult,
} from "./validation.js";
