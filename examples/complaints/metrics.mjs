// Complaint metrics for a month: three complaints, one acknowledged late, one reopened.
import { complaintMetrics, openComplaint, transition } from "loyalty-kit";

const H = 3_600_000;
function walk(id, cause, opened, steps) {
  let c = openComplaint({ id, customerId: `cust-${id}`, channel: "email", cause, description: "…", at: opened });
  for (const [type, hours, extra] of steps)
    c = transition(c, { type, at: new Date(Date.parse(opened) + hours * H), by: "agent", ...extra });
  return c;
}
const fiveAs = (ack) => [
  ["ACKNOWLEDGE", ack],
  ["ASSESS", ack + 0.5],
  ["AFFIRM", ack + 1],
  ["PROPOSE_ALTERNATIVE", ack + 1.5, { alternative: "fix it" }],
  ["AGREE_PLAN", ack + 2, { alternative: 0, customerAgreed: true }],
  ["START_DELIVERY", ack + 3],
];

const complaints = [
  walk("a", "delay-in-fixing", "2026-03-02T09:00:00Z", [
    ...fiveAs(1),
    ["DELIVERED", 24],
    ["FOLLOW_UP", 48, { satisfied: true }],
    ["CLOSE", 49],
  ]),
  walk("b", "overpricing", "2026-03-10T09:00:00Z", [
    ...fiveAs(6),
    ["DELIVERED", 30],
    ["FOLLOW_UP", 50, { satisfied: true }],
  ]),
  walk("c", "poor-work-quality", "2026-03-16T09:00:00Z", [
    ...fiveAs(2),
    ["DELIVERED", 20],
    ["FOLLOW_UP", 40, { satisfied: false }],
    ["ASSESS", 41],
    ["AFFIRM", 42],
    ["PROPOSE_ALTERNATIVE", 43, { alternative: "replace it" }],
    ["AGREE_PLAN", 44, { alternative: 0, customerAgreed: true }],
    ["START_DELIVERY", 45],
    ["DELIVERED", 70],
    ["FOLLOW_UP", 96, { satisfied: true }],
  ]),
];

const t = { acknowledgeHours: 4, agreePlanHours: 24, resolveHours: 72 };
const m = complaintMetrics(complaints, {
  from: "2026-03-01T00:00:00Z",
  to: "2026-04-01T00:00:00Z",
  policy: { timeZone: "UTC", targets: { low: t, normal: t, high: t, urgent: t } },
});
console.log(`complaints: ${m.count}`);
console.log("by cause:", m.byCause);
console.log("by state:", Object.fromEntries(Object.entries(m.byState).filter(([, n]) => n > 0)));
console.log("time to acknowledge (h):", m.timeToAcknowledge);
console.log("time to resolve (h):", m.timeToResolve);
console.log(
  `reopen rate ${m.reopenRate}, escalation rate ${m.escalationRate}, first-contact resolution ${m.firstContactResolutionRate}`,
);
console.log(`SLA breach rate ${m.slaBreachRate}, resolved with a satisfied follow-up ${m.satisfiedFollowUpShare}`);
