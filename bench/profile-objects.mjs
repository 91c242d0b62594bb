// Profiling aid for the analytics object path: `node --cpu-prof bench/profile-objects.mjs <fn> <kind>`
// with fn rfmSummary | rfmAccumulator | totalsAccumulator and kind numbers | strings; builds the
// bench's 2M purchase objects (1M customers) and runs the one function on them three times.
import { rfmAccumulator, rfmSummary, totalsAccumulator } from "loyalty-kit";
import { random } from "./analytics.bench.mjs";

const [fn = "rfmSummary", kind = "strings"] = process.argv.slice(2);
const rnd = random(7);
const k = 2_000_000;
const start = Date.UTC(2024, 0, 1);
const span = 545 * 86_400_000;
const txs = Array.from({ length: k }, (_, i) => {
  const id = Math.floor(rnd() * 1_000_000);
  const at = start + Math.floor((i / (5 * k)) * span);
  const value = Math.round(rnd() * 20000) / 100;
  return kind === "numbers"
    ? { customerId: id, at, value }
    : { customerId: `c${id}`, at: new Date(at).toISOString(), value: value.toFixed(2) };
});
const options = { observationEnd: "2025-06-30", period: "week" };
let sink = 0;
for (let r = 0; r < 3; r++) {
  const c0 = process.cpuUsage();
  if (fn === "rfmSummary") sink += rfmSummary(txs, options).length;
  else {
    const acc = fn === "rfmAccumulator" ? rfmAccumulator(options) : totalsAccumulator();
    for (let i = 0; i < txs.length; i++) acc.add(txs[i]);
    sink += acc.result().length;
  }
  const c = process.cpuUsage(c0);
  console.log(
    `${fn} ${kind}: CPU ${((c.user + c.system) / 1000).toFixed(0)} ms → ${(k / ((c.user + c.system) / 1000) / 1000).toFixed(2)}M/s`,
  );
}
if (sink === 42) console.log("");
