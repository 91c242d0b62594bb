// Pending points, as properties over random earn/redeem/hold sequences (earns pending or not):
// 1. never spendable before release — against an independent model (available = released earns −
//    redeemed − held; pending = unreleased earns), every redeem and hold succeeds exactly when the
//    model says it may, balance/pendingPoints equal the model at every step, and a replay of the
//    whole history gives the snapshot posted one by one;
// 2. a refund inside the window leaves the account equal (balances, pending, available lots at any
//    later instant) to one that never made the purchase;
// 3. release is idempotent: sweeping once, twice or not at all gives the same figures;
// 4. the order of a sweep and later operations does not change the result.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Account,
  availableLots,
  balance,
  type EntryInput,
  openAccount,
  pendingPoints,
  post,
  replayAccount,
  sweepExpired,
} from "../../src/index.js";

const T0 = Date.parse("2026-01-01T00:00:00.000Z");
const MIN = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const RUNS = process.env["DEEP"] === "1" ? 100_000 : 1_000;

type Op =
  | { k: "earn"; p: number; pend: number | null; dt: number }
  | { k: "redeem"; p: number; dt: number }
  | { k: "hold"; p: number; dt: number };

const dtArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 601, max: 3 * 1440 }));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant("earn" as const),
      p: fc.integer({ min: 1, max: 50 }),
      pend: fc.option(fc.integer({ min: 1, max: 4 * 1440 }), { freq: 2 }),
      dt: dtArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant("redeem" as const), p: fc.integer({ min: 1, max: 60 }), dt: dtArb }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant("hold" as const), p: fc.integer({ min: 1, max: 30 }), dt: dtArb }),
  },
);

/** The entries of the operations, at their instants (ids t0, t1, …). */
function entriesOf(ops: readonly Op[]): EntryInput[] {
  let now = T0;
  return ops.map((op, i): EntryInput => {
    now += op.dt * MIN;
    const transactionId = `t${i}`;
    const at = iso(now);
    if (op.k === "earn")
      return {
        kind: "earn",
        transactionId,
        at,
        points: String(op.p),
        ...(op.pend === null ? {} : { availableAt: iso(now + op.pend * MIN) }),
      };
    return { kind: op.k, transactionId, at, points: String(op.p) };
  });
}

/** Posts each entry; refused ones are skipped. Returns the account and which were applied. */
function postAll(entries: readonly EntryInput[]): { account: Account; applied: boolean[] } {
  let account = openAccount({ accountId: "p" });
  const applied = entries.map((e) => {
    try {
      account = post(account, e).account;
      return true;
    } catch {
      return false;
    }
  });
  return { account, applied };
}

const lastAt = (entries: readonly EntryInput[]): number =>
  Date.parse(String(entries[entries.length - 1]?.at ?? iso(T0)));

/** Balance, pending and available lots at instants from the last entry to after every window. */
function figures(a: Account, from: number): unknown[] {
  return [0, 1, 600, 1440, 3 * 1440, 5 * 1440].map((m) => {
    const at = iso(from + m * MIN);
    return [balance(a, { at }), pendingPoints(a, { at }), availableLots(a, { at })];
  });
}

describe("pending points (properties)", () => {
  it("are never spendable before release (independent model)", () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 30 }), (ops) => {
        const entries = entriesOf(ops);
        let account = openAccount({ accountId: "p" });
        const earned: { p: number; rel: number }[] = [];
        let spent = 0;
        for (const e of entries) {
          const t = Date.parse(String(e.at));
          const released = earned.filter((x) => x.rel <= t).reduce((s, x) => s + x.p, 0);
          const pending = earned.filter((x) => x.rel > t).reduce((s, x) => s + x.p, 0);
          if (e.kind === "earn") {
            account = post(account, e).account;
            earned.push({
              p: Number(e.points),
              rel: e.availableAt === undefined ? t : Date.parse(String(e.availableAt)),
            });
          } else {
            const p = Number("points" in e ? e.points : 0);
            const ok = p <= released - spent;
            let applied = true;
            try {
              account = post(account, e).account;
            } catch {
              applied = false;
            }
            expect(applied, `${e.kind} ${p} with ${released - spent} released, ${pending} pending`).toBe(ok);
            if (ok) spent += p;
          }
          const now = Date.parse(String(e.at));
          const rel = earned.filter((x) => x.rel <= now).reduce((s, x) => s + x.p, 0);
          const pend = earned.filter((x) => x.rel > now).reduce((s, x) => s + x.p, 0);
          expect(balance(account, { at: e.at })).toBe(String(rel - spent));
          expect(pendingPoints(account, { at: e.at })).toBe(String(pend));
        }
        // One run over all of them (replay, postMany) gives the same snapshot as posting one by one.
        expect(replayAccount(account.entries, { accountId: "p" })).toEqual(account);
      }),
      { numRuns: RUNS },
    );
  });

  it("a refund inside the window leaves the account equal to one that never bought", () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 2, maxLength: 25 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 3 * 1440 }),
        (ops, i0, j0, p, extra) => {
          const base = entriesOf(ops);
          const i = i0 % base.length;
          const j = i + (j0 % (base.length - i));
          const tp = Date.parse(String(base[i]?.at));
          const tr = Date.parse(String(base[j]?.at));
          // The purchase is booked at entry i's instant, the refund at entry j's, inside the window.
          const purchase: EntryInput = {
            kind: "earn",
            transactionId: "buy",
            at: iso(tp),
            points: String(p),
            availableAt: iso(tr + extra * MIN),
          };
          const refund: EntryInput = { kind: "reverse", transactionId: "refund", at: iso(tr), reverses: "buy" };
          const withIt = [...base.slice(0, i), purchase, ...base.slice(i, j), refund, ...base.slice(j)];
          const a = postAll(withIt);
          const b = postAll(base);
          expect(a.applied.filter((_, k) => withIt[k] !== purchase && withIt[k] !== refund)).toEqual(b.applied);
          expect(a.applied.filter((_, k) => withIt[k] === purchase || withIt[k] === refund)).toEqual([true, true]);
          expect(a.account.deficit).toBe(b.account.deficit);
          expect(a.account.debits).toEqual(b.account.debits);
          expect(figures(a.account, lastAt(base))).toEqual(figures(b.account, lastAt(base)));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("release is idempotent, and a sweep anywhere does not change the figures", () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), fc.nat(), (ops, k0) => {
        const base = entriesOf(ops);
        const k = k0 % base.length;
        const at = String(base[k]?.at);
        const sweep: EntryInput = { kind: "expire", transactionId: "sweep", at };
        const sweep2: EntryInput = { kind: "expire", transactionId: "sweep-again", at };
        const plain = postAll(base);
        const once = postAll([...base.slice(0, k + 1), sweep, ...base.slice(k + 1)]);
        const twice = postAll([...base.slice(0, k + 1), sweep, sweep2, ...base.slice(k + 1)]);
        const from = lastAt(base);
        expect(once.applied.filter((_, x) => x !== k + 1)).toEqual(plain.applied);
        expect(twice.applied.filter((_, x) => x !== k + 1 && x !== k + 2)).toEqual(plain.applied);
        expect(figures(once.account, from)).toEqual(figures(plain.account, from));
        expect(figures(twice.account, from)).toEqual(figures(plain.account, from));
        // Sweeping after the last entry, at a later instant, releases what is due and nothing else.
        const later = iso(from + 2 * 1440 * MIN);
        const swept = sweepExpired(plain.account, { at: later, transactionId: "late-sweep" }).account;
        expect(figures(swept, Date.parse(later))).toEqual(figures(plain.account, Date.parse(later)));
      }),
      { numRuns: RUNS },
    );
  });
});
