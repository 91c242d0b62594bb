// Ledger benchmarks: replay of 1M entries against a plain-number summing loop over the same entries,
// and balance on an account with 10k lots against summing 10k plain numbers.
import { Bench } from "tinybench";
import { openAccount, postMany, replay, balance } from "loyalty-kit";

const DAY = 86_400_000;
const T0 = Date.parse("2026-01-01T00:00:00.000Z");
const iso = (ms) => new Date(ms).toISOString();

/** A realistic mix: earns (half with a one-year expiry), redeems, holds with capture or release, partial reverses, a monthly sweep. */
function makeEntries(n) {
  const entries = [];
  let t = T0;
  let bal = 0;
  let i = 0;
  let openHold;
  let lastEarn;
  while (entries.length < n) {
    t += 60_000;
    const id = `t${i++}`;
    const r = i % 10;
    if (openHold !== undefined) {
      entries.push(r < 5 ? { kind: "capture", transactionId: id, at: iso(t), holdId: openHold.id } : { kind: "release", transactionId: id, at: iso(t), holdId: openHold.id });
      if (r < 5) bal -= openHold.points;
      openHold = undefined;
    } else if (r < 5 || bal < 50) {
      const points = 10 + (i % 90);
      entries.push(i % 2 === 0 ? { kind: "earn", transactionId: id, at: iso(t), points: String(points), expiresAt: iso(t + 365 * DAY) } : { kind: "earn", transactionId: id, at: iso(t), points: String(points) });
      bal += points;
      lastEarn = { id, points };
    } else if (r < 8) {
      const points = 1 + (i % 40);
      entries.push({ kind: "redeem", transactionId: id, at: iso(t), points: String(points) });
      bal -= points;
    } else if (r === 8) {
      openHold = { id, points: 5 };
      entries.push({ kind: "hold", transactionId: id, at: iso(t), points: "5", timeoutAt: iso(t + 15 * 60_000) });
    } else if (i % 1000 === 9) {
      entries.push({ kind: "expire", transactionId: id, at: iso(t) });
    } else if (lastEarn !== undefined) {
      entries.push({ kind: "reverse", transactionId: id, at: iso(t), reverses: lastEarn.id, points: "1", shortfall: "negative-balance" });
      bal -= 1;
    } else {
      entries.push({ kind: "earn", transactionId: id, at: iso(t), points: "10" });
      bal += 10;
    }
  }
  return entries;
}

export default async function () {
  const N = 1_000_000;
  const entries = makeEntries(N);
  const settings = { accountId: "bench" };

  // Baseline: sum the entries' points as plain numbers (what "a balance is just a number" would cost).
  const baseline = () => {
    let sum = 0;
    for (const e of entries) {
      if (e.points === undefined) continue;
      sum += e.kind === "earn" ? Number(e.points) : -Number(e.points);
    }
    return sum;
  };
  const time = (fn, runs) => {
    fn();
    const ms = [];
    for (let k = 0; k < runs; k++) {
      const t = performance.now();
      fn();
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    return ms[Math.floor(ms.length / 2)];
  };
  let account;
  const replayMs = time(() => {
    account = replay(entries, settings);
  }, 3);
  const baseMs = time(baseline, 5);
  console.log(`replay of ${N.toLocaleString("en")} entries: ${replayMs.toFixed(0)} ms → ${(N / (replayMs / 1000) / 1e6).toFixed(2)} M entries/s (median of 3)`);
  console.log(`baseline (sum plain numbers over the same entries): ${baseMs.toFixed(1)} ms → ${(N / (baseMs / 1000) / 1e6).toFixed(1)} M entries/s`);
  console.log(`ratio replay / baseline: ${(replayMs / baseMs).toFixed(1)}× slower; final balance ${balance(account, { at: iso(T0 + 400 * DAY) })}, ${account.lots.length} lots`);

  // balance on an account with 10k lots (half expiring), against summing 10k plain numbers.
  const lotsEntries = [];
  for (let k = 0; k < 10_000; k++) {
    lotsEntries.push(k % 2 === 0 ? { kind: "earn", transactionId: `e${k}`, at: iso(T0 + k * 1000), points: "7", expiresAt: iso(T0 + (k + 1) * DAY) } : { kind: "earn", transactionId: `e${k}`, at: iso(T0 + k * 1000), points: "7" });
  }
  const big = postMany(openAccount(settings), lotsEntries).account;
  const at = iso(T0 + 5000 * DAY);
  const numbers = lotsEntries.map((e) => Number(e.points));
  const bench = new Bench({ time: 1500 });
  bench.add("balance, 10k lots", () => balance(big, { at }));
  bench.add("baseline: sum 10k plain numbers", () => {
    let s = 0;
    for (const x of numbers) s += x;
    return s;
  });
  await bench.run();
  const [b, base] = bench.tasks.map((t) => t.result);
  const mean = (r) => r?.latency?.mean ?? r?.mean;
  console.log(`balance on 10k lots: ${mean(b).toFixed(3)} ms per call (${balance(big, { at })} points)`);
  console.log(`baseline sum of 10k numbers: ${(mean(base) * 1000).toFixed(1)} µs; ratio ${(mean(b) / mean(base)).toFixed(0)}×`);
}
