// Part 4 of the demo: one CRM cycle on CDNOW (Fader, Hardie & Lee 2005; the file of the `lifetimes`
// Python package, MIT) — segment the customers on their 1997 purchases, plan a strategy and its
// win-back contacts at the start of 1998, and review the plan against what they bought in 1998
// (the data end on 30 June 1998). CDNOW holds no consent records and nothing was sent in 1998, so
// the demo ASSUMES e-mail consent from 1 January 1997 and the treated-vs-holdout gap is an A/A check.
import { contactPlan, planActions, reviewStrategy } from "loyalty-kit";
import { STRATEGY, cdnowCycleData } from "../crm/cdnow-1997-1998.mjs";
import { facts, heading, note, percent, table } from "./terminal.mjs";

/** Runs the CRM cycle section; returns the review's per-rule figures. */
export function runCycle() {
  heading("14. One CRM cycle on CDNOW: segment 1997, plan, review 1998");
  // The data, the segments and the strategy are those of examples/crm/cdnow-cycle.mjs.
  const { rows, segments, after } = cdnowCycleData();
  const plan = planActions(rows, STRATEGY, { at: "1998-01-02T14:00:00Z" });
  // The win-back rule's customers get their contact through contactPlan: consent, quiet hours and at
  // most two contacts a month per customer, the first morning of the year they may be written to.
  const winBack = plan.actions.filter((a) => a.ruleId === "win-back");
  const byId = new Map(rows.map((r) => [r.customer.id, r.customer]));
  const contacts = contactPlan(
    winBack.map((a) => byId.get(a.customerId)),
    {
      from: "1998-01-02T00:00:00-05:00",
      to: "1998-02-01T00:00:00-05:00",
      timeZone: "America/New_York",
      cadence: { default: "none" },
      welcome: false,
      quietHours: STRATEGY.quietHours,
      cap: { max: 2, days: 30 },
      winBack: winBack.map((a) => ({ customerId: a.customerId, stage: "lapsing", markedAt: "1998-01-02T14:00:00Z" })),
    },
  );
  facts([
    ["segmented", `${rows.length} customers on their 1997 purchases (RFM quintiles)`],
    [
      "planned",
      `${plan.actions.length} actions, ${plan.holdout.length} in the holdout (share ${plan.holdoutShare}), $${plan.spent} of $${plan.budget}`,
    ],
    [
      "win-back",
      `${contacts.contacts.length} e-mails, first at ${contacts.contacts[0]?.at ?? "-"} (10:00 in New York)`,
    ],
  ]);

  const review = reviewStrategy({ plan, segments }, after);
  const pct = (x) => (x === null ? "-" : percent(x));
  table(
    [{ title: "rule" }, { title: "treated retention", align: "right" }, { title: "holdout retention", align: "right" }],
    review.byRule.map((r) => [r.ruleId, pct(r.treated.retention), pct(r.holdout.retention)]),
  );
  note(
    "Retention = bought again by 30 June 1998, where CDNOW ends. Nothing was sent in 1998: any treated-vs-holdout gap here is chance (an A/A check), not an effect.",
  );
  return review.byRule;
}
