// The object path as files deliver it — string and number ids (the string "1" is not the number 1),
// ISO instants, date-only strings, Dates and epoch ms, decimal-string and number values — read by
// rfmSummary, rfmAccumulator and totalsAccumulator through one reading path. Each is checked against
// a naive computation of its definition. Values are multiples of 0.25 below 1,000, so every sum is
// exact in binary floating point whatever the order of addition and the three functions must agree
// exactly.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { LoyaltyValidationError, rfmAccumulator, rfmSummary, totalsAccumulator } from "../../src/index.js";

const DAY = 86_400_000;
const day0 = Date.UTC(2025, 0, 1);
const quarters = fc.integer({ min: -400, max: 4000 }).map((q) => q / 4);

const purchase = fc
  .record({
    customerId: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom("0", "1", "4", "ana", "Ana", "b")),
    ms: fc.integer({ min: 0, max: 90 * DAY - 1 }).map((ms) => day0 + ms),
    atForm: fc.constantFrom("iso", "offset", "day", "date", "number"),
    value: quarters,
    valueForm: fc.constantFrom("decimal", "number"),
  })
  .map(({ customerId, ms, atForm, value, valueForm }) => {
    const iso = new Date(ms).toISOString();
    // "+02:00" two hours later on the clock is the same instant.
    const offset = `${new Date(ms + 2 * 3_600_000).toISOString().slice(0, 23)}+02:00`;
    const at =
      atForm === "iso"
        ? iso
        : atForm === "offset"
          ? offset
          : atForm === "day"
            ? iso.slice(0, 10)
            : atForm === "date"
              ? new Date(ms)
              : ms;
    // A date-only string is the start of its UTC day: the naive model works on days, so it is the same day.
    return {
      // String(x) writes a multiple of 0.25 below 1,000 as a file does: "-12.5", "3", "0.25".
      tx: { customerId, at, value: valueForm === "decimal" ? String(value) : value },
      customerId,
      day: Math.floor(ms / DAY),
      value,
    };
  });

const byId = (a: string | number, b: string | number): number =>
  typeof a === "number" ? (typeof b === "number" ? a - b : -1) : typeof b === "number" ? 1 : a < b ? -1 : a > b ? 1 : 0;

const options = fc.constantFrom(
  { observationEnd: "2025-03-31", period: "day" } as const,
  { observationEnd: "2025-03-31", period: "week", calibrationEnd: "2025-02-14" } as const,
);

test.prop([fc.array(purchase, { minLength: 1, maxLength: 40 }), options])(
  "rfmSummary and rfmAccumulator read purchase objects in every form into the naive summary",
  (ps, o) => {
    const calDay =
      "calibrationEnd" in o ? Math.floor(Date.UTC(2025, 1, 14) / DAY) : Math.floor(Date.UTC(2025, 2, 31) / DAY);
    const endDay = Math.floor(Date.UTC(2025, 2, 31) / DAY);
    const unit = o.period === "week" ? 7 : 1;
    const ids = [...new Set(ps.map((p) => p.customerId))].sort(byId);
    const expected = ids.flatMap((id) => {
      const mine = ps.filter((p) => p.customerId === id);
      const cal = mine.filter((p) => p.day <= calDay);
      if (cal.length === 0) return [];
      const days = [...new Set(cal.map((p) => p.day))].sort((a, b) => a - b);
      const first = days[0] as number;
      const repeat = cal.filter((p) => p.day !== first).reduce((s, p) => s + p.value, 0);
      const row: Record<string, unknown> = {
        customerId: id,
        frequency: days.length - 1,
        recency: ((days[days.length - 1] as number) - first) / unit,
        T: (calDay - first) / unit,
        monetary: days.length > 1 ? repeat / (days.length - 1) : 0,
      };
      if ("calibrationEnd" in o) {
        const hold = mine.filter((p) => p.day > calDay);
        const holdDays = new Set(hold.map((p) => p.day)).size;
        row["frequencyHoldout"] = holdDays;
        row["monetaryHoldout"] = holdDays === 0 ? 0 : hold.reduce((s, p) => s + p.value, 0) / holdDays;
        row["durationHoldout"] = (endDay - calDay) / unit;
      }
      return [row];
    });
    const txs = ps.map((p) => p.tx);
    expect(rfmSummary(txs, o)).toEqual(expected);
    const acc = rfmAccumulator(o);
    for (const tx of txs) acc.add(tx);
    expect(acc.result()).toEqual(expected);
  },
);

test.prop([fc.array(purchase, { minLength: 1, maxLength: 60 })])(
  "totalsAccumulator sums purchase objects per customer, ordered by id (numbers first)",
  (ps) => {
    const totals = new Map<string | number, number>();
    for (const p of ps) totals.set(p.customerId, (totals.get(p.customerId) ?? 0) + p.value);
    const expected = [...totals].sort((a, b) => byId(a[0], b[0])).map(([customerId, total]) => ({ customerId, total }));
    const acc = totalsAccumulator();
    for (const p of ps) acc.add(p.tx);
    expect(acc.result()).toEqual(expected);
    expect(acc.state().customers).toEqual(expected.map((e) => [e.customerId, e.total]));
  },
);

test.prop([fc.array(purchase, { minLength: 1, maxLength: 20 }), fc.nat(), fc.constantFrom("at", "value")])(
  "a bad purchase adds nothing to either accumulator, not even its customer",
  (ps, k, field) => {
    const o = { observationEnd: "2025-03-31", period: "day" } as const;
    const at = k % ps.length;
    // A customer id no good purchase uses, so that numbering it early would show in the result.
    // totalsAccumulator reads no time, so it gets the bad value only.
    const badAt = { customerId: "new", at: "2025-13-01", value: 1 };
    const badValue = { customerId: "new", at: "2025-01-01", value: "1,5" };
    const rfm = rfmAccumulator(o);
    const totals = totalsAccumulator();
    const rfmRef = rfmAccumulator(o);
    const totalsRef = totalsAccumulator();
    ps.forEach((p, i) => {
      if (i === at) {
        expect(() => rfm.add(field === "at" ? badAt : badValue)).toThrow(LoyaltyValidationError);
        expect(() => totals.add(badValue)).toThrow(LoyaltyValidationError);
      }
      rfm.add(p.tx);
      totals.add(p.tx);
      rfmRef.add(p.tx);
      totalsRef.add(p.tx);
    });
    expect(rfm.result()).toEqual(rfmRef.result());
    expect(rfm.state()).toEqual(rfmRef.state());
    expect(totals.state()).toEqual(totalsRef.state());
  },
);

// Customer ids as the id table meets them: integers the array indexes directly, negative and large
// ones kept in a Map, and strings (code units 0 and 0xFFFF, surrogate halves, shared prefixes, one
// string the prefix of another).
const wideNumber = fc.oneof(
  fc.integer({ min: 0, max: 70 }),
  fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
  fc.constantFrom(65_535, 65_536, 2 ** 31 - 1, 2 ** 31, 2 ** 32, -1, -0),
);
const wideString = fc.string({
  unit: fc.constantFrom("a", "b", "\u0000", "é", "\ud83d", "\ude00", "\uffff", "1", "Z"),
  minLength: 1,
  maxLength: 30,
});

test.prop([
  fc.array(fc.record({ customerId: fc.oneof(wideNumber, wideString), value: fc.integer({ min: -50, max: 500 }) }), {
    minLength: 1,
    maxLength: 300,
  }),
])("every kind of customer id is one customer, and rows come ordered by id (numbers first)", (txs) => {
  const totals = new Map<string | number, number>();
  for (const t of txs) totals.set(t.customerId, (totals.get(t.customerId) ?? 0) + t.value);
  // Map keys are SameValueZero: -0 is the customer 0 and is reported as 0.
  const expected = [...totals]
    .sort((a, b) => byId(a[0], b[0]))
    .map(([customerId, total]) => ({ customerId: customerId === 0 ? 0 : customerId, total }));
  const acc = totalsAccumulator();
  for (const t of txs) acc.add(t);
  expect(acc.result()).toEqual(expected);
  const rows = rfmSummary(
    txs.map((t) => ({ ...t, at: "2025-01-01" })),
    { observationEnd: "2025-03-31", period: "day" },
  );
  expect(rows.map((r) => r.customerId)).toEqual(expected.map((e) => e.customerId));
});

// A purchase's fields are checked in one order wherever it is read — customer id, then time, then
// value — whether its customer is new or known: the accumulators check the id first but number it
// last (one lookup), so a purchase bad in several fields must still report its id.
test.prop([
  fc.array(purchase, { minLength: 1, maxLength: 20 }),
  fc.nat(),
  fc.record({ id: fc.boolean(), at: fc.boolean(), value: fc.boolean() }),
  fc.constantFrom("ana", 3, "new"),
])("a purchase bad in several fields reports the first of id, time, value", (ps, k, bad, goodId) => {
  fc.pre(bad.id || bad.at || bad.value);
  const o = { observationEnd: "2025-03-31", period: "day" } as const;
  const index = k % (ps.length + 1);
  const tx = {
    customerId: bad.id ? "" : goodId,
    at: bad.at ? "2025-13-01" : "2025-01-01",
    value: bad.value ? "1,5" : "1.5",
  };
  const first = bad.id ? "customerId" : bad.at ? "at" : "value";
  const pathOf = (f: () => unknown): unknown => {
    try {
      f();
    } catch (e) {
      return e instanceof LoyaltyValidationError ? e.issues[0]?.path : e;
    }
    return "no error";
  };
  const before = ps.slice(0, index).map((p) => p.tx);
  expect(pathOf(() => rfmSummary([...before, tx], o))).toEqual([index, first]);
  const rfm = rfmAccumulator(o);
  for (const t of before) rfm.add(t);
  expect(pathOf(() => rfm.add(tx))).toEqual([index, first]);
  // totalsAccumulator reads no time: the id, then the value.
  const totals = totalsAccumulator();
  for (const t of before) totals.add(t);
  const firstOfTwo = bad.id ? "customerId" : bad.value ? "value" : undefined;
  expect(pathOf(() => totals.add(tx))).toEqual(firstOfTwo === undefined ? "no error" : [index, firstOfTwo]);
});

// Purchase days are kept in an Int32Array: epoch ms are taken within a Date's range (±8.64e15 ms,
// ±10^8 days), so every day fits. Times at the edge of that range, and just past it, mixed with
// ordinary days: inside it, rfmSummary must give what its columnar form gives (which keeps epoch ms
// in a Float64Array) and rfmAccumulator's state must list every purchase day exactly; past it, every
// path refuses the first such purchase with a validation error at its `at`.
const MAX_MS = 8.64e15;
const edgePurchase = fc.record({
  customerId: fc.integer({ min: 0, max: 3 }),
  at: fc.oneof(
    fc.integer({ min: -3, max: 3 }).map((k) => -MAX_MS + k),
    fc.integer({ min: 0, max: 90 * DAY - 1 }).map((ms) => day0 + ms),
  ),
  value: quarters,
});

const pathOrRows = (f: () => unknown): unknown => {
  try {
    return f();
  } catch (e) {
    return e instanceof LoyaltyValidationError ? e.issues[0]?.path : e;
  }
};

test.prop([fc.array(edgePurchase, { minLength: 1, maxLength: 30 }), options])(
  "purchase times at the edge of a Date's range are read exactly, and past it refused",
  (txs, o) => {
    const first = txs.findIndex((tx) => tx.at < -MAX_MS);
    const columnar = pathOrRows(() =>
      rfmSummary(
        { customerId: txs.map((p) => p.customerId), at: txs.map((p) => p.at), value: txs.map((p) => p.value) },
        o,
      ),
    );
    const objects = pathOrRows(() => rfmSummary(txs, o));
    const acc = rfmAccumulator(o);
    const added = pathOrRows(() => {
      for (const tx of txs) acc.add(tx);
    });
    if (first >= 0) {
      expect(columnar).toEqual(["at", first]);
      expect(objects).toEqual([first, "at"]);
      expect(added).toEqual([first, "at"]);
      return;
    }
    expect(objects).toEqual(columnar);
    // The state: each customer's days ascending, a day's values summed (sums of quarters are exact).
    const days = new Map<number, Map<number, number>>();
    txs.forEach((tx) => {
      const mine = days.get(tx.customerId) ?? new Map<number, number>();
      const day = Math.floor(tx.at / DAY);
      mine.set(day, (mine.get(day) ?? 0) + tx.value);
      days.set(tx.customerId, mine);
    });
    const expected = [...days.keys()]
      .sort((a, b) => a - b)
      .map((id) => [id, [...(days.get(id) as Map<number, number>)].sort((a, b) => a[0] - b[0])]);
    expect(acc.state().customers).toEqual(expected);
  },
);
