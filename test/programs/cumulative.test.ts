import { describe, expect, it } from "vitest";
import {
  accumulatedSpend,
  checkout,
  openProgramAccount,
  parseProgram,
  quote,
  refund,
  safeParseProgram,
  type ProgramAccount,
  type Program,
} from "../../src/index.js";
import { basket, common, cumulative, eur, tiers } from "./_fixtures.js";

// A customer who spent 4,900.00 on 2025-09-01 (inside a 12-month window ending 2026-03-01).
function withHistory(program: Program, at = "2025-09-01T10:00:00Z", amount = "4900.00"): ProgramAccount {
  const account = openProgramAccount(program, { customerId: "olga", consent: true });
  return checkout(program, account, basket(at, [{ price: amount }]), { transactionId: "history", consent: true })
    .account;
}

const early = { ...common, active: { from: "2020-01-01T00:00:00Z" } };
const excl = parseProgram({
  ...early,
  kind: "cumulative",
  id: "vip",
  name: "VIP",
  tiers,
  window: { type: "rolling", months: 12 },
  includeCurrentPurchase: false,
});
const incl = parseProgram({
  ...early,
  kind: "cumulative",
  id: "vip",
  name: "VIP",
  tiers,
  window: { type: "rolling", months: 12 },
  includeCurrentPurchase: true,
});
const purchase = basket("2026-03-01T10:00:00Z", [{ price: "200.00" }]);

describe("cumulative programs (Bronze 0 / Silver 1,000 at 5% / Gold 5,000 at 10%, 12 months)", () => {
  it("gives Silver to 4,900 spent buying 200 when the current purchase does not count (issue #4)", () => {
    const q = quote(excl, withHistory(excl), purchase, { consent: true });
    expect(q.tier?.name).toBe("Silver");
    expect(q.accumulatedSpend).toEqual(eur("4900.00"));
    expect(q.discountTotal).toEqual(eur("10.00")); // 5% of 200
  });

  it("gives Gold to 4,900 spent buying 200 when the current purchase counts (issue #4)", () => {
    const q = quote(incl, withHistory(incl), purchase, { consent: true });
    expect(q.tier?.name).toBe("Gold");
    expect(q.accumulatedSpend).toEqual(eur("5100.00"));
    expect(q.discountTotal).toEqual(eur("20.00")); // 10% of 200
  });

  it("does not count spend older than the window (issue #4)", () => {
    // 4,900 spent on 2025-02-28: more than 12 months before 2026-03-01
    const q = quote(incl, withHistory(incl, "2025-02-28T10:00:00Z"), purchase, { consent: true });
    expect(q.accumulatedSpend).toEqual(eur("200.00"));
    expect(q.tier?.name).toBe("Bronze");
    expect(q.discountTotal).toEqual(eur("0.00"));
  });

  it("lets the next basket see the spend a checkout recorded, and a refund take it back out", () => {
    const account = withHistory(excl);
    const before = accumulatedSpend(excl, account, { at: "2026-03-01T00:00:00Z" });
    expect(before).toEqual(eur("4900.00"));
    const history = account.sales[0]?.transactionId;
    if (history === undefined) throw new Error("no purchase recorded");
    const back = refund(excl, account, history, { at: "2026-02-01T10:00:00Z", transactionId: "r1" });
    expect(back.spendReversed).toEqual(eur("4900.00"));
    expect(accumulatedSpend(excl, back.account, { at: "2026-03-01T00:00:00Z" })).toEqual(eur("0.00"));
    expect(quote(excl, back.account, purchase, { consent: true }).tier?.name).toBe("Bronze");
  });

  it("does not count delivery toward spend", () => {
    const account = openProgramAccount(excl, { customerId: "c", consent: true });
    const r = checkout(
      excl,
      account,
      basket("2026-03-01T10:00:00Z", [{ price: "100.00" }, { price: "4.90", kind: "delivery" }]),
      { transactionId: "t", consent: true },
    );
    expect(r.spend).toEqual(eur("100.00"));
  });

  it("chooses tiers given in any order", () => {
    const shuffled = parseProgram({
      ...early,
      kind: "cumulative",
      id: "vip",
      name: "VIP",
      tiers: [tiers[2], tiers[0], tiers[1]],
      window: { type: "lifetime" },
      includeCurrentPurchase: true,
    });
    expect(quote(shuffled, withHistory(shuffled), purchase, { consent: true }).tier?.name).toBe("Gold");
  });

  it("rejects duplicate thresholds and names", () => {
    const r = safeParseProgram({
      ...common,
      kind: "cumulative",
      id: "vip",
      name: "VIP",
      window: { type: "lifetime" },
      tiers: [...tiers, { name: "Silver", threshold: "1000.00", percent: "6" }],
    });
    expect(r.success).toBe(false);
    if (!r.success) {
      const messages = r.error.issues.map((i) => i.message).join(" | ");
      expect(messages).toMatch(/expected a unique tier name \(duplicates are ambiguous\), got "Silver"/);
      expect(messages).toMatch(/expected a unique tier threshold \(duplicates are ambiguous\), got "1000.00"/);
    }
  });

  it("requires consent of an identified customer", () => {
    expect(() => openProgramAccount(excl, { customerId: "c" })).toThrow(
      expect.objectContaining({ code: "CONSENT_REQUIRED" }),
    );
    expect(() => openProgramAccount(excl, { consent: true })).toThrow(
      expect.objectContaining({ code: "CONSENT_REQUIRED" }),
    );
    const account = openProgramAccount(excl, { customerId: "c", consent: true });
    expect(() => quote(excl, account, purchase)).toThrow(expect.objectContaining({ code: "CONSENT_REQUIRED" }));
  });

  it("counts a calendar-year window from 1 January in the program's time zone", () => {
    const year = parseProgram({
      ...early,
      kind: "cumulative",
      id: "vip",
      name: "VIP",
      tiers,
      window: { type: "calendar-year" },
      includeCurrentPurchase: false,
    });
    // 2025-12-31T23:30Z is already 2026-01-01 00:30 in Berlin: it counts for 2026
    const account = withHistory(year, "2025-12-31T23:30:00Z", "1000.00");
    expect(quote(year, account, purchase, { consent: true }).tier?.name).toBe("Silver");
    const account2 = withHistory(year, "2025-12-31T22:30:00Z", "1000.00");
    expect(quote(year, account2, purchase, { consent: true }).tier?.name).toBe("Bronze");
  });

  void cumulative;
});
