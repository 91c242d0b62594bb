import { guardInputs } from "../../core/guard.js";
import { readingInput } from "./_lib/guard.js";
import { deepFreeze } from "../../core/json.js";
import { formatAmount, tierInputs } from "./_lib/inputs.js";
import { replayTiers, type TierChangeReason } from "./_lib/simulate.js";
import type { TierActivityInput, TierLevel, TierPolicyInput } from "./tierPolicy.js";

/**
 * One change of a member's tier, with the rule that made it.
 *
 * @example
 * ```ts
 * import type { TierChange } from "loyalty-kit";
 * const c: TierChange = { at: "2027-12-31T23:00:00.000Z", from: "Gold", to: null, reason: "review", amount: "0.00" };
 * console.log(c.reason); // review
 * ```
 * @category programs
 */
export interface TierChange {
  /** The instant of the change (ISO-8601, UTC). */
  readonly at: string;
  /** The tier before, `null` for none. */
  readonly from: string | null;
  /** The tier after, `null` for none. */
  readonly to: string | null;
  /**
   * `reached`: the amount in the window reached the tier's threshold (gained at once); `review`: the
   * 1 January review of a calendar-year policy found the year just ended below the tier;
   * `fell-below`: a rolling window's amount fell below the threshold (no grace); `grace-ended`: the
   * grace period after falling below ran out.
   */
  readonly reason: TierChangeReason;
  /** The amount in the window that decided it. */
  readonly amount: string;
}

/**
 * A member's tier at an instant, and how it came to be.
 *
 * @example
 * ```ts
 * import { tierStatus, type TierStatus } from "loyalty-kit";
 * const s: TierStatus = tierStatus({ basis: "points", timeZone: "UTC", window: { type: "lifetime" }, tiers: [{ name: "Gold", threshold: "100" }] }, [{ at: "2026-01-01T00:00:00Z", amount: "150" }], { at: "2026-02-01T00:00:00Z" });
 * console.log(s.tier?.name, s.amount); // Gold 150
 * ```
 * @category programs
 */
export interface TierStatus {
  /** The tier held (with its multiplier and perks), `null` below every threshold. */
  readonly tier: TierLevel | null;
  /** The tier the amount in the current window alone gives; may be lower than `tier` while it is retained. */
  readonly qualifiedTier: string | null;
  /** The amount in the current window (calendar year to date, rolling window, or lifetime). */
  readonly amount: string;
  /** When the current tier was entered, `null` when no tier is held. */
  readonly since: string | null;
  /** Rolling windows: when the running grace period ends (the tier drops then unless bought back), else `null`. */
  readonly graceUntil: string | null;
  /** The earn multiplier of the tier held ("1" without a tier or multiplier). */
  readonly earnMultiplier: string;
  /** Every change up to the instant, oldest first. */
  readonly changes: readonly TierChange[];
  /** Why the member holds this tier, in a sentence. */
  readonly explanation: string;
}

/**
 * A member's tier at an instant under a tier policy, replayed from the member's qualifying history
 * (purchases or points earned, refunds as negative amounts). A pure function of the history up to
 * `at`: later activities are ignored, and no stored tier is trusted.
 *
 * Rules: a tier is gained at once when the amount in the window reaches its threshold; it is lost
 * only as the policy's retention says (calendar year: at the 1 January review after the year it was
 * last qualified in — so a member who reaches Gold in December keeps it the whole next year, as
 * Smile.io's calendar-year programs do; rolling: when the amount falls below the threshold and any
 * grace period has run out; lifetime: never), to the tier qualified for or one tier down.
 *
 * @param policy - the tier policy (validated here; see {@link "loyalty-kit/schemas"!TierPolicySchema})
 * @param history - the member's qualifying activities `{ at, amount }`, any order
 * @param options - `{ at }`: the instant to read the tier at
 * @returns the frozen status with the changes that led to it and an explanation
 * @throws {LoyaltyValidationError} when the policy, the history or `options.at` is invalid
 * @category programs
 * @example
 * ```ts
 * import { tierStatus, type TierPolicyInput } from "loyalty-kit";
 * const policy: TierPolicyInput = { basis: "spend", currency: "EUR", timeZone: "Europe/Berlin", window: { type: "calendar-year" },
 *   tiers: [{ name: "Silver", threshold: "500" }, { name: "Gold", threshold: "1000" }] };
 * const history = [{ at: "2026-12-10T12:00:00Z", amount: "1200.00" }];
 * console.log(tierStatus(policy, history, { at: "2027-01-02T12:00:00Z" }).tier?.name); // Gold
 * ```
 */
export function tierStatus(
  policy: TierPolicyInput,
  history: readonly TierActivityInput[],
  options: { readonly at: string | Date },
): TierStatus {
  return guardInputs("tierStatus", { policy, history, options }, () => tierStatusUnguarded(policy, history, options));
}

function tierStatusUnguarded(
  policy: TierPolicyInput,
  history: readonly TierActivityInput[],
  options: { readonly at: string | Date },
): TierStatus {
  return readingInput("tier inputs", () => {
    const { policy: p, history: h, atMs } = tierInputs(policy, history, options);
    const r = replayTiers(p, h, atMs);
    const nameOf = (i: number): string | null => (i < 0 ? null : (r.levels[i] as TierLevel).name);
    const changes = r.changes.map((c) => ({
      at: new Date(c.at).toISOString(),
      from: nameOf(c.from),
      to: nameOf(c.to),
      reason: c.reason,
      amount: formatAmount(p, c.amount),
    }));
    const q = r.qualified;
    const tier = r.held < 0 ? null : (r.levels[r.held] as TierLevel);
    const last = changes[changes.length - 1];
    const amount = formatAmount(p, r.amount);
    const windowText =
      p.window.type === "calendar-year"
        ? "this calendar year"
        : p.window.type === "rolling"
          ? `the last ${p.window.months} months`
          : "all time";
    let explanation: string;
    if (tier === null) explanation = `No tier: ${amount} in ${windowText} is below every threshold.`;
    else if (q === r.held)
      explanation = `${tier.name}: ${amount} in ${windowText} reaches its threshold of ${tier.threshold}.`;
    else
      explanation = `${tier.name}, retained: ${amount} in ${windowText} is below its threshold of ${tier.threshold}, but the policy keeps a tier ${
        p.window.type === "calendar-year"
          ? "until the 1 January review after the year it was last qualified in"
          : p.window.type === "rolling"
            ? "through its grace period"
            : "once reached"
      }.`;
    return deepFreeze({
      tier: tier === null ? null : (JSON.parse(JSON.stringify(tier)) as TierLevel),
      qualifiedTier: nameOf(q),
      amount,
      since: tier === null || last === undefined ? null : last.at,
      graceUntil: r.graceUntil === undefined ? null : new Date(r.graceUntil).toISOString(),
      earnMultiplier: tier?.earnMultiplier ?? "1",
      changes,
      explanation,
    });
  });
}
