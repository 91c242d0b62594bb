// Fit BG/NBD and Gamma-Gamma to the CDNOW sample (2,357 customers, weeks) and predict for customer 1,
// against the values Fader, Hardie & Lee (2005) and Fader & Hardie (2013) publish.
import { readFileSync } from "node:fs";
import {
  conditionalExpectedAverageValue,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  probabilityAlive,
  probabilityOfPurchases,
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
    const [, x, tx, T, zbar] = line.split(",").map(Number);
    return { frequency: x, recency: tx, T, monetary: zbar };
  });

// #region fit
const purchases = fitBgNbd(customers); // { r, alpha, a, b, standardErrors, logLikelihood, customers, evaluations }
const spend = fitGammaGamma(customers); // { p, q, v, logLikelihood, customers, evaluations }
// #endregion fit
const f4 = (x) => x.toFixed(4);
console.log(
  `BG/NBD (${purchases.customers} customers): r ${f4(purchases.r)}, alpha ${f4(purchases.alpha)}, a ${f4(purchases.a)}, b ${f4(purchases.b)}, log-likelihood ${purchases.logLikelihood.toFixed(2)}`,
);
const se = purchases.standardErrors; // lifetimes prints se(coef) 0.012557, 0.378221, 0.185719, 0.705345
console.log(`  standard errors: r ${f4(se.r)}, alpha ${f4(se.alpha)}, a ${f4(se.a)}, b ${f4(se.b)}`);
console.log(`Gamma-Gamma (${spend.customers} repeat customers): p ${f4(spend.p)}, q ${f4(spend.q)}, v ${f4(spend.v)}`);

// #region predict
const customer1 = { frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 };
console.log("a random customer's repeat purchases in 52 weeks:", expectedPurchases(purchases, 52).toFixed(3));
console.log("P(no repeat purchase in 39 weeks):", probabilityOfPurchases(purchases, 39, 0).toFixed(3));
console.log(
  "customer 1, purchases in the next 39 weeks:",
  conditionalExpectedPurchases(purchases, 39, customer1).toFixed(3),
);
console.log("customer 1, P(alive):", probabilityAlive(purchases, customer1).toFixed(2));
console.log("customer 1, $ per future purchase:", conditionalExpectedAverageValue(spend, customer1).toFixed(2));
// #endregion predict
