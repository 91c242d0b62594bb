// Coupon codes at the till: a per-customer limit of one, a mistyped code, and the redemption state.
import {
  checkout,
  generateCouponCodes,
  openCouponState,
  openProgramAccount,
  parseProgram,
  quote,
  redeemCoupon,
} from "loyalty-kit";

// A fixed source of random bytes so this example prints the same codes each run; leave it out in
// production (the default is the platform's crypto.getRandomValues).
let seed = 7;
const randomBytes = (bytes) => bytes.map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16);
const codes = generateCouponCodes("SPRING-####-####", { count: 3, randomBytes });
console.log("codes:", codes.join(" "));

const spring = parseProgram({
  kind: "promotion",
  id: "spring",
  name: "Spring: 10.00 off from 40.00",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  rule: { type: "amount-off", amount: "10.00", minSpend: "40.00" },
  coupon: { pattern: "SPRING-####-####", codes, perCustomer: 1, validFrom: "2026-03-01", validUntil: "2026-05-31" },
});
const basket = (id, at) => ({
  id,
  at,
  customerId: "olga-0042",
  lines: [{ id: "1", sku: "DRESS", quantity: 1, unitPrice: { amount: "45.00", currency: "EUR" } }],
});

let state = openCouponState(spring);
const code = codes[0];
const sale = checkout(spring, openProgramAccount(spring), basket("b1", "2026-03-01T10:00:00Z"), {
  transactionId: "sale-1",
  coupon: { code, state },
});
// Given the coupon state, the checkout takes the use in the same result as the sale: store both
// together (the state with a compare-and-set on the version you read).
console.log(
  `sale-1 with ${code}: pay ${sale.total.amount}, coupon ${sale.coupon.status}, state version ${sale.coupon.state.version}`,
);
state = sale.coupon.state;
// redeemCoupon does the same for a till that redeems after the checkout; on this state it is a retry.
const again = redeemCoupon(spring, state, {
  code,
  transactionId: "sale-1",
  customerId: "olga-0042",
  discount: sale.discountTotal.amount,
  at: sale.at,
});
console.log(`redeemCoupon for sale-1 again: ${again.status}`);

const tryCode = (c, at) => {
  const q = quote(spring, openProgramAccount(spring), basket("b2", at), { coupon: { code: c, state } });
  console.log(`${c.padEnd(16)} → ${q.total.amount}: ${q.explain.find((e) => e.rule === "coupon")?.reason}`);
};
tryCode(codes[1], "2026-03-02T10:00:00Z"); // same customer, second code: limit per customer is 1
const typo = `${codes[2].slice(0, -1)}${codes[2].endsWith("0") ? "1" : "0"}`;
tryCode(typo, "2026-03-02T10:00:00Z");
tryCode("SPRING-0000-0000", "2026-03-02T10:00:00Z");
