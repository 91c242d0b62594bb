// Pending points: earned with `availableAt` (a return window), shown apart, not spendable until then.
// The 30-day window below is the figure LoyaltyLion's help centre gives as a typical approval period
// ("They will be approved after 30 days" in its "Approved, Pending, and Cancelled" example); the point
// amounts are arbitrary small integers chosen so each figure in an assertion is traceable by hand.
import { describe, expect, it } from "vitest";
import {
  availableLots,
  balance,
  ErrorCode,
  InsufficientPointsError,
  LoyaltyValidationError,
  parseAccount,
  pendingPoints,
  post,
  replayAccount,
  statement,
  sweepExpired,
  type Account,
  type EntryInput,
} from "../../src/index.js";
import { EarnEntrySchema } from "../../src/schemas/index.js";
import { day, inMemoryJson, ledger, thrown } from "./_helpers.js";

const earn: EntryInput = { kind: "earn", transactionId: "sale-1", at: day(1), points: "120", availableAt: day(31) };

describe("pending points", () => {
  it("are counted apart until availableAt, then become available with nothing posted", () => {
    const a = ledger([earn]);
    expect(balance(a, { at: day(10) })).toBe("0");
    expect(pendingPoints(a, { at: day(10) })).toBe("120");
    expect(balance(a, { at: day(31) })).toBe("120"); // released at availableAt itself, as a lot expiring at `at` is gone
    expect(pendingPoints(a, { at: day(31) })).toBe("0");
    expect(a.lots[0]?.availableAt).toBe(day(31));
    expect(a.checkpoint.balance).toBe("0");
  });

  it("cannot be redeemed or held inside the window", () => {
    const a = ledger([earn]);
    const redeem = thrown(() => post(a, { kind: "redeem", transactionId: "r", at: day(5), points: "1" }));
    expect(redeem).toBeInstanceOf(InsufficientPointsError);
    expect((redeem as InsufficientPointsError).message).toContain("available 0");
    const hold = thrown(() => post(a, { kind: "hold", transactionId: "h", at: day(5), points: "1" }));
    expect(hold).toBeInstanceOf(InsufficientPointsError);
    // After the window a later entry sees them released.
    const r = post(a, { kind: "redeem", transactionId: "r", at: day(31, "10:00:01"), points: "100" });
    expect(balance(r.account, { at: day(31, "10:00:01") })).toBe("20");
  });

  it("a refund inside the window reverses them in full: no clawback, no debt", () => {
    const other = ledger([
      { kind: "earn", transactionId: "old", at: day(1), points: "50" },
      { ...earn, at: day(2) },
    ]);
    const r = post(other, { kind: "reverse", transactionId: "refund", at: day(5), reverses: "sale-1" });
    expect(r.account.lots.find((l) => l.lotId === "sale-1")).toMatchObject({
      remaining: "0",
      reversed: "120",
      clawedBack: "0",
    });
    expect(r.account.debits).toEqual([]);
    expect(balance(r.account, { at: "2026-02-09T10:00:00.000Z" })).toBe("50");
    expect(pendingPoints(r.account, { at: day(5) })).toBe("0");
  });

  it("do not repay a negative balance until released", () => {
    const a = ledger(
      [
        { kind: "redeem", transactionId: "r", at: day(1), points: "30" },
        { ...earn, at: day(2), availableAt: day(20) },
      ],
      { accountId: "neg", negativeLimit: "100" },
    );
    expect(balance(a, { at: day(3) })).toBe("-30");
    expect(pendingPoints(a, { at: day(3) })).toBe("120");
    expect(balance(a, { at: day(20) })).toBe("90");
    // Refunded inside the window: the debt is still owed, nothing else changes.
    const refunded = post(a, { kind: "reverse", transactionId: "back", at: day(4), reverses: "sale-1" }).account;
    expect(balance(refunded, { at: day(25) })).toBe("-30");
    // Released by a later entry: the lot repays the debt first.
    const later = post(a, { kind: "adjust", transactionId: "x", at: day(21), points: "1", reason: "goodwill" }).account;
    expect(later.lots.find((l) => l.lotId === "sale-1")).toMatchObject({ remaining: "90", consumed: "30" });
    expect(later.deficit).toBe("0");
  });

  it("the expiry sweep releases them too, and releasing is idempotent", () => {
    const a = ledger([earn]);
    const swept = sweepExpired(a, { at: day(31), transactionId: "sweep-31" }).account;
    expect(balance(swept, { at: day(31) })).toBe("120");
    const again = sweepExpired(swept, { at: day(31), transactionId: "sweep-31" });
    expect(again.status).toBe("duplicate");
    const twice = sweepExpired(swept, { at: day(31, "11:00:00"), transactionId: "sweep-31b" }).account;
    expect(balance(twice, { at: day(31, "11:00:00") })).toBe("120");
    expect(availableLots(twice, { at: day(31, "11:00:00") }).map((l) => l.lotId)).toEqual(["sale-1"]);
  });

  it("expire from their expiresAt, which must come after availableAt", () => {
    const a = ledger([{ ...earn, expiresAt: "2026-03-01T00:00:00.000Z" }]);
    expect(balance(a, { at: "2026-02-28T00:00:00Z" })).toBe("120");
    expect(balance(a, { at: "2026-03-01T00:00:00Z" })).toBe("0");
    const bad = thrown(() => post(ledger([]), { ...earn, expiresAt: day(20) }));
    expect(bad).toBeInstanceOf(LoyaltyValidationError);
    expect((bad as LoyaltyValidationError).message).toContain("expiresAt after availableAt");
    const before = thrown(() => post(ledger([]), { ...earn, availableAt: day(1) }));
    expect((before as LoyaltyValidationError).message).toContain("availableAt after at");
  });

  it("the statement shows the earn at 0 and a release line when the window ends", () => {
    const a = ledger([earn]);
    const s = statement(a, { from: day(1), to: "2026-02-09T10:00:00.000Z" });
    expect(s.lines.map((l) => [l.kind, l.change, l.balance])).toEqual([
      ["earn", "0", "0"],
      ["release", "120", "120"],
    ]);
    expect(s.lines[1]?.at).toBe(day(31));
    expect(s.closing).toBe("120");
  });

  it("survive JSON storage, parseAccount (figures checked) and replay", () => {
    const a = ledger([earn, { kind: "earn", transactionId: "sale-2", at: day(3), points: "5" }]);
    const back = parseAccount(JSON.parse(JSON.stringify(a)));
    expect(pendingPoints(back, { at: day(4) })).toBe("120");
    expect(balance(back, { at: day(4) })).toBe("5");
    const edited = inMemoryJson(a);
    (edited["lots"] as { availableAt?: string }[])[0]!.availableAt = day(2);
    const err = thrown(() =>
      post(edited as unknown as Account, { kind: "redeem", transactionId: "r", at: day(5), points: "1" }),
    );
    expect(err).toBeInstanceOf(LoyaltyValidationError);
    const replayed = replayAccount(a.entries, { accountId: "card-0042" });
    expect(replayed).toEqual(a);
  });

  it("the hand-written entry check (post's path) and EarnEntrySchema agree on availableAt's bounds", () => {
    const cases: [Record<string, unknown>, boolean][] = [
      [{ availableAt: day(31) }, true],
      [{ availableAt: day(1) }, false], // equal to at
      [{ availableAt: "2025-12-31T10:00:00.000Z" }, false], // before at
      [{ availableAt: day(31), expiresAt: day(31) }, false], // expiry must come after release
      [{ availableAt: day(31), expiresAt: day(20) }, false],
      [{ availableAt: day(20), expiresAt: day(31) }, true],
      [{ at: day(10), earnedAt: day(1), availableAt: day(5) }, true], // a late sale: after the sale time is enough
      [{ at: day(10), earnedAt: day(5), availableAt: day(2) }, false],
    ];
    for (const [extra, ok] of cases) {
      const e = { kind: "earn", transactionId: "e", at: day(1), points: "5", ...extra };
      expect(EarnEntrySchema.safeParse(e).success, JSON.stringify(extra)).toBe(ok);
      const posted = (() => {
        try {
          post(ledger([]), e as EntryInput);
          return true;
        } catch (err) {
          expect(err).toBeInstanceOf(LoyaltyValidationError);
          return false;
        }
      })();
      expect(posted, JSON.stringify(extra)).toBe(ok);
      // The stored-form fast path (replay) agrees too.
      if (ok)
        expect(replayAccount([e as EntryInput], { accountId: "r" }).lots[0]?.availableAt).toBe(extra["availableAt"]);
    }
  });

  it("rejects a malformed availableAt with a typed error", () => {
    const err = thrown(() => post(ledger([]), { ...earn, availableAt: "soon" }));
    expect(err).toBeInstanceOf(LoyaltyValidationError);
    expect((err as LoyaltyValidationError).code).toBe(ErrorCode.VALIDATION);
  });
});
