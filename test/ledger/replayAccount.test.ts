import { describe, expect, it } from "vitest";
import {
  replayAccount,
  InsufficientPointsError,
  LoyaltyValidationError,
  openAccount,
  postMany,
} from "../../src/index.js";
import { day, ledger } from "./_helpers.js";

describe("replayAccount", () => {
  const entries = [
    { kind: "earn", transactionId: "e1", at: day(1), points: "100", expiresAt: day(15) },
    { kind: "hold", transactionId: "h1", at: day(2), points: "30", timeoutAt: day(3) },
    { kind: "redeem", transactionId: "r1", at: day(4), points: "50", meta: { till: 3 } },
    { kind: "reverse", transactionId: "x1", at: day(5), reverses: "r1", points: "20" },
    { kind: "expire", transactionId: "s1", at: day(16) },
  ] as const;

  it("rebuilds exactly the snapshot that posting one by one produced", () => {
    const posted = ledger(entries);
    expect(replayAccount(posted.entries, posted)).toEqual(posted);
    expect(replayAccount(entries, { accountId: "card-0042" })).toEqual(posted);
    expect(
      JSON.stringify(replayAccount(JSON.parse(JSON.stringify(posted.entries)) as typeof posted.entries, posted)),
    ).toBe(JSON.stringify(posted));
  });

  it("matches posting when entries create more lots than there are credits (a replay sizes its arrays by kind)", () => {
    // Reversing r1 gives back 20 points that went below zero and were repaid by e2 since: they come
    // back as a lot named x1, a third lot from two credits. With retainDays 2, the snapshot drops
    // the early entries, so the kept ones are also moved down and copied in stored form.
    const settings = { accountId: "a", negativeLimit: "50", retainDays: 2 };
    const history = [
      { kind: "earn", transactionId: "e1", at: day(1), points: "10" },
      { kind: "redeem", transactionId: "r1", at: day(2), points: "30" },
      { kind: "earn", transactionId: "e2", at: day(3), points: "50" },
      { kind: "reverse", transactionId: "x1", at: day(4), reverses: "r1" },
      { kind: "redeem", transactionId: "r2", at: day(9), points: "45" },
      { kind: "earn", transactionId: "e3", at: day(10), points: "5" },
    ] as const;
    const posted = ledger(history, settings);
    expect(posted.lots.map((l) => l.lotId)).toEqual(["e1", "e2", "x1", "e3"]);
    expect(posted.entries.length).toBeLessThan(history.length);
    const plain = JSON.parse(JSON.stringify(history)) as typeof history;
    expect(replayAccount(plain, settings)).toEqual(posted);
  });

  it("keeps a stored copy of the caller's entries, and the history records post returned as they are", () => {
    // Plain objects in stored form (a history read from JSON): the snapshot's entries are frozen
    // copies in stored key order; the caller's objects are neither kept nor frozen.
    const plain = [
      { at: day(1), kind: "earn" as const, transactionId: "e1", points: "10", meta: { lines: [{ sku: "A" }] } },
      { kind: "redeem" as const, transactionId: "r1", at: day(2), points: "4" },
    ];
    const account = replayAccount(plain, { accountId: "a" });
    expect(account.entries).toEqual(plain);
    account.entries.forEach((e, i) => {
      expect(e).not.toBe(plain[i]);
      expect(Object.isFrozen(e)).toBe(true);
      expect(Object.isFrozen(plain[i])).toBe(false);
    });
    expect(Object.keys(account.entries[0] ?? {})).toEqual(["kind", "transactionId", "at", "points", "meta"]);
    expect(Object.isFrozen(plain[0]?.meta?.lines[0])).toBe(false);
    // The history post returns holds frozen entries in stored form: a replay of it keeps them as they are.
    const posted = postMany(openAccount({ accountId: "a" }), plain);
    const replayed = replayAccount(posted.history, { accountId: "a" });
    expect(replayed).toEqual(posted.account);
    replayed.entries.forEach((e, i) => expect(e).toBe(posted.history[i]?.entry));
  });

  it("normalizes entries that are not in stored form (Dates, offsets, short decimals)", () => {
    const cents = replayAccount(
      [
        { kind: "earn", transactionId: "e1", at: new Date(day(1)), points: "1.5" },
        { kind: "redeem", transactionId: "r1", at: "2026-01-02T17:00:00+07:00", points: "0.25" },
      ],
      { accountId: "a", scale: 2 },
    );
    expect(cents.entries).toEqual([
      { kind: "earn", transactionId: "e1", at: day(1), points: "1.50" },
      { kind: "redeem", transactionId: "r1", at: day(2), points: "0.25" },
    ]);
    expect(cents.lots[0]?.remaining).toBe("1.25");
  });

  it("rejects a repeated transactionId, out-of-order entries and overdrafts", () => {
    expect(() => replayAccount([entries[0], entries[0]], { accountId: "a" })).toThrow(
      /1.transactionId: expected a transactionId not used by an earlier entry/,
    );
    expect(() => replayAccount([entries[2], entries[0]], { accountId: "a" })).toThrow(InsufficientPointsError);
    expect(() =>
      replayAccount([entries[0], { ...entries[2], at: day(0, "00:00:00").replace("-00T", "-01T") }], {
        accountId: "a",
      }),
    ).toThrow(/1.at: expected an instant at or after/);
    expect(() =>
      replayAccount([{ kind: "earn", transactionId: "e", at: "2026-02-30T00:00:00.000Z", points: "1" }, entries[0]], {
        accountId: "a",
      }),
    ).toThrow(LoyaltyValidationError);
  });

  it("reports the first problem in posting order, whether a repeated id or another", () => {
    const earn = (id: string, d: number) => ({ kind: "earn" as const, transactionId: id, at: day(d), points: "10" });
    const bad = { kind: "earn" as const, transactionId: "bad", at: day(2), points: "-1" };
    // Every input has a string id (all ids are indexed up front) ...
    expect(() => replayAccount([earn("a", 1), earn("b", 2), earn("a", 3), earn("b", 4)], { accountId: "x" })).toThrow(
      /^replay: 2.transactionId: expected a transactionId not used by an earlier entry, got "a" again$/,
    );
    expect(() => replayAccount([earn("a", 1), bad, earn("a", 3)], { accountId: "x" })).toThrow(/^replay: 1.points:/);
    expect(() => replayAccount([earn("a", 1), earn("a", 2), bad], { accountId: "x" })).toThrow(
      /^replay: 1.transactionId: expected a transactionId not used/,
    );
    // ... or one does not (only the ids before it are indexed; it fails validation in its turn): the same answers.
    expect(() =>
      replayAccount([earn("a", 1), earn("a", 2), { ...bad, transactionId: 7 as unknown as string }], {
        accountId: "x",
      }),
    ).toThrow(/^replay: 1.transactionId: expected a transactionId not used/);
    expect(() =>
      replayAccount([earn("a", 1), { ...bad, transactionId: 7 as unknown as string }, earn("a", 2)], {
        accountId: "x",
      }),
    ).toThrow(/^replay: 1.transactionId: expected/);
    // An index built up front still finds only earlier entries: a reverse of a later one is not found.
    expect(() =>
      replayAccount(
        [earn("a", 1), { kind: "reverse" as const, transactionId: "r", at: day(2), reverses: "b" }, earn("b", 3)],
        { accountId: "x" },
      ),
    ).toThrow(/no entry with transactionId "b"/);
  });

  it("rejects bad settings", () => {
    expect(() => replayAccount([], { accountId: "" })).toThrow(/accountId: expected a non-empty accountId/);
    expect(() => replayAccount([], { accountId: "a", scale: 2, negativeLimit: "0.001" })).toThrow(
      /negativeLimit: expected at most 2 decimal places/,
    );
    expect(() => replayAccount([], { accountId: "a", scale: 19 })).toThrow(LoyaltyValidationError);
  });
});
