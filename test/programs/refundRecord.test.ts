// Refunding from the stored checkout record (options.record): the path for a sale the program
// account no longer holds. The figures follow from the fixture programs' own rules (bonus: 1 point
// per 1.00 paid, points worth 0.01, at most 50% paid in points; see _fixtures.ts), worked out in the
// comments; the record checks follow the rules of the refund TSDoc.
import { describe, expect, it } from "vitest";
import {
  balance,
  checkout,
  LoyaltyValidationError,
  openProgramAccount,
  post,
  refund,
  replayAccount,
  type CheckoutRecord,
  type ProgramAccount,
} from "../../src/index.js";
import { basket, bonus, common, stamps } from "./_fixtures.js";
import { parseProgram } from "../../src/index.js";

const at = (day: number) => `2026-03-${String(day).padStart(2, "0")}T10:00:00Z`;

function opened(customerId: string, points = "1500"): ProgramAccount {
  const account = openProgramAccount(bonus, { customerId, consent: true });
  return {
    ...account,
    points: post(account.points, { kind: "earn", transactionId: "opening", at: "2026-01-02T00:00:00Z", points })
      .account,
  };
}

// 3 × 10.00 merchandise and 4.90 delivery; "max" pays 15.00 (50% of the merchandise) with 1,500
// points; 15.00 paid in money on the merchandise earns 15 points.
const sale = basket(at(1), [
  { price: "10.00", quantity: 3 },
  { price: "4.90", kind: "delivery" },
]);

function sold(customerId = "olga") {
  const r = checkout(bonus, opened(customerId), sale, { transactionId: "s1", consent: true, redeemPoints: "max" });
  const { status: _s, account, stock: _k, ...record } = r;
  const stored = JSON.parse(JSON.stringify(record)) as CheckoutRecord;
  // What the account looks like once it no longer holds the sale (the bounded snapshot's case).
  const without: ProgramAccount = { ...account, sales: [] };
  return { r, account, stored, without };
}

const twoOfThree = { at: at(2), transactionId: "r1", lines: [{ id: "1", quantity: 2 }] };

describe("refund with the stored checkout record", () => {
  it("records which points account the checkout posted to", () => {
    const { r } = sold();
    expect(r.accountId).toBe("olga");
    // and a retry, answered from the account's figures, says so too
    const retry = checkout(bonus, r.account, sale, { transactionId: "s1", consent: true, redeemPoints: "max" });
    expect(retry.status).toBe("duplicate");
    expect(retry.accountId).toBe("olga");
  });

  it("refunds a sale the account no longer holds exactly as if it held it", () => {
    const { account, stored, without } = sold();
    const held = refund(bonus, account, "s1", twoOfThree);
    const fromRecord = refund(bonus, without, "s1", { ...twoOfThree, record: stored });
    // 2/3 of 15.00 paid in money, 2/3 of 1,500 redeemed points back, 2/3 of 15 earned taken back
    expect(fromRecord.moneyBack.amount).toBe("10.00");
    expect(fromRecord.pointsRestored).toBe("1000");
    expect(fromRecord.pointsReversed).toBe("10");
    const { account: a1, ...r1 } = held;
    const { account: a2, ...r2 } = fromRecord;
    expect(r2).toEqual(r1);
    expect(a2.points).toEqual(a1.points);
    expect(balance(a2.points, { at: at(3) })).toBe("1005");
  });

  it("never refunds more than the record says was bought, over several refunds from it", () => {
    const { without, stored } = sold();
    const first = refund(bonus, without, "s1", { ...twoOfThree, record: stored });
    const retry = refund(bonus, first.account, "s1", { ...twoOfThree, record: stored });
    expect(retry.status).toBe("duplicate");
    // 2 of the 3 tees are back; 2 more would make 4
    expect(() =>
      refund(bonus, first.account, "s1", {
        at: at(3),
        transactionId: "r2",
        lines: [{ id: "1", quantity: 2 }],
        record: stored,
      }),
    ).toThrow(expect.objectContaining({ code: "REFUND_EXCEEDS_PURCHASE" }));
    const rest = refund(bonus, first.account, "s1", { at: at(3), transactionId: "r2", record: stored });
    // the last tee (5.00 paid in money, 500 points restored, 5 earned taken back) and the 4.90 delivery
    expect(rest.moneyBack.amount).toBe("9.90");
    expect(rest.pointsRestored).toBe("500");
    expect(rest.pointsReversed).toBe("5");
    expect(rest.complete).toBe(true);
  });

  it("accepts the record beside a held sale when it is the same, and refuses a different one", () => {
    const { account, stored } = sold();
    const same = refund(bonus, account, "s1", { ...twoOfThree, record: stored });
    expect(same.moneyBack.amount).toBe("10.00");
    // (the account keeps the sale's figures, not its explanation texts: those are not compared)
    expect(refund(bonus, account, "s1", { ...twoOfThree, record: { ...stored, explain: [] } }).status).toBe("applied");
    const edited = { ...stored, basketId: "b-other" };
    expect(() => refund(bonus, account, "s1", { ...twoOfThree, record: edited })).toThrow(
      expect.objectContaining({
        code: "HISTORY_MISMATCH",
        details: expect.objectContaining({ field: "record.basketId" }),
      }),
    );
  });

  it("refuses a record from another customer, another program or another sale", () => {
    const { without } = sold();
    const { stored: theirs } = sold("ivan");
    expect(() => refund(bonus, without, "s1", { ...twoOfThree, record: theirs })).toThrow(
      expect.objectContaining({ code: "HISTORY_MISMATCH", details: expect.objectContaining({ field: "accountId" }) }),
    );
    const { stored } = sold();
    const other = parseProgram({ ...common, kind: "bonus", id: "other", name: "Other", earn: { rules: [] } });
    const otherAccount = { ...without, programId: "other" };
    expect(() => refund(other, otherAccount, "s1", { ...twoOfThree, record: stored })).toThrow(
      expect.objectContaining({ code: "HISTORY_MISMATCH", details: expect.objectContaining({ field: "programId" }) }),
    );
    expect(() => refund(bonus, without, "s2", { ...twoOfThree, record: stored })).toThrow(
      expect.objectContaining({
        code: "HISTORY_MISMATCH",
        details: expect.objectContaining({ field: "transactionId" }),
      }),
    );
  });

  it("refuses an edited record whose figures do not add up, and applies nothing", () => {
    const { without, stored } = sold();
    const line = stored.lines[0] as CheckoutRecord["lines"][number];
    const cases: [string, CheckoutRecord][] = [
      // the line's net raised: no longer gross − discount − points money
      [
        "lines.0.net",
        { ...stored, lines: [{ ...line, net: { ...line.net, amount: "30.00" } }, ...stored.lines.slice(1)] },
      ],
      // more earned points on the line than the sale earned
      ["lines.pointsEarned", { ...stored, lines: [{ ...line, pointsEarned: "99" }, ...stored.lines.slice(1)] }],
      // the total raised
      ["total", { ...stored, total: { ...stored.total, amount: "99.90" } }],
      // the earned total raised with its line: the earn entry still says 15
      [
        "entries s1:earn",
        { ...stored, pointsEarned: "99", lines: [{ ...line, pointsEarned: "99" }, ...stored.lines.slice(1)] },
      ],
    ];
    for (const [field, record] of cases) {
      const before = JSON.stringify(without);
      expect(() => refund(bonus, without, "s1", { ...twoOfThree, record })).toThrow(
        expect.objectContaining({ code: "HISTORY_MISMATCH", details: expect.objectContaining({ field }) }),
      );
      expect(JSON.stringify(without)).toBe(before);
    }
  });

  it("refuses a record whose entries differ from those the ledger still holds", () => {
    const { without, stored } = sold();
    const entries = stored.entries.map((e) => (e.transactionId === "s1:earn" ? { ...e, meta: { edited: true } } : e));
    expect(() => refund(bonus, without, "s1", { ...twoOfThree, record: { ...stored, entries } })).toThrow(
      expect.objectContaining({
        code: "HISTORY_MISMATCH",
        details: expect.objectContaining({ field: "entries s1:earn" }),
      }),
    );
  });

  it("says how to refund a sale the account does not hold when no record is given", () => {
    const { without } = sold();
    expect(() => refund(bonus, without, "s1", twoOfThree)).toThrow(
      /pass the checkout record you stored as options\.record/,
    );
  });

  it("refuses something that is not a checkout record with a validation error", () => {
    const { without } = sold();
    expect(() => refund(bonus, without, "s1", { ...twoOfThree, record: { transactionId: "s1" } })).toThrow(
      LoyaltyValidationError,
    );
  });

  it("refunds a stamp card sale from its record", () => {
    const card = openProgramAccount(stamps, { cardId: "card-7" });
    const r = checkout(stamps, card, basket(at(1), [{ price: "3.20" }]), { transactionId: "c1" });
    const { status: _s, account, stock: _k, ...record } = r;
    const back = refund(stamps, { ...account, sales: [] }, "c1", {
      at: at(2),
      transactionId: "r1",
      record: JSON.parse(JSON.stringify(record)),
    });
    expect(back.moneyBack.amount).toBe("3.20");
    expect(balance(back.account.points, { at: at(3) })).toBe("0");
  });
});

describe("refund from the record after the ledger dropped the sale's emptied earn lot", () => {
  // s1 (1 March) earns 30 points (3 × 10.00 at 1 point per 1.00); they are all redeemed on 2 March;
  // s2 on 20 June (110 days later, past the 90-day window) earns 10. The ledger's snapshot then no
  // longer holds s1's earn (its lot is empty and outside the window) and the program account no
  // longer holds the sale: only the stored record can refund it.
  const june = (day: number) => `2026-06-${String(day).padStart(2, "0")}T10:00:00Z`;
  function aged() {
    const a0 = openProgramAccount(bonus, { customerId: "ines", consent: true });
    const s1 = checkout(bonus, a0, basket(at(1), [{ price: "10.00", quantity: 3 }]), {
      transactionId: "s1",
      consent: true,
    });
    const { status: _s, account: _a, stock: _k, ...record } = s1;
    const stored = JSON.parse(JSON.stringify(record)) as CheckoutRecord;
    const spent = {
      ...s1.account,
      points: post(s1.account.points, { kind: "redeem", transactionId: "spend", at: at(2), points: "30" }).account,
    };
    const s2 = checkout(bonus, spent, basket(june(20), [{ price: "10.00" }]), { transactionId: "s2", consent: true });
    return { stored, account: s2.account };
  }

  it("takes back what is still there and forgives the rest, as refunding the held sale would", () => {
    const { stored, account } = aged();
    expect(stored.pointsEarned).toBe("30");
    expect(account.points.entries.some((e) => e.transactionId === "s1:earn")).toBe(false);
    expect(account.sales.some((s) => s.transactionId === "s1")).toBe(false);
    const back = refund(bonus, account, "s1", { at: june(21), transactionId: "r1", record: stored });
    // 30 points to reverse, all spent: the default clawback (deduct-available) takes the 10 the
    // customer has and forgives 20, exactly what reversing a consumed lot does in the ledger.
    expect(back.status).toBe("applied");
    expect(back.moneyBack.amount).toBe("30.00");
    expect(back.pointsReversed).toBe("30");
    expect(back.pointsTaken).toBe("10");
    expect(back.pointsForgiven).toBe("20");
    expect(balance(back.account.points, { at: june(22) })).toBe("0");
    // a retry is a duplicate; a second refund of the same record is refused (3 of 3 already back)
    expect(refund(bonus, back.account, "s1", { at: june(21), transactionId: "r1", record: stored }).status).toBe(
      "duplicate",
    );
    expect(() => refund(bonus, back.account, "s1", { at: june(22), transactionId: "r2", record: stored })).toThrow(
      /already fully refunded/,
    );
  });

  it("replays: the refund's ledger history onto the snapshot before it gives the snapshot after it", () => {
    const { stored, account } = aged();
    const back = refund(bonus, account, "s1", { at: june(21), transactionId: "r1", record: stored });
    const history = back.entries.map((entry, i) => ({
      accountId: "ines",
      sequence: account.points.version + i + 1,
      entry,
    }));
    const settings = { accountId: "ines", currency: "EUR", scale: 0, retainDays: account.points.retainDays };
    expect(replayAccount(history, settings, { from: account.points })).toEqual(back.account.points);
  });

  it("still refuses, with NOT_FOUND, a refund with neither the sale nor its record", () => {
    const { account } = aged();
    expect(() => refund(bonus, account, "s1", { at: june(21), transactionId: "r1" })).toThrow(/options\.record/);
  });
});
