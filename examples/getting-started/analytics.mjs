// After the till: who holds the value? Pareto shares and the Gini coefficient of a year's spend.
import { gini, pareto, paretoShareFor } from "loyalty-kit";

// Ten customers' spend over the year (total 10,000).
const spend = [5200, 2100, 900, 600, 400, 300, 200, 150, 100, 50];

const top = pareto(spend, { topShare: 0.2 });
console.log(`top 20% (${top.count} customers) hold ${(top.valueShare * 100).toFixed(1)}% of spend`);
const needed = paretoShareFor(spend, { valueShare: 0.8 });
console.log(`80% of spend comes from ${needed.count} customers (${(needed.customerShare * 100).toFixed(0)}%)`);
console.log(`Gini ${gini(spend).toFixed(3)}`); // 0 = everyone spends alike, 1 = one customer spends everything
