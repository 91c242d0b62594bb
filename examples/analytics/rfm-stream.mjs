// RFM over the CDNOW file streamed line by line: no need to hold the purchases in memory. Two
// accumulators (odd and even lines, as two workers would) are merged, then scored and segmented.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { rfmAccumulator, rfmScores, rfmSegments, RFM_SEGMENTS } from "loyalty-kit";

const options = { observationEnd: "1998-06-30", period: "week" };
const workers = [rfmAccumulator(options), rfmAccumulator(options)];
const file = new URL("../../test/fixtures/analytics/CDNOW_master.txt", import.meta.url);
let n = 0;
for await (const line of createInterface({ input: createReadStream(file) })) {
  const [id, date, , dollars] = line.trim().split(/\s+/);
  if (id === "customer_id") continue; // header
  const at = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
  workers[n++ % 2].add({ customerId: Number(id), at, value: dollars });
}
const summary = workers[0].merge(workers[1]).result(); // feeds fitBgNbd(summary) as it is
const segments = rfmSegments(rfmScores(summary, { bins: 5 }));

console.log(`${n} purchases, ${summary.length} customers`);
console.log("segment               customers   share  mean frequency  mean monetary");
const byId = new Map(summary.map((row) => [row.customerId, row]));
for (const name of RFM_SEGMENTS) {
  const rows = segments.filter((s) => s.segment === name).map((s) => byId.get(s.customerId));
  if (rows.length === 0) {
    console.log(`${name.padEnd(20)}  ${"0".padStart(9)}`);
    continue;
  }
  const mean = (f) => rows.reduce((sum, r) => sum + f(r), 0) / rows.length;
  console.log(
    `${name.padEnd(20)}  ${String(rows.length).padStart(9)}  ${((rows.length / summary.length) * 100).toFixed(1).padStart(5)} %  ${mean(
      (r) => r.frequency,
    )
      .toFixed(2)
      .padStart(14)}  ${mean((r) => r.monetary)
      .toFixed(2)
      .padStart(13)}`,
  );
}
