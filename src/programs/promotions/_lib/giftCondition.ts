// Whether a gift with purchase is earned: on the eligible lines other than the gift's own SKU, the
// amount left to pay reaches `when.minSpend` and the units matching `when.match` (any eligible unit
// without a match) reach `when.minQuantity` (1 with a match). Shared by the engine and addGiftLines.
import type { BasketLine } from "../../basket.js";
import type { PromotionRule } from "../../program.js";
import { sumD } from "../../_lib/decimal.js";
import { formatUnits, toMinor } from "../../_lib/minor.js";
import { compileMatch } from "../../_lib/eligibility.js";
import * as say from "../../_lib/explainPromotions.js";

type GiftRule = Extract<PromotionRule, { type: "gift" }>;

export function giftCondition(
  r: GiftRule,
  eligible: readonly { readonly line: BasketLine; readonly net: number }[],
  dp: number,
): { met: boolean; reason: string } {
  const counted = eligible.filter((l) => l.line.sku !== r.gift.sku);
  const currency = eligible[0]?.line.unitPrice.currency ?? "";
  // what is left to pay, in minor units
  let spend = 0;
  for (const l of counted) spend += l.net;
  const reasons: string[] = [];
  let met = true;
  if (r.when.minSpend !== undefined) {
    const ok = spend >= toMinor(r.when.minSpend, dp);
    met &&= ok;
    reasons.push(say.giftSpend(`${formatUnits(spend, dp)} ${currency}`, ok, r.when.minSpend));
  }
  if (r.when.match !== undefined || r.when.minQuantity !== undefined) {
    const match = r.when.match === undefined ? null : compileMatch(r.when.match);
    const units = sumD(counted.filter((l) => match === null || match(l.line)).map((l) => l.line.quantity));
    const need = r.when.minQuantity ?? 1;
    const ok = units.gte(need);
    met &&= ok;
    const matching =
      r.when.match === undefined ? null : [...(r.when.match.skus ?? []), ...(r.when.match.categories ?? [])].join(", ");
    reasons.push(say.giftUnits(units.toString(), units.eq(1), matching, ok, need));
  }
  return { met, reason: say.giftConditionText(reasons) };
}
