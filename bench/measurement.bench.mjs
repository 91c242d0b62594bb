// nps() over 1,000,000 answers (Int8Array and number[]), against a plain counting loop on the same
// data that does no validation: the ratio is the price of checking every answer is an integer 0..10
// (and of nps being one function for every array kind, where each baseline copy sees only one).
import { Bench } from "tinybench";
import { nps } from "loyalty-kit";

// Two identical copies so each stays monomorphic (one element kind each): the strictest baseline.
function countingLoopTyped(scores) {
  const n = scores.length;
  let promoters = 0;
  let detractors = 0;
  for (let i = 0; i < n; i++) {
    const v = scores[i];
    if (v > 8) promoters++;
    else if (v < 7) detractors++;
  }
  return (100 * (promoters - detractors)) / n;
}

function countingLoopArray(scores) {
  const n = scores.length;
  let promoters = 0;
  let detractors = 0;
  for (let i = 0; i < n; i++) {
    const v = scores[i];
    if (v > 8) promoters++;
    else if (v < 7) detractors++;
  }
  return (100 * (promoters - detractors)) / n;
}

export default async function run() {
  const n = 1_000_000;
  // Deterministic answers (no Math.random): a linear congruential sequence folded onto 0..10.
  const typed = new Int8Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    typed[i] = x % 11;
  }
  const plain = Array.from(typed);
  // The two must agree before their speed is compared.
  if (nps(typed).score !== countingLoopTyped(typed) || nps(plain).score !== countingLoopArray(plain))
    throw new Error("nps and the baseline disagree");

  const bench = new Bench({ time: 2000 });
  bench
    .add("baseline: counting loop, Int8Array", () => countingLoopTyped(typed))
    .add("nps, Int8Array", () => nps(typed))
    .add("baseline: counting loop, number[]", () => countingLoopArray(plain))
    .add("nps, number[]", () => nps(plain));
  await bench.run();
  const ms = bench.tasks.map((t) => t.result.latency.mean);
  const [baseTyped, npsTyped, basePlain, npsPlain] = ms;
  const row = (name, m, base) =>
    console.log(
      `${name.padEnd(34)} ${m.toFixed(2).padStart(7)} ms per 1M answers   ${(m / base).toFixed(2)}× the counting loop`,
    );
  row("counting loop, Int8Array", baseTyped, baseTyped);
  row("nps, Int8Array", npsTyped, baseTyped);
  row("counting loop, number[]", basePlain, basePlain);
  row("nps, number[]", npsPlain, basePlain);
}
