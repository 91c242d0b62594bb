// Tenure: does a loyal customer cost more each year? One ledger account with 10,000 prior checkouts
// (an earn of 10 points valid 60 days every 3 days, a redeem of 40 every fifth visit, an expiry sweep
// every tenth: at most 20 lots open at a time) against a fresh account, posting the same checkout, measured in the same run; and
// the size of the bounded snapshot's JSON. Goal (issue 17): ratio ≤ 1.2×, snapshot ≤ 8 KiB with ≤ 20
// open lots. Then the same at the program level (TENURE_PROGRAM_N checkouts through `checkout` with a
// ProgramAccount, default TENURE_N): the bounded program account keeps the sales of its last
// retainDays (90) days as figures, so its size and checkout time should not grow with tenure either.
import { loadavg } from "node:os";
import { checkout, openAccount, openProgramAccount, parseProgram, parseProgramAccount, postMany } from "loyalty-kit";

const T0 = Date.parse("2026-01-01T10:00:00Z");
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString();

// Measurement helpers shared by the rows below. CPU time of this process (user + system) per call:
// on a shared machine the wall clock counts the time other processes had the cores.
const cpu = (fn, reps) => {
  const s = process.cpuUsage();
  for (let i = 0; i < reps; i++) fn(i);
  const u = process.cpuUsage(s);
  return (u.user + u.system) / reps;
};
const ROUNDS = 15;
/**
 * Runs each of `tasks` (name → () => µs) once per round, ROUNDS rounds, the order reversed every
 * other round so that neither side of a ratio always runs first (warmer caches, a collection the
 * other side left behind). Returns the figures of each task, in round order.
 */
const rounds = (tasks) => {
  const names = Object.keys(tasks);
  const out = Object.fromEntries(names.map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const k of round % 2 === 0 ? names : [...names].reverse()) out[k].push(tasks[k]());
  return out;
};
const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** The median of the ratios of the same round's figures: each ratio compares runs made side by side. */
const paired = (a, b) => mid(a.map((x, i) => x / b[i]));

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
    // CPU time (see cpu above). Loyal, fresh and recent run side by side in each of ROUNDS rounds, the
    // order reversed every other round; medians, and the median of the rounds' own ratios.
    // "Same snapshot": the same next checkout posted again and again onto one snapshot. "Chain":
    // each checkout posted onto the snapshot the previous one returned, as a till keeping the
    // account in memory does (the loyal account stays as old; the fresh one restarts every 5
    // checkouts, so it never holds more than 5 visits).
    const steps = 500;
    const visits = Array.from({ length: steps }, (_, i) => visit(N + 4 + i));
    // The same last 180 days of visits without the earlier ones: the snapshot holds what the loyal
    // one holds, so loyal/recent is what tenure itself costs (loyal/fresh adds what the window holds).
    let recent = openAccount({ accountId: "recent", retainDays });
    for (let k = Math.max(0, N - 60); k < N; k++) recent = postMany(recent, visit(k)).account;
    const runs = rounds({
      l: () => cpu(() => postMany(loyal, next), 500),
      f: () => cpu(() => postMany(fresh, next), 500),
      r: () => cpu(() => postMany(recent, next), 500),
      lc: () => {
        let a = loyal;
        return cpu((i) => (a = postMany(a, visits[i]).account), steps);
      },
      fc: () => {
        let b = fresh;
        return cpu((i) => (b = postMany(i % 5 === 0 ? fresh : b, visits[i]).account), steps);
      },
    });
    const [tLoyal, tFresh, cLoyal, cFresh] = [mid(runs.l), mid(runs.f), mid(runs.lc), mid(runs.fc)];
    const open = loyal.lots.filter((l) => l.remaining !== "0").length;
    console.log(
      `retainDays ${retainDays}: ${N.toLocaleString("en")} prior checkouts (${loyal.version.toLocaleString("en")} entries, built in ${(build / 1000).toFixed(1)} s): ` +
        `checkout onto the same snapshot ${tLoyal.toFixed(1)} µs vs fresh ${tFresh.toFixed(1)} µs CPU = ${(tLoyal / tFresh).toFixed(2)}× (goal ≤ 1.2×; paired ${paired(runs.l, runs.f).toFixed(2)}×), vs recent ${mid(runs.r).toFixed(1)} µs = ${(tLoyal / mid(runs.r)).toFixed(2)}× (${JSON.stringify(recent).length.toLocaleString("en")} bytes); ` +
        `chained ${cLoyal.toFixed(1)} µs vs fresh ${cFresh.toFixed(1)} µs CPU = ${(cLoyal / cFresh).toFixed(2)}× (paired ${paired(runs.lc, runs.fc).toFixed(2)}×); ` +
        `snapshot ${JSON.stringify(loyal).length.toLocaleString("en")} bytes stored (goal ≤ 8,192; object form ${JSON.stringify({ ...loyal }).length.toLocaleString("en")}), ${loyal.entries.length} entries kept, ${loyal.lots.length} lots (${open} open)`,
    );
  }
  programTenure(Number(process.env["TENURE_PROGRAM_N"] ?? process.env["TENURE_N"] ?? 10_000));
  tieredTenure(Number(process.env["TENURE_TIER_N"] ?? 3_000));
  console.log(
    `load average during the run: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
}

// One coffee every 3 days on a points program (1 point per 1.00, valid 2 months), every fifth visit
// paid partly with points (also what bench/program-sample.mjs prints).
export const program = parseProgram({
  kind: "bonus",
  id: "coffee",
  name: "Coffee points",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2025-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], validityMonths: 2 },
  redeem: { pointValue: "0.01", maxShare: "50" },
});
export const basket = (k) => ({
  id: `b${k}`,
  at: iso(T0 + 3 * k * DAY),
  lines: [{ id: "1", sku: "COFFEE", quantity: 3, unitPrice: { amount: "3.40", currency: "EUR" } }],
});
export const options = (k, id) => ({
  transactionId: id,
  consent: true,
  ...(k % 5 === 4 ? { redeemPoints: "max" } : {}),
});

function programTenure(N) {
  let loyal = openProgramAccount(program, { customerId: "loyal", consent: true });
  const t = performance.now();
  for (let k = 0; k < N; k++) loyal = checkout(program, loyal, basket(k), options(k, `sale-${k}`)).account;
  const build = performance.now() - t;
  const fresh = openProgramAccount(program, { customerId: "fresh", consent: true });
  // A customer with the same last 180 days of visits and no earlier ones: what the account holds
  // (the window's sales and entries, the open lots) is the loyal one's, without its tenure. The
  // loyal/recent ratio is what tenure itself costs; loyal/fresh adds what the window holds.
  let recent = openProgramAccount(program, { customerId: "recent", consent: true });
  for (let k = Math.max(0, N - 60); k < N; k++)
    recent = checkout(program, recent, basket(k), options(k, `sale-${k}`)).account;
  // CPU time (see cpu above). Loyal, fresh and recent run side by side in each of ROUNDS rounds, the
  // order reversed every other round; medians, and the median of the rounds' own ratios.
  // A till as the guide describes it: read the stored JSON, check it out, store the new account.
  const loyalText = JSON.stringify(loyal);
  const freshText = JSON.stringify(fresh);
  const recentText = JSON.stringify(recent);
  const inMemory = (account) => (i) => checkout(program, account, basket(N + 1), options(1, `next-${i}`));
  const stored = (text) => (i) =>
    JSON.stringify(
      checkout(program, parseProgramAccount(JSON.parse(text)), basket(N + 1), options(1, `next-${i}`)).account,
    );
  // Chained: each checkout onto the account the previous one returned, at the next visit (as a till
  // keeping the account in memory does), so each meets its dates for the first time (the rows above
  // check out one instant again and again, whose zone math is memoised after the first). The loyal
  // account goes on visit after visit through the rounds; the fresh one restarts every 5 checkouts,
  // its visits 200 years after the loyal one's (24,350 visits of 3 days) so neither meets dates the
  // other did.
  let loyalNow = loyal;
  let loyalVisit = N + 1;
  const chainLoyal = () => {
    const k = loyalVisit++;
    loyalNow = checkout(program, loyalNow, basket(k), options(k, `chain-${k}`)).account;
  };
  let freshNow = fresh;
  let freshVisit = N + 1 + 24_350;
  const chainFresh = (i) => {
    const k = freshVisit++;
    freshNow = checkout(program, i % 5 === 0 ? fresh : freshNow, basket(k), options(k, `chain-${k}`)).account;
  };
  const runs = rounds({
    l: () => cpu(inMemory(loyal), 200),
    f: () => cpu(inMemory(fresh), 200),
    r: () => cpu(inMemory(recent), 200),
    ls: () => cpu(stored(loyalText), 50),
    fs: () => cpu(stored(freshText), 50),
    rs: () => cpu(stored(recentText), 50),
    lc: () => cpu(chainLoyal, 100),
    fc: () => cpu(chainFresh, 100),
  });
  const [tLoyal, tFresh, sLoyal, sFresh] = [mid(runs.l), mid(runs.f), mid(runs.ls), mid(runs.fs)];
  const [tRecent, sRecent] = [mid(runs.r), mid(runs.rs)];
  const bytes = (x) => JSON.stringify(x).length.toLocaleString("en");
  // The parts as stored: the account's JSON is its own stored form (sales as tuples, the ledger's
  // entries its kept sales imply left to them), so the parts are measured in that text.
  const parts = JSON.parse(loyalText);
  console.log(
    `program account: ${N.toLocaleString("en")} prior checkouts (built in ${(build / 1000).toFixed(1)} s): ` +
      `checkout ${tLoyal.toFixed(0)} µs vs fresh ${tFresh.toFixed(0)} µs CPU = ${(tLoyal / tFresh).toFixed(2)}× (goal ≤ 1.2×; paired ${paired(runs.l, runs.f).toFixed(2)}×); ` +
      `read JSON + checkout + write JSON ${sLoyal.toFixed(0)} µs vs fresh ${sFresh.toFixed(0)} µs CPU = ${(sLoyal / sFresh).toFixed(2)}× (paired ${paired(runs.ls, runs.fs).toFixed(2)}×); ` +
      `account JSON ${loyalText.length.toLocaleString("en")} bytes (goal ≤ 8,192): points ledger ${bytes(parts.points)} (entries ${bytes(parts.points.entries)}: ${parts.points.entries.filter((e) => typeof e === "number").length} of ${loyal.points.entries.length} left to their sales), ${loyal.sales.length} sales ${bytes(parts.sales)}, refunds ${bytes(parts.refunds)}, totals ${bytes(parts.totals)}; ` +
      `fresh account after one sale ${bytes(checkout(program, fresh, basket(N + 1), options(1, "one")).account)} bytes; ` +
      `chained (each checkout at the next visit, onto the account the previous one returned) ${mid(runs.lc).toFixed(0)} µs vs fresh ${mid(runs.fc).toFixed(0)} µs CPU = ${(mid(runs.lc) / mid(runs.fc)).toFixed(2)}× (paired ${paired(runs.lc, runs.fc).toFixed(2)}×)`,
  );
  console.log(
    `program account, loyal vs recent (the same last 180 days of visits, no earlier ones; its JSON ${recentText.length.toLocaleString("en")} bytes): ` +
      `checkout ${tLoyal.toFixed(0)} vs ${tRecent.toFixed(0)} µs CPU = ${(tLoyal / tRecent).toFixed(2)}× (paired ${paired(runs.l, runs.r).toFixed(2)}×); ` +
      `read JSON + checkout + write JSON ${sLoyal.toFixed(0)} vs ${sRecent.toFixed(0)} µs CPU = ${(sLoyal / sRecent).toFixed(2)}× (paired ${paired(runs.ls, runs.rs).toFixed(2)}×)`,
  );
}

// A bonus program with its own tier policy (calendar year, one tier down a year, three tiers): the
// account's tier log keeps only the last three years' sales that left the window (plus this year's),
// so its size stops growing after three years and the tier replay at checkout with it.
function tieredTenure(N) {
  const program = parseProgram({
    kind: "bonus",
    id: "tiered",
    name: "Coffee points with tiers",
    currency: "EUR",
    timeZone: "Europe/Berlin",
    active: { from: "2025-01-01T00:00:00Z" },
    earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], validityMonths: 2 },
    redeem: { pointValue: "0.01", maxShare: "50" },
    tiers: {
      basis: "spend",
      currency: "EUR",
      timeZone: "Europe/Berlin",
      window: { type: "calendar-year" },
      downgrade: "one-tier",
      tiers: [
        { name: "Silver", threshold: "300", earnMultiplier: "1.25" },
        { name: "Gold", threshold: "1000", earnMultiplier: "1.5" },
        { name: "Platinum", threshold: "3000", earnMultiplier: "2" },
      ],
    },
  });
  const basket = (k) => ({
    id: `b${k}`,
    at: iso(T0 + 3 * k * DAY),
    lines: [{ id: "1", sku: "COFFEE", quantity: 3, unitPrice: { amount: "3.40", currency: "EUR" } }],
  });
  let loyal = openProgramAccount(program, { customerId: "loyal", consent: true });
  const t = performance.now();
  let longest = 0;
  for (let k = 0; k < N; k++) {
    // Every fifth visit paid partly with points, as in the coffee account above.
    const redeem = k % 5 === 4 ? { redeemPoints: "max" } : {};
    loyal = checkout(program, loyal, basket(k), { transactionId: `sale-${k}`, consent: true, ...redeem }).account;
    longest = Math.max(longest, loyal.totals.tierLog?.length ?? 0);
  }
  const build = performance.now() - t;
  const fresh = openProgramAccount(program, { customerId: "fresh", consent: true });
  const next = (account) => (i) =>
    checkout(program, account, basket(N + 1), { transactionId: `next-${i}`, consent: true });
  const { l, f } = rounds({ l: () => cpu(next(loyal), 100), f: () => cpu(next(fresh), 100) });
  console.log(
    `tiered program account: ${N.toLocaleString("en")} prior checkouts over ${((3 * N) / 365).toFixed(1)} years (built in ${(build / 1000).toFixed(1)} s): ` +
      `tier log ${loyal.totals.tierLog?.length ?? 0} rows (at most ${longest} on the way; one row per sale left the window before: ${N - loyal.sales.length}); ` +
      `checkout ${mid(l).toFixed(0)} µs vs fresh ${mid(f).toFixed(0)} µs CPU = ${(mid(l) / mid(f)).toFixed(2)}× (paired ${paired(l, f).toFixed(2)}×); account JSON ${JSON.stringify(loyal).length.toLocaleString("en")} bytes`,
  );
}
