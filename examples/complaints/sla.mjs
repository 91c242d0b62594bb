// SLA deadlines count business hours on the wall clock of the policy's time zone.
import { openComplaint, transition, parseSlaPolicy, deadlines, breaches } from "loyalty-kit";

const policy = parseSlaPolicy({
  timeZone: "Europe/Berlin",
  businessHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }, // 0 = Sunday; omit for 24/7
  holidays: ["2026-04-03", "2026-04-06"], // local dates
  targets: {
    // business hours from receipt
    urgent: { acknowledgeHours: 1, agreePlanHours: 4, resolveHours: 40 },
    high: { acknowledgeHours: 2, agreePlanHours: 8, resolveHours: 40 },
    normal: { acknowledgeHours: 4, agreePlanHours: 16, resolveHours: 80 },
    low: { acknowledgeHours: 8, agreePlanHours: 24, resolveHours: 120 },
  },
});

// Received on Friday 6 March 2026 at 16:00 Berlin time (15:00 UTC), normal priority: 4 hours to acknowledge
// are 1 hour on Friday and 3 on Monday, so it is due on Monday at 12:00 (11:00 UTC).
let c = openComplaint({
  id: "C-7",
  customerId: "cust-3",
  channel: "email",
  cause: "poor-overall-service",
  description: "Rude staff at the service desk",
  at: "2026-03-06T16:00:00+01:00",
});
console.log("deadlines:", deadlines(c, policy));

// Acknowledged on Monday at 12:30 Berlin time: 30 minutes late.
c = transition(c, { type: "ACKNOWLEDGE", at: "2026-03-09T12:30:00+01:00", by: "agent:lena" });
console.log("breaches on Monday 13:00:", breaches(c, policy, { at: "2026-03-09T13:00:00+01:00" }));
