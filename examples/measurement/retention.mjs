// 4. Retention: the previous quarter's customers kept in this one, and what losing them costs (winning one costs ~5× keeping one).
import { churnRate, retentionEconomics, retentionRate } from "loyalty-kit";
import { current, customersIn, data, firstPurchase, idr, pct, previousQuarter, quarter, within } from "./olga.mjs";

const start = customersIn(previousQuarter).size; // 8
const end = current.length; // 9
const acquired = current.filter((id) => within(firstPurchase.get(id), quarter)).length; // 4
const counts = { start, end, acquired };
const lost = start - (end - acquired);
const econ = retentionEconomics({ acquisitionCost: data.acquisitionCost, customers: lost });
console.log(
  `Retention: ${start} customers in ${previousQuarter.label}, ${end} in ${quarter.label}, ${acquired} of them new`,
);
console.log(
  `  Retention rate ${pct(retentionRate(counts))}, churn rate ${pct(churnRate(counts))} (${lost} customers lost)`,
);
console.log(
  `  Replacing them costs ${idr(econ.replaceCost)}; keeping them would have cost ${idr(econ.retainCost)} (1/${econ.retentionCostRatio})`,
);
