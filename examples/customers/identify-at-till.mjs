// The usual ways to recognise a customer at the till: a plastic card (barcode or magnetic stripe),
// a unique code such as the phone number, the last name looked up by the seller — or nobody at all
// (coupons and stamp cards need no identity).
import { buildCustomerIndex, identify, parseCustomer, perksFor, LoyaltyError } from "loyalty-kit";

const customers = [
  parseCustomer({
    id: "c-1",
    firstName: "Jörg",
    lastName: "Müller",
    segment: "big-profit",
    interests: ["coffee"],
    identifiers: [{ kind: "barcode", code: "4006381333931" }],
  }),
  parseCustomer({
    id: "c-2",
    firstName: "Anna",
    lastName: "Muller",
    identifiers: [{ kind: "phone", number: "+6281234567890" }],
  }),
  parseCustomer({
    id: "c-3",
    firstName: "Sari",
    lastName: "Wulandari",
    identifiers: [
      { kind: "magnetic", number: "60112345" },
      { kind: "barcode", code: "036000291452" },
    ],
  }),
];
const index = buildCustomerIndex(customers);

const show = (label, r) =>
  console.log(
    `${label.padEnd(28)} ${r.status.padEnd(10)} ${r.customers.map((c) => `${c.id} ${c.firstName} ${c.lastName}`).join(" | ")}`.trimEnd(),
  );
show("card 4006381333931", identify(index, { kind: "barcode", code: "4006381333931" }));
show("card 0036000291452 (UPC-A)", identify(index, { kind: "barcode", code: "0036000291452" }));
show("magnetic 60112345", identify(index, { kind: "magnetic", number: "60112345" }));
show("phone 0812-3456-7890", identify(index, { kind: "phone", number: "0812-3456-7890", defaultCountryCode: "62" }));
show('last name "MULLER"', identify(index, { kind: "lastName", lastName: "MULLER" }));
show("stamp card", identify(index, { kind: "anonymous" }));

// A misread barcode is an error, not a miss.
try {
  identify(index, { kind: "barcode", code: "4006381333932" });
} catch (e) {
  if (e instanceof LoyaltyError) console.log(`${e.code}: ${e.message}`);
}

// Pareto's 80/20 rule: the 20% who bring 80% of the turnover get more added value.
const rules = [
  {
    perk: "free-drink",
    description: "A free coffee on every visit",
    segments: ["big-profit"],
    interestsAny: ["coffee", "tea"],
  },
  { perk: "vip-lounge", segments: ["big-profit"] },
];
for (const c of customers)
  console.log(
    c.id,
    perksFor(c, rules)
      .map((p) => `${p.perk} (${p.because.join(", ")})`)
      .join("; ") || "-",
  );
