// Pareto, Gini and ABC on the CDNOW customers' total spend (69,659 purchases, 1997-01 .. 1998-06).
import { readFileSync } from "node:fs";
import { abc, gini, pareto, paretoShareFor, totalsAccumulator } from "loyalty-kit";

const file = new URL("../../test/fixtures/analytics/CDNOW_master.txt", import.meta.url);
const totals = totalsAccumulator();
for (const line of readFileSync(file, "utf8").trim().split("\n").slice(1)) {
  const [customerId, , , dollars] = line.trim().split(/\s+/);
  totals.add({ customerId: Number(customerId), value: dollars });
}
const customers = totals.result(); // [{ customerId, total }], one per customer
const byTotal = { value: (c) => c.total };

const top = pareto(customers, { ...byTotal, topShare: 0.2 });
console.log(`${customers.length} customers spent $${top.total.toFixed(2)}`);
console.log(
  `the top 20 % (${top.count} customers, each ≥ $${top.threshold.toFixed(2)}) brought ${(top.valueShare * 100).toFixed(1)} %`,
);
const needed = paretoShareFor(customers, { ...byTotal, valueShare: 0.8 });
console.log(`80 % of the spend came from ${(needed.customerShare * 100).toFixed(1)} % of customers (${needed.count})`);
console.log(
  `Gini ${gini(customers, byTotal).toFixed(4)} (corrected ${gini(customers, { ...byTotal, corrected: true }).toFixed(4)})`,
);

const classes = abc(customers, { ...byTotal, a: 0.8, b: 0.95 });
console.log("class  customers  share of customers  share of spend  smallest total");
for (const name of ["A", "B", "C"]) {
  const c = classes.summary[name];
  console.log(
    `${name.padEnd(5)}  ${String(c.count).padStart(9)}  ${(c.countShare * 100).toFixed(1).padStart(17)} %  ${(c.valueShare * 100).toFixed(1).padStart(12)} %  ${c.minValue.toFixed(2).padStart(14)}`,
  );
}
