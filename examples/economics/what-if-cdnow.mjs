// What-if on past sales: a 5% discount card against a bonus program, priced on the CDNOW sample
// (Fader, Hardie & Lee 2005, "Counting your customers the easy way", Marketing Science 24(2); file
// copied from the `lifetimes` Python package, MIT): 1997–98 CD purchases of a sample of customers (those
// numbered up to 10,000 here).
//
// ASSUMED: customers buy what they bought, whatever the program (the simulation prices the past, it
// does not predict extra sales); every customer joins; bonus members redeem at 500 points with
// probability 0.5. Each purchase is one line of its dollar value.
import { simulateProgram } from "loyalty-kit";
import { cdnowSampleSales } from "./cdnow-sales.mjs";

// Customers 1–10,000 only, so the example runs in a few seconds; the few $0.00 rows left out.
const sales = cdnowSampleSales({ maxCustomerId: 10_000, skipZeroValue: true });

const common = { currency: "USD", timeZone: "America/New_York", active: { from: "1997-01-01T00:00:00Z" } };
const card = { ...common, kind: "discount", id: "card", name: "5% card", percent: "5" };
const bonus = {
  ...common,
  kind: "bonus",
  id: "bonus",
  name: "Bonus",
  // 1 point per dollar paid, 1 point = 1 cent, at most half a basket in points, valid 12 months.
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], validityMonths: 12 },
  redeem: { pointValue: "0.01", maxShare: "50" },
};
const options = {
  at: "1998-06-30T23:59:59Z",
  period: "quarter",
  redemption: { threshold: "500", probability: 0.5, seed: 1997 },
};

const a = simulateProgram(card, sales, { at: options.at, period: "quarter" });
const b = simulateProgram(bonus, sales, options);
console.log(`${a.customers} customers, ${a.baskets} purchases, ${a.gross.amount} USD before any program`);
console.log("program   cost      revenue    issued  redeemed  expired  outstanding  liability");
for (const r of [a, b])
  console.log(
    [
      r.programId.padEnd(8),
      r.cost.amount.padStart(8),
      r.revenue.amount.padStart(11),
      r.pointsIssued.padStart(7),
      r.pointsRedeemed.padStart(9),
      r.pointsExpired.padStart(8),
      r.pointsOutstanding.padStart(12),
      (r.liability?.amount ?? "-").padStart(10),
    ].join(" "),
  );
console.log("\nbonus program per quarter: cost, points issued, redeemed");
for (const p of b.byPeriod)
  console.log(p.period, p.cost.amount.padStart(8), p.pointsIssued.padStart(7), p.pointsRedeemed.padStart(7));
