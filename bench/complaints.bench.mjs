// Transitions per second along the worked complaint's full path (open → 11 events → closed), with
// `transition` (validates the event, checks time order and guards, appends to a frozen history),
// against a baseline measured in the same run: a plain object spread per step that only sets the
// state and appends the event (no validation, no guards, no freezing).
import { Bench } from "tinybench";
import { openComplaint, transition } from "loyalty-kit";

const opening = {
  id: "C-2026-0042",
  customerId: "cust-dewi",
  channel: "phone",
  cause: "poor-work-quality",
  description: "Washing machine leaks from the inlet hose",
  at: "2026-03-02T09:12:00+01:00",
  by: "agent:maria",
  customerValue: "high",
};
const by = "agent:maria";
const path = [
  { type: "ACKNOWLEDGE", at: "2026-03-02T09:14:00+01:00", by },
  { type: "ASSESS", at: "2026-03-02T09:20:00+01:00", by },
  { type: "AFFIRM", at: "2026-03-02T09:31:00+01:00", by },
  { type: "PROPOSE_ALTERNATIVE", at: "2026-03-02T09:36:00+01:00", by, alternative: "Refit the hose" },
  { type: "PROPOSE_ALTERNATIVE", at: "2026-03-02T09:40:00+01:00", by, alternative: "Exchange the machine" },
  { type: "AGREE_PLAN", at: "2026-03-02T09:45:00+01:00", by, alternative: 0, customerAgreed: true },
  { type: "START_DELIVERY", at: "2026-03-02T10:30:00+01:00", by },
  { type: "ESCALATE", at: "2026-03-02T11:05:00+01:00", by, team: "claims", reason: "floor damage" },
  { type: "RETURN_FROM_ESCALATION", at: "2026-03-03T15:30:00+01:00", by: "claims:jan", to: "followingUp" },
  { type: "FOLLOW_UP", at: "2026-03-05T10:00:00+01:00", by, satisfied: true },
  { type: "CLOSE", at: "2026-03-05T10:02:00+01:00", by },
];
const targets = [
  "acknowledged",
  "assessing",
  "affirmed",
  "analyzing",
  "analyzing",
  "planAgreed",
  "delivering",
  "escalated",
  "followingUp",
  "resolved",
  "closed",
];

export default async function run() {
  const start = openComplaint(opening);
  let sink;
  const bench = new Bench({ time: 1500 });
  bench
    .add("baseline: object spread per step", () => {
      let s = start;
      for (let i = 0; i < path.length; i++)
        s = { ...s, state: targets[i], updatedAt: path[i].at, history: [...s.history, path[i]] };
      sink = s;
    })
    .add("transition along the full path", () => {
      let c = start;
      for (const e of path) c = transition(c, e);
      sink = c;
    });
  await bench.run();
  if (sink.state !== "closed") throw new Error("the path did not close the complaint");
  const [base, ours] = bench.tasks.map((t) => t.result);
  const perSecond = (r) => (path.length * 1000) / r.latency.mean;
  const fmt = (n) => Math.round(n).toLocaleString("en-US");
  console.log(`full path (${path.length} events, open → closed):`);
  console.log(`  transition: ${fmt(perSecond(ours))} transitions/s (${fmt(1000 / ours.latency.mean)} paths/s)`);
  console.log(`  baseline (object spread per step): ${fmt(perSecond(base))} steps/s`);
  console.log(
    `  ratio: transition takes ${(perSecond(base) / perSecond(ours)).toFixed(1)}× the baseline's time per step`,
  );
}
