// The working state a post carries beside each snapshot it writes (so the next post starts from a
// copy instead of rebuilding it) must be invisible: posting onto a snapshot gives the same result
// however the snapshot was obtained and however often it was posted to before.
// Random operation sequences (earn with and without expiry or pending time, redeem, adjust, reverse,
// hold, capture, release, expire; up to 2 days apart) go to an account with a 1-day window, so
// entries, lots and debits are dropped and the rest renumbered all the time. Before every step the
// current snapshot is posted to on other branches of history first (a redeem, an expire sweep, a
// reverse of the last entry: each changes lots or debits the carried state shares), then the step's
// entry is posted to it twice and to the same snapshot read back from its JSON and rebuilt from a
// plain copy (no carried state): all four must give the same status, error, snapshot, JSON and balance.
// Before that, the snapshot is read (balance, pending points, available lots, now and after lapses and
// timeouts): reads leave the carried state for the post to take over, and read what the rebuilt copy reads.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Account,
  availableLots,
  balance,
  type EntryInput,
  parseAccount,
  pendingPoints,
  post,
} from "../../src/index.js";
import { ledger } from "./_helpers.js";

const T0 = Date.parse("2026-01-01T00:00:00.000Z");
const MIN = 60_000;
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

const dtArb = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 601, max: 2 * 1440 }));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant("earn" as const),
      p: fc.integer({ min: 1, max: 50 }),
      exp: fc.option(fc.integer({ min: 1, max: 3 * 1440 })),
      pend: fc.option(fc.integer({ min: 1, max: 1440 }), { freq: 3 }),
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
      timeout: fc.option(fc.integer({ min: 1, max: 1440 })),
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

function entryOf(op: Op, i: number, at: number, account: Account): EntryInput | undefined {
  const id = `t${i}`;
  const when = iso(at);
  const kept = account.entries;
  const pick = (n: number): string | undefined => kept[kept.length - 1 - (n % Math.max(1, kept.length))]?.transactionId;
  switch (op.k) {
    case "earn":
      return {
        kind: "earn",
        transactionId: id,
        at: when,
        points: String(op.p),
        ...(op.exp === null ? {} : { expiresAt: iso(at + ((op.pend ?? 0) + op.exp) * MIN) }),
        ...(op.pend === null ? {} : { availableAt: iso(at + op.pend * MIN) }),
      };
    case "redeem":
      return { kind: "redeem", transactionId: id, at: when, points: String(op.p) };
    case "adjust":
      return { kind: "adjust", transactionId: id, at: when, points: String(op.p), reason: "manual" };
    case "reverse": {
      const target = pick(op.pick);
      return target === undefined
        ? undefined
        : {
            kind: "reverse",
            transactionId: id,
            at: when,
            reverses: target,
            shortfall: op.sf,
            ...(op.p === null ? {} : { points: String(op.p) }),
          };
    }
    case "hold":
      return {
        kind: "hold",
        transactionId: id,
        at: when,
        points: String(op.p),
        ...(op.timeout === null ? {} : { timeoutAt: iso(at + op.timeout * MIN) }),
      };
    case "capture": {
      const h = account.holds[op.pick % Math.max(1, account.holds.length)]?.holdId ?? pick(op.pick);
      return h === undefined
        ? undefined
        : {
            kind: "capture",
            transactionId: id,
            at: when,
            holdId: h,
            ...(op.p === null ? {} : { points: String(op.p) }),
          };
    }
    case "release": {
      const h = account.holds[op.pick % Math.max(1, account.holds.length)]?.holdId;
      return h === undefined ? undefined : { kind: "release", transactionId: id, at: when, holdId: h };
    }
    case "expire":
      return { kind: "expire", transactionId: id, at: when };
  }
}

/** What a post gave, comparably: the snapshot's JSON (every kept entry, lot, debit and hold) and its balance, or the error. */
function outcome(account: Account, entry: EntryInput, at: string): unknown {
  try {
    const r = post(account, entry);
    return {
      status: r.status,
      json: JSON.stringify(r.account),
      balance: balance(r.account, { at }),
    };
  } catch (e) {
    return { error: String(e), code: (e as { code?: unknown }).code };
  }
}

/** What the read functions give at `now` and two days on (lots lapse, holds time out, pending points are released). */
function reads(account: Account, now: number): unknown {
  return [now, now + 2 * 1440 * MIN].map((ms) => {
    const at = iso(ms);
    return [balance(account, { at }), pendingPoints(account, { at }), availableLots(account, { at })];
  });
}

/** Posts without keeping the result: a branch of history that must leave `account` as it was. */
function branch(account: Account, entry: EntryInput): void {
  try {
    post(account, entry);
  } catch {
    // a refused branch changes nothing either
  }
}

describe("the state carried beside a snapshot", () => {
  it("posting to a snapshot gives the same result twice, after other branches, from its JSON and rebuilt", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 8 }), fc.constantFrom("0", "30"), (ops, negativeLimit) => {
        let account = ledger([], { accountId: "c", retainDays: 1, negativeLimit });
        let now = T0;
        ops.forEach((op, i) => {
          now += op.dt * MIN;
          const entry = entryOf(op, i, now, account);
          if (entry === undefined) return;
          const at = iso(now + 2 * 1440 * MIN);
          expect(reads(account, now)).toEqual(reads({ ...account }, now));
          const first = outcome(account, entry, at);
          const last = account.entries[account.entries.length - 1]?.transactionId;
          branch(account, { kind: "redeem", transactionId: `b${i}:redeem`, at: iso(now), points: "7" });
          branch(account, { kind: "expire", transactionId: `b${i}:expire`, at: iso(now + 1440 * MIN) });
          if (last !== undefined)
            branch(account, {
              kind: "reverse",
              transactionId: `b${i}:reverse`,
              at: iso(now),
              reverses: last,
              shortfall: "negative-balance",
            });
          expect(outcome(account, entry, at)).toEqual(first);
          expect(outcome(parseAccount(JSON.parse(JSON.stringify(account))), entry, at)).toEqual(first);
          expect(outcome({ ...account }, entry, at)).toEqual(first);
          try {
            account = post(account, entry).account;
          } catch {
            // refused: the sequence goes on from the same snapshot
          }
        });
      }),
    );
  });

  it("an old snapshot posted to again, after the chain went on from it for many posts, gives its first result", () => {
    // Long chains (the carried id index shares its table with the snapshots before and takes new ids
    // on top of it until it folds them in): each snapshot is posted to again at the end, and its JSON
    // read back, when every later post has shared, added to and folded what it carries.
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 10, maxLength: 40 }), (ops) => {
        let account = ledger([], { accountId: "c", retainDays: 1 });
        let now = T0;
        const seen: { account: Account; entry: EntryInput; at: string; first: unknown }[] = [];
        ops.forEach((op, i) => {
          now += op.dt * MIN;
          const entry = entryOf(op, i, now, account);
          if (entry === undefined) return;
          const at = iso(now + 2 * 1440 * MIN);
          seen.push({ account, entry, at, first: outcome(account, entry, at) });
          try {
            account = post(account, entry).account;
          } catch {
            // refused: the sequence goes on from the same snapshot
          }
        });
        for (const { account: old, entry, at, first } of seen) {
          expect(outcome(old, entry, at)).toEqual(first);
          expect(outcome(parseAccount(JSON.parse(JSON.stringify(old))), entry, at)).toEqual(first);
        }
      }),
    );
  });
});
