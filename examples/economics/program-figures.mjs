// A program's figures per month from checkout records: two members check out under a 5% card, one
// identified customer and one anonymous sale stay outside the program.
import { checkout, openProgramAccount, parseProgram, programFigures } from "loyalty-kit";

const program = parseProgram({
  kind: "discount",
  id: "card",
  name: "5% card",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  percent: "5",
});
const eur = (amount) => ({ amount, currency: "EUR" });
const basket = (id, at, amount) => ({ id, at, lines: [{ id: "1", sku: "A", quantity: 1, unitPrice: eur(amount) }] });

const sales = [];
const accounts = new Map();
for (const [customerId, id, at, amount] of [
  ["ann", "a1", "2026-01-10T10:00:00Z", "100.00"],
  ["bob", "b1", "2026-01-20T10:00:00Z", "50.00"],
  ["ann", "a2", "2026-02-10T10:00:00Z", "80.00"],
]) {
  const account = accounts.get(customerId) ?? openProgramAccount(program, { customerId });
  const r = checkout(program, account, basket(id, at, amount), { transactionId: id });
  accounts.set(customerId, r.account);
  sales.push({ customerId, record: r });
}
sales.push({ customerId: "cem", at: "2026-01-21T10:00:00Z", amount: eur("40.00") });
sales.push({ customerId: null, at: "2026-02-22T10:00:00Z", amount: eur("9.99") });

for (const p of programFigures(sales))
  console.log(
    p.period,
    `active members ${p.members.customers}, participation ${p.participation},`,
    `cost ${p.members.cost.amount}, member revenue ${p.members.revenue.amount}, other revenue ${p.otherRevenue.amount},`,
    `retained ${p.retainedMembers}, cost per retained ${p.costPerRetainedMember?.amount ?? "-"}`,
  );
