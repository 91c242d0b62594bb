// Relationship marketing has levels of bonds (Berry & Parasuraman 1991). Financial bonding (rewards) is the weakest; social bonding (community,
// membership) is stronger; structural bonding — the customer's business runs on your infrastructure,
// like a phone number a thousand business associates know — is "iron glue" with an exit barrier.
import { classifyBonding } from "loyalty-kit";

const customers = [
  { customerId: "budi (collects points)", signals: { loyaltyCardHolder: 1, rewardsRedeemed: 5, discountsUsed: 4 } },
  {
    customerId: "sinta (joined the club)",
    signals: { loyaltyCardHolder: 1, rewardsRedeemed: 2, membership: 1, eventsAttended: 3 },
  },
  {
    customerId: "pt-maju (1,000 associates know its number)",
    signals: { sharedIdentifierContacts: 1000, personalContacts: 12, contractMonths: 24 },
  },
  { customerId: "pt-baru (contract, nobody knows them)", signals: { contractMonths: 24, integrations: 2 } },
];

for (const profile of customers) {
  const r = classifyBonding(profile);
  console.log(`${r.customerId}: ${r.level}`);
  for (const b of r.bonds) {
    if (b.evidence.length === 0) continue;
    const why = b.evidence.map((e) => `${e.signal}=${e.value} (+${e.contribution})`).join(", ");
    console.log(
      `  ${b.type.padEnd(10)} ${b.strength.toFixed(2)} ${b.passes ? "passes" : "below threshold"}${b.limitedBy === undefined ? "" : ` [${b.limitedBy}]`}: ${why}`,
    );
  }
  console.log(`  next: ${r.next.type} — ${r.next.actions[0]?.text} (${r.next.actions[0]?.source})`);
}
