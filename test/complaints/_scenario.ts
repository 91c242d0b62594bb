// The worked complaint of docs/guides/complaints.md (the five A's of complaint handling on one of the usual causes):
// a washing machine installed with a loose inlet hose floods a kitchen. Times are Berlin wall
// clock in March 2026 (UTC+01:00, before the DST change on 29 March).
import type { ComplaintEventInput, OpenComplaintInput, SlaPolicyInput } from "../../src/index.js";

export const opening: OpenComplaintInput = {
  id: "C-2026-0042",
  customerId: "cust-dewi",
  channel: "phone",
  cause: "poor-work-quality",
  description: "Washing machine installed on Friday leaks from the inlet hose; the kitchen floor is damaged.",
  at: "2026-03-02T09:12:00+01:00",
  by: "agent:maria",
  customerValue: "high",
};

export const events: ComplaintEventInput[] = [
  {
    type: "ACKNOWLEDGE",
    at: "2026-03-02T09:14:00+01:00",
    by: "agent:maria",
    note: "I'm sorry your kitchen flooded. I'm here to sort it out with you.",
  },
  {
    type: "ASSESS",
    at: "2026-03-02T09:20:00+01:00",
    by: "agent:maria",
    note: "Leak since Friday's installation, from the back; floor boards swollen; machine unused since.",
  },
  {
    type: "AFFIRM",
    at: "2026-03-02T09:31:00+01:00",
    by: "agent:maria",
    note: "Installer left the inlet hose loose; you need the leak fixed and the floor damage covered.",
  },
  {
    type: "PROPOSE_ALTERNATIVE",
    at: "2026-03-02T09:36:00+01:00",
    by: "agent:maria",
    alternative: "Technician refits the hose tomorrow; claims team assesses the floor",
  },
  {
    type: "PROPOSE_ALTERNATIVE",
    at: "2026-03-02T09:40:00+01:00",
    by: "agent:maria",
    alternative: "Exchange the machine next week and refund the installation fee",
  },
  { type: "AGREE_PLAN", at: "2026-03-02T09:45:00+01:00", by: "agent:maria", alternative: 0, customerAgreed: true },
  {
    type: "START_DELIVERY",
    at: "2026-03-02T10:30:00+01:00",
    by: "agent:maria",
    note: "Technician booked for tomorrow 08:00-10:00",
  },
  {
    type: "ESCALATE",
    at: "2026-03-02T11:05:00+01:00",
    by: "agent:maria",
    team: "claims",
    reason: "Floor damage is the claims team's area, not service's",
  },
  {
    type: "RETURN_FROM_ESCALATION",
    at: "2026-03-03T15:30:00+01:00",
    by: "claims:jan",
    to: "followingUp",
    note: "Hose refitted 09:10; floor claim approved",
  },
  {
    type: "FOLLOW_UP",
    at: "2026-03-05T10:00:00+01:00",
    by: "agent:maria",
    satisfied: true,
    note: "No leak since; floor repair booked",
  },
  { type: "CLOSE", at: "2026-03-05T10:02:00+01:00", by: "agent:maria" },
];

// Berlin office, Monday to Friday 09:00–17:00, Good Friday and Easter Monday 2026 off.
export const berlin: SlaPolicyInput = {
  timeZone: "Europe/Berlin",
  businessHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
  holidays: ["2026-04-03", "2026-04-06"],
  targets: {
    urgent: { acknowledgeHours: 1, agreePlanHours: 4, resolveHours: 40 },
    high: { acknowledgeHours: 2, agreePlanHours: 8, resolveHours: 40 },
    normal: { acknowledgeHours: 4, agreePlanHours: 16, resolveHours: 80 },
    low: { acknowledgeHours: 8, agreePlanHours: 24, resolveHours: 120 },
  },
};
