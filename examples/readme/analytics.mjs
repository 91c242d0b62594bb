// The README's 10-line analytics example: who brings the money, and who is likely to come back.
import { gini, pareto, rfmScores, rfmSegments, rfmSummary, totalsAccumulator } from "loyalty-kit";

const purchases = [
  ["ana", "2026-01-05", "120.00"],
  ["ana", "2026-02-11", "80.00"],
  ["ana", "2026-03-20", "95.50"],
  ["ben", "2026-01-09", "15.00"],
  ["cleo", "2026-02-02", "42.00"],
  ["cleo", "2026-03-28", "38.00"],
  ["dev", "2026-01-20", "9.90"],
  ["eli", "2026-03-01", "210.00"],
  ["eli", "2026-03-15", "60.00"],
].map(([customerId, day, value]) => ({ customerId, at: `${day}T12:00:00Z`, value }));
const totals = totalsAccumulator();
for (const p of purchases) totals.add(p);
const spend = { value: (c) => c.total };
console.log(
  `top 20 % hold ${(pareto(totals.result(), { ...spend, topShare: 0.2 }).valueShare * 100).toFixed(1)} % of spend; Gini ${gini(totals.result(), spend).toFixed(3)}`,
);
const rows = rfmSummary(purchases, { observationEnd: "2026-03-31T23:59:59Z", period: "day" });
for (const s of rfmSegments(rfmScores(rows)))
  console.log(`${s.customerId.padEnd(5)} R${s.r} F${s.f} M${s.m} ${s.segment}`);
