// The CDNOW 1/10 sample (Fader, Hardie & Lee 2005, "Counting your customers the easy way", Marketing
// Science 24(2); file copied from the `lifetimes` Python package, MIT) as past sales to replay with
// simulateProgram: 6,919 CD purchases by 2,357 customers, 1997 to June 1998. Shared by
// examples/economics/what-if-cdnow.mjs, the demo and bench/economics.bench.mjs.
import { readFileSync } from "node:fs";

const file = new URL("../../test/fixtures/analytics/CDNOW_sample.txt", import.meta.url);

/**
 * `{ customerId, basket }` per purchase, in file order: the customer id as the full file numbers it
 * ("00004"), each purchase one line of its dollar value at noon UTC. With `skipZeroValue` the few
 * rows of $0.00 are left out; with `maxCustomerId` only customers numbered up to it are kept.
 */
export function cdnowSampleSales({ maxCustomerId = Number.POSITIVE_INFINITY, skipZeroValue = false } = {}) {
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line, row) => {
      // full-file id, sample id, date (YYYYMMDD), number of CDs, dollars
      const [id, , date, , dollars] = line.trim().split(/\s+/);
      const at = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T12:00:00Z`;
      const unitPrice = { amount: Number(dollars).toFixed(2), currency: "USD" };
      return { customerId: id, basket: { id: `r${row}`, at, lines: [{ id: "1", sku: "CD", quantity: 1, unitPrice }] } };
    })
    .filter(
      (s) => !(skipZeroValue && s.basket.lines[0].unitPrice.amount === "0.00") && Number(s.customerId) <= maxCustomerId,
    );
}
