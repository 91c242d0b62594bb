// How much of a bonus program's tier log (`totals.tierLog`: the sales and refunds that left the
// account's window, as [instant, spend, points earned]) a tier question can still depend on. The
// tier a member holds at an instant is a function of the history up to it (simulate.ts); the rows
// below are dropped, or folded together, only where that function cannot tell the difference for
// any instant from `fromMs` on (checkout refuses a sale before the account's cutoff, so no tier is
// asked about earlier):
// - rolling window of M months, grace G days: the tier at T is decided by the amounts in the window
//   over the last G days (a tier is gained the moment the amount reaches its threshold and kept G
//   days after the amount falls below it), so only rows still in the window at some instant from
//   `fromMs` − (G + 1) days on are kept (the extra day covers a grace day across a DST change);
// - calendar year, `to-qualified`: the tier entering a year is the one the previous year's amount
//   gives, so the previous year's rows and this year's are kept; `one-tier`: a tier falls one level
//   per year, so a tier held N years ago can still show N − 1 levels lower today; from the top of
//   L tiers it is gone after L reviews: the last L years' rows are kept. Within a year only the
//   highest running amount (the tier reached) and the total (the review) count: each year's rows
//   fold as a lifetime's do, to at most three;
// - lifetime: a tier once reached is kept, so the tier is that of the highest running amount and
//   the amount is the running total; the rows fold into at most three (the highest running amount
//   per basis at its instant, then the rest at the last row's instant), whatever their number.
import { zonedParts } from "../../../core/calendar.js";
import { instantMs } from "../../../core/instant.js";
import { atOneScale, plainUnits } from "../../_lib/minor.js";
import type { TierPolicy } from "../tierPolicy.js";
import { monthsLater, yearStart } from "./simulate.js";

/** A tier log row: `[instant, spend, points earned]`, refunds negative. */
export type TierLogRow = [string, string, string];

const DAY_MS = 86_400_000;

/**
 * The rows of `rows` that a tier question at `fromMs` or later can depend on under `policy`, in time
 * order (see the top of this file for the rule per window).
 */
export function boundTierLog(policy: TierPolicy, rows: readonly TierLogRow[], fromMs: number): TierLogRow[] {
  const sorted = rows.map((row) => ({ row, ms: instantMs(row[0]) })).sort((a, b) => a.ms - b.ms);
  const tz = policy.timeZone;
  const w = policy.window;
  if (w.type === "lifetime") return foldLifetime(sorted);
  let n = 0;
  if (w.type === "rolling") {
    const graceDays = policy.retention?.type === "grace" ? policy.retention.days : 0;
    const earliest = fromMs - (graceDays + 1) * DAY_MS;
    // A row counts in the window until `months` later; monthsLater keeps the order, so the rows out of the window by `earliest` are a prefix.
    while (n < sorted.length && monthsLater((sorted[n] as { ms: number }).ms, w.months, tz) <= earliest) n++;
    return sorted.slice(n).map((x) => x.row);
  }
  const years = policy.downgrade === "one-tier" ? policy.tiers.length : 1;
  const from = yearStart(zonedParts(fromMs, tz).year - years, tz);
  while (n < sorted.length && (sorted[n] as { ms: number }).ms < from) n++;
  // Each calendar year's rows fold like a lifetime's: within a year the tier reached is that of the
  // highest running amount and the review reads the year's total (every row is before `fromMs`).
  const out: TierLogRow[] = [];
  let i = n;
  while (i < sorted.length) {
    const end = yearStart(zonedParts((sorted[i] as { ms: number }).ms, tz).year + 1, tz);
    let j = i;
    while (j < sorted.length && (sorted[j] as { ms: number }).ms < end) j++;
    out.push(...foldLifetime(sorted.slice(i, j)));
    i = j;
  }
  return out;
}

/** Rows folded: the highest running amount (per basis) at its instant, and the rest at the last row's. */
function foldLifetime(sorted: readonly { readonly row: TierLogRow; readonly ms: number }[]): TierLogRow[] {
  if (sorted.length <= 3) return sorted.map((x) => x.row);
  // Per column, the figures as exact integers at the column's scale (the most decimals in it).
  const out = new Map<number, [string, bigint, bigint]>();
  const at = (ms: number, iso: string): [string, bigint, bigint] => {
    let r = out.get(ms);
    if (r === undefined) {
      r = [iso, 0n, 0n];
      out.set(ms, r);
    }
    return r;
  };
  const last = sorted[sorted.length - 1] as { readonly row: TierLogRow; readonly ms: number };
  const scales = [0, 0, 0];
  for (const col of [1, 2] as const) {
    const { scale, values } = atOneScale(sorted.map((x) => x.row[col]));
    scales[col] = scale;
    // Rows at one instant count together (as the tier replay counts them): the running amount is read after each instant.
    let run = 0n;
    let best: bigint | undefined;
    let bestAt = last;
    for (let i = 0; i < sorted.length; i++) {
      const x = sorted[i] as { readonly row: TierLogRow; readonly ms: number };
      run += values[i] as bigint;
      const next = sorted[i + 1];
      if (next !== undefined && next.ms === x.ms) continue;
      if (best === undefined || run > best) {
        best = run;
        bestAt = x;
      }
    }
    const high = at(bestAt.ms, bestAt.row[0]);
    high[col] += best ?? 0n;
    const rest = at(last.ms, last.row[0]);
    rest[col] += run - (best ?? 0n);
  }
  return [...out.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(
      ([, [iso, spend, points]]): TierLogRow => [
        iso,
        plainUnits(spend, scales[1] as number),
        plainUnits(points, scales[2] as number),
      ],
    );
}
