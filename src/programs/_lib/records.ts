// Reading a program account's own records: accumulated spend in a window, points earned in a
// calendar period, whether a purchase would be the customer's first, refunded quantities.
import { daysInMonth, zonedParts, zonedTimeToInstant } from "../../_lib/time.js";
import type { ProgramAccount } from "../account.js";
import type { Program, SpendWindow } from "../program.js";
import { dec, ZERO, type D } from "./decimal.js";

/**
 * The first instant that still counts in the window ending at `atMs` (exclusive lower bound for
 * rolling windows: a purchase exactly N months old has left the window).
 */
export function windowStart(window: SpendWindow, atMs: number, timeZone: string): { from: number; inclusive: boolean } {
  switch (window.type) {
    case "lifetime":
      return { from: Number.NEGATIVE_INFINITY, inclusive: true };
    case "calendar-year": {
      const p = zonedParts(atMs, timeZone);
      return { from: zonedTimeToInstant({ year: p.year, month: 1, day: 1 }, timeZone), inclusive: true };
    }
    case "rolling": {
      const p = zonedParts(atMs, timeZone);
      const monthIndex = p.month - 1 - window.months;
      const year = p.year + Math.floor(monthIndex / 12);
      const month = (((monthIndex % 12) + 12) % 12) + 1;
      const day = Math.min(p.day, daysInMonth(year, month));
      const from = zonedTimeToInstant(
        { year, month, day, hour: p.hour, minute: p.minute, second: p.second, millisecond: p.millisecond },
        timeZone,
      );
      return { from, inclusive: false };
    }
    default: {
      const never: never = window;
      return never;
    }
  }
}

/**
 * Spend accumulated in the program's window at `atMs`: each purchase inside the window counts with
 * its `spend`, minus what refunds made up to `atMs` took back from it. Purchases after `atMs` do not
 * count. Programs without a window count the whole history.
 */
export function accumulatedSpendAt(program: Program, account: ProgramAccount, atMs: number): D {
  const window: SpendWindow = program.kind === "cumulative" ? program.window : { type: "lifetime" };
  const { from, inclusive } = windowStart(window, atMs, program.timeZone);
  const inWindow = new Set<string>();
  let total = ZERO;
  for (const { record } of account.purchases) {
    const t = Date.parse(record.at);
    if (t > atMs || t < from || (!inclusive && t === from)) continue;
    inWindow.add(record.transactionId);
    total = total.plus(record.spend.amount);
  }
  for (const { record } of account.refunds) {
    if (Date.parse(record.at) <= atMs && inWindow.has(record.originalTransactionId))
      total = total.minus(record.spendReversed.amount);
  }
  return total;
}

function periodStart(atMs: number, period: "day" | "week" | "month" | "year", timeZone: string): number {
  const p = zonedParts(atMs, timeZone);
  switch (period) {
    case "day":
      return zonedTimeToInstant({ year: p.year, month: p.month, day: p.day }, timeZone);
    case "week": // ISO weeks start on Monday
      return zonedTimeToInstant({ year: p.year, month: p.month, day: p.day - ((p.weekday + 6) % 7) }, timeZone);
    case "month":
      return zonedTimeToInstant({ year: p.year, month: p.month, day: 1 }, timeZone);
    case "year":
      return zonedTimeToInstant({ year: p.year, month: 1, day: 1 }, timeZone);
    default: {
      const never: never = period;
      return never;
    }
  }
}

/** Points earned by purchases (not welcome bonuses) in the calendar period containing `atMs`, net of refunds. */
export function earnedInPeriod(
  program: Program,
  account: ProgramAccount,
  atMs: number,
  period: "day" | "week" | "month" | "year",
): D {
  const from = periodStart(atMs, period, program.timeZone);
  const inPeriod = new Set<string>();
  let total = ZERO;
  for (const { record } of account.purchases) {
    const t = Date.parse(record.at);
    if (t < from || t > atMs) continue;
    inPeriod.add(record.transactionId);
    total = total.plus(record.pointsEarned);
  }
  for (const { record } of account.refunds) {
    if (Date.parse(record.at) <= atMs && inPeriod.has(record.originalTransactionId))
      total = total.minus(record.pointsReversed);
  }
  return total;
}

/** True when every earlier purchase has been refunded in full (or there is none). */
export function isFirstPurchase(account: ProgramAccount): boolean {
  if (account.purchases.length === 0) return true;
  const complete = new Set(account.refunds.filter((r) => r.record.complete).map((r) => r.record.originalTransactionId));
  return account.purchases.every((p) => complete.has(p.record.transactionId));
}

/** Quantity already refunded per line of a purchase. */
export function refundedQuantities(account: ProgramAccount, originalTransactionId: string): Map<string, D> {
  const out = new Map<string, D>();
  for (const { record } of account.refunds) {
    if (record.originalTransactionId !== originalTransactionId) continue;
    for (const l of record.lines) out.set(l.id, (out.get(l.id) ?? ZERO).plus(dec(l.quantity)));
  }
  return out;
}

/** The instant of the account's latest checkout or refund (transactions must come in time order). */
export function lastRecordAt(account: ProgramAccount): number {
  const p = account.purchases[account.purchases.length - 1]?.record.at;
  const r = account.refunds[account.refunds.length - 1]?.record.at;
  return Math.max(
    p === undefined ? Number.NEGATIVE_INFINITY : Date.parse(p),
    r === undefined ? Number.NEGATIVE_INFINITY : Date.parse(r),
  );
}

/** Canonical JSON: keys sorted, so equal requests give equal strings whatever the key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, o[k]]),
      );
    }
    return v;
  });
}
