// The analyst's walk-through on a raw transactions file: the CDNOW sample as it comes (one purchase a
// line, dates as yyyyMMdd), mapped with purchasesFrom, summarised with rfmSummary (39-week
// calibration, 39-week holdout), BG/NBD and Pareto/NBD fitted with standard errors, 12-month CLV per
// customer, and the charts of loyalty-kit/charts written as SVG files.
// Published fits on this file: BG/NBD r 0.243, α 4.414, a 0.793, b 2.426 and Pareto/NBD r 0.55,
// α 10.58, s 0.61, β 11.67 (Fader, Hardie & Lee 2005, "Counting your customers the easy way").
// Run: npm run build && node examples/analytics/cdnow-walkthrough.mjs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  conditionalExpectedPurchases,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  gini,
  lorenz,
  paretoNbdConditionalExpectedPurchases,
  purchasesFrom,
  rfmScores,
  rfmSegments,
  rfmSummary,
} from "loyalty-kit";
import { barChart, lorenzChart } from "loyalty-kit/charts";

// #region read
// The raw file: customer id, sample id, date (yyyyMMdd), CDs bought, dollars — separated by spaces.
// Any CSV parser or database driver gives rows like these; purchasesFrom names the columns to use.
const text = readFileSync(new URL("../../test/fixtures/analytics/CDNOW_sample.txt", import.meta.url), "utf8");
const rows = text
  .trim()
  .split("\n")
  .map((line) => {
    const [id, , date, cds, dollars] = line.trim().split(/\s+/);
    return { id, date, cds, dollars };
  });
const { purchases, skipped } = purchasesFrom(rows, {
  customerId: "id",
  at: "date",
  value: "dollars",
  dateFormat: "yyyyMMdd",
});
console.log(`${rows.length} lines → ${purchases.length} purchases (${skipped} skipped)`);
console.log("first purchase:", purchases[0]);
// #endregion read

// #region summary
// Calibration 1997-01-01 … 1997-09-30 (39 weeks), holdout to 1998-06-30, time in weeks.
const summary = rfmSummary(purchases, { observationEnd: "1998-06-30", calibrationEnd: "1997-09-30", period: "week" });
const repeaters = summary.filter((c) => c.frequency > 0).length;
console.log(`${summary.length} customers, ${repeaters} with a repeat purchase in the calibration period`);
console.log("first customer:", summary[0]);
// #endregion summary

// #region fit
const f3 = (x) => x.toFixed(3);
const bg = fitBgNbd(summary);
const pn = fitParetoNbd(summary);
console.log(
  `BG/NBD      r ${f3(bg.r)} (se ${f3(bg.standardErrors.r)}), alpha ${f3(bg.alpha)} (se ${f3(bg.standardErrors.alpha)}), a ${f3(bg.a)} (se ${f3(bg.standardErrors.a)}), b ${f3(bg.b)} (se ${f3(bg.standardErrors.b)}), log-likelihood ${bg.logLikelihood.toFixed(1)}`,
);
console.log(
  `Pareto/NBD  r ${f3(pn.r)} (se ${f3(pn.standardErrors.r)}), alpha ${f3(pn.alpha)} (se ${f3(pn.standardErrors.alpha)}), s ${f3(pn.s)} (se ${f3(pn.standardErrors.s)}), beta ${f3(pn.beta)} (se ${f3(pn.standardErrors.beta)}), log-likelihood ${pn.logLikelihood.toFixed(1)}`,
);
// Holdout check: each model's expected purchases in the 39 holdout weeks, summed over the customers,
// beside the purchase days the customers actually had there.
const holdoutWeeks = 39;
const sum = (f) => summary.reduce((s, c) => s + f(c), 0);
console.log(
  `holdout: BG/NBD expects ${sum((c) => conditionalExpectedPurchases(bg, holdoutWeeks, c)).toFixed(0)} purchases, Pareto/NBD ${sum((c) => paretoNbdConditionalExpectedPurchases(pn, holdoutWeeks, c)).toFixed(0)}; the customers made ${sum((c) => c.frequencyHoldout)}`,
);
// #endregion fit

// #region clv
// Gamma-Gamma for spend per purchase; a repeat customer whose repeat purchases were all $0 cannot be
// fitted, so leave them out and report how many (refusing is the default).
const spend = fitGammaGamma(summary, { nonPositiveSpend: "exclude" });
console.log(
  `Gamma-Gamma p ${spend.p.toFixed(2)}, q ${spend.q.toFixed(2)}, v ${spend.v.toFixed(2)} on ${spend.customers} repeat customers (${spend.excluded} left out for spend <= 0)`,
);
// 12 months, 1 % a month, 4.345 weeks a month.
const clvOptions = { horizon: 12, discountRate: 0.01, unitsPerPeriod: 4.345 };
const valued = summary.map((c) => ({
  ...c,
  clv: c.frequency > 0 && c.monetary <= 0 ? 0 : customerLifetimeValue(bg, spend, c, clvOptions),
}));
const total = valued.reduce((s, c) => s + c.clv, 0);
console.log(`12-month CLV of the base: $${total.toFixed(0)}; Gini of CLV ${gini(valued.map((c) => c.clv)).toFixed(3)}`);
// #endregion clv

// #region charts
const bins = [
  ["< $10", 0, 10],
  ["$10–50", 10, 50],
  ["$50–100", 50, 100],
  ["$100–250", 100, 250],
  ["≥ $250", 250, Number.POSITIVE_INFINITY],
];
const clvBars = bins.map(([label, lo, hi]) => ({
  label,
  value: valued.filter((c) => c.clv >= lo && c.clv < hi).length,
}));
const segments = rfmSegments(rfmScores(summary, { bins: 5 }));
const segmentCounts = new Map();
for (const { segment } of segments) segmentCounts.set(segment, (segmentCounts.get(segment) ?? 0) + 1);
const segmentBars = [...segmentCounts]
  .map(([label, value]) => ({ label, value }))
  .sort((x, y) => y.value - x.value || x.label.localeCompare(y.label));
const clvValues = valued.map((c) => c.clv);
const charts = {
  "clv-lorenz.svg": lorenzChart(lorenz(clvValues), {
    gini: gini(clvValues),
    id: "clv-lorenz",
    title: `12-month CLV: Gini ${gini(clvValues).toFixed(3)}`,
  }),
  "clv-distribution.svg": barChart(clvBars, {
    id: "clv",
    title: "Customers by 12-month CLV",
    valueLabel: "Customers",
  }),
  "rfm-segments.svg": barChart(segmentBars, { id: "rfm", title: "Customers per RFM segment", valueLabel: "Customers" }),
};
const out = join(tmpdir(), "loyalty-kit-cdnow");
mkdirSync(out, { recursive: true });
for (const [name, svg] of Object.entries(charts)) writeFileSync(join(out, name), svg);
console.log("customers by CLV:", clvBars.map((b) => `${b.label} ${b.value}`).join(", "));
console.log(
  "largest RFM segments:",
  segmentBars
    .slice(0, 3)
    .map((b) => `${b.label} ${b.value}`)
    .join(", "),
);
console.log(`charts: ${Object.keys(charts).join(", ")} (${Object.values(charts).every((s) => s.includes("<title"))})`);
// #endregion charts
