import { guardInputs } from "../../core/guard.js";
import { readingInput } from "./_lib/guard.js";
import { zonedParts } from "../../core/calendar.js";
import { deepFreeze } from "../../core/json.js";
import { Decimal } from "../../money/money.js";
import { formatAmount, tierInputs, zonedDate } from "./_lib/inputs.js";
import { daysLater, monthsLater, replayTiers, yearStart } from "./_lib/simulate.js";
import type { TierActivityInput, TierLevel, TierPolicyInput } from "./tierPolicy.js";

/**
 * What a member must do to move up, and what happens without further purchases.
 *
 * @example
 * ```ts
 * import { tierProgress, type TierProgress } from "loyalty-kit";
 * const p: TierProgress = tierProgress({ basis: "points", timeZone: "UTC", window: { type: "lifetime" }, tiers: [{ name: "Gold", threshold: "100" }] }, [{ at: "2026-01-01T00:00:00Z", amount: "40" }], { at: "2026-02-01T00:00:00Z" });
 * console.log(p.message); // No tier: earn 60 more to reach Gold.
 * ```
 * @category programs
 */
export interface TierProgress {
  /** The tier held now, `null` for none. */
  readonly tier: string | null;
  /** The amount in the current window. */
  readonly amount: string;
  /** The next tier up and how much more it takes (`by`: the last day that counts, "YYYY-MM-DD" in the policy's zone; `null` for rolling and lifetime windows); `null` at the top tier. */
  readonly next: { readonly tier: string; readonly needed: string; readonly by: string | null } | null;
  /**
   * The first drop if nothing more is bought: the tier dropped to (`null`: none), the day it happens
   * ("YYYY-MM-DD" in the policy's zone) and the instant, and how much more keeps the current tier
   * (`keepBy`: the last day a purchase still counts); `null` when no drop is scheduled (no tier,
   * lifetime windows). A calendar-year member already qualified this year sees the drop after next
   * year's review.
   */
  readonly drop: {
    readonly to: string | null;
    readonly on: string;
    readonly at: string;
    readonly keepWith: string;
    readonly keepBy: string;
  } | null;
  /** The same in one sentence for a receipt or an app. */
  readonly message: string;
}

/**
 * Progress to the next tier and the next scheduled drop, the figures a receipt or an app shows:
 * "Silver: spend 230.00 more by 2026-12-31 to reach Gold; without more purchases you drop to Bronze on
 * 2027-01-01 (spend 30.00 by 2026-12-31 to keep Silver)". Smile.io's customer VIP status shows the
 * same two figures (the delta to the next tier and the delta to retain the current one).
 *
 * The drop is found by replaying the same history forward with no new activity, under the same rules
 * as {@link tierStatus}; so the date it gives is the date tierStatus will report the drop.
 *
 * @param policy - the tier policy
 * @param history - the member's qualifying activities `{ at, amount }`
 * @param options - `{ at }`: the instant to measure at
 * @returns the frozen progress with a message
 * @throws {LoyaltyValidationError} when the policy, the history or `options.at` is invalid
 * @category programs
 * @example
 * ```ts
 * import { tierProgress, type TierPolicyInput } from "loyalty-kit";
 * const policy: TierPolicyInput = { basis: "spend", currency: "EUR", timeZone: "Europe/Berlin", window: { type: "calendar-year" },
 *   tiers: [{ name: "Bronze", threshold: "200" }, { name: "Silver", threshold: "500" }, { name: "Gold", threshold: "1000" }] };
 * const history = [{ at: "2025-06-01T10:00:00Z", amount: "600.00" }, { at: "2026-03-01T10:00:00Z", amount: "270.00" }];
 * console.log(tierProgress(policy, history, { at: "2026-11-20T10:00:00Z" }).message);
 * // Silver: spend 730.00 more by 2026-12-31 to reach Gold; without more purchases you drop to Bronze on 2027-01-01 (spend 230.00 by 2026-12-31 to keep Silver).
 * ```
 */
export function tierProgress(
  policy: TierPolicyInput,
  history: readonly TierActivityInput[],
  options: { readonly at: string | Date },
): TierProgress {
  return guardInputs("tierProgress", { policy, history, options }, () =>
    tierProgressUnguarded(policy, history, options),
  );
}

function tierProgressUnguarded(
  policy: TierPolicyInput,
  history: readonly TierActivityInput[],
  options: { readonly at: string | Date },
): TierProgress {
  return readingInput("tier inputs", () => {
    const { policy: p, history: h, atMs } = tierInputs(policy, history, options);
    const tz = p.timeZone;
    const now = replayTiers(p, h, atMs);
    const { levels, thresholds, held } = now;
    const name = (i: number): string | null => (i < 0 ? null : (levels[i] as TierLevel).name);
    const fmt = (d: Decimal) => formatAmount(p, d);
    const year = zonedParts(atMs, tz).year;
    const lastDayOfYear = zonedDate(yearStart(year + 1, tz) - 1, tz);

    const next =
      held + 1 < levels.length
        ? {
            tier: name(held + 1) as string,
            needed: fmt(Decimal.max((thresholds[held + 1] as Decimal).minus(now.amount), 0)),
            by: p.window.type === "calendar-year" ? lastDayOfYear : null,
          }
        : null;

    // Replay forward with no new activity to find the first drop.
    let drop: TierProgress["drop"] = null;
    if (held >= 0 && p.window.type !== "lifetime") {
      const horizon =
        p.window.type === "calendar-year"
          ? yearStart(year + 2, tz)
          : daysLater(
              monthsLater(atMs, p.window.months, tz),
              (p.retention?.type === "grace" ? p.retention.days : 0) + 1,
              tz,
            );
      const future = replayTiers(p, h, horizon);
      const first = future.changes.find((c) => c.at > atMs && c.to < c.from);
      if (first !== undefined) {
        const threshold = thresholds[held] as Decimal;
        let keepWith: Decimal;
        let keepByMs: number;
        if (p.window.type === "calendar-year") {
          // Reviews measure the year just ended: spend this year what the tier takes.
          keepWith = zonedParts(first.at - 1, tz).year === year ? threshold.minus(now.amount) : threshold;
          keepByMs = first.at - 1;
        } else {
          // Rolling: the amount must not fall below the threshold; find when it first does.
          const fall = fallInstant(p, h, atMs, horizon, threshold, now.graceUntil);
          keepWith = threshold.minus(fall.amount);
          keepByMs = fall.ms - 1;
        }
        drop = {
          to: name(first.to),
          on: zonedDate(first.at, tz),
          at: new Date(first.at).toISOString(),
          keepWith: fmt(Decimal.max(keepWith, 0)),
          keepBy: zonedDate(Math.max(keepByMs, atMs), tz),
        };
      }
    }

    const verb = p.basis === "spend" ? "spend" : "earn";
    const parts: string[] = [];
    if (next !== null)
      parts.push(`${verb} ${next.needed} more${next.by === null ? "" : ` by ${next.by}`} to reach ${next.tier}`);
    else if (held >= 0) parts.push("top tier");
    if (drop !== null)
      parts.push(
        `without more ${p.basis === "spend" ? "purchases" : "points"} you drop to ${drop.to ?? "no tier"} on ${drop.on} (${verb} ${drop.keepWith} by ${drop.keepBy} to keep ${name(held)})`,
      );
    const message = `${name(held) ?? "No tier"}: ${parts.join("; ")}.`;
    return deepFreeze({ tier: name(held), amount: fmt(now.amount), next, drop, message });
  });
}

/** Rolling windows: the instant the amount first falls below `threshold` with no new activity (or the running grace's start). */
function fallInstant(
  p: Parameters<typeof replayTiers>[0],
  h: Parameters<typeof replayTiers>[1],
  atMs: number,
  horizon: number,
  threshold: Decimal,
  graceUntil: number | undefined,
): { ms: number; amount: Decimal } {
  const months = p.window.type === "rolling" ? p.window.months : 0;
  const items = h
    .map((a) => ({ ms: Date.parse(a.at), amount: new Decimal(a.amount) }))
    .filter((a) => a.ms <= atMs)
    .map((a) => ({ ...a, exit: monthsLater(a.ms, months, p.timeZone) }));
  const amountAt = (t: number) =>
    items.filter((a) => a.ms <= t && t < a.exit).reduce((s, a) => s.plus(a.amount), new Decimal(0));
  if (graceUntil !== undefined) return { ms: graceUntil, amount: amountAt(atMs) };
  const exits = [...new Set(items.map((a) => a.exit).filter((x) => x > atMs && x <= horizon))].sort((a, b) => a - b);
  for (const x of exits) {
    const amount = amountAt(x);
    if (amount.lt(threshold)) return { ms: x, amount };
  }
  return { ms: horizon, amount: amountAt(horizon) };
}
