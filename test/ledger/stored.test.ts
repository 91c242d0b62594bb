// The stored form of a snapshot: what JSON.stringify writes (entry tuples, lots and debits without
// what their entries hold), read back by parseAccount, AccountSchema and post; the object form (how
// the previous release stored a snapshot) is still read. Edits to either are refused.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  balance,
  type EntryInput,
  LoyaltyError,
  type LoyaltyValidationError,
  openAccount,
  parseAccount,
  post,
  postLate,
  postMany,
  safeParseAccount,
} from "../../src/index.js";
import { AccountSchema } from "../../src/schemas/index.js";
import { day, inMemoryJson, ledger, thrown } from "./_helpers.js";

// Every kind of entry and every optional field, so each has to survive the tuple form.
const rich = ledger(
  [
    {
      kind: "earn",
      transactionId: "e1",
      at: day(1),
      points: "100.25",
      expiresAt: day(20),
      storeId: "s-1",
      tillId: "t-9",
    },
    { kind: "earn", transactionId: "e2", at: day(2), points: "40", availableAt: day(4), meta: { sku: ["A", 1] } },
    { kind: "adjust", transactionId: "a1", at: day(2), points: "5", reason: "goodwill", expiresAt: day(30) },
    { kind: "hold", transactionId: "h1", at: day(3), points: "30", timeoutAt: day(6) },
    { kind: "redeem", transactionId: "r1", at: day(5), points: "20.5" },
    { kind: "adjust", transactionId: "a2", at: day(5), points: "-3", reason: "correction" },
    { kind: "reverse", transactionId: "v1", at: day(6), reverses: "r1", points: "10" },
    { kind: "hold", transactionId: "h2", at: day(7), points: "10" },
    { kind: "capture", transactionId: "c2", at: day(7), holdId: "h2", points: "8" },
    { kind: "expire", transactionId: "x1", at: day(21) },
  ],
  { accountId: "card-0042", scale: 2, currency: "EUR" },
);
const late = postLate(rich, { kind: "earn", transactionId: "late-1", at: day(10), points: "7" }).account;

describe("the stored form", () => {
  it("is what JSON.stringify writes, and parseAccount reads it back deep-equal", () => {
    for (const account of [rich, late, openAccount({ accountId: "empty" })]) {
      const stored = JSON.parse(JSON.stringify(account)) as Record<string, unknown>;
      expect(stored["form"]).toBe("compact-1");
      const back = parseAccount(stored);
      expect(back).toEqual(account);
      expect(JSON.stringify(back)).toBe(JSON.stringify(account));
      expect(AccountSchema.parse(stored)).toEqual({ ...account });
    }
  });

  it("writes entries as tuples with instants in epoch ms, and lots and debits without their entries' figures", () => {
    const stored = JSON.parse(JSON.stringify(rich)) as { entries: unknown[]; lots: unknown[]; debits: unknown[] };
    expect(stored.entries[0]).toEqual([
      "earn",
      "e1",
      Date.parse(day(1)),
      "100.25",
      { expiresAt: Date.parse(day(20)), storeId: "s-1", tillId: "t-9" },
    ]);
    expect(stored.entries.at(-1)).toEqual(["expire", "x1", Date.parse(day(21))]);
    // e1: 100.25 earned; the redeem kept 10.50 of its 20.50 (10 given back), the adjust took 3, the
    // capture 8 (the timed-out hold gave its 30 back): 21.50 consumed, the other 78.75 expired on day 20.
    // Its points, instants and expiry are the earn's: left out, as are its trailing zeros.
    expect(stored.lots).toEqual([
      ["e1", "0.00", "21.50", "78.75"],
      ["e2", "40.00"],
      ["a1", "5.00"],
    ]);
    expect(stored.debits.find((d) => Array.isArray(d) && d[0] === "r1")).toEqual([
      "r1",
      [["e1", "10.50"]],
      "0.00",
      "10.00",
    ]);
  });

  it("is several times smaller than the object form on a long-lived account, and within 8 KiB", () => {
    // The tenure scenario: an earn of 10 points valid 60 days every 3 days, a redeem of 40 every fifth
    // visit, a sweep every tenth; 200 visits is past the 90-day window, so the snapshot is as big as it gets.
    let account = openAccount({ accountId: "loyal" });
    const t0 = Date.parse(day(1));
    for (let k = 0; k < 200; k++) {
      const at = new Date(t0 + 3 * k * 86_400_000).toISOString();
      const entries: EntryInput[] = [
        {
          kind: "earn",
          transactionId: `sale-${k}:earn`,
          at,
          points: "10",
          expiresAt: new Date(Date.parse(at) + 60 * 86_400_000).toISOString(),
        },
      ];
      if (k % 5 === 4) entries.push({ kind: "redeem", transactionId: `sale-${k}:redeem`, at, points: "40" });
      if (k % 10 === 9) entries.push({ kind: "expire", transactionId: `sweep-${k}`, at });
      account = postMany(account, entries).account;
    }
    expect(account.lots.filter((l) => l.remaining !== "0").length).toBeLessThanOrEqual(20);
    const stored = JSON.stringify(account).length;
    const objects = JSON.stringify({ ...account }).length;
    // 8 KiB: the size goal for a bounded snapshot with at most 20 open lots.
    expect(stored).toBeLessThanOrEqual(8_192);
    expect(objects).toBeGreaterThan(2 * stored);
    expect(parseAccount(JSON.parse(JSON.stringify(account)))).toEqual(account);
  });

  it("reads the object form too (a structured clone, or a snapshot the previous release stored)", () => {
    expect(parseAccount(inMemoryJson(rich))).toEqual(rich);
    expect(parseAccount(structuredClone(rich))).toEqual(rich);
  });

  it("reads instants given as any form the schema takes, in any entry (the newest too)", () => {
    // The stored form's entries are checked once, by the engine; what it holds in another form the
    // instant schema takes (a Date, an offset, a string without milliseconds) reads as before.
    const stored = JSON.parse(JSON.stringify(rich)) as { entries: unknown[][] };
    const last = stored.entries.length - 1;
    const at = stored.entries[last]?.[2] as number;
    for (const other of [new Date(at), new Date(at).toISOString().replace(".000Z", "+00:00")]) {
      const edited = JSON.parse(JSON.stringify(rich)) as { entries: unknown[][] };
      (edited.entries[last] as unknown[])[2] = other;
      (edited.entries[0] as unknown[])[2] = new Date((edited.entries[0] as unknown[])[2] as number);
      expect(parseAccount(edited)).toEqual(rich);
    }
  });

  it("post, balance and a retry work on the stored form read back without parseAccount", () => {
    const stored = JSON.parse(JSON.stringify(rich));
    expect(balance(stored, { at: day(22) })).toBe(balance(rich, { at: day(22) }));
    expect(post(stored, { kind: "expire", transactionId: "x1", at: day(21) }).status).toBe("duplicate");
    expect(post(stored, { kind: "earn", transactionId: "e9", at: day(22), points: "1" }).account).toEqual(
      post(rich, { kind: "earn", transactionId: "e9", at: day(22), points: "1" }).account,
    );
    const conflict = thrown(() => post(stored, { kind: "expire", transactionId: "x1", at: day(22) })) as {
      code: string;
    };
    expect(conflict.code).toBe("IDEMPOTENCY_CONFLICT");
  });
});

describe("an edited stored form is refused", () => {
  const stored = () =>
    JSON.parse(JSON.stringify(rich)) as { entries: unknown[][]; lots: unknown[][]; debits: unknown[][] };

  it("a lot's figures changed", () => {
    const s = stored();
    (s.lots[1] as unknown[])[1] = "1000.00";
    for (const call of [() => parseAccount(s), () => balance(s as never, { at: day(22) })]) {
      const e = thrown(call) as LoyaltyValidationError;
      expect(e.code).toBe("VALIDATION");
      expect(e.message).toMatch(/lot "e2": remaining \+ consumed \+ expired \+ reversed is not its points/);
    }
  });

  it("an earn's points changed (its lot is written from them)", () => {
    const s = stored();
    (s.entries[1] as unknown[])[3] = "4000.00";
    expect(() => parseAccount(s)).toThrow(/lot "e2": remaining \+ consumed \+ expired \+ reversed is not its points/);
  });

  it("a debit's points changed (the redeem's entry says otherwise)", () => {
    const s = stored();
    const r1 = s.debits.find((d) => d[0] === "r1") as unknown[];
    r1[3] = "0.00";
    expect(() => parseAccount(s)).toThrow(/debit "r1" does not match what replaying the entries gives/);
  });

  it("malformed tuples, with their place", () => {
    const s = stored();
    (s.entries[0] as unknown[]).length = 2;
    const r = safeParseAccount(s);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues[0]?.path).toEqual(["entries", 0]);
    expect(r.error.message).toMatch(/expected an entry as \[kind, transactionId, at, points\?, fields\?\]/);
    const t = stored();
    (t.lots[0] as unknown[])[0] = "r1";
    expect(() => parseAccount(t)).toThrow(/lots\.0\.0: expected the id of a retained earn or positive adjust entry/);
    const u = stored();
    (u.entries[0] as unknown[])[4] = { points: "1" };
    expect(() => parseAccount(u)).toThrow(/entries\.0\.4\.points: unexpected key "points"/);
  });
});

describe("a stored form damaged anywhere inside its tuples", () => {
  it("parseAccount, post and balance answer with a LoyaltyError or a snapshot, never another exception", () => {
    const base = JSON.stringify(rich);
    // A path into entries, lots or debits (down to a tuple's element or an allocation's part) and a hostile value.
    const damage = fc.record({
      list: fc.constantFrom("entries", "lots", "debits"),
      i: fc.nat(12),
      j: fc.nat(5),
      k: fc.option(fc.nat(2), { nil: undefined }),
      value: fc.oneof(fc.anything(), fc.jsonValue(), fc.constantFrom(null, -1, 1e300, "", "__proto__", [], {})),
    });
    fc.assert(
      fc.property(damage, ({ list, i, j, k, value }) => {
        const s = JSON.parse(base) as Record<string, unknown[][]>;
        const rows = s[list] as unknown[][];
        const row = rows[i % rows.length];
        if (row === undefined) return;
        if (k !== undefined && Array.isArray(row[j % row.length])) (row[j % row.length] as unknown[])[k] = value;
        else row[j % Math.max(1, row.length)] = value;
        for (const call of [
          () => parseAccount(s),
          () => post(s as never, { kind: "earn", transactionId: "z", at: day(22), points: "1" }),
          () => balance(s as never, { at: day(22) }),
        ]) {
          try {
            call();
          } catch (e) {
            if (!(e instanceof LoyaltyError)) throw new Error(`threw a non-LoyaltyError: ${String(e)}`);
          }
        }
      }),
    );
  });
});
