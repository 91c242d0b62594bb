// Quote of a 50-line basket under a bonus program with 5 earn rules, against a baseline that does
// only the decimal.js arithmetic a quote cannot avoid on the same basket: each line's amount
// (quantity × unit price, rounded to cents), the eligible total, and the points on it.
// The program and basket are validated once, outside the timed loop (as a till would); nothing is
// cached per basket. quote prices on one engine on integer minor units: a line of a whole quantity
// at a price in cents is multiplied as integers (read from the Decimal's digits), and decimal.js
// multiplies only a fractional quantity or a finer price. It also builds the result, the explanation
// and the eligibility. The baseline still does every line's amount on decimal.js, so quote can take
// less time than the baseline on this basket; the ratio says what quote costs against that
// arithmetic done the plain decimal.js way.
import { Bench } from "tinybench";
import { Decimal, openProgramAccount, parseBasket, parseProgram, quote } from "loyalty-kit";

export default async function () {
  const program = parseProgram({
    kind: "bonus",
    id: "bench",
    name: "Bench bonus",
    currency: "EUR",
    timeZone: "Europe/Berlin",
    active: { from: "2026-01-01T00:00:00Z" },
    earn: {
      rules: [
        { type: "per-amount", points: "1", per: "1.00" },
        { type: "per-amount", points: "1", per: "2.00", match: { categories: ["c2"] } },
        { type: "multiplier", factor: "2", match: { categories: ["c1"] } },
        { type: "multiplier", factor: "3", match: { skus: ["SKU-7", "SKU-17"] } },
        { type: "per-unit", points: "5", match: { categories: ["c4"] } },
      ],
      capPerTransaction: "100000",
    },
  });
  const basket = parseBasket({
    id: "b",
    at: "2026-03-01T10:00:00Z",
    lines: Array.from({ length: 50 }, (_, i) => ({
      id: String(i + 1),
      sku: `SKU-${i}`,
      category: `c${i % 5}`,
      ...(i === 49 ? { kind: "delivery" } : {}),
      quantity: String(1 + (i % 3)),
      unitPrice: { amount: (1.99 + i * 1.37).toFixed(2), currency: "EUR" },
    })),
  });
  const account = openProgramAccount(program, { customerId: "c", consent: true });
  const options = { consent: true };

  const rate = new Decimal(1);
  function baseline() {
    let total = new Decimal(0);
    for (const l of basket.lines) {
      const amount = l.quantity.times(l.unitPrice.amount).toDecimalPlaces(2);
      if (l.kind === "merchandise") total = total.plus(amount);
    }
    return total.times(rate).floor();
  }
  // An extra line, not a replacement: the same unavoidable arithmetic on integer minor units (the
  // basket's numbers converted once, outside the loop), the floor no pricing of this basket can go under.
  const ints = basket.lines.map((l) => ({
    q: l.quantity.toNumber(),
    cents: l.unitPrice.amount.times(100).toNumber(),
    merch: l.kind === "merchandise",
  }));
  if (!ints.every((l) => Number.isInteger(l.q) && Number.isInteger(l.cents)))
    throw new Error("bench basket is not whole units and cents");
  function baselineInt() {
    let total = 0;
    for (const l of ints) if (l.merch) total += l.q * l.cents;
    return Math.floor(total / 100);
  }
  if (baselineInt() !== baseline().toNumber())
    throw new Error("integer baseline disagrees with the decimal.js baseline");

  // sanity: both agree that something was earned
  if (quote(program, account, basket, options).pointsEarned === "0" || baseline().isZero())
    throw new Error("bench basket earns nothing");

  // The box this runs on may be shared: measure both in alternating rounds and compare medians, so
  // a burst of load hits both sides alike. tinybench gives the per-round figures.
  // Each round also times a fixed loop of both with process.cpuUsage (CPU time of this process, so
  // other processes on the box slow the wall clock but not these figures).
  const quoteOnce = () => quote(program, account, basket, options);
  const cpuRate = (fn, n) => {
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) fn();
    const c = process.cpuUsage(c0);
    return n / ((c.user + c.system) / 1e6);
  };
  const rounds = [];
  for (let round = 0; round < 7; round++) {
    const bench = new Bench({ time: 400, warmupTime: 100 });
    bench.add("baseline: decimal.js arithmetic only", baseline);
    bench.add("quote: 50 lines, bonus with 5 rules", quoteOnce);
    await bench.run();
    const [base, q] = bench.tasks.map((t) => t.result?.throughput?.mean ?? 0);
    const cpuBase = cpuRate(baseline, 5000);
    const cpuQ = cpuRate(quoteOnce, 5000);
    const cpuInt = cpuRate(baselineInt, 200_000);
    rounds.push({ base, q, ratio: base / q, cpuBase, cpuQ, cpuRatio: cpuBase / cpuQ, cpuInt });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const b = median(rounds.map((r) => r.base));
  const qq = median(rounds.map((r) => r.q));
  const ratio = median(rounds.map((r) => r.ratio));
  console.log(`baseline: ${Math.round(b).toLocaleString("en-US")} ops/s (median of ${rounds.length} rounds)`);
  console.log(`quote:    ${Math.round(qq).toLocaleString("en-US")} quotes/s (target ≥ 20,000)`);
  console.log(`ratio:    quote takes ${ratio.toFixed(2)}× the baseline's time (median per round; target ≤ 3×)`);
  const f = (x) => Math.round(x).toLocaleString("en-US");
  console.log(
    `CPU time: baseline ${f(median(rounds.map((r) => r.cpuBase)))} ops/s, quote ${f(median(rounds.map((r) => r.cpuQ)))} quotes/s, ratio ${median(rounds.map((r) => r.cpuRatio)).toFixed(2)}× (process.cpuUsage, 5,000 calls each per round, medians)`,
  );
  const cpuInt = median(rounds.map((r) => r.cpuInt));
  console.log(
    `extra:    the same arithmetic on integer cents: ${f(cpuInt)} ops/s CPU time (quote takes ${(cpuInt / median(rounds.map((r) => r.cpuQ))).toFixed(0)}× its time: building the result, explain texts, eligibility)`,
  );
}
