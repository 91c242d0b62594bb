// Lifetime-value models on CDNOW: time to fit BG/NBD (2,357 customers) and Gamma-Gamma (946 repeat
// customers), the number of likelihood evaluations each fit spends, and the ratio of a fit to the
// baseline of one log-likelihood pass at fixed parameters (validation included, as a user would call
// it). Also the CLV of every customer over 12 months. Medians over repeated runs.
import { readFileSync } from "node:fs";
import {
  bgNbdLogLikelihood,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaLogLikelihood,
} from "loyalty-kit";

function load() {
  const text = readFileSync(new URL("../test/fixtures/lifetime/cdnow_customers_summary_with_transactions.csv", import.meta.url), "utf8");
  return text
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [id, x, tx, T, zbar] = line.split(",").map(Number);
      return { id, frequency: x, recency: tx, T, monetary: zbar };
    });
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

  const bgFit = median(() => fitBgNbd(rows), 30);
  const bgPass = median(() => bgNbdLogLikelihood(bg, rows), 300);
  const ggFit = median(() => fitGammaGamma(rows), 30);
  const ggPass = median(() => gammaGammaLogLikelihood(gg, rows), 300);
  const options = { horizon: 12, discountRate: 0.01, unitsPerPeriod: 4.345 };
  const clvAll = median(() => {
    let sum = 0;
    for (const c of rows) sum += customerLifetimeValue(bg, gg, c, options);
    return sum;
  }, 10, 1);

  const row = (name, ms, evaluations, baseline) =>
    `| ${name} | ${ms.toFixed(2)} ms | ${evaluations ?? "—"} | ${baseline === undefined ? "—" : `${(ms / baseline).toFixed(0)}× one pass (${(ms / evaluations / baseline).toFixed(2)}× per evaluation)`} |`;
  console.log("| task | median time | likelihood evaluations | ratio to one log-likelihood pass |");
  console.log("| --- | --- | --- | --- |");
  console.log(`| baseline: BG/NBD log-likelihood, 2,357 customers | ${bgPass.toFixed(3)} ms | 1 | 1× |`);
  console.log(row("fitBgNbd, CDNOW 2,357 customers", bgFit, bg.evaluations, bgPass));
  console.log(`| baseline: Gamma-Gamma log-likelihood, 946 of 2,357 | ${ggPass.toFixed(3)} ms | 1 | 1× |`);
  console.log(row("fitGammaGamma, CDNOW 946 repeat customers", ggFit, gg.evaluations, ggPass));
  console.log(`| customerLifetimeValue × 2,357 (12 months) | ${clvAll.toFixed(2)} ms | — | ${((clvAll * 1000) / rows.length).toFixed(1)} µs per customer |`);
  console.log(`fit: r=${bg.r.toFixed(3)} alpha=${bg.alpha.toFixed(3)} a=${bg.a.toFixed(3)} b=${bg.b.toFixed(3)} LL=${bg.logLikelihood.toFixed(1)}; p=${gg.p.toFixed(2)} q=${gg.q.toFixed(2)} v=${gg.v.toFixed(2)}`);
}
