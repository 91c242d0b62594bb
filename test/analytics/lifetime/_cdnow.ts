// Loads the CDNOW summaries (test/fixtures/analytics/; the published fits they reproduce are in test/fixtures/lifetime/README.md).
import { readFileSync } from "node:fs";

export interface CdnowRow {
  readonly id: number;
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly monetary: number;
}

function read(name: string): number[][] {
  const text = readFileSync(new URL(`../../fixtures/analytics/${name}`, import.meta.url), "utf8");
  return text
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(",").map(Number));
}

/** cdnow_customers_summary.csv: ID, frequency, recency, T. */
export function cdnowSummary(): CdnowRow[] {
  return read("cdnow_customers_summary.csv").map(([id, frequency, recency, T]) => ({
    id: id as number,
    frequency: frequency as number,
    recency: recency as number,
    T: T as number,
    monetary: 0,
  }));
}

/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar (monetary = zbar). */
export function cdnowWithMonetary(): CdnowRow[] {
  return read("cdnow_customers_summary_with_transactions.csv").map(([id, x, tx, T, zbar]) => ({
    id: id as number,
    frequency: x as number,
    recency: tx as number,
    T: T as number,
    monetary: zbar as number,
  }));
}
