// A bonus program's own tier policy (`tiers` on the program): checkout reads the tier the member
// holds just before the purchase from the program account's own records — each sale's spend (or
// points earned, for a points basis) and each refund's negative; those that left the account's
// window come from `totals.tierLog` — and applies the tier's earn multiplier to the purchase's
// points, the same figure tierBonusEntry gives beside checkout:
// points × (multiplier − 1), rounded down to the program's points scale.
import { Decimal } from "../../../money/money.js";
import type { ProgramAccount } from "../../account.js";
import type { TierActivity, TierLevel, TierPolicy } from "../tierPolicy.js";
import { replayTiers } from "./simulate.js";

/** The member's qualifying history as the program account records it. */
export function programTierHistory(policy: TierPolicy, account: ProgramAccount): TierActivity[] {
  const spend = policy.basis === "spend";
  const out: TierActivity[] = [];
  // What left the account's window (a compact log), then the sales and refunds it still holds.
  for (const [at, sp, points] of account.totals.tierLog ?? []) out.push({ at, amount: spend ? sp : points });
  for (const s of account.sales) out.push({ at: s.at, amount: spend ? s.spend : s.pointsEarned });
  for (const r of account.refunds) {
    let total = new Decimal(0);
    for (const l of r.lines) total = total.plus(spend ? l.spendReversed : l.pointsReversed);
    out.push({ at: r.at, amount: total.neg().toString() });
  }
  return out;
}

/**
 * The extra points the tier held just before `atMs` gives on `points` (zero when no tier or no
 * multiplier), and the quote's explanation line ("Gold: 1.5× points").
 */
export function tierEarnBonus(
  policy: TierPolicy,
  account: ProgramAccount,
  atMs: number,
  points: Decimal,
  scale: number,
): { bonus: Decimal; explain: { rule: string; applied: boolean; reason: string } | null } {
  const r = replayTiers(policy, programTierHistory(policy, account), atMs - 1);
  if (r.held < 0) return { bonus: new Decimal(0), explain: null };
  const tier = r.levels[r.held] as TierLevel;
  const m = new Decimal(tier.earnMultiplier ?? "1");
  const bonus = points.times(m.minus(1)).toDecimalPlaces(scale, Decimal.ROUND_DOWN);
  return {
    bonus,
    explain: {
      rule: "tier-multiplier",
      applied: bonus.gt(0),
      reason: `${tier.name}: ${m.toString()}× points${bonus.gt(0) ? ` (+${bonus.toFixed(scale)} on ${points.toFixed(scale)})` : ""}`,
    },
  };
}
