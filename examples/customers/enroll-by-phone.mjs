// Olga runs a small women's clothing shop. No card printer, no scanner: she enrolls
// customers by phone number, asks them to sign "I agree to participate" (and to personal-data
// processing, which the law requires), and wants to stay in touch with them.
import {
  assertCanEnroll,
  buildCustomerIndex,
  canContact,
  contactPlan,
  identify,
  normalizePhone,
  parseCustomer,
} from "loyalty-kit";

const WIB = 7 * 3_600_000; // Asia/Jakarta is UTC+7 all year.
const local = (iso) => `${new Date(Date.parse(iso) + WIB).toISOString().slice(0, 16).replace("T", " ")} WIB`;

// 1. Ayu says her number the way people do.
// #region phone
const phone = normalizePhone("0812-3456-7890", { defaultCountryCode: "62" });
// #endregion phone
console.log("phone on file:", phone);

// 2. She signs the form at the counter: personal data, and news by SMS. No e-mail consent.
// #region customer
const enrolledAt = "2026-03-02T15:00:00+07:00";
const ayu = parseCustomer({
  id: "olga-0001",
  firstName: "Ayu",
  lastName: "Sari",
  ageBand: "25-34",
  interests: ["batik", "office wear"],
  segment: "new",
  enrolledAt,
  identifiers: [{ kind: "phone", number: phone }],
  contact: { email: "ayu.sari@example.com" },
  consents: [
    { purpose: "personal-data", status: "given", at: enrolledAt, method: "signed-form" },
    { purpose: "marketing", channel: "sms", status: "given", at: enrolledAt, method: "signed-form" },
  ],
});
// #endregion customer

// 3. The bonus program keeps her data, so it needs that consent: this would throw CONSENT_REQUIRED without it.
// #region enroll
assertCanEnroll(ayu, { personalized: true, at: enrolledAt });
// #endregion enroll
console.log("enrolled:", ayu.firstName, ayu.lastName);

// 4. Next visit: the seller types the number; no card needed.
// #region identify
const index = buildCustomerIndex([ayu]);
const found = identify(index, { kind: "phone", number: "0812 3456 7890", defaultCountryCode: "62" });
// #endregion identify
console.log("at the till:", found.status, found.customers[0]?.id);

// 5. SMS yes, e-mail no (she gave her address but not consent to news by e-mail).
// #region contact
const at = "2026-03-09T10:00:00+07:00";
console.log("sms:", canContact(ayu, "sms", { at, purpose: "marketing" }).reason);
console.log("email:", canContact(ayu, "email", { at, purpose: "marketing" }).reason);
// #endregion contact

// 6. Her first month: a welcome, a weekly note, and a reminder a week before her 100 welcome points
//    (earned 2 March, valid one month) expire at the end of 2 April.
// #region plan
const plan = contactPlan([ayu], {
  from: "2026-03-01T00:00:00+07:00",
  to: "2026-04-01T00:00:00+07:00",
  timeZone: "Asia/Jakarta",
  cadence: { default: "monthly", segments: [{ segment: "new", every: "weekly" }] },
  quietHours: { start: "21:00", end: "09:00" },
  minGapHours: 48,
  expiryReminderDays: 7,
  expiringLots: [{ customerId: "olga-0001", points: "100", expiresAt: "2026-04-02T23:59:59.999+07:00" }],
});
// #endregion plan
for (const c of plan.contacts) {
  console.log(
    `${local(c.at)}  ${c.kind.padEnd(15)} ${c.channel}${c.points === undefined ? "" : `  ${c.points} points expire ${local(c.expiresAt)}`}`,
  );
}
console.log("skipped:", plan.skipped.length);
