// Part 1 of the demo: Olga's small women's clothing shop. She wants a bonus program rather
// than a plain discount, recognises customers by phone number instead of plastic cards, needs their
// signed consent to keep personal data, gives a welcome bonus on the first purchase, and limits how
// long points live so that customers come back to use them.
import { readFileSync } from "node:fs";
import {
  LoyaltyError,
  add,
  assertCanEnroll,
  availableLots,
  buildCustomerIndex,
  checkout,
  contactPlan,
  format,
  hasPersonalDataConsent,
  identify,
  money,
  normalizePhone,
  openProgramAccount,
  parseCustomer,
  parseProgram,
  refund,
  statement,
  toJSON,
} from "loyalty-kit";
import { facts, heading, note, subheading, table } from "./terminal.mjs";

const LOCALE = "id-ID";
const WIB = 7 * 3_600_000; // Asia/Jakarta is UTC+7 all year (no daylight saving time).
/** An instant as Jakarta wall-clock time, e.g. "2026-03-02 15:00". */
const local = (iso) => new Date(Date.parse(iso) + WIB).toISOString().slice(0, 16).replace("T", " ");
/** Money on the wire ({ amount, currency }) formatted for Indonesia: "Rp 249.000", "Rp 17.191,01". */
const rp = (m) => format(money(m.amount, m.currency), LOCALE, { minimumFractionDigits: 0 });

/** Two wire amounts added exactly (decimal strings, never floats). */
const sumMoney = (x, y) => toJSON(add(money(x.amount, x.currency), money(y.amount, y.currency)));

const CATALOG = {
  "BLS-BATIK": "Batik blouse",
  "SCF-SILK": "Silk scarf",
  "DRS-MIDI": "Midi dress",
  "BLT-LTHR": "Leather belt",
  "TEE-BASIC": "Basic tee",
  "SKT-PLEAT": "Pleated skirt",
};
const basket = (id, at, lines) => ({
  id,
  customerId: "olga-0001",
  at,
  lines: lines.map(([sku, quantity, amount], i) => ({
    id: String(i + 1),
    sku,
    quantity,
    unitPrice: { amount, currency: "IDR" },
  })),
});

/** Runs the shop story and returns the figures the HTML report repeats. */
export function runShop() {
  heading("1. Olga's shop sets up a bonus program");
  const config = JSON.parse(readFileSync(new URL("./olga-program.json", import.meta.url), "utf8"));
  const program = parseProgram(config); // throws a LoyaltyError naming the bad field if the JSON is wrong
  const point = money(program.redeem.pointValue, program.currency);
  facts([
    ["program", `${program.name} (${program.kind}, ${program.currency}, ${program.timeZone})`],
    [
      "runs",
      `${local(program.active.from)} until ${local(program.active.to)} WIB (a program with an end date: "limit it, e.g. to a year")`,
    ],
    [
      "earn",
      `${program.earn.rules[0].points} point per ${rp({ amount: program.earn.rules[0].per, currency: "IDR" })} paid, valid ${program.earn.validityMonths} months`,
    ],
    ["welcome bonus", `${program.welcomeBonus.points} points on the ${program.welcomeBonus.on.replace("-", " ")}`],
    [
      "redeem",
      `1 point = ${rp(point)}, in steps of ${program.redeem.step}, up to ${program.redeem.maxShare} % of a basket`,
    ],
  ]);
  try {
    parseProgram({ ...config, redeem: { ...config.redeem, maxShare: "150" } });
  } catch (e) {
    if (!(e instanceof LoyaltyError)) throw e;
    note(`A typo in the config is caught before it reaches the till — ${e.code}: ${e.message}`);
  }

  heading("2. Enrolling a customer by phone, with consent");
  const enrolledAt = "2026-03-02T15:00:00+07:00";
  const phone = normalizePhone("0812-3456-7890", { defaultCountryCode: "62" });
  const withoutConsent = parseCustomer({
    id: "olga-0000",
    firstName: "Tanpa",
    lastName: "Formulir",
    identifiers: [{ kind: "phone", number: "+6281111111111" }],
  });
  try {
    assertCanEnroll(withoutConsent, { personalized: true, at: enrolledAt });
  } catch (e) {
    if (!(e instanceof LoyaltyError)) throw e;
    note(`Without a signed form she could not be enrolled — ${e.code}: ${e.message}`);
  }
  const customer = parseCustomer({
    id: "olga-0001",
    firstName: "Ayu",
    lastName: "Sari",
    segment: "new",
    enrolledAt,
    identifiers: [{ kind: "phone", number: phone }],
    contact: { email: "ayu.sari@example.com" },
    consents: [
      { purpose: "personal-data", status: "given", at: enrolledAt, method: "signed-form" },
      { purpose: "marketing", channel: "sms", status: "given", at: enrolledAt, method: "signed-form" },
    ],
  });
  assertCanEnroll(customer, { personalized: true, at: enrolledAt });
  const index = buildCustomerIndex([customer]);
  const found = identify(index, { kind: "phone", number: "0812 3456 7890", defaultCountryCode: "62" });
  facts([
    ["phone on file", `${phone} (typed as "0812-3456-7890")`],
    [
      "consents",
      customer.consents
        .map((c) => `${c.purpose}${c.channel ? ` by ${c.channel}` : ""} (${c.method}, ${local(c.at)} WIB)`)
        .join("; "),
    ],
    ["enrolled", `${customer.firstName} ${customer.lastName}, ${customer.id}`],
    [
      "next visit",
      `the seller types "0812 3456 7890" → ${found.status}: ${found.customers.map((c) => `${c.id} ${c.firstName} ${c.lastName}`).join(", ")}`,
    ],
  ]);
  let account = openProgramAccount(program, {
    customerId: customer.id,
    consent: hasPersonalDataConsent(customer, enrolledAt),
  });

  heading("3. Three baskets at the till");
  const baskets = [
    {
      basket: basket("b-0302", "2026-03-02T15:05:00+07:00", [
        ["BLS-BATIK", 1, "249000"],
        ["SCF-SILK", 1, "89000"],
      ]),
      transactionId: "till-1:0302-01",
    },
    {
      basket: basket("b-0320", "2026-03-20T11:30:00+07:00", [
        ["DRS-MIDI", 1, "459000"],
        ["BLT-LTHR", 1, "75000"],
      ]),
      transactionId: "till-1:0320-04",
      redeemPoints: "2000",
    },
    {
      basket: basket("b-0411", "2026-04-11T16:10:00+07:00", [
        ["TEE-BASIC", 2, "99000"],
        ["SKT-PLEAT", 1, "189000"],
      ]),
      transactionId: "till-1:0411-02",
    },
  ];
  const sales = [];
  for (const { basket: b, transactionId, redeemPoints } of baskets) {
    const sale = checkout(program, account, b, {
      transactionId,
      consent: hasPersonalDataConsent(customer, b.at),
      ...(redeemPoints ? { redeemPoints } : {}),
    });
    account = sale.account;
    sales.push(sale);
    subheading(`${transactionId}, ${local(b.at)} WIB${redeemPoints ? `, Ayu pays ${redeemPoints} points` : ""}`);
    table(
      [
        { title: "line" },
        { title: "item" },
        { title: "qty", align: "right" },
        { title: "price", align: "right" },
        { title: "gross", align: "right" },
        { title: "discount (points)", align: "right" },
        { title: "to pay", align: "right" },
        { title: "earns", align: "right" },
      ],
      // A bonus program gives no percentage off: its discount is the points paid with (discount is 0).
      sale.lines.map((l, i) => [
        l.id,
        CATALOG[l.sku],
        l.quantity,
        rp(b.lines[i].unitPrice),
        rp(l.gross),
        rp(sumMoney(l.discount, l.pointsMoney)),
        rp(l.net),
        l.pointsEarned,
      ]),
    );
    facts([
      [
        "total",
        `${rp(sale.gross)} − discount ${rp(sumMoney(sale.discountTotal, sale.pointsMoney))} = ${rp(sale.total)}`,
      ],
      [
        "points",
        `${sale.pointsRedeemed} redeemed, ${sale.pointsEarned} earned${sale.welcomeBonus !== "0" ? ` + ${sale.welcomeBonus} welcome bonus` : ""}, valid until ${local(sale.expiresAt)} WIB`,
      ],
    ]);
  }
  const retry = checkout(program, account, baskets[0].basket, {
    transactionId: baskets[0].transactionId,
    consent: hasPersonalDataConsent(customer, baskets[0].basket.at),
  });
  console.log("");
  note(
    `The till's network drops a reply and it sends ${baskets[0].transactionId} again: ${retry.status}, nothing is posted twice.`,
  );

  heading("4. A partial refund");
  const back = refund(program, account, sales[1], {
    at: "2026-04-14T10:00:00+07:00",
    transactionId: "till-1:0414-refund-01",
    lines: [{ id: "2", quantity: 1 }],
  });
  account = back.account;
  facts([
    ["returned", `1 × ${CATALOG[sales[1].lines[1].sku]} from ${sales[1].transactionId}`],
    ["money back", rp(back.moneyBack)],
    [
      "points",
      `${back.pointsRestored} of the redeemed points restored, ${back.pointsReversed} earned points taken back`,
    ],
  ]);

  heading("5. Ayu's statement and an expiry reminder");
  const from = "2026-03-01T00:00:00+07:00";
  const to = "2026-05-01T00:00:00+07:00";
  const st = statement(account.points, { from, to });
  subheading(
    `Statement for ${customer.firstName} ${customer.lastName}, ${local(from).slice(0, 10)} to ${local(to).slice(0, 10)}`,
  );
  table(
    [
      { title: "date (WIB)" },
      { title: "entry" },
      { title: "transaction" },
      { title: "change", align: "right" },
      { title: "balance", align: "right" },
    ],
    [
      ["", "opening", "", "", st.opening],
      ...st.lines.map((l) => [local(l.at), l.kind, l.transactionId, l.change, l.balance]),
      ["", "closing", "", "", st.closing],
    ],
  );
  // Points still open on 1 August, by expiry; the contact plan reminds her a week before each lapse.
  const lots = availableLots(account.points, { at: "2026-08-01T00:00:00+07:00" }).filter(
    (l) => l.expiresAt !== undefined,
  );
  const plan = contactPlan([customer], {
    from: "2026-08-01T00:00:00+07:00",
    to: "2026-11-01T00:00:00+07:00",
    timeZone: "Asia/Jakarta",
    cadence: { default: "none" },
    welcome: false,
    expiryReminderDays: 7,
    quietHours: { start: "21:00", end: "09:00" },
    expiringLots: lots.map((l) => ({ customerId: customer.id, points: l.remaining, expiresAt: l.expiresAt })),
  });
  subheading("Points that will lapse, and the SMS reminders a week before (she consented to SMS only)");
  table(
    [
      { title: "send at (WIB)" },
      { title: "channel" },
      { title: "points", align: "right" },
      { title: "expire at (WIB)" },
    ],
    plan.contacts.map((c) => [local(c.at), c.channel, c.points ?? "", c.expiresAt ? local(c.expiresAt) : ""]),
  );
  return { sales: sales.length, closing: st.closing, reminders: plan.contacts.length };
}
