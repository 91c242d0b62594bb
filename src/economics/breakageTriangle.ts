import { guardInputs } from "../core/guard.js";
import { instantMillis, parseInstant } from "../_lib/values.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { openAccount } from "../ledger/openAccount.js";
import { postMany } from "../ledger/postMany.js";
import type { Account, EntryInput } from "../ledger/schemas.js";
import { Decimal } from "../money/money.js";
import { chainLadder } from "./chainLadder.js";
import type { LiabilityHistory } from "./pointsLiability.js";

/**
 * Options for {@link breakageTriangle}.
 *
 * @example
 * ```ts
 * import type { BreakageTriangleOptions } from "loyalty-kit";
 * const o: BreakageTriangleOptions = { at: "2026-06-30T23:59:59Z" };
 * console.log(o.at);
 * ```
 * @category economics
 */
export interface BreakageTriangleOptions {
  /** The valuation instant; entries after it are ignored. Months are calendar months in UTC. */
  readonly at: string | Date;
  /** Digits after the decimal point of the shares and the rate (half-even). Default 4. */
  readonly decimals?: number;
}

/**
 * One cell of the triangle: the points issued in a month, as they stood at the end of the month
 * `age` months later (age 0 = the issue month itself). Points are cumulative.
 *
 * @example
 * ```ts
 * import type { BreakageCell } from "loyalty-kit";
 * const c: BreakageCell = { age: 0, redeemed: "40", expired: "0", outstanding: "60", redeemedShare: "0.4000", expiredShare: "0.0000", outstandingShare: "0.6000" };
 * console.log(c.redeemedShare); // 0.4000
 * ```
 * @category economics
 */
export interface BreakageCell {
  readonly age: number;
  readonly redeemed: string;
  readonly expired: string;
  readonly outstanding: string;
  readonly redeemedShare: string;
  readonly expiredShare: string;
  readonly outstandingShare: string;
}

/**
 * What {@link breakageTriangle} reports.
 *
 * @example
 * ```ts
 * import { breakageTriangle } from "loyalty-kit";
 * const r = breakageTriangle([], { at: "2026-06-30T00:00:00Z" });
 * console.log(r.rows.length, r.ultimateRedemptionRate); // 0 null
 * ```
 * @category economics
 */
export interface BreakageTriangle {
  readonly at: string;
  /** One row per issue month ("YYYY-MM", UTC), oldest first. */
  readonly rows: readonly {
    readonly month: string;
    readonly issued: string;
    readonly cells: readonly BreakageCell[];
  }[];
  /** Chain-ladder development factors of cumulative redeemed points, one per month of age. */
  readonly factors: readonly string[];
  /** Projected ultimate redeemed points ÷ points issued, over all months; null when nothing was issued. */
  readonly ultimateRedemptionRate: string | null;
  /** 1 − ultimateRedemptionRate: the expected breakage; null when nothing was issued. */
  readonly breakageRate: string | null;
}

/**
 * Breakage from ledger history: a development triangle of points by issue month, and the ultimate
 * redemption rate estimated from it by chain ladder.
 *
 * Each earn (and positive adjust) is a lot; its issue month is the month of its `at`. Replaying the
 * entries with the ledger's own rules month by month, the triangle records at each month end, per
 * issue month, the points redeemed from those lots (the ledger's `consumed`: redeemed, held, or
 * repaying a debt), expired (swept, or past `expiresAt` at that month end) and still outstanding —
 * cumulative, as shares of the points issued (reversed points are not counted as issued). The
 * redeemed column is projected to ultimate with {@link chainLadder} (volume-weighted factors, no
 * tail); the ultimate redemption rate is the projected redeemed total over the issued total — the
 * estimate IFRS 15 (B46) and ASC 606 (606-10-55-48) ask for to recognise breakage. Assumption stated:
 * later months redeem like earlier months did at the same age (the chain-ladder assumption), and
 * the youngest months are projected no further than the oldest month has developed.
 *
 * @param histories - Per account `{ accountId, entries }` (ledger entry JSON in time order) or ledger
 *   snapshots (their `entries` are used). Not mutated.
 * @param options - `at`, `decimals`.
 * @returns A frozen {@link BreakageTriangle}.
 * @throws {LoyaltyValidationError} when `at` is invalid, an item has no `entries` array (naming it),
 *   or the ledger rejects an entry (its own typed error, naming the entry).
 * @category economics
 * @example
 * ```ts
 * import { breakageTriangle } from "loyalty-kit";
 * const r = breakageTriangle([{ accountId: "ann", entries: [
 *   { kind: "earn", transactionId: "jan", at: "2026-01-05T10:00:00Z", points: "100" },
 *   { kind: "redeem", transactionId: "r1", at: "2026-02-10T10:00:00Z", points: "50" },
 *   { kind: "earn", transactionId: "feb", at: "2026-02-15T10:00:00Z", points: "100" },
 * ] }], { at: "2026-02-28T23:59:59Z", decimals: 2 });
 * console.log(r.rows[0]?.cells.map((c) => c.redeemedShare), r.ultimateRedemptionRate); // [ '0.00', '0.50' ] 0.25
 * ```
 */
export function breakageTriangle(
  histories: readonly (Account | LiabilityHistory)[],
  options: BreakageTriangleOptions,
): BreakageTriangle {
  return guardInputs("breakageTriangle", { histories, options }, () => breakageTriangleUnguarded(histories, options));
}

function breakageTriangleUnguarded(
  histories: readonly (Account | LiabilityHistory)[],
  options: BreakageTriangleOptions,
): BreakageTriangle {
  const atMs = parseInstant(options?.at, "at");
  const decimals = options.decimals ?? 4;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new LoyaltyValidationError(
      [{ path: ["decimals"], message: `expected an integer from 0 to 20, got ${String(decimals)}` }],
      "breakageTriangle",
    );
  }
  if (!Array.isArray(histories)) {
    throw new LoyaltyValidationError(
      [{ path: ["histories"], message: "expected an array of { accountId, entries } histories or ledger accounts" }],
      "breakageTriangle",
    );
  }
  const lastMonth = monthIndex(atMs);
  // cells[issueMonth][age] = cumulative { issued, redeemed, expired } summed over accounts.
  const cells = new Map<number, Map<number, { issued: Decimal; redeemed: Decimal; expired: Decimal }>>();
  histories.forEach((history, index) => {
    if (history === null || typeof history !== "object" || !Array.isArray(history.entries)) {
      throw new LoyaltyValidationError(
        [{ path: ["histories", index], message: "expected { accountId, entries } or a ledger account" }],
        "breakageTriangle",
      );
    }
    const entries = (history.entries as readonly EntryInput[]).filter((e) => {
      const ms = instantMillis(e?.at);
      return Number.isNaN(ms) || ms <= atMs; // invalid instants go on, for the ledger to reject
    });
    if (entries.length === 0) return;
    const settings =
      "lots" in history
        ? { accountId: history.accountId, scale: history.scale, negativeLimit: history.negativeLimit }
        : { accountId: history.accountId, ...(history.scale === undefined ? {} : { scale: history.scale }) };
    let account = openAccount(settings);
    let next = 0;
    const firstMonth = monthIndex(instantMillis(entries[0]?.at));
    for (let month = Number.isNaN(firstMonth) ? lastMonth : firstMonth; month <= lastMonth; month++) {
      const endMs = Math.min(monthStartMs(month + 1) - 1, atMs);
      const batch: EntryInput[] = [];
      while (next < entries.length) {
        const e = entries[next] as EntryInput;
        const ms = instantMillis(e.at);
        if (!Number.isNaN(ms) && ms > endMs) break;
        batch.push(e);
        next++;
      }
      if (batch.length > 0) account = postMany(account, batch).account;
      for (const lot of account.lots) {
        const issueMonth = monthIndex(Date.parse(lot.at));
        const issued = new Decimal(lot.points).minus(lot.reversed);
        const lapsed = lot.expiresAt !== undefined && Date.parse(lot.expiresAt) <= endMs ? lot.remaining : "0";
        const row = cells.get(issueMonth) ?? new Map();
        cells.set(issueMonth, row);
        const age = month - issueMonth;
        const cell = row.get(age) ?? { issued: new Decimal(0), redeemed: new Decimal(0), expired: new Decimal(0) };
        row.set(age, {
          issued: cell.issued.plus(issued),
          redeemed: cell.redeemed.plus(lot.consumed),
          expired: cell.expired.plus(lot.expired).plus(lapsed),
        });
      }
    }
  });
  const months = [...cells.keys()].sort((a, b) => a - b);
  const share = (part: Decimal, whole: Decimal) =>
    whole.isZero() ? new Decimal(0).toFixed(decimals) : part.dividedBy(whole).toFixed(decimals);
  let totalIssued = new Decimal(0);
  const redeemedTriangle: Decimal[][] = [];
  const rows = months.map((month) => {
    const row = cells.get(month) as Map<number, { issued: Decimal; redeemed: Decimal; expired: Decimal }>;
    const width = lastMonth - month + 1;
    // Issued is the same at every age except for reversals; the latest cell is the current figure.
    const issued = (row.get(width - 1) as { issued: Decimal }).issued;
    totalIssued = totalIssued.plus(issued);
    const out: BreakageCell[] = [];
    const redeemedRow: Decimal[] = [];
    for (let age = 0; age < width; age++) {
      const cell = row.get(age) ?? { issued, redeemed: new Decimal(0), expired: new Decimal(0) };
      const outstanding = cell.issued.minus(cell.redeemed).minus(cell.expired);
      redeemedRow.push(cell.redeemed);
      out.push(
        Object.freeze({
          age,
          redeemed: cell.redeemed.toString(),
          expired: cell.expired.toString(),
          outstanding: outstanding.toString(),
          redeemedShare: share(cell.redeemed, cell.issued),
          expiredShare: share(cell.expired, cell.issued),
          outstandingShare: share(outstanding, cell.issued),
        }),
      );
    }
    redeemedTriangle.push(redeemedRow);
    return Object.freeze({ month: monthLabel(month), issued: issued.toString(), cells: Object.freeze(out) });
  });
  let factors: readonly string[] = [];
  let rate: string | null = null;
  let breakage: string | null = null;
  if (rows.length > 0 && !totalIssued.isZero()) {
    const projected = projectRedeemed(redeemedTriangle);
    factors = projected.factors;
    const r = projected.ultimate.dividedBy(totalIssued);
    rate = r.toFixed(decimals);
    breakage = new Decimal(1).minus(r).toFixed(decimals);
  }
  return Object.freeze({
    at: new Date(atMs).toISOString(),
    rows: Object.freeze(rows),
    factors: Object.freeze([...factors]),
    ultimateRedemptionRate: rate,
    breakageRate: breakage,
  });
}

// Chain ladder needs a non-zero column sum for each factor; when early ages have no redemptions at
// all, the factor is undefined and the projection keeps the observed figures (no development).
function projectRedeemed(triangle: Decimal[][]): { factors: readonly string[]; ultimate: Decimal } {
  try {
    const r = chainLadder(triangle, { decimals: 20 });
    return { factors: r.factors, ultimate: new Decimal(r.totalUltimate) };
  } catch (error) {
    if (!(error instanceof LoyaltyValidationError)) throw error;
    let latest = new Decimal(0);
    for (const row of triangle) latest = latest.plus(row[row.length - 1] ?? 0);
    return { factors: [], ultimate: latest };
  }
}

function monthIndex(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

function monthStartMs(index: number): number {
  return Date.UTC(Math.floor(index / 12), index % 12, 1);
}

function monthLabel(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}
