// Pending points and a bonus program that applies its own tiers. Points earned on a purchase wait out
// the 30-day return window (earn.pendingDays) before they can be spent; a refund inside the window
// takes them back with nothing to claw back; the release needs no job — it happens at the window's end.
import {
  balance,
  checkout,
  openProgramAccount,
  parseProgram,
  pendingPoints,
  pointsLiability,
  refund,
  statement,
} from "loyalty-kit";

const program = parseProgram({
  kind: "bonus",
  id: "club",
  name: "Club",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], pendingDays: 30, validityMonths: 12 },
  redeem: { pointValue: "0.01", maxShare: "50" },
  // The tier policy rides on the program: checkout applies Gold's 1.5× itself.
  tiers: {
    basis: "spend",
    currency: "EUR",
    timeZone: "Europe/Berlin",
    window: { type: "calendar-year" },
    tiers: [{ name: "Gold", threshold: "1000", earnMultiplier: "1.5" }],
  },
});

let account = openProgramAccount(program, { customerId: "ana", consent: true });
const basket = (id, at, price) => ({
  id,
  at,
  lines: [{ id: "1", sku: "JACKET", quantity: "1", unitPrice: { amount: price, currency: "EUR" } }],
});

const s1 = checkout(program, account, basket("b1", "2026-03-02T10:00:00+01:00", "1200.00"), {
  transactionId: "s1",
  consent: true,
});
account = s1.account;
console.log(`s1: +${s1.pointsEarned} points;`, s1.explain.find((e) => e.rule === "pending").reason);

const show = (label, at) =>
  console.log(
    `${label}: available ${balance(account.points, { at })}, pending ${pendingPoints(account.points, { at })}`,
  );
show("10 March", "2026-03-10T12:00:00Z");

const s2 = checkout(program, account, basket("b2", "2026-03-20T10:00:00+01:00", "80.00"), {
  transactionId: "s2",
  consent: true,
});
account = s2.account;
console.log(`s2: +${s2.pointsEarned} points;`, s2.explain.find((e) => e.rule === "tier-multiplier").reason);

const r2 = refund(program, account, s2, { at: "2026-03-25T10:00:00+01:00", transactionId: "r2" });
account = r2.account;
console.log(`r2 (inside the window): ${r2.pointsTaken} taken back, ${r2.pointsForgiven} forgiven`);
show("31 March", "2026-03-31T12:00:00Z");
show("1 April", "2026-04-01T12:00:00Z");

for (const l of statement(account.points, { from: "2026-03-01T00:00:00Z", to: "2026-04-30T00:00:00Z" }).lines)
  console.log(`  ${l.at.slice(0, 16)} ${l.kind.padEnd(8)} ${l.change.padStart(6)} → ${l.balance}`);

const liability = pointsLiability([account.points], {
  at: "2026-03-10T12:00:00Z",
  pointValue: { amount: "0.01", currency: "EUR" },
});
console.log(
  `liability on 10 March: outstanding ${liability.outstanding.value.amount} EUR, pending ${liability.pending.value.amount} EUR`,
);
