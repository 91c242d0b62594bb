// Prints the coffee customer's program account (as the tenure bench builds it) as stored JSON, for
// looking at the stored form: `node bench/program-sample.mjs [N]` after `npm run build`.
import { checkout, openProgramAccount, parseProgram } from "loyalty-kit";

const T0 = Date.parse("2026-01-01T10:00:00Z");
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString();
const N = Number(process.argv[2] ?? 400);
const program = parseProgram({
  kind: "bonus",
  id: "coffee",
  name: "Coffee points",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2025-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], validityMonths: 2 },
  redeem: { pointValue: "0.01", maxShare: "50" },
});
let account = openProgramAccount(program, { customerId: "loyal", consent: true });
for (let k = 0; k < N; k++)
  account = checkout(
    program,
    account,
    {
      id: `b${k}`,
      at: iso(T0 + 3 * k * DAY),
      lines: [{ id: "1", sku: "COFFEE", quantity: 3, unitPrice: { amount: "3.40", currency: "EUR" } }],
    },
    { transactionId: `sale-${k}`, consent: true, ...(k % 5 === 4 ? { redeemPoints: "max" } : {}) },
  ).account;
console.log(JSON.stringify(account));
