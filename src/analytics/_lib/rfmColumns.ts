// Per-customer RFM figures from purchases in columns (customers numbered 0 … m − 1, times in epoch
// ms or UTC day numbers, values): the one aggregation behind rfmSummary (both forms) and
// rfmAccumulator.
import { makeRow, type RfmSettings } from "./rfm.js";
import type { RfmRow } from "../rfmAccumulator.js";

/**
 * Aggregates checked columns whose customer numbers are dense (0 … m − 1) into rows, `keyOf` giving
 * each number's customer id, in the customer-number order `rowOrder` (ascending when undefined): one
 * pass when every customer's purchases come in time order (a log usually is), else after sorting by
 * day and then by customer. `perDay` units of `at` make a day: DAY_MS for epoch ms, 1 for day numbers.
 */
export function summarize(
  dense: ArrayLike<number>,
  at: ArrayLike<number>,
  perDay: number,
  value: ArrayLike<number> | undefined,
  m: number,
  s: RfmSettings,
  keyOf: (c: number) => string | number,
  rowOrder: ArrayLike<number> | undefined,
): RfmRow[] {
  let agg = aggregate(dense, at, perDay, value, m, s, undefined);
  if (agg === undefined) {
    const order = timeOrder(dense, at, perDay, m);
    agg = aggregate(dense, at, perDay, value, m, s, order);
    // Cannot be undefined now: every customer's purchases are in time order. Fail loudly if it were.
    if (agg === undefined) throw new Error("rfmSummary: internal ordering error");
  }
  const { firstDay, lastCalDay, calDays, holdDays, repeatSum, holdSum } = agg;
  const rows: RfmRow[] = [];
  for (let t = 0; t < m; t++) {
    const c = rowOrder === undefined ? t : (rowOrder[t] as number);
    const k = calDays[c] as number;
    if (k === 0) continue;
    rows.push(
      makeRow(
        s,
        keyOf(c),
        firstDay[c] as number,
        lastCalDay[c] as number,
        k,
        repeatSum[c] as number,
        holdDays[c] ?? 0,
        holdSum[c] ?? 0,
      ),
    );
  }
  return rows;
}

/**
 * The indices 0 … n − 1 ordered by customer number and, within a customer, by day, stably (a day's
 * purchases keep their input order). Purchases of one day are interchangeable for RFM (their values
 * are summed), so two stable counting sorts suffice: by day, then by customer.
 */
export function timeOrder(dense: ArrayLike<number>, at: ArrayLike<number>, perDay: number, m: number): Uint32Array {
  const n = dense.length;
  if (n === 0) return new Uint32Array(0);
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  const days = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = Math.floor((at[i] as number) / perDay);
    days[i] = d;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  let byDay: Uint32Array;
  if (maxDay - minDay < 4 * n + 1_000_000) {
    byDay = countingSort(n, maxDay - minDay + 1, (i) => (days[i] as number) - minDay, undefined);
  } else {
    // Decades of days in a small input: a comparison sort is cheaper than the counting table.
    byDay = new Uint32Array(n).map((_, i) => i).sort((x, y) => (days[x] as number) - (days[y] as number) || x - y);
  }
  return countingSort(n, m, (i) => dense[i] as number, byDay);
}

/**
 * Stable counting sort of the indices 0 … n − 1 (taken in the order of `input`, or ascending) by an
 * integer key in [0, buckets).
 */
function countingSort(
  n: number,
  buckets: number,
  key: (i: number) => number,
  input: Uint32Array | undefined,
): Uint32Array {
  const next = new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) {
    const slot = key(i) + 1;
    next[slot] = (next[slot] as number) + 1;
  }
  for (let b = 0; b < buckets; b++) next[b + 1] = (next[b + 1] as number) + (next[b] as number);
  const out = new Uint32Array(n);
  for (let t = 0; t < n; t++) {
    const i = input === undefined ? t : (input[t] as number);
    const b = key(i);
    out[next[b] as number] = i;
    next[b] = (next[b] as number) + 1;
  }
  return out;
}

interface Aggregates {
  firstDay: Int32Array;
  lastCalDay: Int32Array;
  calDays: Int32Array;
  holdDays: Int32Array;
  repeatSum: Float64Array;
  holdSum: Float64Array;
}

/**
 * One pass over purchases in per-customer time order (`order`, or input order). Returns undefined
 * as soon as a customer's purchase comes earlier than one already seen.
 */
function aggregate(
  ids: ArrayLike<number>,
  at: ArrayLike<number>,
  perDay: number,
  value: ArrayLike<number> | undefined,
  m: number,
  s: RfmSettings,
  order: Uint32Array | undefined,
): Aggregates | undefined {
  // Typed arrays count as external memory, and V8 starts a major GC (which marks the caller's whole
  // heap) each time 64 MiB more of it is allocated: only the arrays the options need are allocated.
  // Without a holdout period every purchase day is in the calibration period (cal is the end day),
  // so the holdout figures stay empty (length 0: never written, read as 0) and
  // the last day is the last calibration day (one array for both).
  const holdout = s.calibrationDay !== undefined;
  const firstDay = new Int32Array(m);
  const lastDay = new Int32Array(m);
  const lastCalDay = holdout ? new Int32Array(m) : lastDay;
  const calDays = new Int32Array(m);
  const holdDays = new Int32Array(holdout ? m : 0);
  const repeatSum = new Float64Array(m);
  const holdSum = new Float64Array(holdout ? m : 0);
  const seen = new Uint8Array(m);
  const cal = s.calibrationDay ?? s.endDay;
  const n = ids.length;
  for (let t = 0; t < n; t++) {
    const i = order === undefined ? t : (order[t] as number);
    const c = ids[i] as number;
    const d = Math.floor((at[i] as number) / perDay);
    const x = value === undefined ? 0 : (value[i] as number);
    if (seen[c] === 0) {
      seen[c] = 1;
      firstDay[c] = d;
      lastDay[c] = d;
      if (d <= cal) {
        calDays[c] = 1;
        lastCalDay[c] = d;
      } else {
        holdDays[c] = 1;
        holdSum[c] = (holdSum[c] as number) + x;
      }
      continue;
    }
    const last = lastDay[c] as number;
    if (d === last) {
      if (d > cal) holdSum[c] = (holdSum[c] as number) + x;
      else if (d !== firstDay[c]) repeatSum[c] = (repeatSum[c] as number) + x;
    } else if (d > last) {
      lastDay[c] = d;
      if (d <= cal) {
        calDays[c] = (calDays[c] as number) + 1;
        lastCalDay[c] = d;
        repeatSum[c] = (repeatSum[c] as number) + x;
      } else {
        holdDays[c] = (holdDays[c] as number) + 1;
        holdSum[c] = (holdSum[c] as number) + x;
      }
    } else {
      return undefined;
    }
  }
  return { firstDay, lastCalDay, calDays, holdDays, repeatSum, holdSum };
}
