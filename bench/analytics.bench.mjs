// Analytics benchmarks, each against a baseline measured in the same run:
// - pareto, gini and abc over 1M synthetic customer values vs a plain Float64Array copy + sort + sum
//   (the unavoidable work of any ranking statistic); target ≤ 1.5× each.
// - rfmSummary over 10M synthetic purchases in columnar form (typed arrays); target ≥ 5M purchases/s,
//   memory for the purchases and the work < 1 GiB.
// - the object form ({ customerId, at, value } objects, numbers or strings as read from a file) through
//   rfmSummary, rfmAccumulator and totalsAccumulator; target ≥ 2M purchases/s.
// On a shared machine wall time includes waiting for a core: CPU time is printed beside it, and the
// load average, so figures from a busy box can be read for what they are.
import { loadavg } from "node:os";
import { abc, gini, pareto, rfmAccumulator, rfmSummary, totalsAccumulator } from "loyalty-kit";

/** A small deterministic generator (mulberry32), so every run measures the same data. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Median wall time in ms of `runs` calls; the median CPU time (user + system) goes to `cpu.last`. */
const cpu = { last: 0 };
function time(fn, runs) {
  const times = [];
  const cpus = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  cpu.last = cpus[Math.floor(cpus.length / 2)];
  return times[Math.floor(times.length / 2)];
}

const fmt = (x, d = 1) => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

export default async function run() {
  // 1M customer totals, heavy-tailed like real spend (log-normal).
  const rnd = random(42);
  const n = 1_000_000;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = rnd() || 1e-12;
    const v = rnd();
    values[i] = Math.round(Math.exp(3 + 1.2 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)) * 100) / 100;
  }
  let sink = 0;
  // Warm up every path once.
  for (let i = 0; i < 2; i++) {
    sink += pareto(values, { topShare: 0.2 }).valueShare + gini(values) + abc(values).n;
  }
  const runsOf = 9;
  const baseline = time(() => {
    const c = values.slice().sort();
    let s = 0;
    for (let i = 0; i < c.length; i++) s += c[i];
    sink += s;
  }, runsOf);
  const cBase = cpu.last;
  const tPareto = time(() => {
    sink += pareto(values, { topShare: 0.2 }).valueShare;
  }, runsOf);
  const cPareto = cpu.last;
  const tGini = time(() => {
    sink += gini(values);
  }, runsOf);
  const cGini = cpu.last;
  const tAbc = time(() => {
    sink += abc(values).n;
  }, runsOf);
  const cAbc = cpu.last;
  // A caller who sorts once can pass the sorted copy to all three: sorted input is not sorted again.
  const tShared = time(() => {
    const sorted = values.slice().sort();
    sink += pareto(sorted, { topShare: 0.2 }).valueShare + gini(sorted) + abc(sorted).n;
  }, runsOf);
  const cShared = cpu.last;
  const line = (name, t, c) =>
    console.log(
      `  ${name.padEnd(28)} ${fmt(t).padStart(7)} ms  ratio ${fmt(t / baseline, 2)}× baseline; CPU ${fmt(c).padStart(7)} ms, ratio ${fmt(c / cBase, 2)}× (target ≤ 1.5×)`,
    );
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")} (2 cores: wall times above ~2 include waiting for a core; CPU times do not)`,
  );
  console.log(`values: 1,000,000 synthetic customer totals (Float64Array), median of ${runsOf} runs`);
  console.log(`  ${"baseline copy + sort + sum".padEnd(28)} ${fmt(baseline).padStart(7)} ms; CPU ${fmt(cBase)} ms`);
  line("pareto(topShare 0.2)", tPareto, cPareto);
  line("gini", tGini, cGini);
  line("abc (a 0.8, b 0.95)", tAbc, cAbc);
  console.log(
    `  all three: ${fmt(tPareto + tGini + tAbc)} ms, ${fmt((tPareto + tGini + tAbc) / (3 * baseline), 2)}× three baselines (each sorts its own copy)`,
  );
  line("all three on one sorted copy", tShared, cShared);

  // 10M purchases of 1M customers over 18 months, in time order (as a log is), columnar.
  globalThis.gc?.();
  const before = process.memoryUsage();
  const m = 10_000_000;
  const customers = 1_000_000;
  const start = Date.UTC(2024, 0, 1);
  const span = 545 * 86_400_000;
  const customerId = new Int32Array(m);
  const at = new Float64Array(m);
  const value = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    customerId[i] = Math.floor(rnd() * customers);
    at[i] = start + Math.floor((i / m) * span);
    value[i] = Math.round(rnd() * 20000) / 100;
  }
  const options = { observationEnd: "2025-06-30", period: "week" };
  let peak = 0;
  const track = () => {
    const u = process.memoryUsage();
    peak = Math.max(peak, u.rss);
  };
  sink += rfmSummary({ customerId, at, value }, options).length; // warm-up
  track();
  const tRfm = time(() => {
    sink += rfmSummary({ customerId, at, value }, options).length;
    track();
  }, 3);
  const cRfm = cpu.last;
  // The same purchases with each customer's order reversed in time: the path that sorts by customer first.
  const reversedAt = new Float64Array(m);
  for (let i = 0; i < m; i++) reversedAt[i] = at[m - 1 - i];
  const tSorted = time(() => {
    sink += rfmSummary({ customerId, at: reversedAt, value }, options).length;
    track();
  }, 1);
  const cSorted = cpu.last;
  // The object form people call: 2M purchase objects (the first fifth of the columnar data: ids drawn
  // from 1M customers, so most purchases are a customer's first — the hardest case for the id table;
  // not counted in the memory figure below, which is the columnar path's), once with numbers and once as read from a file — string ids, ISO
  // instants and decimal-string values. Each through rfmSummary, rfmAccumulator and totalsAccumulator.
  const k = 2_000_000;
  const objectRuns = [];
  {
    const forms = [
      ["numbers (id, epoch ms, value)", (i) => ({ customerId: customerId[i], at: at[i], value: value[i] })],
      [
        'strings ("c123", ISO instant, "12.34")',
        (i) => ({
          customerId: `c${customerId[i]}`,
          at: new Date(at[i]).toISOString(),
          value: value[i].toFixed(2),
        }),
      ],
    ];
    for (const [name, make] of forms) {
      let txs = Array.from({ length: k }, (_, i) => make(i));
      sink += rfmSummary(txs.slice(0, 100_000), options).length; // warm-up
      const tSummary = time(() => {
        sink += rfmSummary(txs, options).length;
      }, 3);
      const cSummary = cpu.last;
      const tAcc = time(() => {
        const acc = rfmAccumulator(options);
        for (let i = 0; i < txs.length; i++) acc.add(txs[i]);
        sink += acc.result().length;
      }, 1);
      const cAcc = cpu.last;
      const tTotals = time(() => {
        const acc = totalsAccumulator();
        for (let i = 0; i < txs.length; i++) acc.add(txs[i]);
        sink += acc.result().length;
      }, 1);
      const cTotals = cpu.last;
      objectRuns.push({ name, tSummary, cSummary, tAcc, cAcc, tTotals, cTotals });
      txs = undefined;
      globalThis.gc?.();
    }
  }
  console.log(
    `rfmSummary: 10,000,000 purchases of 1,000,000 customers, columnar (Int32Array ids, Float64Array times and values)`,
  );
  console.log(
    `  in time order              ${fmt(tRfm)} ms  → ${fmt(m / tRfm / 1000, 2)}M purchases/s (target ≥ 5M/s); CPU time ${fmt(cRfm)} ms → ${fmt(m / cRfm / 1000, 2)}M/s`,
  );
  console.log(
    `  out of time order          ${fmt(tSorted)} ms  → ${fmt(m / tSorted / 1000, 2)}M purchases/s; CPU time ${fmt(cSorted)} ms → ${fmt(m / cSorted / 1000, 2)}M/s (two counting sorts: by day, then by customer)`,
  );
  console.log(`object form: ${fmt(k / 1e6, 0)}M purchase objects (target ≥ 2M purchases/s; wall, then CPU)`);
  for (const r of objectRuns) {
    const rate = (t) => `${fmt(k / t / 1000, 2)}M/s`;
    console.log(`  ${r.name}`);
    console.log(
      `    rfmSummary           ${fmt(r.tSummary).padStart(9)} ms → ${rate(r.tSummary)}; CPU ${fmt(r.cSummary)} ms → ${rate(r.cSummary)}; columnar is ${fmt(r.tSummary / k / (tRfm / m), 1)}× faster per purchase`,
    );
    console.log(
      `    rfmAccumulator.add   ${fmt(r.tAcc).padStart(9)} ms → ${rate(r.tAcc)}; CPU ${fmt(r.cAcc)} ms → ${rate(r.cAcc)}`,
    );
    console.log(
      `    totalsAccumulator.add ${fmt(r.tTotals).padStart(8)} ms → ${rate(r.tTotals)}; CPU ${fmt(r.cTotals)} ms → ${rate(r.cTotals)}`,
    );
  }
  console.log(
    `  memory: input columns ${fmt((customerId.byteLength + at.byteLength + value.byteLength) / 2 ** 20, 0)} MiB; peak RSS ${fmt(peak / 2 ** 20, 0)} MiB (RSS before the data ${fmt(before.rss / 2 ** 20, 0)} MiB; target < 1 GiB)`,
  );
  if (sink === 42) console.log("");
}
