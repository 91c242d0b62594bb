// Customer lifetime value on CDNOW: fit BG/NBD (how often, and for how long, customers buy) and
// Gamma-Gamma (how much they spend per purchase), then rank customers by 12-month CLV.
// Run: npm run build && node examples/lifetime/cdnow-clv.mjs
import { readFileSync } from "node:fs";
import {
  conditionalExpectedAverageValue,
  conditionalExpectedPurchases,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  probabilityAlive,
} from "loyalty-kit";

// ID, x (repeat purchases), t_x (week of the last one), T (weeks observed), zbar (mean repeat spend, $)
const csv = readFileSync(
  new URL("../../test/fixtures/analytics/cdnow_customers_summary_with_transactions.csv", import.meta.url),
  "utf8",
);
const customers = csv
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [id, x, tx, T, zbar] = line.split(",").map(Number);
    return { id, frequency: x, recency: tx, T, monetary: zbar };
  });

const purchases = fitBgNbd(customers);
const spend = fitGammaGamma(customers);
console.log(
  `BG/NBD on ${purchases.customers} customers: r = ${purchases.r.toFixed(3)}, alpha = ${purchases.alpha.toFixed(3)}, a = ${purchases.a.toFixed(3)}, b = ${purchases.b.toFixed(3)}, log-likelihood = ${purchases.logLikelihood.toFixed(1)}`,
);
console.log(
  `Gamma-Gamma on ${spend.customers} repeat customers: p = ${spend.p.toFixed(2)}, q = ${spend.q.toFixed(2)}, v = ${spend.v.toFixed(2)}`,
);

// 12 months, 1% a month (≈ 12.7% a year), 4.345 weeks in a month (CDNOW's time unit is the week).
const options = { horizon: 12, discountRate: 0.01, unitsPerPeriod: 4.345 };
const ranked = customers
  .map((c) => ({ ...c, clv: customerLifetimeValue(purchases, spend, c, options) }))
  .sort((x, y) => y.clv - x.clv || x.id - y.id);

const total = ranked.reduce((s, c) => s + c.clv, 0);
console.log(`12-month CLV of the whole base: $${total.toFixed(0)}; top 10 customers:`);
console.log("   id  repeat  last wk  weeks  mean $  P(alive)  buys next 52 wk  $ per buy  CLV $");
for (const c of ranked.slice(0, 10)) {
  const cells = [
    String(c.id).padStart(5),
    String(c.frequency).padStart(7),
    c.recency.toFixed(2).padStart(8),
    c.T.toFixed(2).padStart(6),
    c.monetary.toFixed(2).padStart(7),
    probabilityAlive(purchases, c).toFixed(3).padStart(9),
    conditionalExpectedPurchases(purchases, 52, c).toFixed(2).padStart(16),
    conditionalExpectedAverageValue(spend, c).toFixed(2).padStart(10),
    c.clv.toFixed(2).padStart(8),
  ];
  console.log(cells.join(" "));
}
