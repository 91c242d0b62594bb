// Net value per customer (margin minus the cost to serve) and the de-selection candidates.
import { customerValue, deselectionCandidates, money } from "loyalty-kit";

const ranked = customerValue(
  [
    { customerId: "bakery-12", revenue: money("18400.00", "EUR"), supportContacts: 3, returns: 1 },
    {
      customerId: "cafe-3",
      revenue: money("2600.00", "EUR"),
      supportContacts: 22,
      returns: 9,
      discounts: money("310.00", "EUR"),
    },
    { customerId: "hotel-7", revenue: money("9100.00", "EUR"), supportContacts: 6, discounts: money("450.00", "EUR") },
    { customerId: "kiosk-40", revenue: money("640.00", "EUR"), supportContacts: 4 },
  ],
  { margin: "0.32", costToServe: { perSupportContact: money("18.50", "EUR"), perReturn: money("42.00", "EUR") } },
);
for (const c of ranked)
  console.log(
    `${c.rank}. ${c.customerId.padEnd(9)} revenue ${c.revenue.padStart(8)}  margin ${c.grossMargin.padStart(7)}  cost to serve ${c.costToServe.padStart(6)}  net ${c.netValue.padStart(7)} ${c.currency}`,
  );
for (const c of deselectionCandidates(ranked, { bottomShare: 0.25 }))
  console.log(`review ${c.customerId}: ${c.reasons.join(", ")} — ${c.explanation}`);
