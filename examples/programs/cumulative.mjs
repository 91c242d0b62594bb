// A cumulative discount: Bronze / Silver / Gold by spend in the last 12 months.
import { parseProgram, openProgramAccount, checkout, quote, refund } from "loyalty-kit";

const tiers = [
  { name: "Bronze", threshold: "0", percent: "0" },
  { name: "Silver", threshold: "1000", percent: "5" },
  { name: "Gold", threshold: "5000", percent: "10" },
];
const make = (includeCurrentPurchase) =>
  parseProgram({
    kind: "cumulative",
    id: "vip",
    name: "VIP",
    currency: "EUR",
    timeZone: "Europe/Berlin",
    active: { from: "2025-01-01T00:00:00Z" },
    window: { type: "rolling", months: 12 },
    tiers,
    includeCurrentPurchase,
  });
const buy = (day, amount) => ({
  id: day,
  at: `${day}T10:00:00Z`,
  lines: [{ id: "1", sku: "COAT", quantity: 1, unitPrice: { amount, currency: "EUR" } }],
});

for (const include of [false, true]) {
  const program = make(include);
  let account = openProgramAccount(program, { customerId: "olga-0042", consent: true });
  account = checkout(program, account, buy("2025-09-01", "4900.00"), {
    transactionId: "autumn",
    consent: true,
  }).account;
  const q = quote(program, account, buy("2026-03-01", "200.00"), { consent: true });
  console.log(
    `current purchase counts: ${include} → ${q.tier.name}, pay ${q.total.amount} (${q.explain.find((e) => e.rule === "tier").reason})`,
  );
  if (include) {
    const back = refund(program, account, account.sales[0].transactionId, {
      at: "2026-02-01T10:00:00Z",
      transactionId: "autumn-return",
    });
    console.log(
      `after returning the autumn purchase: ${quote(program, back.account, buy("2026-03-01", "200.00"), { consent: true }).tier.name}`,
    );
  }
}
