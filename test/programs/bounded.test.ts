// The bounded program account's window rules, on the bonus program of _fixtures.ts (1 point per
// 1.00, points worth 0.01, at most 50% paid with points) with retainDays 30 (an illustrative window).
import { describe, expect, it } from "vitest";
import { checkout, openProgramAccount, parseProgramAccount, refund, type CheckoutRecord } from "../../src/index.js";
import { basket, bonus } from "./_fixtures.js";

const DAY = 86_400_000;
const day = (n: number) => new Date(Date.parse("2026-03-01T10:00:00Z") + n * DAY).toISOString();
const opened = () => openProgramAccount(bonus, { customerId: "olga", consent: true, retainDays: 30 });

function sales(days: number[]) {
  let account = opened();
  const records: CheckoutRecord[] = [];
  for (const d of days) {
    const r = checkout(bonus, account, basket(day(d), [{ price: "10.00" }]), { transactionId: `s${d}`, consent: true });
    const { status: _s, account: next, stock: _k, ...record } = r;
    account = next;
    records.push(record);
  }
  return { account, records };
}

describe("the bounded program account", () => {
  it("keeps the sales of its last retainDays days and the rest as totals", () => {
    const { account } = sales([0, 10, 20, 35, 50]);
    // newest day 50: the cutoff is day 20, so day 20 stays, days 0 and 10 leave
    expect(account.sales.map((s) => s.transactionId)).toEqual(["s20", "s35", "s50"]);
    expect(account.totals.open).toBe(5);
    expect(account.totals.spend).toBe("20");
  });

  it("refuses a checkout older than the window with LATE_ENTRY_CONFLICT naming the window", () => {
    const { account } = sales([0, 50]);
    expect(() =>
      checkout(bonus, account, basket(day(15), [{ price: "10.00" }]), { transactionId: "s15", consent: true }),
    ).toThrow(
      expect.objectContaining({
        code: "LATE_ENTRY_CONFLICT",
        details: expect.objectContaining({ conflict: "window" }),
      }),
    );
  });

  it("answers a retry of a sale that has left with its stored record, and refuses a record of another basket", () => {
    const { account, records } = sales([0, 50]);
    const old = records[0] as CheckoutRecord;
    const b = basket(day(0), [{ price: "10.00" }]);
    const retry = checkout(bonus, account, b, { transactionId: "s0", consent: true, record: old });
    expect(retry.status).toBe("duplicate");
    expect(retry.account).toBe(account);
    expect(retry.pointsEarned).toBe("10");
    const other = basket(day(0), [{ price: "10.00", sku: "OTHER" }]);
    expect(() => checkout(bonus, account, other, { transactionId: "s0", consent: true, record: old })).toThrow(
      expect.objectContaining({ code: "IDEMPOTENCY_CONFLICT" }),
    );
    // without the record, a retry that old cannot be told from a new sale: refused, not applied twice
    expect(() => checkout(bonus, account, b, { transactionId: "s0", consent: true })).toThrow(
      expect.objectContaining({ code: "LATE_ENTRY_CONFLICT" }),
    );
  });

  it("never refunds a sale that has left more than was bought, across refunds that left too", () => {
    const { account, records } = sales([0, 50]);
    const old = records[0] as CheckoutRecord;
    const first = refund(bonus, account, "s0", { at: day(51), transactionId: "r1", record: old });
    expect(first.moneyBack.amount).toBe("10.00");
    // 40 days on, the refund has left the window too; the sale is still fully refunded
    const later = checkout(bonus, first.account, basket(day(91), [{ price: "10.00" }]), {
      transactionId: "s91",
      consent: true,
    }).account;
    expect(later.refunds).toHaveLength(0);
    expect(later.totals.refunded).toEqual([["s0", [["1", "1"]]]]);
    expect(() => refund(bonus, later, "s0", { at: day(92), transactionId: "r2", record: old })).toThrow(
      expect.objectContaining({ code: "REFUND_EXCEEDS_PURCHASE" }),
    );
  });

  it("reads a stored account back only with its sales in time order (pruning takes the oldest from the front)", () => {
    const { account } = sales([0, 10, 20]);
    const stored = JSON.parse(JSON.stringify(account));
    expect(JSON.stringify(parseProgramAccount(stored))).toBe(JSON.stringify(account));
    const swapped = { ...stored, sales: [stored.sales[1], stored.sales[0], stored.sales[2]] };
    expect(() => parseProgramAccount(swapped)).toThrow(
      expect.objectContaining({
        code: "VALIDATION",
        issues: [expect.objectContaining({ path: ["sales", 1, "at"] })],
      }),
    );
  });

  it("checks the points ledger once when read back, naming the edited figure under points", () => {
    const { account } = sales([0, 10]);
    const stored = JSON.parse(JSON.stringify(account));
    // the lot of the first sale's earn (10 points for 10.00 at 1 point per 1.00) claims 11 left (the
    // stored form's lot tuple: [lotId, remaining, …]; its points come from the earn entry)
    expect(stored.points.lots[0][1]).toBe("10");
    stored.points.lots[0][1] = "11";
    expect(() => parseProgramAccount(stored)).toThrow(
      expect.objectContaining({
        code: "VALIDATION",
        issues: [expect.objectContaining({ path: expect.arrayContaining(["points", "lots"]) })],
      }),
    );
    // a checkout on the account read back posts with the figures already checked
    const read = parseProgramAccount(JSON.parse(JSON.stringify(account)));
    const next = checkout(bonus, read, basket(day(11), [{ price: "10.00" }]), { transactionId: "s11", consent: true });
    expect(next.pointsEarned).toBe("10");
  });
});
