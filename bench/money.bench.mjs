// allocate() over 50 lines, against a baseline that does only the unavoidable decimal.js work
// (sum the ratios and compute each exact share) on the same input.
import { Bench } from "tinybench";
import { allocate, Decimal, money } from "loyalty-kit";

export default async function run() {
  const lines = Array.from({ length: 50 }, (_, i) => `${(i * 7.31 + 1).toFixed(2)}`);
  const total = money("123.45", "EUR");
  const bench = new Bench({ time: 1000 });
  bench
    .add("baseline: exact shares with decimal.js", () => {
      const w = lines.reduce((a, r) => a.plus(r), new Decimal(0));
      const units = total.amount.times(100);
      for (const r of lines) units.times(r).div(w).floor();
    })
    .add("allocate(123.45 EUR, 50 ratios)", () => {
      allocate(total, lines);
    });
  await bench.run();
  const [base, alloc] = bench.tasks.map((t) => t.result);
  const hz = (r) => 1000 / r.latency.mean;
  console.log(
    `allocate over 50 lines: ${Math.round(hz(alloc)).toLocaleString("en-US")} ops/s; baseline ${Math.round(hz(base)).toLocaleString("en-US")} ops/s; ratio ${(hz(base) / hz(alloc)).toFixed(2)}× the baseline's time`,
  );
}
