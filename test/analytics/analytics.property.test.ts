import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import {
  abc,
  gini,
  lorenz,
  LoyaltyError,
  pareto,
  paretoShareFor,
  rfmAccumulator,
  rfmSummary,
  totalsAccumulator,
  type RfmTransaction,
} from "../../src/index.js";

const nonNegative = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 });
const withNegatives = fc
  .array(fc.double({ min: -1e3, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 })
  .filter((xs) => xs.reduce((a, b) => a + b, 0) > 1e-6);
const share = fc.double({ min: 0, max: 1, noNaN: true });

/** A permutation of xs driven by a seed list. */
const shuffled = <T>(xs: readonly T[], keys: readonly number[]): T[] =>
  xs
    .map((x, i) => [x, keys[i % Math.max(keys.length, 1)] ?? 0, i] as const)
    .sort((a, b) => a[1] - b[1] || a[2] - b[2])
    .map(([x]) => x);

test.prop([nonNegative])("Gini of non-negative values lies in [0, 1)", (xs) => {
  const g = gini(xs);
  expect(g).toBeGreaterThanOrEqual(0);
  expect(g).toBeLessThan(1);
  expect(gini(xs, { corrected: true })).toBeLessThanOrEqual(1 + 1e-12);
});

// Subnormal values (below 2.2e-308) lose digits when scaled, so scaling is checked on normal floats.
const normal = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), {
  minLength: 1,
  maxLength: 60,
});
test.prop([normal, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.array(fc.integer(), { minLength: 1 })])(
  "Gini is invariant under scaling and permutation",
  (xs, factor, keys) => {
    const g = gini(xs);
    expect(gini(xs.map((x) => x * factor))).toBeCloseTo(g, 9);
    expect(gini(shuffled(xs, keys))).toBe(g);
  },
);

test.prop([nonNegative, fc.option(fc.integer({ min: 2, max: 200 }), { nil: undefined })])(
  "Lorenz runs from (0,0) to (1,1), monotone, convex and under the line of equality",
  (xs, points) => {
    const pts = lorenz(xs, points === undefined ? {} : { points }).points;
    expect(pts[0]).toEqual({ x: 0, y: 0 });
    expect(pts[pts.length - 1]).toEqual({ x: 1, y: 1 });
    let slope = -Infinity;
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1];
      const b = pts[i];
      if (a === undefined || b === undefined) throw new Error("point");
      expect(b.x).toBeGreaterThan(a.x);
      expect(b.y).toBeGreaterThanOrEqual(a.y - 1e-12);
      expect(b.y).toBeLessThanOrEqual(b.x + 1e-12);
      const s = (b.y - a.y) / (b.x - a.x);
      expect(s).toBeGreaterThanOrEqual(slope - 1e-6 * Math.max(1, Math.abs(slope)));
      slope = s;
    }
  },
);

test.prop([withNegatives, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })])(
  "ABC classes partition the items, and a larger value never gets a lower class",
  (xs, a, extra) => {
    const b = a + (1 - a) * extra;
    const r = abc(xs, { a, b });
    expect(r.classes).toHaveLength(xs.length);
    expect(r.summary.A.count + r.summary.B.count + r.summary.C.count).toBe(xs.length);
    for (const cls of ["A", "B", "C"] as const)
      expect(r.classes.filter((c) => c === cls)).toHaveLength(r.summary[cls].count);
    const rank = { A: 0, B: 1, C: 2 };
    xs.forEach((x, i) => {
      xs.forEach((y, j) => {
        if (x > y) expect(rank[r.classes[i] ?? "C"]).toBeLessThanOrEqual(rank[r.classes[j] ?? "C"]);
      });
    });
    expect(r.summary.A.count).toBeGreaterThan(0);
  },
);

test.prop([withNegatives, share])(
  "paretoShareFor gives the smallest group whose pareto share reaches the target",
  (xs, target) => {
    const inverse = paretoShareFor(xs, { valueShare: target });
    const n = xs.length;
    expect(pareto(xs, { topShare: inverse.count / n }).valueShare).toBeGreaterThanOrEqual(target - 1e-9);
    if (inverse.count > 0)
      expect(pareto(xs, { topShare: (inverse.count - 1) / n }).valueShare).toBeLessThan(target + 1e-9);
  },
);

// Purchases with integer values, so that sums are exact whatever the order of addition.
const day0 = Date.UTC(2025, 0, 1);
const purchase = fc.record({
  customerId: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constantFrom("ana", "ben", "cy")),
  at: fc.integer({ min: 0, max: 90 * 86_400_000 - 1 }).map((ms) => day0 + ms),
  value: fc.integer({ min: -50, max: 500 }),
});
const rfmOptions = fc.constantFrom(
  { observationEnd: "2025-03-31", period: "day" } as const,
  { observationEnd: "2025-03-31", period: "week" } as const,
  { observationEnd: "2025-03-31", period: "week", calibrationEnd: "2025-02-14" } as const,
);

test.prop([
  fc.array(purchase, { minLength: 1, maxLength: 80 }),
  fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1 }),
  rfmOptions,
  fc.array(fc.integer(), { minLength: 1 }),
])("RFM accumulators merged from any split, in any order, equal one pass", (txs, chunkOf, options, order) => {
  const one = rfmAccumulator(options);
  for (const tx of txs) one.add(tx);
  const parts = Array.from({ length: 5 }, () => rfmAccumulator(options));
  txs.forEach((tx, i) => parts[chunkOf[i % chunkOf.length] ?? 0]?.add(tx));
  const [first, ...rest] = shuffled(parts, order);
  if (first === undefined) throw new Error("parts");
  for (const p of rest) first.merge(p);
  expect(first.result()).toEqual(one.result());
  expect(first.count).toBe(txs.length);
});

test.prop([fc.array(purchase, { minLength: 1, maxLength: 80 }), rfmOptions])(
  "the columnar form gives the rows' summary",
  (txs, options) => {
    const numeric = txs.map((t, i) => ({
      ...t,
      customerId: typeof t.customerId === "number" ? t.customerId : 100 + (i % 3),
    }));
    const columns = {
      customerId: numeric.map((t) => t.customerId),
      at: Float64Array.from(numeric, (t) => t.at),
      value: Float64Array.from(numeric, (t) => t.value),
    };
    expect(rfmSummary(columns, options)).toEqual(rfmSummary(numeric, options));
  },
);

test.prop([
  fc.array(purchase, { minLength: 1, maxLength: 80 }),
  fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1 }),
])("customer totals merged from any split equal one pass", (txs, chunkOf) => {
  const one = totalsAccumulator();
  for (const tx of txs) one.add(tx);
  const parts = Array.from({ length: 4 }, () => totalsAccumulator());
  txs.forEach((tx, i) => parts[chunkOf[i % chunkOf.length] ?? 0]?.add(tx));
  const merged = parts.reduce((acc, p) => acc.merge(p), totalsAccumulator());
  expect(merged.result()).toEqual(one.result());
});

const isLoyaltyError = (f: () => unknown): void => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(LoyaltyError);
  }
};

test.prop([fc.anything(), fc.anything()])(
  "bad values or options get a LoyaltyError, never another exception",
  (values, options) => {
    isLoyaltyError(() => pareto(values as number[], options as { topShare: number }));
    isLoyaltyError(() => pareto(values as number[], { topShare: 0.2 }));
    isLoyaltyError(() => gini(values as number[]));
    isLoyaltyError(() => abc(values as number[], options as object));
    isLoyaltyError(() => lorenz(values as number[]));
    isLoyaltyError(() => rfmSummary(values as RfmTransaction[], { observationEnd: "2025-03-31", period: "day" }));
    isLoyaltyError(() => rfmSummary([], options as { observationEnd: string; period: "day" }));
  },
);

test.prop([
  fc.oneof(
    fc.anything(),
    fc.json().map((j) => JSON.parse(j) as unknown),
    fc.record({ period: fc.constant("day"), observationEnd: fc.constant("2025-03-31"), customers: fc.anything() }),
  ),
])("a malformed accumulator state gets a LoyaltyError and changes nothing", (state) => {
  const acc = rfmAccumulator({ observationEnd: "2025-03-31", period: "day" }).add({
    customerId: 1,
    at: "2025-01-01",
    value: 1,
  });
  const before = JSON.stringify(acc.state());
  try {
    acc.merge(state as never);
  } catch (e) {
    expect(e).toBeInstanceOf(LoyaltyError);
    expect(JSON.stringify(acc.state())).toBe(before);
  }
  isLoyaltyError(() => totalsAccumulator(state as never));
});

test.prop([fc.array(purchase, { minLength: 1, maxLength: 60 }), rfmOptions])(
  "rfmSummary follows the definitions, computed naively per customer",
  (txs, options) => {
    const dayOf = (ms: number) => Math.floor(ms / 86_400_000);
    const endDay = dayOf(Date.UTC(2025, 2, 31));
    const calDay = "calibrationEnd" in options ? dayOf(Date.UTC(2025, 1, 14)) : endDay;
    const unit = options.period === "week" ? 7 : 1;
    const ids = [...new Set(txs.map((t) => t.customerId))];
    const expected = ids
      .map((id) => {
        const mine = txs.filter((t) => t.customerId === id);
        const cal = mine.filter((t) => dayOf(t.at) <= calDay);
        if (cal.length === 0) return undefined;
        const days = [...new Set(cal.map((t) => dayOf(t.at)))].sort((a, b) => a - b);
        const first = days[0] as number;
        const last = days[days.length - 1] as number;
        const repeat = cal.filter((t) => dayOf(t.at) !== first).reduce((s, t) => s + t.value, 0);
        const row: Record<string, unknown> = {
          customerId: id,
          frequency: days.length - 1,
          recency: (last - first) / unit,
          T: (calDay - first) / unit,
          monetary: days.length > 1 ? repeat / (days.length - 1) : 0,
        };
        if ("calibrationEnd" in options) {
          const hold = mine.filter((t) => dayOf(t.at) > calDay);
          const holdDays = new Set(hold.map((t) => dayOf(t.at))).size;
          row["frequencyHoldout"] = holdDays;
          row["monetaryHoldout"] = holdDays === 0 ? 0 : hold.reduce((s, t) => s + t.value, 0) / holdDays;
          row["durationHoldout"] = (endDay - calDay) / unit;
        }
        return row;
      })
      .filter((r) => r !== undefined)
      .sort((a, b) => {
        const x = a["customerId"] as string | number;
        const y = b["customerId"] as string | number;
        return typeof x === "number"
          ? typeof y === "number"
            ? x - y
            : -1
          : typeof y === "number"
            ? 1
            : x < y
              ? -1
              : 1;
      });
    expect(rfmSummary(txs, options)).toEqual(expected);
  },
);

test.prop([withNegatives, share])("pareto's share is the naive top-k sum over the total", (xs, topShare) => {
  const sorted = [...xs].sort((a, b) => b - a);
  const r = pareto(xs, { topShare });
  const k = r.count;
  expect(k).toBeGreaterThanOrEqual(topShare * xs.length - 1e-9);
  expect(k - 1).toBeLessThan(topShare * xs.length);
  const total = xs.reduce((a, b) => a + b, 0);
  const top = sorted.slice(0, k).reduce((a, b) => a + b, 0);
  // Relative: with negatives the net total can be small and the share large.
  expect(Math.abs(r.valueShare - top / total)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(top / total)));
});
