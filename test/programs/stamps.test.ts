import { describe, expect, it } from "vitest";
import { balance, checkout, openProgramAccount, parseProgram, refund, type ProgramAccount } from "../../src/index.js";
import { basket, common, eur, stamps } from "./_fixtures.js";

// Card of 6, one stamp per purchase ≥ 10.00, a full card gives one free item up to 15.00 (issue #4).
function buy(account: ProgramAccount, day: number, price: string, extra: { redeemCard?: boolean } = {}) {
  const at = `2026-03-${String(day).padStart(2, "0")}T10:00:00Z`;
  return checkout(stamps, account, basket(at, [{ price }]), { transactionId: `visit-${day}`, ...extra });
}

describe("stamp cards", () => {
  it("works without a customer id", () => {
    const card = openProgramAccount(stamps, { cardId: "card-0007" });
    const r = buy(card, 1, "12.00");
    expect(r.stamps).toEqual({ before: 0, redeemed: 0, earned: 1, after: 1, cardSize: 6 });
  });

  it("gives one stamp per purchase of at least 10.00 and none below", () => {
    const card = openProgramAccount(stamps, { cardId: "c" });
    expect(buy(card, 1, "10.00").stamps?.earned).toBe(1);
    expect(buy(card, 1, "9.99").stamps?.earned).toBe(0);
    expect(buy(card, 1, "9.99").explain.find((e) => e.rule === "stamps")?.applied).toBe(false);
  });

  it("gives a free item up to 15.00 once the card of six is full, then starts a new card", () => {
    let card = openProgramAccount(stamps, { cardId: "c" });
    for (let day = 1; day <= 6; day++) card = buy(card, day, "10.00").account;
    expect(balance(card.points, { at: "2026-03-07T00:00:00Z" })).toBe("6");
    // the seventh visit: two items, the dearer one (20.00) is free up to 15.00
    const r = checkout(stamps, card, basket("2026-03-07T10:00:00Z", [{ price: "8.00" }, { price: "20.00" }]), {
      transactionId: "visit-7",
    });
    expect(r.lines.map((l) => l.discount.amount)).toEqual(["0.00", "15.00"]);
    expect(r.total).toEqual(eur("13.00"));
    // 13.00 paid after the free item is ≥ 10.00: the new card gets its first stamp
    expect(r.stamps).toEqual({ before: 6, redeemed: 6, earned: 1, after: 1, cardSize: 6 });
    expect(balance(r.account.points, { at: "2026-03-08T00:00:00Z" })).toBe("1");
  });

  it("gives a cheaper item free in full, and earns no stamp when what is left to pay is below 10.00", () => {
    let card = openProgramAccount(stamps, { cardId: "c" });
    for (let day = 1; day <= 6; day++) card = buy(card, day, "10.00").account;
    const r = buy(card, 7, "12.00");
    expect(r.discountTotal).toEqual(eur("12.00"));
    expect(r.stamps).toEqual({ before: 6, redeemed: 6, earned: 0, after: 0, cardSize: 6 });
  });

  it("keeps a full card for later when asked", () => {
    let card = openProgramAccount(stamps, { cardId: "c" });
    for (let day = 1; day <= 6; day++) card = buy(card, day, "10.00").account;
    const r = buy(card, 7, "12.00", { redeemCard: false });
    expect(r.discountTotal).toEqual(eur("0.00"));
    expect(r.stamps?.after).toBe(7);
  });

  it("takes the stamp back when its purchase is refunded, and gives the card back when the free item is", () => {
    let card = openProgramAccount(stamps, { cardId: "c" });
    for (let day = 1; day <= 6; day++) card = buy(card, day, "10.00").account;
    const free = buy(card, 7, "12.00");
    const back = refund(stamps, free.account, free, { at: "2026-03-08T10:00:00Z", transactionId: "r7" });
    expect(back.moneyBack).toEqual(eur("0.00"));
    expect(back.pointsRestored).toBe("6");
    expect(balance(back.account.points, { at: "2026-03-09T00:00:00Z" })).toBe("6");
  });

  it("binds a non-transferable card to its holder", () => {
    const p = parseProgram({
      ...common,
      kind: "stamps",
      id: "own",
      name: "Own",
      cardSize: 3,
      earn: { type: "per-purchase" },
      reward: { type: "percent", percent: "50" },
      transferable: false,
    });
    const card = openProgramAccount(p, { cardId: "c", customerId: "olga" });
    expect(() =>
      checkout(p, card, basket("2026-03-01T10:00:00Z", [{ price: "5.00" }]), { transactionId: "t" }),
    ).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() =>
      checkout(p, card, basket("2026-03-01T10:00:00Z", [{ price: "5.00" }], { customerId: "someone-else" }), {
        transactionId: "t",
      }),
    ).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(
      checkout(p, card, basket("2026-03-01T10:00:00Z", [{ price: "5.00" }], { customerId: "olga" }), {
        transactionId: "t",
      }).stamps?.earned,
    ).toBe(1);
  });

  it("counts one stamp per full amount paid", () => {
    const p = parseProgram({
      ...common,
      kind: "stamps",
      id: "per",
      name: "Per",
      cardSize: 10,
      earn: { type: "per-amount", per: "5.00", maxPerPurchase: 3 },
      reward: { type: "fixed", amount: "5.00" },
    });
    const card = openProgramAccount(p, { cardId: "c" });
    expect(
      checkout(p, card, basket("2026-03-01T10:00:00Z", [{ price: "14.99" }]), { transactionId: "t" }).stamps?.earned,
    ).toBe(2);
    expect(
      checkout(p, card, basket("2026-03-01T10:00:00Z", [{ price: "100.00" }]), { transactionId: "t" }).stamps?.earned,
    ).toBe(3);
  });
});
