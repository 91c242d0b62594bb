// RFM summary of the CDNOW sample with the calibration period of Fader, Hardie & Lee (2005): the rows
// match their published summary (ID 1: x = 2, t_x = 30.43, T = 38.86, zbar = 22.35).
import { readFileSync } from "node:fs";
import { rfmSummary } from "loyalty-kit";

const file = new URL("../../test/fixtures/analytics/CDNOW_sample.txt", import.meta.url);
const purchases = readFileSync(file, "utf8")
  .trim()
  .split("\n")
  .map((line) => {
    const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
    return {
      customerId: Number(sampleId),
      at: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
      value: dollars,
    };
  });
const summary = rfmSummary(purchases, { observationEnd: "1998-06-30", calibrationEnd: "1997-09-30", period: "week" });
console.log("ID  frequency  recency      T  monetary  holdout purchases"); // monetary unrounded: 22.345 is published as 22.35
for (const r of summary.slice(0, 5)) {
  console.log(
    `${String(r.customerId).padEnd(2)}  ${String(r.frequency).padStart(9)}  ${r.recency.toFixed(2).padStart(7)}  ${r.T.toFixed(2).padStart(5)}  ${r.monetary.toFixed(3).padStart(8)}  ${String(r.frequencyHoldout).padStart(17)}`,
  );
}
console.log(
  `${summary.length} customers, ${summary.filter((r) => r.frequency > 0).length} with a repeat purchase in the calibration period`,
);
