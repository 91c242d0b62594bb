// Tenure: does a loyal customer cost more each year? One ledger account with 10,000 prior checkouts
// (an earn of 10 points valid 60 days every 3 days, a redeem of 40 every fifth visit, an expiry sweep
// every tenth: at most 20 lots open at a time) against a fresh account, posting the same checkout, measured in the same run; and
// the size of the bounded snapshot's JSON. Goal (issue 17): ratio ≤ 1.2×, snapshot ≤ 8 KiB with ≤ 20
// open lots. The program-level bench (checkout with a ProgramAccount) waits for the bounded program
// account; this measures the ledger snapshot it stores.
import { loadavg } from "node:os";
import { openAccount, postMany } from "loyalty-kit";

const T0 = Date.parse("2026-01-01T10:00:00Z");
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString();

function visit(k) {
  const at = T0 + 3 * k * DAY;
  const entries = [
    { kind: "earn", transactionId: `sale-${k}:earn`, at: iso(at), points: "10", expiresAt: iso(at + 60 * DAY) },
  ];
  if (k % 5 === 4) entries.push({ kind: "redeem", transactionId: `sale-${k}:redeem`, at: iso(at), points: "40" });
  // A monthly expiry sweep, as a program runs one: lapsed points leave their lots.
  if (k % 10 === 9) entries.push({ kind: "expire", transactionId: `sweep-${k}`, at: iso(at) });
  return entries;
}

function median(fn, runs) {
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return xs.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export default function tenure() {
  const N = Number(process.env["TENURE_N"] ?? 10_000);
  for (const retainDays of [90, 30]) {
    let loyal = openAccount({ accountId: "loyal", retainDays });
    const t = performance.now();
    for (let k = 0; k < N; k++) loyal = postMany(loyal, visit(k)).account;
    const build = performance.now() - t;
    // The same next checkout (an earn and a redeem) on both; the fresh account gets the points first.
    const next = visit(N + 4).map((e) => ({ ...e, transactionId: `next:${e.transactionId}` }));
    let fresh = openAccount({ accountId: "fresh", retainDays });
    fresh = postMany(fresh, [
      { kind: "earn", transactionId: "seed", at: iso(T0 + 3 * N * DAY), points: "200" },
    ]).account;
    const reps = 2_000;
    const perCall = (account) =>
      median(() => {
        for (let i = 0; i < reps; i++) postMany(account, next);
      }, 7) / reps;
    const tLoyal = perCall(loyal);
    const tFresh = perCall(fresh);
    const open = loyal.lots.filter((l) => l.remaining !== "0").length;
    console.log(
      `retainDays ${retainDays}: ${N.toLocaleString("en")} prior checkouts (${loyal.version.toLocaleString("en")} entries, built in ${(build / 1000).toFixed(1)} s): ` +
        `checkout ${(tLoyal * 1000).toFixed(1)} µs vs fresh ${(tFresh * 1000).toFixed(1)} µs = ${(tLoyal / tFresh).toFixed(2)}× (goal ≤ 1.2×); ` +
        `snapshot ${JSON.stringify(loyal).length.toLocaleString("en")} bytes (goal ≤ 8,192), ${loyal.entries.length} entries kept, ${loyal.lots.length} lots (${open} open)`,
    );
  }
  console.log(
    `load average during the run: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
}
