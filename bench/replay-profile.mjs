// Profiles replayAccount on the ledger bench's 1M-record history: run with
// `node --cpu-prof --expose-gc bench/replay-profile.mjs` after `npm run build` (imports the built package).
// Prints each replay's CPU and wall time, and how many scavenges and mark-compacts it took. With
// PROFILE=<file> the replays alone (not building the history) are profiled into <file>.cpuprofile.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { PerformanceObserver } from "node:perf_hooks";
import { replayAccount } from "loyalty-kit";
import { makeEntries } from "./ledger.bench.mjs";

const N = 1_000_000;
const settings = { accountId: "bench" };
const history = makeEntries(N).map((entry, i) => ({ accountId: settings.accountId, sequence: i + 1, entry }));
const gcs = { minor: 0, major: 0, ms: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.detail?.kind === 1) gcs.minor++;
    else gcs.major++;
    gcs.ms += e.duration;
  }
}).observe({ entryTypes: ["gc"] });
const profile = process.env.PROFILE;
const session = profile === undefined ? undefined : new Session();
if (session !== undefined) {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
}
let account;
for (let k = 0; k < 3; k++) {
  account = undefined;
  globalThis.gc?.();
  await new Promise((r) => setTimeout(r, 0));
  Object.assign(gcs, { minor: 0, major: 0, ms: 0 });
  const c = process.cpuUsage();
  const t = performance.now();
  account = replayAccount(history, settings);
  const wall = performance.now() - t;
  const u = process.cpuUsage(c);
  await new Promise((r) => setTimeout(r, 0)); // let the observer report
  console.log(
    `replay ${k + 1}: CPU ${((u.user + u.system) / 1000).toFixed(0)} ms, wall ${wall.toFixed(0)} ms; ${gcs.minor} scavenges, ${gcs.major} other collections, ${gcs.ms.toFixed(0)} ms in them; ${account.lots.length} lots`,
  );
}
if (session !== undefined) {
  const { profile: result } = await session.post("Profiler.stop");
  writeFileSync(`${profile}.cpuprofile`, JSON.stringify(result));
}
