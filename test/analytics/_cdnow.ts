// Loads the CDNOW fixtures (Fader, Hardie & Lee 2005, via the lifetimes package; see test/fixtures/analytics/README.md).
import { readFileSync } from "node:fs";

const dir = new URL("../fixtures/analytics/", import.meta.url);
const isoDate = (yyyymmdd: string): string => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

export interface CdnowPurchase {
  customerId: number;
  at: string;
  value: string;
}

/** The 6,919 purchases of the 2,357-customer sample, keyed by sample id (the ID of the published summary). */
export function cdnowSample(): CdnowPurchase[] {
  return readFileSync(new URL("CDNOW_sample.txt", dir), "utf8")
    .trim()
    .split("\n")
    .map((line) => {
      const [, sampleId, date, , value] = line.trim().split(/\s+/);
      return { customerId: Number(sampleId), at: isoDate(String(date)), value: String(value) };
    });
}

/** The 69,659 purchases of all 23,570 customers. */
export function cdnowMaster(): CdnowPurchase[] {
  return readFileSync(new URL("CDNOW_master.txt", dir), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [id, date, , value] = line.trim().split(/\s+/);
      return { customerId: Number(id), at: isoDate(String(date)), value: String(value) };
    });
}

/** A CSV fixture as rows of numbers keyed by header. */
export function csv(name: string): Record<string, number>[] {
  const [head, ...lines] = readFileSync(new URL(name, dir), "utf8").trim().split(/\r?\n/);
  const keys = String(head).split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [keys[i], Number(v)])));
}

/** Expects two RFM summaries to agree: counts and periods exactly, values within float rounding of sums. */
export function sameSummary(actualRows: readonly object[], expectedRows: readonly object[]): string | undefined {
  const actual = actualRows as readonly Record<string, unknown>[];
  const expected = expectedRows as readonly Record<string, unknown>[];
  if (actual.length !== expected.length) return `lengths differ: ${actual.length} vs ${expected.length}`;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as Record<string, unknown>;
    const e = expected[i] as Record<string, unknown>;
    const keys = Object.keys(e).sort();
    if (JSON.stringify(Object.keys(a).sort()) !== JSON.stringify(keys)) return `row ${i}: fields differ`;
    for (const k of keys) {
      const x = a[k];
      const y = e[k];
      if (k.startsWith("monetary") && typeof x === "number" && typeof y === "number") {
        if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(y))) return `row ${i}.${k}: ${x} vs ${y}`;
      } else if (x !== y) return `row ${i}.${k}: ${String(x)} vs ${String(y)}`;
    }
  }
  return undefined;
}
