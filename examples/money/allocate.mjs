// Splitting a basket discount over its lines without losing or creating a cent.
import { allocate, money, sum } from "loyalty-kit";

const lines = [
  { sku: "shirt", amount: "19.99" },
  { sku: "socks", amount: "4.99" },
  { sku: "scarf", amount: "12.00" },
];
const discount = money("5.00", "EUR");

// Shares in proportion to each line's amount; the remainder goes one cent at a time,
// largest fractional remainder first.
const shares = allocate(
  discount,
  lines.map((l) => l.amount),
);
lines.forEach((line, i) =>
  console.log(`${line.sku.padEnd(6)} ${line.amount.padStart(6)}  -${shares[i].amount.toFixed(2)}`),
);
console.log(`total discount: ${sum(shares, "EUR").amount.toFixed(2)}`);

// Three equal instalments of 100.00: the odd cent goes to the first.
console.log(
  allocate(money("100", "USD"), [1, 1, 1])
    .map((s) => s.amount.toFixed(2))
    .join(" + "),
);
