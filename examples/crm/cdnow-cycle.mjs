// One CRM cycle on CDNOW (Fader, Hardie & Lee 2005, "Counting your customers the easy way",
// Marketing Science 24(2); file copied from the `lifetimes` Python package, MIT): segment the
// customers on their 1997 purchases, plan a strategy at the start of 1998, then review it against
// what they bought in the first half of 1998. The data and the strategy are read in
// examples/crm/cdnow-1997-1998.mjs (shared with the demo).
//
// CDNOW holds no consent records, so the helper ASSUMES every customer gave e-mail consent on
// 1997-01-01; and nothing was actually sent in 1998, so the treated-vs-holdout gap below is an A/A
// check (any difference is chance), not an effect.
import { planActions, reviewStrategy } from "loyalty-kit";
import { STRATEGY, cdnowCycleData } from "./cdnow-1997-1998.mjs";

const { rows, segments, after } = cdnowCycleData();
const plan = planActions(rows, STRATEGY, { at: "1998-01-02T14:00:00Z" });
console.log(
  `customers ${rows.length}, actions ${plan.actions.length}, holdout ${plan.holdout.length} (share ${plan.holdoutShare}, seed ${plan.holdoutSeed})`,
);
console.log(`skipped ${plan.skipped.length}, spent $${plan.spent} of $${plan.budget}`);
console.log(`first: ${plan.actions.find((a) => a.ruleId === "win-back")?.explain}`);

const review = reviewStrategy({ plan, segments }, after);
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
