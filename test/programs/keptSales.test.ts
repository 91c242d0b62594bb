// The sales a program account keeps: the compact form (a field the program implies is left out), the
// form the previous build wrote (every field; test/programs/fixtures/program-account-full-form.json,
// made by make-program-account-full-form.mjs with that build's checkout and refund), and a retry's
// conflict naming the field that differs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkout,
  openProgramAccount,
  parseAccount,
  parseProgram,
  parseProgramAccount,
  quote,
  refund,
  type CheckoutRecord,
  type ProgramAccount,
} from "../../src/index.js";
import { basket, bonus } from "./_fixtures.js";

const fixture = JSON.parse(
  readFileSync(new URL("./fixtures/program-account-full-form.json", import.meta.url), "utf8"),
) as { program: unknown; account: ProgramAccount; lastRecord: CheckoutRecord; nextQuote: { total: unknown } };
const program = parseProgram(fixture.program);

// The fixture's sales, made again with this build: 40 sales five days apart from 2026-01-02 (two
// coffees at 3.40 and a cake at 4.10), every sixth paying with points, the cake of every seventh
// (from the fourth) refunded an hour later.
const DAY = 86_400_000;
const T0 = Date.parse("2026-01-02T09:00:00Z");
const saleBasket = (k: number) => ({
  id: `b${k}`,
  at: new Date(T0 + 5 * k * DAY).toISOString(),
  storeId: k % 2 === 0 ? "berlin-mitte" : "berlin-kreuzberg",
  lines: [
    { id: "1", sku: "COFFEE", quantity: 2, unitPrice: { amount: "3.40", currency: "EUR" } },
    { id: "2", sku: "CAKE", quantity: 1, unitPrice: { amount: "4.10", currency: "EUR" } },
  ],
});
const saleOptions = (k: number) => ({
  transactionId: `sale-${k}`,
  consent: true as const,
  ...(k % 6 === 5 ? { redeemPoints: "max" as const } : {}),
});

function remade(): { account: ProgramAccount; records: Map<string, CheckoutRecord> } {
  let account = openProgramAccount(program, { customerId: "olga", consent: true });
  const records = new Map<string, CheckoutRecord>();
  for (let k = 0; k < 40; k++) {
    const r = checkout(program, account, saleBasket(k), saleOptions(k));
    const { status: _s, account: next, stock: _k, ...record } = r;
    account = next;
    records.set(record.transactionId, record);
    if (k % 7 === 3)
      account = refund(program, account, r, {
        at: new Date(T0 + 5 * k * DAY + 3_600_000).toISOString(),
        transactionId: `refund-${k}`,
        lines: [{ id: "2", quantity: 1 }],
      }).account;
  }
  return { account, records };
}

const withoutExplain = <T extends { explain: unknown }>({ explain: _e, ...rest }: T) => rest;

describe("the sales a program account keeps", () => {
  const { account, records } = remade();
  const full = parseProgramAccount(fixture.account);

  it("leave out what the program implies, and nothing a refund or a retry needs", () => {
    expect(account.sales.map((s) => s.transactionId)).toEqual(full.sales.map((s) => s.transactionId));
    const sale = account.sales.find((s) => s.transactionId === "sale-35") as ProgramAccount["sales"][number];
    // sale-35 paid with points (35 is 5 mod 6): its redeemed points stay, its zero discount goes
    expect(sale.pointsRedeemed).toBeDefined();
    for (const key of ["kind", "currency", "tier", "reward", "stamps", "accumulatedSpend", "welcomeBonus"])
      expect(Object.keys(sale)).not.toContain(key);
    for (const key of ["kind", "eligible", "discount"]) expect(Object.keys(sale.lines[0] as object)).not.toContain(key);
    // the full form had them all
    expect(Object.keys(full.sales[0] as object)).toEqual(expect.arrayContaining(["kind", "currency", "tier"]));
    expect(JSON.stringify(account.sales).length).toBeLessThan(JSON.stringify(full.sales).length * 0.8);
    expect(JSON.stringify(parseProgramAccount(JSON.parse(JSON.stringify(account))))).toBe(JSON.stringify(account));
  });

  it("read the previous build's form (every field) as it is, and answer the same from it", () => {
    // the program's part as it was (its object form: JSON.stringify of the account itself writes the
    // stored form); the points ledger is written in its own compact stored form now, which reads back
    // to the same ledger
    const { points: fullPoints, ...fullRest } = JSON.parse(JSON.stringify({ ...full }));
    const { points: fixturePoints, ...fixtureRest } = fixture.account;
    expect(fullRest).toEqual(fixtureRest);
    expect(parseAccount(fullPoints)).toEqual(parseAccount(fixturePoints));
    const next = {
      id: "b-next",
      at: "2026-07-20T09:00:00Z",
      lines: [{ id: "1", sku: "COFFEE", quantity: 2, unitPrice: { amount: "3.40", currency: "EUR" } }],
    };
    const fromFull = quote(program, full, next, { consent: true });
    const fromCompact = quote(program, account, next, { consent: true });
    expect(fromFull.total).toEqual(fixture.nextQuote.total);
    expect(withoutExplain(fromCompact)).toEqual(withoutExplain(fromFull));
    // a retry of a kept sale answers the record checkout returned, from either form
    for (const k of [35, 38, 39]) {
      const original = records.get(`sale-${k}`) as CheckoutRecord;
      for (const held of [full, account]) {
        const retry = checkout(program, held, saleBasket(k), saleOptions(k));
        expect(retry.status).toBe("duplicate");
        const { status: _s, account: _a, stock: _k, ...record } = retry;
        expect(withoutExplain(record)).toEqual(withoutExplain(original));
      }
    }
    expect(withoutExplain(fixture.lastRecord)).toEqual(withoutExplain(records.get("sale-39") as CheckoutRecord));
    // a refund of a kept sale gives back the same from either form
    const back = (held: ProgramAccount) => {
      const { account: _a, ...r } = refund(program, held, "sale-35", {
        at: "2026-07-20T10:00:00Z",
        transactionId: "r-35",
      });
      return r;
    };
    expect(back(account)).toEqual(back(full));
  });
});

describe("a retry that conflicts with a kept sale", () => {
  it("names the field that differs, not a price the kept gross only rounded", () => {
    // 0.333 kg at 2.99 is 0.99567, kept as the rounded gross 1.00 (ISO 4217: EUR has 2 minor units)
    const weighed = basket("2026-03-01T10:00:00Z", [{ price: "2.99", quantity: "0.333" }]);
    const first = checkout(bonus, openProgramAccount(bonus, { customerId: "olga", consent: true }), weighed, {
      transactionId: "s1",
      consent: true,
    });
    expect(first.lines[0]?.gross.amount).toBe("1.00");
    const sameBasketOtherOptions = () =>
      checkout(bonus, first.account, weighed, { transactionId: "s1", consent: true, redeemPoints: "0" });
    expect(sameBasketOtherOptions).toThrow(
      expect.objectContaining({ code: "IDEMPOTENCY_CONFLICT", details: expect.objectContaining({ field: "request" }) }),
    );
    const dearer = basket("2026-03-01T10:00:00Z", [{ price: "3.10", quantity: "0.333" }]);
    expect(() => checkout(bonus, first.account, dearer, { transactionId: "s1", consent: true })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: "basket.lines.0.unitPrice.amount" }) }),
    );
  });
});
