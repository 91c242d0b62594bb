// Lifecycle contacts: a follow-up after a purchase, a win-back for a lapsing customer, a thank-you
// after a resolved complaint, all under one cap per customer. Asia/Jakarta is UTC+7 all year.
import { contactPlan, parseCustomer } from "loyalty-kit";

const consented = (id) =>
  parseCustomer({
    id,
    enrolledAt: "2026-01-10T12:00:00+07:00",
    identifiers: [{ kind: "phone", number: `+62812345678${id.length}` }],
    consents: [
      { purpose: "personal-data", status: "given", at: "2026-01-10T12:00:00+07:00", method: "signed-form" },
      { purpose: "marketing", channel: "sms", status: "given", at: "2026-01-10T12:00:00+07:00", method: "signed-form" },
    ],
  });

// #region plan
const plan = contactPlan([consented("ayu"), consented("budi")], {
  from: "2026-03-01T00:00:00+07:00",
  to: "2026-04-01T00:00:00+07:00",
  timeZone: "Asia/Jakarta",
  cadence: { default: "monthly" },
  welcome: false,
  quietHours: { start: "21:00", end: "09:00" },
  minGapHours: 24,
  // Ayu bought a dress on 5 March: "is everything fine?" three days later.
  purchases: [{ customerId: "ayu", at: "2026-03-05T19:30:00+07:00" }],
  followUpAfterDays: 3,
  // Budi has not bought since December: the CRM plan marks him lapsing on 2 March.
  winBack: [{ customerId: "budi", stage: "lapsing", markedAt: "2026-03-02T08:00:00+07:00" }],
  // Ayu's complaint about a hem was resolved on 12 March at 20:00: thanks the next morning.
  resolvedComplaints: [{ customerId: "ayu", complaintId: "K-2026-0007", resolvedAt: "2026-03-12T20:00:00+07:00" }],
  thankYouAfterHours: 2,
  // At most two contacts to one customer in any 14 days, all kinds together.
  cap: { max: 2, days: 14 },
});
// #endregion plan

const wib = (iso) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
for (const c of plan.contacts)
  console.log(`${wib(c.at)} WIB  ${c.customerId.padEnd(4)}  ${c.kind.padEnd(10)} ${c.channel}`);
for (const s of plan.skipped) console.log(`skipped ${wib(s.at)} WIB  ${s.customerId}  ${s.kind}: ${s.reason}`);
