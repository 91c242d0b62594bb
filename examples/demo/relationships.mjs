// Part 3 of the demo: beyond points. How strongly the shop holds a few customers (bonding levels:
// financial, social, structural), and one complaint handled through the five A's of complaint handling
// from receipt to close.
import { LoyaltyError, classifyBonding, deadlines, breaches, nextEvents, openComplaint, transition } from "loyalty-kit";
import { facts, heading, note, subheading, table } from "./terminal.mjs";

const WIB = 7 * 3_600_000; // Asia/Jakarta is UTC+7 all year.
const local = (iso) => new Date(Date.parse(iso) + WIB).toISOString().slice(0, 16).replace("T", " ");

const PROFILES = [
  { customerId: "ayu (collects points)", signals: { loyaltyCardHolder: 1, rewardsRedeemed: 1 } },
  {
    customerId: "sinta (styling club member)",
    signals: { loyaltyCardHolder: 1, membership: 1, eventsAttended: 3, referrals: 2 },
  },
  {
    customerId: "butik-melati (resells Olga's batik)",
    signals: { contractMonths: 12, integrations: 1, personalContacts: 8 },
  },
  { customerId: "walk-in (no card)", signals: {} },
];

/** Runs the bonding and complaint sections; returns the bonding levels and the complaint's path. */
export function runRelationships() {
  heading("11. Bonding levels (financial < social < structural)");
  const results = PROFILES.map((p) => classifyBonding(p));
  table(
    [
      { title: "customer" },
      { title: "level" },
      { title: "financial", align: "right" },
      { title: "social", align: "right" },
      { title: "structural", align: "right" },
    ],
    results.map((r) => {
      const strength = (type) => r.bonds.find((b) => b.type === type)?.strength.toFixed(2) ?? "";
      return [r.customerId, r.level, strength("financial"), strength("social"), strength("structural")];
    }),
  );
  console.log("");
  facts(
    results.map((r) => [`next for ${r.customerId.split(" ")[0]}`, `${r.next.type}: ${r.next.actions[0]?.text ?? "-"}`]),
  );

  heading("12. A complaint through the five A's");
  // Olga's shop hours in Jakarta; targets in business hours per priority.
  const policy = {
    timeZone: "Asia/Jakarta",
    businessHours: { days: [1, 2, 3, 4, 5, 6], start: "09:00", end: "18:00" },
    targets: {
      urgent: { acknowledgeHours: 1, agreePlanHours: 4, resolveHours: 27 },
      high: { acknowledgeHours: 2, agreePlanHours: 9, resolveHours: 45 },
      normal: { acknowledgeHours: 4, agreePlanHours: 18, resolveHours: 72 },
      low: { acknowledgeHours: 9, agreePlanHours: 27, resolveHours: 108 },
    },
  };
  let c = openComplaint({
    id: "K-2026-0007",
    customerId: "olga-0001",
    channel: "in-person",
    cause: "poor-work-quality",
    description: "The hem of the midi dress came apart after one wash.",
    at: "2026-04-20T10:15:00+07:00",
    by: "staff:olga",
    customerValue: "medium",
  });
  const d = deadlines(c, policy);
  facts([
    ["received", `${c.id}: "${c.description}" (cause ${c.cause}, priority ${c.priority})`],
    [
      "deadlines (WIB)",
      `acknowledge by ${local(d.acknowledge)}, agree a plan by ${local(d.agreePlan)}, resolve by ${local(d.resolve)} (shop hours Mon–Sat 09–18)`,
    ],
  ]);
  const steps = [
    [
      "Acknowledge",
      {
        type: "ACKNOWLEDGE",
        at: "2026-04-20T10:16:00+07:00",
        by: "staff:olga",
        note: "I'm sorry, that should not happen to a new dress.",
      },
    ],
    [
      "Assess",
      {
        type: "ASSESS",
        at: "2026-04-20T10:20:00+07:00",
        by: "staff:olga",
        note: "Seam thread broke along 20 cm; washed at 30 °C as the label says.",
      },
    ],
    [
      "Affirm",
      {
        type: "AFFIRM",
        at: "2026-04-20T10:24:00+07:00",
        by: "staff:olga",
        note: "A sewing fault, not her care; she wants to wear it on Saturday.",
      },
    ],
    [
      "Analyze",
      {
        type: "PROPOSE_ALTERNATIVE",
        at: "2026-04-20T10:27:00+07:00",
        by: "staff:olga",
        alternative: "Free repair by the tailor by Friday, plus 200 bonus points",
      },
    ],
    [
      "Analyze",
      {
        type: "PROPOSE_ALTERNATIVE",
        at: "2026-04-20T10:28:00+07:00",
        by: "staff:olga",
        alternative: "Exchange for a new dress of the same size today",
      },
    ],
    [
      "Agree",
      { type: "AGREE_PLAN", at: "2026-04-20T10:31:00+07:00", by: "staff:olga", alternative: 1, customerAgreed: true },
    ],
    [
      "",
      { type: "START_DELIVERY", at: "2026-04-20T10:35:00+07:00", by: "staff:olga", note: "New dress taken from stock" },
    ],
    ["", { type: "DELIVERED", at: "2026-04-20T10:40:00+07:00", by: "staff:olga" }],
    [
      "",
      {
        type: "FOLLOW_UP",
        at: "2026-04-23T17:00:00+07:00",
        by: "staff:olga",
        satisfied: true,
        note: "Phoned her: the new dress is fine after two washes",
      },
    ],
    ["", { type: "CLOSE", at: "2026-04-23T17:05:00+07:00", by: "staff:olga" }],
  ];
  try {
    transition(c, { type: "CLOSE", at: "2026-04-20T10:16:00+07:00", by: "staff:olga" });
  } catch (e) {
    if (!(e instanceof LoyaltyError)) throw e;
    note(`Closing it straight away is refused — ${e.code}: ${e.message}`);
  }
  const rows = [];
  for (const [step, event] of steps) {
    c = transition(c, event);
    rows.push([step, local(event.at), event.type, c.state, nextEvents(c).slice(0, 2).join(", ")]);
  }
  subheading("From receipt to close");
  table(
    [
      { title: "the A" },
      { title: "at (WIB)" },
      { title: "event" },
      { title: "state" },
      { title: "allowed next (first two)" },
    ],
    rows,
  );
  const late = breaches(c, policy, { at: "2026-04-23T17:05:00+07:00" });
  facts([
    ["plan", c.context.plan?.description ?? ""],
    [
      "SLA breaches",
      late.length === 0 ? "none" : late.map((b) => `${b.target} late by ${b.lateByMinutes} min`).join(", "),
    ],
  ]);
  return {
    levels: results.map((r) => ({ customerId: r.customerId, level: r.level })),
    complaint: { id: c.id, state: c.state, steps: rows.length },
  };
}
