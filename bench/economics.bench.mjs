// What-if speed (issue 21): simulateProgram over past sales against the bare checkout loop on the same
// baskets (each customer's baskets in time order through checkout from a fresh account, nothing else),
// measured in the same run. Data: the CDNOW sample (Fader, Hardie & Lee 2005; customers 1–10,000,
// 2,895 purchases), a bonus program. Goal: the simulation's overhead at most 1.3× the bare loop.
// CPU time is printed beside wall time, and the load average, since the machine may be shared.
import { loadavg } from "node:os";
import { checkout, openProgramAccount, parseBasket, parseProgram, simulateProgram } from "loyalty-kit";
import { cdnowSampleSales } from "../examples/economics/cdnow-sales.mjs";

const sales = cdnowSampleSales({ maxCustomerId: 10_000, skipZeroValue: true });

const program = parseProgram({
  kind: "bonus",
  id: "bonus",
  name: "Bonus",
  currency: "USD",
  timeZone: "America/New_York",
  active: { from: "1997-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], validityMonths: 12 },
  redeem: { pointValue: "0.01", maxShare: "50" },
});
const at = "1998-06-30T23:59:59Z";

function bare() {
  const byCustomer = new Map();
  sales.forEach((s, row) => {
    const list = byCustomer.get(s.customerId) ?? [];
    list.push({ row, basket: parseBasket(s.basket) });
    byCustomer.set(s.customerId, list);
  });
  for (const [customerId, rows] of byCustomer) {
    rows.sort((a, b) => Date.parse(a.basket.at) - Date.parse(b.basket.at) || a.row - b.row);
    let account = openProgramAccount(program, { customerId, consent: true });
    for (const { row, basket } of rows)
      account = checkout(program, account, basket, { transactionId: `r${row}`, consent: true }).account;
  }
}

function median(fn, runs) {
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { wall: wall[Math.floor(runs / 2)], cpu: cpu[Math.floor(runs / 2)] };
}

export default async function run() {
  bare(); // warm-up
  const runs = 3;
  const b = median(bare, runs);
  const s = median(() => simulateProgram(program, sales, { at }), runs);
  const r = median(
    () => simulateProgram(program, sales, { at, redemption: { threshold: "500", probability: 0.5, seed: 1 } }),
    runs,
  );
  const per = (ms) => Math.round((sales.length / ms) * 1000).toLocaleString("en-US");
  console.log(
    `${sales.length} baskets; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
  console.log(
    `bare checkout loop     ${per(b.cpu)} baskets/s (CPU ${b.cpu.toFixed(0)} ms, wall ${b.wall.toFixed(0)} ms)`,
  );
  console.log(
    `simulateProgram        ${per(s.cpu)} baskets/s (CPU ${s.cpu.toFixed(0)} ms) — ${(s.cpu / b.cpu).toFixed(2)}× the bare loop (goal ≤ 1.3×)`,
  );
  console.log(
    `  with redemption      ${per(r.cpu)} baskets/s (CPU ${r.cpu.toFixed(0)} ms) — ${(r.cpu / b.cpu).toFixed(2)}× (balance read and a draw per basket)`,
  );
}
