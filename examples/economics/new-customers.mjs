// Did the program bring new customers? A shop without a comparison group counts the customers whose
// first purchase falls in each month, fits the trend of the six months before the launch (1 July),
// and compares what the trend expects for July–September with what came.
import { newCustomersEffect } from "loyalty-kit";

// The shop's purchases: here one first purchase per new customer, on the 15th of each month, plus a
// customer from last year who came back in July (not new: their first purchase is before `from`).
const perMonth = [20, 22, 25, 24, 28, 31, 40, 42, 45]; // January–September 2026
const purchases = perMonth.flatMap((n, month) =>
  Array.from({ length: n }, (_, i) => ({
    customerId: `2026-${month + 1}-${i}`,
    at: `2026-${String(month + 1).padStart(2, "0")}-15`,
  })),
);
purchases.push({ customerId: "kim", at: "2025-11-03" }, { customerId: "kim", at: "2026-07-20" });

const r = newCustomersEffect(purchases, { from: "2026-01-01", launch: "2026-07-01", to: "2026-10-01" });
const f = (x) => x.toFixed(1);
console.log(
  `trend before the launch: ${f(r.trend.intercept)} + ${r.trend.slope.toFixed(2)} a month (sd ${r.trend.residualSd.toFixed(2)})`,
);
console.log("month    phase   actual  expected");
for (const p of r.byPeriod)
  console.log(`${p.period}  ${p.phase.padEnd(6)}  ${String(p.actual).padStart(6)}  ${f(p.expected).padStart(8)}`);
console.log(
  `July–September: expected ${f(r.expected.estimate)} (95% prediction interval ${f(r.expected.low)} to ${f(r.expected.high)}), actual ${r.actual}`,
);
console.log(
  `difference ${f(r.difference.estimate)} (${f(r.difference.low)} to ${f(r.difference.high)}): ${r.difference.low > 0 ? "more than the trend's noise" : "within the trend's noise"}`,
);
console.log(`assumption: ${r.assumption}`);
