// The CDNOW data of the CRM cycle (Fader, Hardie & Lee 2005, "Counting your customers the easy way",
// Marketing Science 24(2); file copied from the `lifetimes` Python package, MIT), shared by
// examples/crm/cdnow-cycle.mjs and the demo: every customer segmented on their 1997 purchases (RFM
// quintiles), what each bought in 1998 (the data end on 30 June 1998), and the strategy planned at the
// start of 1998.
//
// CDNOW holds no consent records, so this helper ASSUMES every customer gave e-mail consent on
// 1997-01-01.
import { readFileSync } from "node:fs";
import { parseCustomer, rfmAccumulator, rfmScores, rfmSegments } from "loyalty-kit";

const file = new URL("../../test/fixtures/analytics/CDNOW_master.txt", import.meta.url);

/** Win back the at-risk, keep the best, nothing for the rest; 20 % held out, $2,500 at most. */
export const STRATEGY = {
  timeZone: "America/New_York",
  quietHours: { start: "21:00", end: "08:00" },
  budget: "2500",
  holdout: { share: 0.2, seed: "cdnow-1998" },
  rules: [
    {
      id: "win-back",
      when: { segments: ["at-risk", "cant-lose"] },
      action: { type: "offer", coupon: "CD10", cost: "0.50" },
    },
    {
      id: "keep-best",
      when: { segments: ["champions", "loyal"] },
      action: { type: "perk", perk: "free-shipping", cost: "0.25" },
    },
    { id: "rest", when: {}, action: { type: "nothing" } },
  ],
};

/**
 * Reads CDNOW once. Returns `rows` ({ customer, segment } at the end of 1997, for planActions),
 * `segments` ({ customerId, segment }, for reviewStrategy) and `after` (orders, spend and segment by
 * 30 June 1998 per customer, for reviewStrategy).
 */
export function cdnowCycleData() {
  const y1997 = rfmAccumulator({ observationEnd: "1997-12-31", period: "week" });
  const through1998 = rfmAccumulator({ observationEnd: "1998-06-30", period: "week" });
  const in1998 = new Map();
  for (const line of readFileSync(file, "utf8").trim().split("\n").slice(1)) {
    const [id, date, , dollars] = line.trim().split(/\s+/);
    const at = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
    const purchase = { customerId: Number(id), at, value: dollars };
    through1998.add(purchase);
    if (at <= "1997-12-31") y1997.add(purchase);
    else {
      const o = in1998.get(String(Number(id))) ?? { orders: 0, cents: 0 };
      o.orders += 1;
      o.cents += Math.round(Number(dollars) * 100);
      in1998.set(String(Number(id)), o);
    }
  }
  const start = rfmSegments(rfmScores(y1997.result(), { bins: 5 }));
  const end = new Map(
    rfmSegments(rfmScores(through1998.result(), { bins: 5 })).map((s) => [String(s.customerId), s.segment]),
  );
  const consents = [
    { purpose: "personal-data", status: "given", at: "1997-01-01T00:00:00Z", method: "web" },
    { purpose: "marketing", channel: "email", status: "given", at: "1997-01-01T00:00:00Z", method: "web" },
  ];
  const rows = start.map((s) => ({
    customer: parseCustomer({ id: String(s.customerId), contact: { email: `c${s.customerId}@example.com` }, consents }),
    segment: s.segment,
  }));
  const after = rows.map(({ customer }) => {
    const o = in1998.get(customer.id) ?? { orders: 0, cents: 0 };
    return {
      customerId: customer.id,
      orders: o.orders,
      spend: (o.cents / 100).toFixed(2),
      segment: end.get(customer.id),
    };
  });
  const segments = start.map((s) => ({ customerId: String(s.customerId), segment: s.segment }));
  return { rows, segments, after };
}
