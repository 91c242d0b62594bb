// Points given back into a lot whose credit was already reversed (clawed back) cancel that clawback
// instead of becoming spendable again: the ledger side of issue 16's refund-order defect.
import { describe, expect, it } from "vitest";
import { availableLots, balance, parseAccount, post, type EntryInput } from "../../src/index.js";
import { day, ledger } from "./_helpers.js";

// Earn 100 (sale A), spend all 100 on sale B which earns 1; then sale A is refunded (its earn reversed).
const spent: EntryInput[] = [
  { kind: "earn", transactionId: "A:earn", at: day(1), points: "100" },
  { kind: "redeem", transactionId: "B:redeem", at: day(2), points: "100" },
  { kind: "earn", transactionId: "B:earn", at: day(2, "10:00:01"), points: "1" },
];

describe("clawback cancellation", () => {
  it("deduct-available: the redeemed points given back cancel the 99 forgiven and return the 1 taken", () => {
    const afterA = ledger([
      ...spent,
      { kind: "reverse", transactionId: "rA", at: day(3), reverses: "A:earn", shortfall: "deduct-available" },
    ]);
    // 1 point taken from B's lot, 99 forgiven
    expect(balance(afterA, { at: day(3) })).toBe("0");
    expect(afterA.lots.find((l) => l.lotId === "A:earn")?.clawedBack).toBe("100");
    const restored = post(afterA, { kind: "reverse", transactionId: "rB", at: day(4), reverses: "B:redeem" }).account;
    const a = restored.lots.find((l) => l.lotId === "A:earn");
    // Before the fix: A's lot held 100 spendable points again (balance 100, then 99 after B's earn was reversed).
    expect(a).toMatchObject({ remaining: "0", consumed: "0", reversed: "100", clawedBack: "0" });
    // The 1 point the clawback took from B's lot is back in it (B's own earn, still to be reversed).
    expect(balance(restored, { at: day(4) })).toBe("1");
    expect(restored.debits.find((d) => d.transactionId === "rA")).toMatchObject({ points: "1", reversed: "1" });
    const end = post(restored, {
      kind: "reverse",
      transactionId: "rB2",
      at: day(4, "10:00:01"),
      reverses: "B:earn",
      shortfall: "deduct-available",
    }).account;
    expect(balance(end, { at: day(5) })).toBe("0");
    expect(availableLots(end, { at: day(5) })).toEqual([]);
    // The snapshot's figures still add up when read back from JSON.
    expect(balance(parseAccount(JSON.parse(JSON.stringify(end))), { at: day(5) })).toBe("0");
  });

  it("negative-balance: the given-back points repay the debt the clawback created", () => {
    const afterA = ledger([
      ...spent,
      { kind: "reverse", transactionId: "rA", at: day(3), reverses: "A:earn", shortfall: "negative-balance" },
    ]);
    expect(balance(afterA, { at: day(3) })).toBe("-99");
    const restored = post(afterA, { kind: "reverse", transactionId: "rB", at: day(4), reverses: "B:redeem" }).account;
    expect(restored.deficit).toBe("0");
    expect(balance(restored, { at: day(4) })).toBe("1");
    expect(restored.lots.find((l) => l.lotId === "A:earn")).toMatchObject({ remaining: "0", clawedBack: "0" });
  });

  it("a partial give-back cancels the forgiven part first, leaving what was taken where it is", () => {
    const afterA = ledger([
      ...spent,
      { kind: "reverse", transactionId: "rA", at: day(3), reverses: "A:earn", shortfall: "deduct-available" },
    ]);
    const part = post(afterA, {
      kind: "reverse",
      transactionId: "rB",
      at: day(4),
      reverses: "B:redeem",
      points: "60",
    }).account;
    // 60 of the 99 forgiven are cancelled; nothing comes back to spend.
    expect(balance(part, { at: day(4) })).toBe("0");
    expect(part.lots.find((l) => l.lotId === "A:earn")).toMatchObject({ reversed: "60", clawedBack: "40" });
    const rest = post(part, { kind: "reverse", transactionId: "rB2", at: day(5), reverses: "B:redeem" }).account;
    // the other 39 forgiven, then the 1 taken comes back
    expect(balance(rest, { at: day(5) })).toBe("1");
  });

  it("a hold that times out into a clawed-back lot cancels the clawback, also in a future balance", () => {
    const account = ledger([
      { kind: "earn", transactionId: "A", at: day(1), points: "80" },
      { kind: "hold", transactionId: "H", at: day(2), points: "30", timeoutAt: day(2, "10:15:00") },
      { kind: "reverse", transactionId: "rA", at: day(2, "10:05:00"), reverses: "A", shortfall: "negative-balance" },
    ]);
    // 50 taken out of the lot, 30 held: owed
    expect(balance(account, { at: day(2, "10:05:00") })).toBe("-30");
    // after the timeout the held 30 come back to A's lot and repay the debt
    expect(balance(account, { at: day(3) })).toBe("0");
    const later = post(account, { kind: "earn", transactionId: "C", at: day(3), points: "5" }).account;
    expect(balance(later, { at: day(3) })).toBe("5");
    expect(later.lots.find((l) => l.lotId === "A")).toMatchObject({ remaining: "0", reversed: "80", clawedBack: "0" });
  });
});
