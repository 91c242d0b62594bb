// Part 2 of the demo: the analytics a marketer runs afterwards, on real data — the CDNOW purchase
// records of Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science
// 24(2) (copied from the `lifetimes` Python package, MIT; see test/fixtures/analytics/README.md).
import { readFileSync } from "node:fs";
import {
  RFM_SEGMENTS,
  abc,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  format,
  gini,
  lorenz,
  money,
  pareto,
  probabilityAlive,
  rfmAccumulator,
  rfmScores,
  rfmSegments,
  rfmSummary,
  totalsAccumulator,
} from "loyalty-kit";
import { facts, heading, note, percent, subheading, table } from "./terminal.mjs";

const DATA = new URL("../../test/fixtures/analytics/", import.meta.url);
const usd = (x) => format(money(x.toFixed(2), "USD"), "en-US");
const isoDate = (yyyymmdd) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

/** Fader, Hardie & Lee (2005), table 1 / `lifetimes` BetaGeoFitter on the calibration summary. */
const PUBLISHED_BG_NBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** Runs the CDNOW report and returns the figures the HTML report draws. */
export function runCdnow() {
  // CDNOW_master.txt: customer_id, date (YYYYMMDD), number_of_cds, dollar_value; one header line.
  const totals = totalsAccumulator();
  const rfm = rfmAccumulator({ observationEnd: "1998-06-30", period: "week" });
  let purchases = 0;
  for (const line of readFileSync(new URL("CDNOW_master.txt", DATA), "utf8").trim().split("\n").slice(1)) {
    const [id, date, , dollars] = line.trim().split(/\s+/);
    const customerId = Number(id);
    totals.add({ customerId, value: dollars });
    rfm.add({ customerId, at: isoDate(date), value: dollars });
    purchases++;
  }
  const customers = totals.result();
  const byTotal = { value: (c) => c.total };

  heading("6. CDNOW: who brings the money");
  const top = pareto(customers, { ...byTotal, topShare: 0.2 });
  const g = gini(customers, byTotal);
  const classes = abc(customers, { ...byTotal, a: 0.8, b: 0.95 });
  facts([
    [
      "data",
      `${purchases.toLocaleString("en-US")} purchases by ${customers.length.toLocaleString("en-US")} customers, 1997-01-01 to 1998-06-30, ${usd(top.total)} in all`,
    ],
    [
      "Pareto",
      `the top 20 % (${top.count.toLocaleString("en-US")} customers, each ${usd(top.threshold)} or more) brought ${percent(top.valueShare)} of the spend`,
    ],
    ["Gini", `${g.toFixed(3)} (0 = everyone spends the same, 1 = one customer spends everything)`],
  ]);
  subheading("ABC classes (A: the first 80 % of spend, B: the next 15 %, C: the last 5 %)");
  table(
    [
      { title: "class" },
      { title: "customers", align: "right" },
      { title: "of customers", align: "right" },
      { title: "of spend", align: "right" },
      { title: "smallest total", align: "right" },
    ],
    ["A", "B", "C"].map((name) => {
      const c = classes.summary[name];
      return [
        name,
        c.count.toLocaleString("en-US"),
        percent(c.countShare),
        percent(c.valueShare),
        usd(c.minValue ?? 0),
      ];
    }),
  );

  heading("7. RFM segments (recency, frequency, monetary; quintiles)");
  const summary = rfm.result();
  const segments = rfmSegments(rfmScores(summary, { bins: 5 }));
  const totalOf = new Map(customers.map((c) => [c.customerId, c.total]));
  const rowOf = new Map(summary.map((r) => [r.customerId, r]));
  const segmentRows = RFM_SEGMENTS.map((name) => {
    const ids = segments.filter((s) => s.segment === name).map((s) => s.customerId);
    const mean = (f) => (ids.length === 0 ? 0 : ids.reduce((sum, id) => sum + f(id), 0) / ids.length);
    return {
      name,
      count: ids.length,
      share: ids.length / summary.length,
      frequency: mean((id) => rowOf.get(id).frequency),
      spend: mean((id) => totalOf.get(id)),
    };
  });
  table(
    [
      { title: "segment" },
      { title: "customers", align: "right" },
      { title: "share", align: "right" },
      { title: "repeat buys", align: "right" },
      { title: "mean spend", align: "right" },
    ],
    segmentRows.map((s) => [
      s.name,
      s.count.toLocaleString("en-US"),
      percent(s.share),
      s.frequency.toFixed(2),
      usd(s.spend),
    ]),
  );
  note("No one is new or promising: every CDNOW customer made a first purchase in the first quarter of 1997.");

  heading("8. BG/NBD: how often, and for how long, customers buy");
  // The published calibration summary: the 1/10 sample (2,357 customers), 1997-01-01 .. 1997-09-30, weeks.
  const sample = readFileSync(new URL("CDNOW_sample.txt", DATA), "utf8")
    .trim()
    .split("\n")
    .map((line) => {
      const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
      return { customerId: Number(sampleId), at: isoDate(date), value: dollars };
    });
  const calibration = rfmSummary(sample, {
    observationEnd: "1998-06-30",
    calibrationEnd: "1997-09-30",
    period: "week",
  });
  const fit = fitBgNbd(calibration);
  table(
    [{ title: "parameter" }, { title: "fitted", align: "right" }, { title: "published", align: "right" }],
    ["r", "alpha", "a", "b"].map((k) => [k, fit[k].toFixed(3), PUBLISHED_BG_NBD[k].toFixed(3)]),
  );
  note(
    `Fitted on the published calibration summary: the 1/10 sample (${fit.customers.toLocaleString("en-US")} customers), in weeks, 1997-01-01 to 1997-09-30; log-likelihood ${fit.logLikelihood.toFixed(1)}.`,
  );

  heading("9. The ten most valuable customers (12-month CLV)");
  const spend = fitGammaGamma(calibration);
  const options = { horizon: 12, discountRate: 0.01, unitsPerPeriod: 4.345 }; // months, 1 % a month, weeks per month
  const ranked = calibration
    .map((c) => ({ c, clv: customerLifetimeValue(fit, spend, c, options) }))
    .sort((x, y) => y.clv - x.clv || x.c.customerId - y.c.customerId);
  note(
    `BG/NBD for how often they will buy, Gamma-Gamma for how much (p ${spend.p.toFixed(2)}, q ${spend.q.toFixed(2)}, v ${spend.v.toFixed(2)}); 12 months ahead, discounted 1 % a month.`,
  );
  table(
    [
      { title: "rank", align: "right" },
      { title: "sample id", align: "right" },
      { title: "repeat buys", align: "right" },
      { title: "mean repeat buy", align: "right" },
      { title: "P(alive)", align: "right" },
      { title: "CLV", align: "right" },
    ],
    ranked
      .slice(0, 10)
      .map(({ c, clv }, i) => [
        i + 1,
        c.customerId,
        c.frequency,
        usd(c.monetary),
        probabilityAlive(fit, c).toFixed(3),
        usd(clv),
      ]),
  );

  return {
    purchases,
    customers: customers.length,
    total: top.total,
    top20Share: top.valueShare,
    gini: g,
    abc: ["A", "B", "C"].map((name) => ({
      name,
      count: classes.summary[name].count,
      valueShare: classes.summary[name].valueShare,
    })),
    lorenz: lorenz(customers, { ...byTotal, points: 51 }).points,
    segments: segmentRows,
    fit: { r: fit.r, alpha: fit.alpha, a: fit.a, b: fit.b },
    published: PUBLISHED_BG_NBD,
    topClv: ranked.slice(0, 10).map(({ c, clv }) => ({ customerId: c.customerId, clv })),
    // Each customer's RFM segment and ABC class by id, for the what-if's cost per segment and class.
    segmentOf: new Map(segments.map((s) => [String(s.customerId), s.segment])),
    classOf: new Map(customers.map((c, i) => [String(c.customerId), classes.classes[i]])),
  };
}
