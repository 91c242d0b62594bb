// What a program owes, and how much of it will be redeemed: two members' ledger histories valued
// at the end of March, then the breakage triangle of the points issued per month.
import { breakageTriangle, pointsLiability } from "loyalty-kit";

const histories = [
  {
    accountId: "ann",
    entries: [
      {
        kind: "earn",
        transactionId: "a1",
        at: "2026-01-10T10:00:00Z",
        points: "100",
        expiresAt: "2026-04-10T23:59:59Z",
      },
      { kind: "redeem", transactionId: "a2", at: "2026-02-10T10:00:00Z", points: "60" },
      {
        kind: "earn",
        transactionId: "a3",
        at: "2026-02-10T10:00:00Z",
        points: "80",
        expiresAt: "2026-05-10T23:59:59Z",
      },
    ],
  },
  {
    accountId: "bob",
    entries: [
      {
        kind: "earn",
        transactionId: "b1",
        at: "2026-01-20T10:00:00Z",
        points: "50",
        expiresAt: "2026-03-20T23:59:59Z",
      },
      { kind: "earn", transactionId: "b2", at: "2026-03-05T10:00:00Z", points: "40" },
    ],
  },
];
const at = "2026-03-31T23:59:59Z";

const owed = pointsLiability(histories, {
  at,
  pointValue: { amount: "0.10", currency: "EUR" },
  tiers: { ann: "Gold" },
});
console.log(`outstanding ${owed.outstanding.points} points = ${owed.outstanding.value.amount} EUR`);
console.log(
  `expiring within 30 days ${owed.byExpiry.within30Days.points}, within 90 days ${owed.byExpiry.within90Days.points}, never ${owed.byExpiry.never.points}`,
);
console.log("by tier", Object.fromEntries(Object.entries(owed.byTier).map(([tier, f]) => [tier, f.points])));

const triangle = breakageTriangle(histories, { at, decimals: 2 });
for (const row of triangle.rows)
  console.log(
    row.month,
    `issued ${row.issued}`,
    row.cells.map((c) => `${c.redeemedShare}/${c.expiredShare}`).join("  "),
  );
console.log(`ultimate redemption rate ${triangle.ultimateRedemptionRate}, breakage ${triangle.breakageRate}`);
