// storeId and tillId end to end: basket → checkout record → ledger entries → refund → history, so
// analytics can split sales by store. The program is the fixtures' 1-point-per-euro bonus program.
import { describe, expect, it } from "vitest";
import {
  checkout,
  type LoyaltyValidationError,
  openProgramAccount,
  parseBasket,
  parseProgramAccount,
  post,
  refund,
  replayAccount,
} from "../../src/index.js";
import { basket, bonus } from "./_fixtures.js";

const at = (day: number) => `2026-03-${String(day).padStart(2, "0")}T10:00:00Z`;

describe("storeId and tillId", () => {
  const account = (() => {
    const a = openProgramAccount(bonus, { customerId: "olga", consent: true });
    const opening = post(a.points, {
      kind: "earn",
      transactionId: "opening",
      at: "2026-01-02T00:00:00Z",
      points: "500",
    });
    return { account: { ...a, points: opening.account }, history: [...opening.history] };
  })();
  const sale = basket(at(1), [{ price: "10.00", quantity: 3 }], { storeId: "berlin-mitte", tillId: "till-3" });

  it("go from the basket to the checkout record, its ledger entries, the refund's entries and the history", () => {
    const r = checkout(bonus, account.account, sale, { transactionId: "s1", consent: true, redeemPoints: "100" });
    expect(r.storeId).toBe("berlin-mitte");
    expect(r.tillId).toBe("till-3");
    expect(r.entries.map((e) => [e.kind, e.storeId, e.tillId])).toEqual([
      ["redeem", "berlin-mitte", "till-3"],
      ["earn", "berlin-mitte", "till-3"],
    ]);
    // The refund happens later, maybe elsewhere: its entries carry the sale's store.
    const back = refund(bonus, r.account, r, { at: at(2), transactionId: "r1" });
    expect(back.entries.length).toBeGreaterThan(0);
    for (const e of back.entries) expect([e.kind, e.storeId, e.tillId]).toEqual(["reverse", "berlin-mitte", "till-3"]);
    // The stored program account keeps them, and the history rebuilds the ledger with them.
    const stored = parseProgramAccount(JSON.parse(JSON.stringify(back.account)));
    expect(stored.sales[0]?.storeId).toBe("berlin-mitte");
    const history = [...account.history];
    for (const e of [...r.entries, ...back.entries])
      history.push({ accountId: stored.points.accountId, sequence: history.length + 1, entry: e });
    const replayed = replayAccount(history, stored.points);
    expect(replayed).toEqual(stored.points);
    expect(history.filter((h) => h.entry.storeId === "berlin-mitte").length).toBe(
      r.entries.length + back.entries.length,
    );
  });

  it("a basket without them gives records and entries without them", () => {
    const r = checkout(bonus, account.account, basket(at(1), [{ price: "10.00" }]), {
      transactionId: "s2",
      consent: true,
    });
    expect("storeId" in r).toBe(false);
    expect(r.entries.every((e) => !("storeId" in e) && !("tillId" in e))).toBe(true);
  });

  it("are validated on the basket: non-empty, at most 200 characters", () => {
    const raw = {
      id: "b1",
      at: at(1),
      lines: [{ id: "1", sku: "TEE", quantity: 1, unitPrice: { amount: "10.00", currency: "EUR" } }],
    };
    expect(parseBasket({ ...raw, storeId: "s", tillId: "t" }).storeId).toBe("s");
    const empty = (() => {
      try {
        parseBasket({ ...raw, storeId: "" });
      } catch (e) {
        return e as LoyaltyValidationError;
      }
      throw new Error("expected a throw");
    })();
    expect(empty.issues[0]?.path).toEqual(["storeId"]);
    expect(() => parseBasket({ ...raw, tillId: "t".repeat(201) })).toThrow(/at most 200 characters/);
  });
});
