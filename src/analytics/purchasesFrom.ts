import { guardInputs } from "../core/guard.js";
import { isValid, parse } from "date-fns";
import { LoyaltyValidationError, type ValidationIssue } from "../errors/errors.js";
import { DECIMAL_PATTERN } from "../core/decimal.js";
import { previewValue } from "../_lib/values.js";
import { timeMillis } from "./_lib/rfm.js";
import type { RfmTransaction } from "./rfmAccumulator.js";

/**
 * Options of {@link purchasesFrom}: which column holds what, how dates are written, and what to do
 * with a bad row.
 *
 * @example
 * ```ts
 * import type { PurchasesFromOptions } from "loyalty-kit";
 * const o: PurchasesFromOptions = { customerId: "id", at: "date", value: "amount", dateFormat: "yyyyMMdd" };
 * console.log(o.dateFormat);
 * ```
 * @category analytics
 */
export interface PurchasesFromOptions {
  /** Column (key) of the customer id. */
  readonly customerId: string;
  /** Column of the purchase time. */
  readonly at: string;
  /** Column of the purchase value (omit to count purchases with value 0). */
  readonly value?: string;
  /**
   * A date-fns `parse` format such as "yyyyMMdd" or "dd.MM.yyyy HH:mm" for string times; the wall
   * clock is read as UTC unless the format has a zone token (X, x, O). Without it, times must be ISO-8601
   * instants with an offset, dates "YYYY-MM-DD", `Date`s or epoch milliseconds.
   */
  readonly dateFormat?: string;
  /** "throw" (default): one error listing the bad rows; "skip": leave them out and report them. */
  readonly onBadRow?: "throw" | "skip";
}

/**
 * The purchases read by {@link purchasesFrom}, and the rows left out with `onBadRow: "skip"`
 * (`skipped` counts them all, `issues` describes the first 20).
 *
 * @example
 * ```ts
 * import type { PurchasesFromResult } from "loyalty-kit";
 * const r: PurchasesFromResult = { purchases: [], skipped: 0, issues: [] };
 * console.log(r.skipped);
 * ```
 * @category analytics
 */
export interface PurchasesFromResult {
  readonly purchases: readonly RfmTransaction[];
  readonly skipped: number;
  readonly issues: readonly ValidationIssue[];
}

const MAX_ISSUES = 20;
const ZONE_TOKEN = /[XxO]/;

/**
 * Maps raw rows — from a CSV parser, a database driver or DuckDB — to the purchase objects that
 * `rfmSummary`, `rfmAccumulator` and the cohort functions take. Customer ids may be strings,
 * integers or bigints (within the safe range); values numbers, decimal strings ("12.50"), or
 * bigints; times as described at `dateFormat`, parsed with date-fns' `parse` when a format is
 * given (the CDNOW file writes 19970101: `dateFormat: "yyyyMMdd"`). Each bad row is reported by its
 * index, column and customer id. The rows are not changed.
 *
 * @param rows - objects keyed by column name (array or any iterable, read once)
 * @param options - column names, optional `dateFormat`, `onBadRow`
 * @returns frozen `{ purchases, skipped, issues }`; times in `purchases` are ISO strings (UTC) or the caller's `Date`/ms
 * @throws {LoyaltyValidationError} listing the first 20 bad rows (path: row index and column, message naming the customer) unless `onBadRow` is "skip", or when an option is malformed
 * @example
 * ```ts
 * import { purchasesFrom } from "loyalty-kit";
 * const { purchases, skipped } = purchasesFrom(
 *   [
 *     { id: "00001", date: "19970101", amount: "11.77" },
 *     { id: "00002", date: "19970231", amount: "9.99" },
 *   ],
 *   { customerId: "id", at: "date", value: "amount", dateFormat: "yyyyMMdd", onBadRow: "skip" },
 * );
 * console.log(purchases, skipped); // [ { customerId: '00001', at: '1997-01-01T00:00:00.000Z', value: '11.77' } ] 1
 * ```
 * @category analytics
 */
export function purchasesFrom(
  rows: Iterable<Readonly<Record<string, unknown>>>,
  options: PurchasesFromOptions,
): PurchasesFromResult {
  return guardInputs("purchasesFrom", { rows, options }, () => purchasesFromUnguarded(rows, options));
}

function purchasesFromUnguarded(
  rows: Iterable<Readonly<Record<string, unknown>>>,
  options: PurchasesFromOptions,
): PurchasesFromResult {
  const what = "purchasesFrom";
  const o = readOptions(options, what);
  if (
    typeof rows !== "object" ||
    rows === null ||
    typeof (rows as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function"
  ) {
    throw new LoyaltyValidationError(
      [{ path: [], message: `expected an iterable (array) of row objects, got ${previewValue(rows)}` }],
      what,
    );
  }
  const reference = new Date(0);
  const purchases: RfmTransaction[] = [];
  const issues: ValidationIssue[] = [];
  let skipped = 0;
  let i = 0;
  for (const row of rows as Iterable<unknown>) {
    const index = i++;
    const problem = (column: string | undefined, message: string, id?: unknown): void => {
      skipped++;
      if (issues.length < MAX_ISSUES)
        issues.push({
          path: column === undefined ? [index] : [index, column],
          message: id === undefined ? message : `${message} (customer ${previewValue(id)})`,
        });
    };
    if (typeof row !== "object" || row === null) {
      problem(undefined, `expected a row object keyed by column name, got ${previewValue(row)}`);
      continue;
    }
    const r = row as Record<string, unknown>;
    const rawId = r[o.customerId];
    const customerId =
      typeof rawId === "bigint" && Number.isSafeInteger(Number(rawId))
        ? Number(rawId)
        : (typeof rawId === "string" && rawId.length > 0) || Number.isSafeInteger(rawId)
          ? (rawId as string | number)
          : undefined;
    if (customerId === undefined) {
      problem(
        o.customerId,
        `expected a customer id (a non-empty string or a safe integer), got ${previewValue(rawId)}`,
      );
      continue;
    }
    const rawAt = r[o.at];
    let at: string | Date | number | undefined;
    if (o.dateFormat !== undefined && typeof rawAt === "string") {
      const local = parse(rawAt, o.dateFormat, reference);
      if (isValid(local)) {
        at = (
          o.zoned
            ? local
            : new Date(
                new Date(0).setUTCFullYear(local.getFullYear(), local.getMonth(), local.getDate()) +
                  ((local.getHours() * 60 + local.getMinutes()) * 60 + local.getSeconds()) * 1000 +
                  local.getMilliseconds(),
              )
        ).toISOString();
      }
    } else if (rawAt instanceof Date ? Number.isFinite(rawAt.getTime()) : Number.isFinite(timeMillis(rawAt))) {
      at = rawAt as string | Date | number;
    }
    if (at === undefined) {
      problem(
        o.at,
        `expected ${o.dateFormat === undefined ? 'an ISO-8601 instant with an offset, a date "YYYY-MM-DD", a Date or epoch ms' : `a time in the format "${o.dateFormat}"`}, got ${previewValue(rawAt)}`,
        customerId,
      );
      continue;
    }
    if (o.value === undefined) {
      purchases.push(Object.freeze({ customerId, at }));
      continue;
    }
    const rawValue = r[o.value];
    const value =
      typeof rawValue === "number" && Number.isFinite(rawValue)
        ? rawValue
        : typeof rawValue === "string" && DECIMAL_PATTERN.test(rawValue.trim())
          ? rawValue.trim()
          : typeof rawValue === "bigint" && Number.isSafeInteger(Number(rawValue))
            ? Number(rawValue)
            : undefined;
    if (value === undefined) {
      problem(
        o.value,
        `expected a finite number or a decimal string such as "12.50", got ${previewValue(rawValue)}`,
        customerId,
      );
      continue;
    }
    purchases.push(Object.freeze({ customerId, at, value }));
  }
  if (skipped > 0 && o.onBadRow === "throw") {
    if (skipped > issues.length)
      issues.push({
        path: [],
        message: `and ${skipped - issues.length} more bad rows; pass onBadRow: "skip" to leave them out`,
      });
    throw new LoyaltyValidationError(issues, what);
  }
  return Object.freeze({ purchases: Object.freeze(purchases), skipped, issues: Object.freeze(issues) });
}

function readOptions(
  options: unknown,
  what: string,
): {
  customerId: string;
  at: string;
  value: string | undefined;
  dateFormat: string | undefined;
  zoned: boolean;
  onBadRow: "throw" | "skip";
} {
  const issues: ValidationIssue[] = [];
  if (typeof options !== "object" || options === null) {
    throw new LoyaltyValidationError(
      [
        {
          path: [],
          message: `expected options { customerId, at, value?, dateFormat?, onBadRow? }, got ${previewValue(options)}`,
        },
      ],
      what,
    );
  }
  const o = options as Record<string, unknown>;
  const column = (name: string, optional: boolean): string | undefined => {
    const v = o[name];
    if (optional && v === undefined) return undefined;
    if (typeof v !== "string" || v.length === 0) {
      issues.push({
        path: [name],
        message: `expected the name of a column (a non-empty string), got ${previewValue(v)}`,
      });
      return undefined;
    }
    return v;
  };
  const customerId = column("customerId", false);
  const at = column("at", false);
  const value = column("value", true);
  const dateFormat = column("dateFormat", true);
  const onBadRow = o["onBadRow"] ?? "throw";
  if (onBadRow !== "throw" && onBadRow !== "skip")
    issues.push({ path: ["onBadRow"], message: `expected "throw" or "skip", got ${previewValue(onBadRow)}` });
  if (issues.length > 0) throw new LoyaltyValidationError(issues, what);
  return {
    customerId: customerId as string,
    at: at as string,
    value,
    dateFormat,
    zoned: dateFormat !== undefined && ZONE_TOKEN.test(dateFormat.replace(/'[^']*'/g, "")),
    onBadRow: onBadRow as "throw" | "skip",
  };
}
