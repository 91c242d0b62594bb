import { guardInputs } from "../core/guard.js";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { EntrySchema, type Entry } from "./schemas.js";

const parsers = makeParsers(EntrySchema, "entry");

/**
 * Reads one ledger entry and normalizes it: instants become canonical UTC ISO strings, `meta` is
 * deep-copied. The account's points scale is checked later, when the entry is posted.
 *
 * @param input - Any value.
 * @returns The entry.
 * @throws {LoyaltyValidationError} listing every problem with its path (unknown kind, extra keys,
 *   `__proto__` keys, negative or malformed points, invalid or out-of-order instants).
 * @category ledger
 * @example
 * ```ts
 * import { parseEntry } from "loyalty-kit";
 * console.log(parseEntry({ kind: "earn", transactionId: "t1", at: "2026-01-10T17:00:00+07:00", points: "80" }).at); // 2026-01-10T10:00:00.000Z
 * ```
 */
export function parseEntry(input: unknown): Entry {
  return guardInputs("parseEntry", { input }, () => parseEntryUnguarded(input));
}

function parseEntryUnguarded(input: unknown): Entry {
  return parsers.parse(input);
}

/**
 * Like {@link parseEntry}, but returns a tagged result instead of throwing.
 *
 * @param input - Any value.
 * @returns `{ success: true, data }` or `{ success: false, error }` (a LoyaltyValidationError).
 * @category ledger
 * @example
 * ```ts
 * import { safeParseEntry } from "loyalty-kit";
 * const r = safeParseEntry({ kind: "redeem", transactionId: "t2", at: "2026-01-10T10:00:00Z", points: "-5" });
 * if (!r.success) console.log(r.error.message);
 * ```
 */
export function safeParseEntry(input: unknown): SafeParseResult<Entry> {
  return guardInputs("safeParseEntry", { input }, () => safeParseEntryUnguarded(input));
}

function safeParseEntryUnguarded(input: unknown): SafeParseResult<Entry> {
  return parsers.safeParse(input);
}
