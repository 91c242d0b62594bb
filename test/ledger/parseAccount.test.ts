import { describe, expect, it } from "vitest";
import { parseAccount, safeParseAccount, LoyaltyValidationError, openAccount } from "../../src/index.js";
import { day, inMemoryJson, ledger } from "./_helpers.js";

describe("parseAccount", () => {
  const account = ledger([
    { kind: "earn", transactionId: "e1", at: day(1), points: "100", expiresAt: day(15) },
    { kind: "hold", transactionId: "h1", at: day(2), points: "30" },
    { kind: "redeem", transactionId: "r1", at: day(4), points: "50" },
  ]);

  it("reads back what JSON.stringify wrote, deep-equal and frozen", () => {
    const back = parseAccount(JSON.parse(JSON.stringify(account)));
    expect(back).toEqual(account);
    expect(Object.isFrozen(back.entries[0])).toBe(true);
    expect(parseAccount(JSON.parse(JSON.stringify(openAccount({ accountId: "x", currency: "EUR" }))))).toEqual(
      openAccount({ accountId: "x", currency: "EUR" }),
    );
  });

  it("rejects a snapshot whose lots do not match its entries", () => {
    const tampered = inMemoryJson(account) as unknown as { lots: { remaining: string }[] };
    (tampered.lots[0] as { remaining: string }).remaining = "500";
    const r = safeParseAccount(tampered);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues[0]?.path).toEqual(["lots"]);
    expect(r.error.issues[0]?.message).toMatch(
      /lot "e1": remaining \+ consumed \+ expired \+ reversed is not its points \(the snapshot was edited outside loyalty-kit\)/,
    );
  });

  it("rejects a wrong version, extra keys and __proto__ keys", () => {
    expect(() => parseAccount({ ...JSON.parse(JSON.stringify(account)), version: 2 })).toThrow(
      /version: expected the number of entries in the account's history \(at least the 3 retained\), got 2/,
    );
    expect(() => parseAccount({ ...JSON.parse(JSON.stringify(account)), version: 4 })).toThrow(
      /checkpoint\.version: expected the account's version 4, got 3/,
    );
    expect(() => parseAccount({ ...JSON.parse(JSON.stringify(account)), owner: "me" })).toThrow(
      /Unrecognized key: "owner"/,
    );
    const proto = JSON.stringify(account).replace('"accountId"', '"__proto__":{"x":1},"accountId"');
    expect(safeParseAccount(JSON.parse(proto)).success).toBe(false);
  });

  it("names a retained entry whose lot or debit is missing", () => {
    const overdrawn = {
      ...inMemoryJson(openAccount({ accountId: "a" })),
      version: 1,
      entries: [{ kind: "redeem", transactionId: "r", at: day(1), points: "5" }],
      checkpoint: { version: 1, at: day(1), balance: "0" },
    };
    const r = safeParseAccount(overdrawn);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error).toBeInstanceOf(LoyaltyValidationError);
    expect(r.error.issues[0]?.path).toEqual(["entries", 0]);
    expect(r.error.message).toMatch(/the redeem "r" has no debit in the snapshot/);
  });

  it("refuses a 0.1 snapshot and names upgradeAccount", () => {
    const v01 = inMemoryJson(openAccount({ accountId: "a" }));
    delete v01["checkpoint"];
    delete v01["retainDays"];
    const r = safeParseAccount(v01);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.message).toMatch(/loyalty-kit 0\.1 snapshot .* convert it once with upgradeAccount\(snapshot\)/);
  });

  it("lists shape problems with their paths", () => {
    const r = safeParseAccount({
      accountId: "a",
      scale: -1,
      negativeLimit: "x",
      version: 0,
      entries: [],
      lots: [],
      holds: [],
      debits: [],
      deficit: "0",
      retainDays: 90,
      checkpoint: { version: 0, balance: "0" },
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => i.path.join("."))).toEqual(["scale", "negativeLimit"]);
  });
});
