// 3. Share of purchases (share of wallet): spend with Olga against the clothing spend customers told her.
import { parseMoney, shareOfPurchasesByCustomer, sum } from "loyalty-kit";
import { data, idr, inQuarter, pct } from "./olga.mjs";

const rows = data.categorySpend.map(({ customerId, amount }) => ({
  customerId,
  brand: sum(
    inQuarter.filter((p) => p.customerId === customerId).map((p) => parseMoney(p.amount)),
    amount.currency,
  ), // spend with us
  category: amount, // e.g. { amount: "1500000", currency: "IDR" }
}));
const share = shareOfPurchasesByCustomer(rows);
for (const [i, c] of share.customers.entries()) {
  console.log(
    `  ${c.customerId.padEnd(9)}${idr(rows[i].brand).padStart(20)} of ${idr(parseMoney(rows[i].category)).padStart(20)} = ${pct(c.share)}`,
  );
}
console.log(`  Pooled share ${pct(share.pooledShare)}; mean customer share ${pct(share.meanShare)}`);
