// Points beyond the purchase: birthdays (in the program's zone, 29 February stated), enrollment
// anniversaries, custom events (idempotent and capped), happy hours, and referrals with fraud rules.
import { birthdayBonus, eventBonus, referralDecision, referralReport, timedBonusEntry } from "loyalty-kit";

const consents = [{ purpose: "personal-data", status: "given", at: "2025-01-01T00:00:00Z", method: "signed-form" }];
const rules = {
  timeZone: "Europe/Berlin",
  birthday: { points: "200" },
  events: [{ id: "review", name: "Review written", points: "50", cap: { count: 2, period: "month" } }],
};

const leapling = { id: "lena", birthDate: "2000-02-29", consents };
for (const at of ["2026-02-27T12:00:00Z", "2026-02-28T12:00:00Z"]) {
  const d = birthdayBonus(rules, leapling, { at });
  console.log(d.reason, d.entry?.transactionId ?? "-", d.explanation);
}

const earlier = [
  { id: "rev-1", type: "review", at: "2026-03-02T10:00:00Z" },
  { id: "rev-2", type: "review", at: "2026-03-09T10:00:00Z" },
];
for (const event of [
  { id: "rev-2", type: "review", at: "2026-03-20T10:00:00Z" },
  { id: "rev-3", type: "review", at: "2026-03-20T10:00:00Z" },
  { id: "rev-3", type: "review", at: "2026-04-01T10:00:00Z" },
]) {
  console.log(eventBonus(rules, event, { earlier }).explanation);
}

const happyHour = {
  id: "tue",
  name: "Double points Tuesdays 16-18",
  factor: "2",
  timeZone: "Europe/Berlin",
  days: ["tue"],
  from: "16:00",
  to: "18:00",
};
// 14:30 UTC is 15:30 in Berlin in January (outside the window) and 16:30 in July (summer time: inside).
for (const at of ["2026-01-13T14:30:00Z", "2026-07-07T14:30:00Z"]) {
  const r = timedBonusEntry([happyHour], { at, transactionId: "sale", lines: [{ sku: "A", pointsEarned: "40" }] });
  console.log(at, r.explanation);
}

const referral = { timeZone: "Europe/Berlin", referrerPoints: "500", friendPoints: "250", minPurchase: "30.00" };
const ana = { id: "ana", contact: { email: "ana@example.org" } };
const purchase = { transactionId: "t-1", at: "2026-04-01T10:00:00Z", amount: "45.00" };
console.log(referralDecision(referral, ana, { id: "bo" }, { purchase, rewarded: [] }).explanation);
console.log(
  referralDecision(referral, ana, { id: "cy", contact: { email: "ANA@example.org" } }, { purchase, rewarded: [] })
    .explanation,
);
console.log(
  referralReport([
    {
      referrerId: "ana",
      invitedAt: "2026-03-01T10:00:00Z",
      friendId: "bo",
      rewardedAt: "2026-04-01T10:00:00Z",
      pointsPaid: "750",
    },
    { referrerId: "ana", invitedAt: "2026-03-02T10:00:00Z" },
  ]),
);
