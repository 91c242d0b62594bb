// One CRM cycle on CDNOW (Fader, Hardie & Lee 2005, "Counting your customers the easy way",
// Marketing Science 24(2); file copied from the `lifetimes` Python package, MIT): segment the
// customers on their 1997 purchases, plan a strategy at the start of 1998, then review it against
// what they bought in the first half of 1998.
//
// CDNOW holds no consent records, so this example ASSUMES every customer gave e-mail consent on
// 1997-01-01; and nothing was actually sent in 1998, so the treated-vs-holdout gap below is an A/A
// check (any difference is chance), not an effect.
import { readFileSync } from "node:fs";
import { parseCustomer, planActions, reviewStrategy, rfmAccumulator, rfmScores, rfmSegments } from "loyalty-kit";

const file = new URL("../../test/fixtures/analytics/CDNOW_master.txt", import.meta.url);
const y1997 = rfmAccumulator({ observationEnd: "1997-12-31", period: "week" });
const through1998 = rfmAccumulator({ observationEnd: "1998-06-30", period: "week" });
const in1998 = new Map();
for (const line of readFileSync(file, "utf8").trim().split("\n").slice(1)) {
  const [id, date, , dollars] = line.trim().split(/\s+/);
  const at = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
  const purchase = { customerId: Number(id), at, value: dollars };
  through1998.add(purchase);
  if (at <= "1997-12-31") y1997.add(purchase);
  else {
    const o = in1998.get(String(Number(id))) ?? { orders: 0, cents: 0 };
    o.orders += 1;
    o.cents += Math.round(Number(dollars) * 100);
    in1998.set(String(Number(id)), o);
  }
}
const start = rfmSegments(rfmScores(y1997.result(), { bins: 5 }));
const end = new Map(
  rfmSegments(rfmScores(through1998.result(), { bins: 5 })).map((s) => [String(s.customerId), s.segment]),
);

const consents = [
  { purpose: "personal-data", status: "given", at: "1997-01-01T00:00:00Z", method: "web" },
  { purpose: "marketing", channel: "email", status: "given", at: "1997-01-01T00:00:00Z", method: "web" },
];
const rows = start.map((s) => ({
  customer: parseCustomer({ id: String(s.customerId), contact: { email: `c${s.customerId}@example.com` }, consents }),
  segment: s.segment,
}));
const strategy = {
  timeZone: "America/New_York",
  quietHours: { start: "21:00", end: "08:00" },
  budget: "2500",
  holdout: { share: 0.2, seed: "cdnow-1998" },
  rules: [
    {
      id: "win-back",
      when: { segments: ["at-risk", "cant-lose"] },
      action: { type: "offer", coupon: "CD10", cost: "0.50" },
    },
    {
      id: "keep-best",
      when: { segments: ["champions", "loyal"] },
      action: { type: "perk", perk: "free-shipping", cost: "0.25" },
    },
    { id: "rest", when: {}, action: { type: "nothing" } },
  ],
};
const plan = planActions(rows, strategy, { at: "1998-01-02T14:00:00Z" });
console.log(
  `customers ${rows.length}, actions ${plan.actions.length}, holdout ${plan.holdout.length} (share ${plan.holdoutShare}, seed ${plan.holdoutSeed})`,
);
console.log(`skipped ${plan.skipped.length}, spent $${plan.spent} of $${plan.budget}`);
console.log(`first: ${plan.actions.find((a) => a.ruleId === "win-back")?.explain}`);

const after = rows.map(({ customer }) => {
  const o = in1998.get(customer.id) ?? { orders: 0, cents: 0 };
  return {
    customerId: customer.id,
    orders: o.orders,
    spend: (o.cents / 100).toFixed(2),
    segment: end.get(customer.id),
  };
});
const review = reviewStrategy(
  { plan, segments: start.map((s) => ({ customerId: String(s.customerId), segment: s.segment })) },
  after,
);
const pct = (x) => (x === null ? "-" : `${(x * 100).toFixed(1)} %`);
console.log("segment at end of 1997   customers  retained in 1998  spend per customer");
for (const s of review.bySegment)
  console.log(
    `${s.segment.padEnd(22)}  ${String(s.customers).padStart(9)}  ${pct(s.retention).padStart(16)}  ${`$${s.spendPerCustomer}`.padStart(18)}`,
  );
console.log("rule        treated retention  holdout retention  lift (A/A: chance only)");
for (const r of review.byRule)
  console.log(
    `${r.ruleId.padEnd(10)}  ${pct(r.treated.retention).padStart(17)}  ${pct(r.holdout.retention).padStart(17)}  ${r.retentionLift === null ? "-" : `${(r.retentionLift * 100).toFixed(1)} pt`}`,
  );
const stay = review.transitions.find((t) => t.from === "champions" && t.to === "champions");
console.log(`champions still champions mid-1998: ${stay?.customers ?? 0}`);
