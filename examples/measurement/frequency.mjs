// 2. Purchase frequency against a reference of one purchase a month, in calendar months on Jakarta's clock,
// and the repeat-purchase rate of the quarter.
import { purchaseFrequencyIndex, repeatPurchaseRate } from "loyalty-kit";
import { current, data, inQuarter, pct, purchases, quarter, timeZone } from "./olga.mjs";

console.log(`Purchase frequency in ${quarter.label} (reference: ${data.referencePurchasesPerMonth} purchase a month)`);
console.log(`  customer   purchases   per month   index`);
let indexSum = 0;
let above = 0;
for (const id of current) {
  const instantsOfOneCustomer = inQuarter.filter((p) => p.customerId === id).map((p) => p.at);
  const f = purchaseFrequencyIndex(instantsOfOneCustomer, {
    reference: data.referencePurchasesPerMonth,
    period: "month",
    from: quarter.from,
    to: quarter.to,
    timeZone,
  });
  indexSum += f.index;
  if (f.aboveReference) above++;
  console.log(
    `  ${id.padEnd(9)}${String(f.purchases).padStart(11)}${f.rate.toFixed(2).padStart(12)}${f.index.toFixed(2).padStart(8)}${f.aboveReference ? "  above" : ""}`,
  );
}
console.log(
  `  ${above} of ${current.length} customers above the reference; mean index ${(indexSum / current.length).toFixed(2)}`,
);
const repeat = repeatPurchaseRate(purchases, { from: quarter.from, to: quarter.to });
console.log(
  `  Repeat-purchase rate         ${repeat.repeatCustomers} of ${repeat.customers} bought twice or more = ${pct(repeat.rate)}`,
);
