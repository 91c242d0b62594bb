// The program account's stored form (what JSON.stringify writes): sales as tuples, and the points
// ledger's entries a kept sale's checkout posted written as that sale's index. What it holds, that it
// reads back, its size on a regular customer's account, and edits of it refused with a typed error.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  balance,
  checkout,
  LoyaltyError,
  openProgramAccount,
  parseProgram,
  parseProgramAccount,
  refund,
  safeParseProgramAccount,
  type ProgramAccount,
} from "../../src/index.js";

const DAY = 86_400_000;
const T0 = Date.parse("2026-01-01T10:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

// The tenure bench's coffee customer (bench/tenure.bench.mjs): one coffee every 3 days, every fifth
// visit paid partly with points, points valid 2 months.
const coffee = parseProgram({
  kind: "bonus",
  id: "coffee",
  name: "Coffee points",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2025-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], validityMonths: 2 },
  redeem: { pointValue: "0.01", maxShare: "50" },
});
const cup = (k: number) => ({
  id: `b${k}`,
  at: iso(T0 + 3 * k * DAY),
  lines: [{ id: "1", sku: "COFFEE", quantity: 3, unitPrice: { amount: "3.40", currency: "EUR" } }],
});
const visit = (k: number) => ({
  transactionId: `sale-${k}`,
  consent: true as const,
  ...(k % 5 === 4 ? { redeemPoints: "max" as const } : {}),
});

function regular(n: number): ProgramAccount {
  let account = openProgramAccount(coffee, { customerId: "loyal", consent: true });
  for (let k = 0; k < n; k++) account = checkout(coffee, account, cup(k), visit(k)).account;
  return account;
}

type Stored = {
  form: string;
  programId: string;
  points: { entries: unknown[]; lots: unknown[][]; checkpoint: { balance: string } };
  sales: unknown[][];
};

const account = regular(400);
const text = JSON.stringify(account);
const stored = () => JSON.parse(text) as Stored;
const lastSale = account.sales.length - 1;

function refused(input: unknown): LoyaltyError {
  try {
    parseProgramAccount(input);
  } catch (e) {
    expect(e).toBeInstanceOf(LoyaltyError);
    return e as LoyaltyError;
  }
  throw new Error("the edited account was read");
}

describe("a program account's stored form", () => {
  it("writes kept sales as tuples and leaves out the ledger entries they imply", () => {
    const s = stored();
    expect(s.form).toBe("compact-1");
    expect(s.sales[lastSale]).toEqual([
      "sale-399",
      Date.parse("2029-04-12T10:00:00.000Z"),
      account.sales[lastSale]?.digest,
      "b399",
      [["1", "COFFEE", "3", "10.20", "9.71", "9", "49"]],
      "10.20",
      "9",
      "49",
      Date.parse("2029-06-12T21:59:59.999Z"),
    ]);
    // the entries of the 31 kept sales are their indexes; the five older earn entries (their sales
    // left the window, their lots are still held by a debit) are written out
    const numbers = s.points.entries.filter((e) => typeof e === "number");
    expect(numbers).toEqual(account.sales.map((_, k) => k));
    expect(s.points.entries.length - numbers.length).toBe(5);
    expect(account.points.entries).toHaveLength(5 + 31 + 7);
  });

  it("reads back to the same account, and JSON.stringify of that is the same text", () => {
    const read = parseProgramAccount(JSON.parse(text));
    expect(read).toEqual(account);
    expect(JSON.stringify(read)).toBe(text);
    // the in-memory shape is the object form: no `form` key, sales as objects
    expect(Object.keys(read)).toEqual(Object.keys(account));
    expect(read.sales[lastSale]?.pointsRedeemed).toBe("49");
    // its object form (a spread, a structured clone) still reads too
    expect(parseProgramAccount(JSON.parse(JSON.stringify({ ...account })))).toEqual(account);
    expect(parseProgramAccount(structuredClone({ ...account, points: { ...account.points } }))).toEqual(account);
  });

  it("stays under 8 KiB for a regular customer (31 kept sales, 20 lots at most open)", () => {
    // 18,083 bytes before this form (the ledger's compact form, sales as objects)
    expect(text.length).toBeLessThanOrEqual(8_192);
    expect(JSON.stringify(regular(1_000)).length).toBeLessThanOrEqual(8_192);
  });

  it("writes out in full an entry its sale does not give exactly", () => {
    // sales whose earned points are pending (availableAt, from the program's pendingDays): their earn
    // entries are not what the figures alone give, so every sale's entries are written out, sale-9's
    // redeem (implied) too, as a sale's entries are left out all together or not at all
    const pending = parseProgram({
      ...coffee,
      id: "pending",
      earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], validityMonths: 2, pendingDays: 14 },
    });
    let a = openProgramAccount(pending, { customerId: "p", consent: true });
    for (let k = 0; k < 10; k++) a = checkout(pending, a, cup(k), visit(k)).account;
    const s = JSON.parse(JSON.stringify(a)) as Stored;
    expect(s.points.entries.every((e) => Array.isArray(e))).toBe(true);
    expect(s.points.entries.map((e) => (e as unknown[])[1])).toContain("sale-9:redeem");
    expect(s.sales.every((sale) => Array.isArray(sale))).toBe(true);
    expect(parseProgramAccount(s)).toEqual(a);
  });

  it("keeps as objects the sales a tuple cannot hold exactly (an older form's null fields)", () => {
    // the previous build wrote every field of a kept sale, `tier: null` among them
    const fixture = JSON.parse(
      readFileSync(new URL("./fixtures/program-account-full-form.json", import.meta.url), "utf8"),
    ) as { account: unknown };
    const full = parseProgramAccount(fixture.account);
    const s = JSON.parse(JSON.stringify(full)) as Stored;
    expect(s.form).toBe("compact-1");
    expect(s.sales.every((sale) => !Array.isArray(sale) && (sale as { tier?: unknown }).tier === null)).toBe(true);
    expect(parseProgramAccount(s)).toEqual(full);
  });

  it("writes an account edited in memory into something else as it is, for parseProgramAccount to refuse", () => {
    const sales = [null, { ...account.sales[0], at: 7, lines: [null] }, ...account.sales.slice(2)];
    for (const edited of [
      { ...account, sales },
      { ...account, sales: "none", points: null },
    ]) {
      Object.defineProperty(edited, "toJSON", { value: (account as unknown as { toJSON: () => unknown }).toJSON });
      const text = JSON.stringify(edited);
      expect(JSON.parse(text)).toHaveProperty("form", "compact-1");
      expect(refused(JSON.parse(text)).code).toBe("VALIDATION");
    }
  });
});

describe("an edited stored form", () => {
  it("a kept sale's points earned or redeemed changed: refused, the ledger's lots and debits disagree", () => {
    const earned = stored();
    (earned.sales[lastSale - 1] as unknown[])[6] = "11";
    expect(refused(earned).code).toBe("VALIDATION");
    const redeemed = stored();
    (redeemed.sales[lastSale] as unknown[])[7] = "48";
    expect(refused(redeemed).code).toBe("VALIDATION");
    // a line's figure is a sale figure the ledger does not hold: the schema still checks its shape
    const line = stored();
    ((line.sales[lastSale] as unknown[])[4] as unknown[][])[0] = ["1", "COFFEE", "3", "ten", "9.71"];
    expect(refused(line).message).toMatch(/sales\.30\.lines\.0\.gross/);
  });

  it("an entry left to a sale that no longer gives it: refused", () => {
    // the sale no longer earns: the earn lot has no entry to take its points from
    const none = stored();
    (none.sales[lastSale - 1] as unknown[])[6] = "0";
    expect(refused(none).code).toBe("VALIDATION");
    // another sale's index in its place
    const moved = stored();
    const i = moved.points.entries.indexOf(lastSale - 1);
    moved.points.entries[i] = lastSale - 2;
    expect(refused(moved).message).toMatch(/already gave its entries at an earlier place/);
    // an index that is no kept sale's, or a fraction
    for (const bad of [account.sales.length, -1, 1.5]) {
      const s = stored();
      s.points.entries[s.points.entries.indexOf(0)] = bad;
      expect(refused(s).message).toMatch(/points\.entries\.5: expected an entry tuple, or the index of a kept sale/);
    }
    // the entry written out in full as well as left to its sale
    const twice = stored();
    const entry = account.points.entries.find((e) => e.transactionId === "sale-399:earn");
    twice.points.entries.splice(5, 0, ["earn", "sale-399:earn", Date.parse(entry?.at ?? ""), "9"]);
    expect(refused(twice).message).toMatch(/"sale-399:earn" is both written out and given by sale 30/);
  });

  it("a sale tuple with the wrong number of fields, or lines that are not tuples: refused at its place", () => {
    const short = stored();
    short.sales[3] = (short.sales[3] as unknown[]).slice(0, 6);
    expect(refused(short).message).toMatch(/sales\.3: expected a sale as \[transactionId, at, digest/);
    const lines = stored();
    (lines.sales[3] as unknown[])[4] = [{ id: "1" }];
    expect(refused(lines).message).toMatch(/sales\.3\.4\.0: expected a line as \[id, sku, quantity/);
    const r = safeParseProgramAccount(lines);
    expect(r.success).toBe(false);
  });

  it("another programId: read as that program's account, with the same balance, and refused by this program", () => {
    // Nothing else in the account names its program (the entries' meta is rebuilt from it), so the
    // edit is found where the account is used: checkout, refund and quote refuse an account of
    // another program.
    const s = stored();
    s.programId = "tea";
    const read = parseProgramAccount(s);
    const at = iso(T0 + 3 * 400 * DAY);
    expect(balance(read.points, { at })).toBe(balance(account.points, { at }));
    expect(() => checkout(coffee, read, cup(400), visit(400))).toThrow(LoyaltyError);
    expect(() => checkout(coffee, read, cup(400), visit(400))).toThrow(/expected an account of program "coffee"/);
    expect(() => refund(coffee, read, "sale-399", { at, transactionId: "r" })).toThrow(LoyaltyError);
  });
});
