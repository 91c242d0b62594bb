// The level is the strongest bond that reaches its threshold; a structural bond with no relationship
// evidence is capped below the threshold, and `next` says which bond to build.
import { classifyBonding } from "loyalty-kit";

function show(signals) {
  const r = classifyBonding({ signals });
  const bonds = r.bonds
    .filter((b) => b.evidence.length > 0)
    .map((b) => `${b.type} ${b.strength}${b.limitedBy === undefined ? "" : ` [${b.limitedBy}]`}`);
  console.log(`level ${r.level} | ${bonds.join(", ")} | next: ${r.next.type} — ${r.next.actions[0]?.text}`);
}

show({ loyaltyCardHolder: 1, rewardsRedeemed: 5, discountsUsed: 4 }); // 0.3 + 0.4 + 0.12
show({ sharedIdentifierContacts: 1000, personalContacts: 12, contractMonths: 24 });
show({ contractMonths: 24, integrations: 2 }); // structural evidence, but nobody knows the customer
