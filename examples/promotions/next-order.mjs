// Next-order coupons: a sale of 50.00 or more hands out a single-use code for 25.00 off the next
// visit, valid 30 days, printed on the receipt; the next visit redeems it; a refund that takes a sale
// below 50.00 voids its code while it is unused.
import { checkout, openCouponState, openProgramAccount, parseProgram, quote, refund } from "loyalty-kit";

// A fixed source of random bytes so this example prints the same code each run; leave it out in
// production (the default is the platform's crypto.getRandomValues).
let seed = 11;
const randomBytes = (bytes) => bytes.map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16);

const back = parseProgram({
  kind: "promotion",
  id: "back",
  name: "25.00 off your next visit",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  rule: { type: "amount-off", amount: "25.00" },
  coupon: { pattern: "BACK-#####-#####", usesPerCode: 1, issue: { minSpend: "50.00", validDays: 30 } },
});
// The shop's everyday program (here a plain 10 % off); any program can hand out the coupon.
const shop = parseProgram({
  kind: "discount",
  id: "shop",
  name: "10 % off",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  percent: "10",
});
const basket = (id, at, prices) => ({
  id,
  at,
  customerId: "olga-0042",
  lines: prices.map((p, i) => ({
    id: String(i + 1),
    sku: `SKU-${i + 1}`,
    quantity: 1,
    unitPrice: { amount: p, currency: "EUR" },
  })),
});

let state = openCouponState(back);
// 2026-03-01 at 23:30 UTC is already 2 March in Berlin: the code is valid until 31 March.
const sale = checkout(shop, openProgramAccount(shop), basket("b1", "2026-03-01T23:30:00Z", ["40.00", "30.00"]), {
  transactionId: "sale-1",
  nextOrder: { program: back, state, randomBytes },
});
console.log(`sale-1: pay ${sale.total.amount}; ${sale.nextOrder.status}: ${sale.nextOrder.reason}`);
state = sale.nextOrder.state;
const code = sale.nextOrder.coupon.code;

const small = checkout(shop, sale.account, basket("b2", "2026-03-02T10:00:00Z", ["20.00"]), {
  transactionId: "sale-2",
  nextOrder: { program: back, state, randomBytes },
});
console.log(`sale-2: pay ${small.total.amount}; ${small.nextOrder.status}: ${small.nextOrder.reason}`);

// The next visit: the code with its check character, for this customer only.
const visit = checkout(back, openProgramAccount(back), basket("b3", "2026-03-20T10:00:00Z", ["60.00"]), {
  transactionId: "visit-1",
  coupon: { code, state },
});
console.log(`visit-1 with ${code}: pay ${visit.total.amount}, coupon ${visit.coupon.status}`);
const reuse = quote(back, openProgramAccount(back), basket("b4", "2026-03-21T10:00:00Z", ["60.00"]), {
  coupon: { code, state: visit.coupon.state },
});
console.log(`again: ${reuse.explain.find((e) => e.rule === "coupon").reason}`);

// Another sale earns a code; the customer returns the 40.00 item while the code is unused: voided.
const third = checkout(shop, small.account, basket("b5", "2026-03-22T10:00:00Z", ["40.00", "30.00"]), {
  transactionId: "sale-3",
  nextOrder: { program: back, state: visit.coupon.state, randomBytes },
});
const returned = refund(shop, third.account, third, {
  at: "2026-03-23T10:00:00Z",
  transactionId: "refund-1",
  lines: [{ id: "1", quantity: 1 }],
  nextOrder: { program: back, state: third.nextOrder.state },
});
console.log(
  `refund-1: ${returned.moneyBack.amount} back, kept ${(Number(third.total.amount) - Number(returned.moneyBack.amount)).toFixed(2)}; code ${third.nextOrder.coupon.code} ${returned.nextOrder.status}`,
);
