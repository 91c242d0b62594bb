// How strongly does the shop hold its customers, and whom should it work on first?
import { bondingReport } from "loyalty-kit";

const customers = [
  { customerId: "ani", signals: { loyaltyCardHolder: 1 } },
  { customerId: "budi", signals: { loyaltyCardHolder: 1, membership: 1, personalContacts: 6 } },
  { customerId: "citra", signals: { discountsUsed: 5 } },
  { customerId: "dewi", signals: { loyaltyCardHolder: 1, membership: 1, eventsAttended: 4, integrations: 1 } },
  { customerId: "eko", signals: { membership: 1, integrations: 2 } },
];

const report = bondingReport(customers, { closest: 3 });
console.log(`${report.total} customers`);
for (const [level, { count, share }] of Object.entries(report.levels))
  console.log(`  ${level.padEnd(10)} ${count}  ${(share * 100).toFixed(0)}%`);
console.log("closest to moving up:");
for (const c of report.closestToMovingUp)
  console.log(`  ${c.customerId}: ${c.level} → ${c.next}, ${c.strength} of ${c.threshold} (gap ${c.gap})`);
