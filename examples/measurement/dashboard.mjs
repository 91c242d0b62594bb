// A small shop's quarterly loyalty dashboard (docs/guides/measurement.md): survey, NPS, purchase
// frequency, share of purchases, retention, cohorts and loyalty stages, from olga-q1-2026.json.
// Run after `npm run build`: node examples/measurement/dashboard.mjs
import { readFileSync } from "node:fs";
import {
  cohortRetention,
  loyaltyStage,
  LOYALTY_STAGES,
  parseMoney,
  parsePurchaseRecords,
  purchaseFrequencyIndex,
  repeatPurchaseRate,
  retentionEconomics,
  retentionRate,
  churnRate,
  shareOfPurchasesByCustomer,
  sum,
  surveySummary,
  wordOfMouthReach,
} from "loyalty-kit";

const data = JSON.parse(readFileSync(new URL("./olga-q1-2026.json", import.meta.url), "utf8"));
const { timeZone, quarter, previousQuarter } = data;

const pct = (x) => (x === null ? "n/a" : `${(100 * x).toFixed(1)}%`);
const idr = (m) => `${m.amount.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")} ${m.currency}`;
const within = (at, q) => Date.parse(at) >= Date.parse(q.from) && Date.parse(at) < Date.parse(q.to);
const lines = [];
const out = (s = "") => lines.push(s);

out(`${data.shop} — loyalty dashboard, ${quarter.label} (${timeZone})`);

// 1. The two-question survey (will you buy again? will you recommend us?).
const survey = surveySummary(data.survey);
const ri = survey.repurchaseIntention;
out();
out(`Survey: ${survey.n} answers`);
out(
  `  Would buy again (4–5 of 5)   ${survey.intendToBuyAgain} of ${survey.n} = ${pct(ri.point)}   95% Wilson interval ${pct(ri.lower)} – ${pct(ri.upper)}`,
);
out(
  `  Net Promoter Score           ${survey.nps.score.toFixed(1)} ± ${survey.nps.marginOfError.toFixed(1)}   (${survey.nps.promoters} promoters, ${survey.nps.passives} passives, ${survey.nps.detractors} detractors)`,
);
out(`                               promoters  passives  detractors`);
for (const [label, row] of [
  ["  will buy again", survey.crossTable.buyAgain],
  ["  will not", survey.crossTable.notBuyAgain],
]) {
  out(
    `${label.padEnd(31)}${String(row.promoters).padStart(9)}${String(row.passives).padStart(10)}${String(row.detractors).padStart(12)}`,
  );
}
const wom = wordOfMouthReach({ satisfied: survey.nps.promoters, dissatisfied: survey.nps.detractors });
out(`  Word of mouth (×10 / ×20)    ${wom.positive} hear good things, ${wom.negative} bad: net ${wom.net}`);

// 2. Purchases: the shop's till records, reduced to { customerId, at } for the retention functions.
const purchases = parsePurchaseRecords(data.purchases.map(({ customerId, at }) => ({ customerId, at })));
const inQuarter = data.purchases.filter((p) => within(p.at, quarter));
const customersIn = (q) => new Set(data.purchases.filter((p) => within(p.at, q)).map((p) => p.customerId));
const firstPurchase = new Map();
for (const p of purchases)
  if (!firstPurchase.has(p.customerId) || p.at < firstPurchase.get(p.customerId)) firstPurchase.set(p.customerId, p.at);
const current = [...customersIn(quarter)].sort();

out();
out(`Purchase frequency in ${quarter.label} (reference: ${data.referencePurchasesPerMonth} purchase a month)`);
out(`  customer   purchases   per month   index`);
let indexSum = 0;
let above = 0;
for (const id of current) {
  const f = purchaseFrequencyIndex(
    inQuarter.filter((p) => p.customerId === id).map((p) => p.at),
    { reference: data.referencePurchasesPerMonth, period: "month", from: quarter.from, to: quarter.to, timeZone },
  );
  indexSum += f.index;
  if (f.aboveReference) above++;
  out(
    `  ${id.padEnd(9)}${String(f.purchases).padStart(11)}${f.rate.toFixed(2).padStart(12)}${f.index.toFixed(2).padStart(8)}${f.aboveReference ? "  above" : ""}`,
  );
}
out(
  `  ${above} of ${current.length} customers above the reference; mean index ${(indexSum / current.length).toFixed(2)}`,
);
const repeat = repeatPurchaseRate(purchases, { from: quarter.from, to: quarter.to });
out(
  `  Repeat-purchase rate         ${repeat.repeatCustomers} of ${repeat.customers} bought twice or more = ${pct(repeat.rate)}`,
);

// 3. Share of purchases: spend with us against the clothing spend customers told us at the till.
const rows = data.categorySpend.map(({ customerId, amount }) => ({
  customerId,
  brand: sum(
    inQuarter.filter((p) => p.customerId === customerId).map((p) => parseMoney(p.amount)),
    amount.currency,
  ),
  category: amount,
}));
const share = shareOfPurchasesByCustomer(rows);
out();
out(`Share of purchases (share of wallet), ${share.customers.length} customers who told us their clothing spend`);
for (const [i, c] of share.customers.entries()) {
  out(
    `  ${c.customerId.padEnd(9)}${idr(rows[i].brand).padStart(20)} of ${idr(parseMoney(rows[i].category)).padStart(20)} = ${pct(c.share)}`,
  );
}
out(`  Pooled share ${pct(share.pooledShare)}; mean customer share ${pct(share.meanShare)}`);

// 4. Retention: customers of the previous quarter kept in this one.
const start = customersIn(previousQuarter).size;
const end = current.length;
const acquired = current.filter((id) => within(firstPurchase.get(id), quarter)).length;
const counts = { start, end, acquired };
const lost = start - (end - acquired);
const econ = retentionEconomics({ acquisitionCost: data.acquisitionCost, customers: lost });
out();
out(`Retention: ${start} customers in ${previousQuarter.label}, ${end} in ${quarter.label}, ${acquired} of them new`);
out(`  Retention rate ${pct(retentionRate(counts))}, churn rate ${pct(churnRate(counts))} (${lost} customers lost)`);
out(
  `  Replacing them costs ${idr(econ.replaceCost)}; keeping them would have cost ${idr(econ.retainCost)} (1/${econ.retentionCostRatio})`,
);

const cohorts = cohortRetention(purchases, { timeZone, until: quarter.to });
out(`  Cohorts by first-purchase month (${timeZone}): share still buying k months later`);
out(`  cohort    size ${cohorts.months.map((_, k) => `  +${k}`.padStart(6)).join("")}`);
for (const c of cohorts.cohorts) {
  out(
    `  ${c.cohort}${String(c.size).padStart(6)} ${c.rates.map((r) => `${Math.round(100 * r)}%`.padStart(6)).join("")}`,
  );
}

// 5. Loyalty stages (satisfaction, brand loyalty, partnership) of this quarter's customers.
const stageCounts = Object.fromEntries(LOYALTY_STAGES.map((s) => [s, []]));
for (const id of current) stageCounts[loyaltyStage(data.stageObservations[id] ?? {}).stage].push(id);
out();
out(`Loyalty stages of ${quarter.label}'s ${current.length} customers`);
for (const s of LOYALTY_STAGES)
  out(`  ${s.padEnd(15)}${String(stageCounts[s].length).padStart(2)}   ${stageCounts[s].join(", ")}`);

console.log(lines.join("\n"));
