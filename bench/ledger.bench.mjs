// Ledger benchmarks: replay of 1M entries against a plain-number summing loop over the same entries,
// and balance on an account with 10k lots against summing 10k plain numbers.
import { cpus, loadavg } from "node:os";
import { Bench } from "tinybench";
import { openAccount, postMany, replayAccount, balance } from "loyalty-kit";

const DAY = 86_400_000;
const T0 = Date.parse("2026-01-01T00:00:00.000Z");
const iso = (ms) => new Date(ms).toISOString();

/** A realistic mix: earns (half with a one-year expiry), redeems, holds with capture or release, partial reverses, a monthly sweep. */
export function makeEntries(n) {
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
      entries.push(
        r < 5
          ? { kind: "capture", transactionId: id, at: iso(t), holdId: openHold.id }
          : { kind: "release", transactionId: id, at: iso(t), holdId: openHold.id },
      );
      if (r < 5) bal -= openHold.points;
      openHold = undefined;
    } else if (r < 5 || bal < 50) {
      const points = 10 + (i % 90);
      entries.push(
        i % 2 === 0
          ? { kind: "earn", transactionId: id, at: iso(t), points: String(points), expiresAt: iso(t + 365 * DAY) }
          : { kind: "earn", transactionId: id, at: iso(t), points: String(points) },
      );
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
      entries.push({
        kind: "reverse",
        transactionId: id,
        at: iso(t),
        reverses: lastEarn.id,
        points: "1",
        shortfall: "negative-balance",
      });
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
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")} on ${cpus().length} cores: wall times stretch under load, CPU times less so`,
  );

  // Baseline: sum the same entries' points as plain numbers (what "a balance is just a number" costs).
  const baseline = () => {
    let sum = 0;
    for (const e of entries) {
      if (e.points === undefined) continue;
      sum += e.kind === "earn" ? Number(e.points) : -Number(e.points);
    }
    return sum;
  };
  /** Median wall and CPU milliseconds of `runs` calls (after one warm-up); `drop` lets go of the previous call's result before each timed call. */
  const time = (fn, runs, drop = () => {}) => {
    fn();
    const wall = [];
    const cpu = [];
    for (let k = 0; k < runs; k++) {
      drop();
      globalThis.gc?.();
      const c = process.cpuUsage();
      const t = performance.now();
      fn();
      wall.push(performance.now() - t);
      const u = process.cpuUsage(c);
      cpu.push((u.user + u.system) / 1000);
    }
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return { wall: median(wall), cpu: median(cpu) };
  };
  // Replayed from the history form: the records post/postMany return ({ accountId, sequence, entry }).
  const history = entries.map((entry, i) => ({ accountId: settings.accountId, sequence: i + 1, entry }));
  let account;
  // The previous replay's account (~0.4 GB) is dropped before each timed call: kept alive, it made
  // the collector promote into a fragmented old space and added ~0.3–0.5 s that is not replay's.
  const r = time(
    () => {
      account = replayAccount(history, settings);
    },
    3,
    () => {
      account = undefined;
    },
  );
  const b = time(baseline, 5);
  const rate = (ms) => (N / (ms / 1000) / 1e6).toFixed(2);
  console.log(
    `replay of ${N.toLocaleString("en")} history records: wall ${r.wall.toFixed(0)} ms (${rate(r.wall)} M entries/s), CPU ${r.cpu.toFixed(0)} ms (${rate(r.cpu)} M entries/s)`,
  );
  console.log(
    `baseline, summing the same entries as plain numbers: wall ${b.wall.toFixed(1)} ms, CPU ${b.cpu.toFixed(1)} ms`,
  );
  console.log(
    `ratio replay / baseline: ${(r.wall / b.wall).toFixed(0)}× (wall), ${(r.cpu / b.cpu).toFixed(0)}× (CPU); ${account.lots.length.toLocaleString("en")} lots, ${account.debits.length.toLocaleString("en")} debits, balance ${balance(account, { at: account.checkpoint.at ?? iso(T0) })} at the newest entry (the bounded snapshot answers from there on)`,
  );

  // balance on an account with 10k lots (half of them expiring), against summing 10k plain numbers.
  const lotsEntries = [];
  for (let k = 0; k < 10_000; k++) {
    lotsEntries.push(
      k % 2 === 0
        ? {
            kind: "earn",
            transactionId: `e${k}`,
            at: iso(T0 + k * 1000),
            points: "7",
            expiresAt: iso(T0 + (k + 1) * DAY),
          }
        : { kind: "earn", transactionId: `e${k}`, at: iso(T0 + k * 1000), points: "7" },
    );
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
  const [lotsTask, baseTask] = bench.tasks.map((t) => t.result);
  const mean = (res) => res?.latency?.mean ?? res?.mean;
  console.log(
    `balance on 10k lots: ${(mean(lotsTask) * 1000).toFixed(0)} µs per call (${balance(big, { at })} points; O(lots): ${((mean(lotsTask) * 1e6) / 10_000).toFixed(0)} ns per lot)`,
  );
  console.log(
    `baseline, summing 10k plain numbers: ${(mean(baseTask) * 1000).toFixed(1)} µs; ratio ${(mean(lotsTask) / mean(baseTask)).toFixed(0)}×`,
  );
}
