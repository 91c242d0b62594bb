// Tiers for a points program: the tier on any date is replayed from the member's purchases, so the
// shop stores purchases, not a tier that can drift. Gold reached in December is kept all next year.
import { tierBonusEntry, tierProgress, tierStatus } from "loyalty-kit";

const policy = {
  basis: "spend",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  window: { type: "calendar-year" }, // kept to the end of the next year by default
  tiers: [
    { name: "Bronze", threshold: "200" },
    { name: "Silver", threshold: "500", earnMultiplier: "1.25" },
    { name: "Gold", threshold: "1000", earnMultiplier: "1.5", perks: ["free delivery"] },
  ],
};

const history = [
  { at: "2026-03-14T11:00:00+01:00", amount: "320.00" },
  { at: "2026-12-18T16:30:00+01:00", amount: "880.00" },
  { at: "2026-12-20T10:00:00+01:00", amount: "-60.00" }, // a refund
];

for (const at of ["2026-06-01T12:00:00Z", "2026-12-31T12:00:00Z", "2027-01-02T12:00:00Z", "2028-01-02T12:00:00Z"]) {
  const s = tierStatus(policy, history, { at });
  console.log(at.slice(0, 10), s.tier?.name ?? "none", "-", s.explanation);
}

for (const at of ["2026-11-20T12:00:00Z", "2027-11-20T12:00:00Z"])
  console.log(tierProgress(policy, history, { at }).message);

const bonus = tierBonusEntry(policy, history, {
  at: "2027-02-10T15:00:00+01:00",
  transactionId: "till-1:0815",
  pointsEarned: "84",
});
console.log(bonus.transactionId, bonus.points, bonus.meta);
