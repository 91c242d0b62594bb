// Issue 17, model-based: a bounded snapshot plus its history behaves like the unbounded account.
// Random operation sequences (earn with and without expiry, pending or not, redeem, adjust, reverse, hold, capture,
// release, expire; up to 5 days apart) are posted to an account whose window is longer than the
// history (nothing dropped: the unbounded model, itself checked against an independent model in
// ledger.property.test.ts). The entries it applied are then posted one by one to accounts with
// windows of 0, 1 and 3 days, which drop entries all the time. After every step both must agree on
// version, checkpoint, open holds, deficit, every kept lot and debit, every lot with points left,
// balances and available lots now and later; at the end the history rebuilds the bounded snapshot
// and gives the same statements. The one documented difference: reversing, capturing or releasing
// something that has left the bounded snapshot's window is refused with NOT_FOUND (or, for a hold
// closed long ago, the same validation the unbounded account gives) — the sequence stops there.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Account,
  availableLots,
  balance,
  type EntryInput,
  type LedgerHistoryRecord,
  OperationError,
  openAccount,
  parseAccount,
  pendingPoints,
  post,
  replayAccount,
  statement,
} from "../../src/index.js";

const T0 = Date.parse("2026-01-01T00:00:00.000Z");
const MIN = 60_000;
const DAY = 1440 * MIN;
const iso = (ms: number): string => new Date(ms).toISOString();

type Op =
  | { k: "earn"; p: number; exp: number | null; pend: number | null; dt: number }
  | { k: "redeem"; p: number; dt: number }
  | { k: "adjust"; p: number; dt: number }
  | { k: "reverse"; pick: number; p: number | null; sf: "reject" | "deduct-available" | "negative-balance"; dt: number }
  | { k: "hold"; p: number; timeout: number | null; dt: number }
  | { k: "capture"; pick: number; p: number | null; dt: number }
  | { k: "release"; pick: number; dt: number }
  | { k: "expire"; dt: number };

const dtArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 601, max: 5 * 1440 }));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant("earn" as const),
      p: fc.integer({ min: 1, max: 50 }),
      exp: fc.option(fc.integer({ min: 1, max: 20 * 1440 })),
      // pending points (a return window): the lot is released after `pend` minutes; expiry counts after it
      pend: fc.option(fc.integer({ min: 1, max: 3 * 1440 }), { freq: 3 }),
      dt: dtArb,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ k: fc.constant("redeem" as const), p: fc.integer({ min: 1, max: 60 }), dt: dtArb }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant("adjust" as const),
      p: fc.integer({ min: -40, max: 40 }).filter((x) => x !== 0),
      dt: dtArb,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant("reverse" as const),
      pick: fc.nat(),
      p: fc.option(fc.integer({ min: 1, max: 30 })),
      sf: fc.constantFrom("reject" as const, "deduct-available" as const, "negative-balance" as const),
      dt: dtArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant("hold" as const),
      p: fc.integer({ min: 1, max: 40 }),
      timeout: fc.option(fc.integer({ min: 1, max: 3 * 1440 })),
      dt: dtArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant("capture" as const),
      pick: fc.nat(),
      p: fc.option(fc.integer({ min: 1, max: 40 })),
      dt: dtArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("release" as const), pick: fc.nat(), dt: dtArb }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("expire" as const), dt: dtArb }) },
);

/** Posts the operations to an account that drops nothing; returns it and the entries it applied. */
function unbounded(ops: readonly Op[], limit: string): { account: Account; applied: EntryInput[] } {
  let account = openAccount({ accountId: "m", negativeLimit: limit, retainDays: 36_500 });
  const applied: EntryInput[] = [];
  let now = T0;
  ops.forEach((op, i) => {
    now += op.dt * MIN;
    const id = `t${i}`;
    const at = iso(now);
    const pick = (n: number): string | undefined =>
      applied[applied.length - 1 - (n % Math.max(1, applied.length))]?.transactionId;
    let e: EntryInput | undefined;
    switch (op.k) {
      case "earn":
        e = {
          kind: "earn",
          transactionId: id,
          at,
          points: String(op.p),
          ...(op.exp === null ? {} : { expiresAt: iso(now + ((op.pend ?? 0) + op.exp) * MIN) }),
          ...(op.pend === null ? {} : { availableAt: iso(now + op.pend * MIN) }),
        };
        break;
      case "redeem":
        e = { kind: "redeem", transactionId: id, at, points: String(op.p) };
        break;
      case "adjust":
        e = { kind: "adjust", transactionId: id, at, points: String(op.p), reason: "manual" };
        break;
      case "reverse": {
        const target = pick(op.pick);
        if (target !== undefined)
          e = {
            kind: "reverse",
            transactionId: id,
            at,
            reverses: target,
            shortfall: op.sf,
            ...(op.p === null ? {} : { points: String(op.p) }),
          };
        break;
      }
      case "hold":
        e = {
          kind: "hold",
          transactionId: id,
          at,
          points: String(op.p),
          ...(op.timeout === null ? {} : { timeoutAt: iso(now + op.timeout * MIN) }),
        };
        break;
      case "capture": {
        const holds = account.holds;
        const h = holds[op.pick % Math.max(1, holds.length)]?.holdId ?? pick(op.pick);
        if (h !== undefined)
          e = { kind: "capture", transactionId: id, at, holdId: h, ...(op.p === null ? {} : { points: String(op.p) }) };
        break;
      }
      case "release": {
        const h = account.holds[op.pick % Math.max(1, account.holds.length)]?.holdId;
        if (h !== undefined) e = { kind: "release", transactionId: id, at, holdId: h };
        break;
      }
      case "expire":
        e = { kind: "expire", transactionId: id, at };
        break;
    }
    if (e === undefined) return;
    try {
      account = post(account, e).account;
      applied.push(e);
    } catch {
      // refused by the unbounded account: not part of the history
    }
  });
  return { account, applied };
}

const key = (x: unknown): string => JSON.stringify(x);

function agree(b: Account, u: Account, where: string): void {
  const at = Date.parse(u.checkpoint.at ?? iso(T0));
  expect(b.version, where).toBe(u.version);
  expect(b.checkpoint, where).toEqual(u.checkpoint);
  expect(b.deficit, where).toBe(u.deficit);
  expect(b.holds, where).toEqual(u.holds);
  const uLots = new Map(u.lots.map((l) => [l.lotId, key(l)]));
  for (const l of b.lots) expect(key(l), `${where} lot ${l.lotId}`).toBe(uLots.get(l.lotId));
  const bLots = new Set(b.lots.map((l) => l.lotId));
  for (const l of u.lots)
    if (l.remaining !== "0") expect(bLots.has(l.lotId), `${where} open lot ${l.lotId} kept`).toBe(true);
  const uDebits = new Map(u.debits.map((d) => [d.transactionId, key(d)]));
  for (const d of b.debits) expect(key(d), `${where} debit ${d.transactionId}`).toBe(uDebits.get(d.transactionId));
  for (const later of [at, at + 2 * DAY, at + 30 * DAY]) {
    expect(balance(b, { at: iso(later) }), where).toBe(balance(u, { at: iso(later) }));
    expect(pendingPoints(b, { at: iso(later) }), where).toBe(pendingPoints(u, { at: iso(later) }));
    expect(availableLots(b, { at: iso(later) }), where).toEqual(availableLots(u, { at: iso(later) }));
  }
}

/** How many sequences stopped at a documented refusal, and how many ended with entries dropped. */
const stats = { stopped: 0, dropped: 0 };

function check(ops: readonly Op[], limit: string, retainDays: number): void {
  const { applied } = unbounded(ops, limit);
  let u = openAccount({ accountId: "m", negativeLimit: limit, retainDays: 36_500 });
  let b = openAccount({ accountId: "m", negativeLimit: limit, retainDays });
  const history: LedgerHistoryRecord[] = [];
  for (const [i, e] of applied.entries()) {
    u = post(u, e).account;
    let r: ReturnType<typeof post>;
    try {
      // Every third entry is posted onto the stored form read back from JSON (what a till loads).
      r = post(i % 3 === 2 ? (JSON.parse(JSON.stringify(b)) as Account) : b, e);
    } catch (err) {
      // Only what left the window may be refused: the entry it names is not in the snapshot.
      const target =
        e.kind === "reverse" ? e.reverses : e.kind === "capture" || e.kind === "release" ? e.holdId : undefined;
      expect(target, `entry ${i} ${key(e)} refused: ${String(err)}`).toBeDefined();
      expect(
        b.entries.some((x) => x.transactionId === target),
        String(err),
      ).toBe(false);
      expect(b.version).toBeGreaterThan(b.entries.length);
      expect(err instanceof OperationError && err.code === "NOT_FOUND", String(err)).toBe(true);
      stats.stopped++;
      return;
    }
    b = r.account;
    history.push(...r.history);
    agree(b, u, `after entry ${i} (${e.kind} ${e.transactionId}), window ${retainDays} d`);
  }
  if (b.version > b.entries.length) stats.dropped++;
  expect(parseAccount(JSON.parse(JSON.stringify(b)))).toEqual(b);
  expect(replayAccount(history, b, { checkpoint: b.checkpoint })).toEqual(b);
  const last = u.checkpoint.at;
  if (last === undefined) return;
  const to = iso(Date.parse(last) + 3 * DAY);
  const middle = history[Math.floor(history.length / 2)]?.entry.at ?? last;
  for (const from of [iso(T0 - MIN), middle])
    expect(statement(b, { from, to, history })).toEqual(statement(u, { from, to }));
}

describe("bounded snapshot + history against the unbounded account", () => {
  it("agrees after every entry for windows of 0, 1 and 3 days", () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 25 }),
        fc.constantFrom("0", "20"),
        fc.constantFrom(0, 1, 3),
        check,
      ),
      { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 },
    );
    // The comparison must have run on snapshots that dropped entries, not only on refusals.
    expect(stats.dropped).toBeGreaterThan(10);
  });
});
