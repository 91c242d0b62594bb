// Service recovery: the remedy the customer seeks, SLA clocks that pause while the shop waits on her,
// goodwill in the agreed plan posted to the ledger once, her CSAT at follow-up, and the recovery
// effect measured on a small (invented) book of complaints.
import {
  balance,
  breaches,
  complaintRecovery,
  deadlines,
  goodwillRequests,
  openAccount,
  openComplaint,
  post,
  transition,
} from "loyalty-kit";

const policy = {
  timeZone: "Europe/Berlin",
  businessHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
  targets: {
    urgent: { acknowledgeHours: 1, agreePlanHours: 4, resolveHours: 40 },
    high: { acknowledgeHours: 2, agreePlanHours: 8, resolveHours: 40 },
    normal: { acknowledgeHours: 4, agreePlanHours: 16, resolveHours: 80 },
    low: { acknowledgeHours: 8, agreePlanHours: 24, resolveHours: 120 },
  },
};
const by = "agent:maria";

// #region pause
let c = openComplaint({
  id: "C-2026-0042",
  customerId: "cust-dewi",
  cause: "poor-work-quality",
  description: "The inlet hose leaks since Friday's installation.",
  at: "2026-03-02T09:12:00+01:00",
  customerValue: "high",
  remedySought: "fix the leak and pay for the floor", // ISO 10002: record it at receipt
});
c = transition(c, { type: "ACKNOWLEDGE", at: "2026-03-02T09:14:00+01:00", by });
// Photos of the floor are needed: the clocks stand still until Dewi answers.
c = transition(c, { type: "ASSESS", at: "2026-03-02T10:00:00+01:00", by, waitingOn: "customer" });
const monday3pm = "2026-03-02T15:00:00+01:00";
console.log("waiting at 15:00:", deadlines(c, policy, { at: monday3pm }).waitingOn);
console.log("breaches at 15:00:", breaches(c, policy, { at: monday3pm }).length);
c = transition(c, { type: "CUSTOMER_REPLY", at: "2026-03-03T10:00:00+01:00", by: "cust-dewi", note: "photos" });
const d = deadlines(c, policy);
console.log(`paused ${d.pausedMinutes} business minutes; plan due ${d.agreePlan}`);
// #endregion pause

// #region goodwill
for (const e of [
  { type: "AFFIRM", at: "2026-03-03T10:10:00+01:00", by },
  { type: "PROPOSE_ALTERNATIVE", at: "2026-03-03T10:20:00+01:00", by, alternative: "Refit the hose, cover the floor" },
  {
    type: "AGREE_PLAN",
    at: "2026-03-03T10:30:00+01:00",
    by,
    alternative: 0,
    customerAgreed: true,
    goodwill: { points: "500", coupon: "SORRY10" },
  },
  { type: "START_DELIVERY", at: "2026-03-04T09:00:00+01:00", by },
  { type: "DELIVERED", at: "2026-03-04T11:00:00+01:00", by },
  {
    type: "FOLLOW_UP",
    at: "2026-03-06T10:00:00+01:00",
    by,
    satisfied: true,
    csat: { score: 5, reason: "fast and fair" },
  },
])
  c = transition(c, e);
// Post the goodwill after every event, or replay the whole stream: it is granted once.
let account = openAccount({ accountId: "cust-dewi" });
for (let replay = 0; replay < 3; replay++)
  for (const entry of goodwillRequests(c).ledger) account = post(account, entry).account;
console.log("goodwill balance:", balance(account, { at: "2026-03-07T00:00:00Z" }));
console.log(
  "coupons:",
  goodwillRequests(c).coupons.map((r) => `${r.action} ${r.coupon} (${r.requestId})`),
);
// #endregion goodwill

// #region recovery
// An invented book: 40 customers, complaints followed up on 9 March 2026; who bought again within a year.
const book = [];
const purchases = [];
for (let i = 0; i < 40; i++) {
  const customerId = `k${i}`;
  let k = openComplaint({ id: `K-${i}`, customerId, cause: "overpricing", at: "2026-03-02T09:00:00Z" });
  const steps = [
    { type: "ACKNOWLEDGE", at: "2026-03-02T09:05:00Z", by },
    { type: "ASSESS", at: "2026-03-02T09:10:00Z", by },
    { type: "AFFIRM", at: "2026-03-02T09:15:00Z", by },
    { type: "PROPOSE_ALTERNATIVE", at: "2026-03-02T09:20:00Z", by, alternative: "Refund" },
    { type: "AGREE_PLAN", at: "2026-03-02T09:25:00Z", by, alternative: 0, customerAgreed: true },
    { type: "START_DELIVERY", at: "2026-03-03T09:00:00Z", by },
    { type: "DELIVERED", at: "2026-03-04T09:00:00Z", by },
    { type: "FOLLOW_UP", at: "2026-03-09T09:00:00Z", by, satisfied: i < 25 },
  ];
  // The last five were never followed up.
  for (const e of i < 35 ? steps : steps.slice(0, 7)) k = transition(k, e);
  book.push(k);
  // Satisfied: 20 of 25 buy again; dissatisfied: 4 of 10; not followed up: 2 of 5.
  if (i < 20 || (i >= 25 && i < 29) || (i >= 35 && i < 37))
    purchases.push({ customerId, at: "2026-07-01T12:00:00Z", value: i < 25 ? "60" : "25" });
}
const r = complaintRecovery(book, purchases, { at: "2027-06-01T00:00:00Z", windowDays: 365 });
const pct = (x) => `${(x * 100).toFixed(0)} %`;
for (const [name, g] of Object.entries(r.groups))
  console.log(
    `${name.padEnd(14)} ${String(g.customers).padStart(2)} customers, retained ${pct(g.retention.point)} (95 % CI ${pct(g.retention.lower)}–${pct(g.retention.upper)}), spend ${g.spendPerCustomer.mean} (${g.spendPerCustomer.lower}–${g.spendPerCustomer.upper})`,
  );
const diff = r.retentionDifference;
console.log(`satisfied − dissatisfied: ${pct(diff.point)} (95 % CI ${pct(diff.lower)} to ${pct(diff.upper)})`);
// #endregion recovery
