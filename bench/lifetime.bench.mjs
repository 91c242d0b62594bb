// Lifetime-value models on CDNOW: time to fit BG/NBD (2,357 customers) and Gamma-Gamma (946 repeat
// customers), the number of likelihood evaluations each fit spends, and the ratio of a fit to the
// baseline of one log-likelihood pass at fixed parameters (validation included, as a user would call
// it), and to a naive log-likelihood loop over typed arrays. Also the CLV of every customer over 12
// months. Medians over repeated runs.
import { readFileSync } from "node:fs";
import {
  bgNbdLogLikelihood,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaLogLikelihood,
} from "loyalty-kit";

function load() {
  const text = readFileSync(
    new URL("../test/fixtures/analytics/cdnow_customers_summary_with_transactions.csv", import.meta.url),
    "utf8",
  );
  return text
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [id, x, tx, T, zbar] = line.split(",").map(Number);
      return { id, frequency: x, recency: tx, T, monetary: zbar };
    });
}

// The naive pass anyone would write first: every row, four log-gammas each, no grouping. A baseline
// for the cost of one evaluation inside the fit (which groups repeated patterns and frequencies).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
function lnGamma(x) {
  if (x < 0.5) return lnGamma(x + 1) - Math.log(x);
  const y = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (y + i);
  const t = y + 7.5;
  return 0.9189385332046728 + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}
function naiveBgNbd(x, tx, T, r, alpha, a, b) {
  let ll = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const a1 = lnGamma(r + xi) - lnGamma(r) + r * Math.log(alpha);
    const a2 = lnGamma(a + b) + lnGamma(b + xi) - lnGamma(b) - lnGamma(a + b + xi);
    const a3 = -(r + xi) * Math.log(alpha + T[i]);
    const a4 = xi > 0 ? Math.log(a) - Math.log(b + xi - 1) - (r + xi) * Math.log(alpha + tx[i]) : -Infinity;
    const m = Math.max(a3, a4);
    ll += a1 + a2 + m + Math.log(Math.exp(a3 - m) + Math.exp(a4 - m));
  }
  return ll;
}

/** Median wall time (ms) of `fn` over `runs` runs after `warmup` untimed ones. */
function median(fn, runs, warmup = 3) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export default async function () {
  const rows = load();
  const bg = fitBgNbd(rows);
  const gg = fitGammaGamma(rows);

  const x = Float64Array.from(rows, (c) => c.frequency);
  const tx = Float64Array.from(rows, (c) => c.recency);
  const T = Float64Array.from(rows, (c) => c.T);
  let check = 0;
  const naive = median(() => (check = naiveBgNbd(x, tx, T, bg.r, bg.alpha, bg.a, bg.b)), 300);
  if (Math.abs(check - bg.logLikelihood) > 1e-6)
    throw new Error(`naive baseline disagrees: ${check} vs ${bg.logLikelihood}`);
  const bgFit = median(() => fitBgNbd(rows), 30);
  const bgPass = median(() => bgNbdLogLikelihood(bg, rows), 300);
  const ggFit = median(() => fitGammaGamma(rows), 30);
  const ggPass = median(() => gammaGammaLogLikelihood(gg, rows), 300);
  const options = { horizon: 12, discountRate: 0.01, unitsPerPeriod: 4.345 };
  const clvAll = median(
    () => {
      let sum = 0;
      for (const c of rows) sum += customerLifetimeValue(bg, gg, c, options);
      return sum;
    },
    10,
    1,
  );

  const row = (name, ms, evaluations, baseline) =>
    `| ${name} | ${ms.toFixed(2)} ms | ${evaluations ?? "—"} | ${baseline === undefined ? "—" : `${(ms / baseline).toFixed(0)}× one pass (${(ms / evaluations / baseline).toFixed(2)}× per evaluation)`} |`;
  console.log("| task | median time | likelihood evaluations | ratio to one log-likelihood pass |");
  console.log("| --- | --- | --- | --- |");
  console.log(`| baseline: BG/NBD log-likelihood, 2,357 customers | ${bgPass.toFixed(3)} ms | 1 | 1× |`);
  console.log(row("fitBgNbd, CDNOW 2,357 customers", bgFit, bg.evaluations, bgPass));
  console.log(
    `| baseline: naive BG/NBD log-likelihood loop over Float64Arrays (no validation, no grouping) | ${naive.toFixed(3)} ms | 1 | fit = ${(bgFit / naive).toFixed(0)}× this loop, ${(bgFit / bg.evaluations / naive).toFixed(2)}× per evaluation |`,
  );
  console.log(`| baseline: Gamma-Gamma log-likelihood, 946 of 2,357 | ${ggPass.toFixed(3)} ms | 1 | 1× |`);
  console.log(row("fitGammaGamma, CDNOW 946 repeat customers", ggFit, gg.evaluations, ggPass));
  console.log(
    `| customerLifetimeValue × 2,357 (12 months) | ${clvAll.toFixed(2)} ms | — | ${((clvAll * 1000) / rows.length).toFixed(1)} µs per customer |`,
  );
  console.log(
    `fit: r=${bg.r.toFixed(3)} alpha=${bg.alpha.toFixed(3)} a=${bg.a.toFixed(3)} b=${bg.b.toFixed(3)} LL=${bg.logLikelihood.toFixed(1)}; p=${gg.p.toFixed(2)} q=${gg.q.toFixed(2)} v=${gg.v.toFixed(2)}`,
  );
}
