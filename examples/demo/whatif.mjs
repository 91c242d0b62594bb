// Part 5 of the demo: what-if on past sales. A 5 % discount card against a bonus program that also
// gives 5 % back (1 point per dollar paid, a point worth 5 cents), priced on the CDNOW 1/10 sample
// (Fader, Hardie & Lee 2005; the `lifetimes` Python package's file, MIT): its 2,357 customers' 6,919
// purchases of 1997–98, each through the real checkout from a fresh account. Then the bonus program's
// outstanding points month by month, by when they expire, valued with pointsLiability.
//
// ASSUMED: customers buy what they bought, whatever the program (the simulation prices the past; it
// does not predict extra sales); everyone joins; a member holding 100 points or more (5 dollars)
// redeems as much as allowed at a purchase with probability 0.5. Each purchase is one line of its
// dollar value.
import { pointsLiability, simulateProgram } from "loyalty-kit";
import { cdnowSampleSales } from "../economics/cdnow-sales.mjs";
import { heading, note, table } from "./terminal.mjs";

const AT = "1998-06-30T23:59:59Z";
const common = { currency: "USD", timeZone: "America/New_York", active: { from: "1997-01-01T00:00:00Z" } };
/** The discount card: 5 % off every purchase. */
export const CARD = { ...common, kind: "discount", id: "card", name: "5 % card", percent: "5" };
/** The bonus program: 5 % back in points, valid 12 months, at most half a basket paid in points. */
export const BONUS = {
  ...common,
  kind: "bonus",
  id: "bonus",
  name: "5 % back in points",
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], validityMonths: 12 },
  redeem: { pointValue: "0.05", maxShare: "50" },
};
const REDEMPTION = { threshold: "100", probability: 0.5, seed: 1997 };

const cents = (m) => Math.round(Number(m.amount) * 100);
const dollars = (c) => `$${(c / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const int = (s) => Number(s).toLocaleString("en-US");

/**
 * Runs both programs on the sample and prints the what-if table, the cost per RFM segment and per
 * ABC class (`segmentOf`, `classOf`: customer id → label, from the full file's analysis), and the
 * liability month by month. Returns what the HTML report draws.
 */
export function runWhatIf({ segmentOf, classOf }) {
  heading("10. What-if on CDNOW: a 5 % card or 5 % back in points?");
  const sales = cdnowSampleSales();
  // One label per customer, "segment|class", so one run gives both breakdowns.
  const groups = Object.fromEntries(
    [...new Set(sales.map((s) => s.customerId))].map((id) => {
      const key = String(Number(id)); // the analysis numbers customers without leading zeros
      return [id, `${segmentOf.get(key)}|${classOf.get(key)}`];
    }),
  );
  const card = simulateProgram(CARD, sales, { at: AT, groups });
  const bonus = simulateProgram(BONUS, sales, { at: AT, groups, redemption: REDEMPTION, keepAccounts: true });
  const rows = [card, bonus].map((r) => ({
    program: r.programId === "card" ? CARD.name : BONUS.name,
    discounts: cents(r.discounts),
    pointsMoney: cents(r.pointsMoney),
    cost: cents(r.cost),
    issued: r.pointsIssued,
    redeemed: r.pointsRedeemed,
    expired: r.pointsExpired,
    outstanding: r.pointsOutstanding,
    liability: r.liability === null ? null : cents(r.liability),
  }));
  note(
    `${card.customers.toLocaleString("en-US")} customers of the 1/10 sample, ${card.baskets.toLocaleString("en-US")} purchases, ${dollars(cents(card.gross))} before any program; valued at ${AT.slice(0, 10)}.`,
  );
  table(
    [
      { title: "program" },
      { title: "discounts given", align: "right" },
      { title: "paid in points", align: "right" },
      { title: "cost so far", align: "right" },
      { title: "liability at the end", align: "right" },
    ],
    rows.map((r) => [
      r.program,
      dollars(r.discounts),
      dollars(r.pointsMoney),
      dollars(r.cost),
      r.liability === null ? "-" : dollars(r.liability),
    ]),
  );
  console.log();
  table(
    [
      { title: "points" },
      { title: "issued", align: "right" },
      { title: "redeemed", align: "right" },
      { title: "expired", align: "right" },
      { title: "outstanding", align: "right" },
    ],
    [
      [
        BONUS.name,
        int(bonus.pointsIssued),
        int(bonus.pointsRedeemed),
        int(bonus.pointsExpired),
        int(bonus.pointsOutstanding),
      ],
    ],
  );

  // Cost per segment and per class: the sums of the "segment|class" groups.
  const costBy = (r, part) => {
    const out = new Map();
    for (const [label, f] of Object.entries(r.byGroup)) {
      const key = label.split("|")[part];
      const o = out.get(key) ?? { customers: 0, cost: 0 };
      o.customers += f.customers;
      o.cost += cents(f.cost);
      out.set(key, o);
    }
    return out;
  };
  const breakdown = (part, title, order) => {
    const a = costBy(card, part);
    const b = costBy(bonus, part);
    const keys = order.filter((k) => a.has(k));
    table(
      [
        { title },
        { title: "customers", align: "right" },
        { title: "card cost", align: "right" },
        { title: "per customer", align: "right" },
        { title: "points cost", align: "right" },
        { title: "per customer", align: "right" },
      ],
      keys.map((k) => {
        const x = a.get(k);
        const y = b.get(k) ?? { customers: 0, cost: 0 };
        return [
          k,
          int(x.customers),
          dollars(x.cost),
          dollars(x.cost / x.customers),
          dollars(y.cost),
          dollars(y.customers === 0 ? 0 : y.cost / y.customers),
        ];
      }),
    );
    return keys.map((k) => ({
      name: k,
      customers: a.get(k).customers,
      card: a.get(k).cost,
      bonus: b.get(k)?.cost ?? 0,
    }));
  };
  console.log();
  const bySegment = breakdown(0, "RFM segment", [...new Set(Object.values(groups).map((g) => g.split("|")[0]))].sort());
  console.log();
  const byClass = breakdown(1, "ABC class", ["A", "B", "C"]);
  note(
    "Cost so far = discounts + points paid with; the bonus program also owes its outstanding points (the liability). Points that expired cost nothing: that is the program's breakage.",
  );

  // The bonus program's outstanding points at each month end, by when they expire.
  const accounts = bonus.accounts.map((a) => a.points);
  const months = [];
  for (let m = 0; m < 18; m++) {
    const end = new Date(Date.UTC(1997, m + 1, 1) - 1000).toISOString();
    const l = pointsLiability(accounts, { at: end, pointValue: bonus.pointValue });
    months.push({
      month: m + 1,
      label: end.slice(0, 7),
      within30Days: Number(l.byExpiry.within30Days.points),
      within90Days: Number(l.byExpiry.within90Days.points),
      within365Days: Number(l.byExpiry.within365Days.points),
      later: Number(l.byExpiry.later.points),
      outstanding: Number(l.outstanding.points),
      value: cents(l.outstanding.value),
    });
  }
  console.log();
  table(
    [
      { title: "quarter end" },
      { title: "outstanding", align: "right" },
      { title: "expiring ≤ 30 days", align: "right" },
      { title: "31–90 days", align: "right" },
      { title: "91–365 days", align: "right" },
      { title: "later", align: "right" },
      { title: "liability", align: "right" },
    ],
    months
      .filter((m) => m.month % 3 === 0)
      .map((m) => [
        m.label,
        int(m.outstanding),
        int(m.within30Days),
        int(m.within90Days),
        int(m.within365Days),
        int(m.later),
        dollars(m.value),
      ]),
  );
  return { rows, bySegment, byClass, months, assumption: bonus.assumption };
}
