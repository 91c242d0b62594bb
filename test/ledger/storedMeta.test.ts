// Entries carrying `meta` (every entry a program posts) take the stored-entry fast path: the rule is
// the schema's (MetaSchema: a JSON value), and the entry keeps a copy of the caller's meta.
import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, parseAccount, post, openAccount, replayAccount } from "../../src/index.js";
import { day } from "./_helpers.js";

describe("entries with meta read from stored form", () => {
  it("copy the caller's meta: neither shared nor frozen in place", () => {
    const meta = { programId: "coffee", lines: [{ sku: "A", qty: 1 }] };
    const account = replayAccount([{ kind: "earn", transactionId: "e1", at: day(1), points: "10", meta }], {
      accountId: "a",
    });
    const kept = account.entries[0]?.meta;
    expect(kept).toEqual(meta);
    expect(kept).not.toBe(meta);
    expect(Object.isFrozen(meta)).toBe(false);
    expect(Object.isFrozen(meta.lines[0])).toBe(false);
    expect(Object.isFrozen((kept as { lines: object[] }).lines[0])).toBe(true);
  });

  it("refuse a meta that is not a JSON value with the schema's message and path", () => {
    const bad = [{ kind: "earn", transactionId: "e1", at: day(1), points: "10", meta: { when: new Date(0) } }];
    let error: unknown;
    try {
      replayAccount(bad as unknown as Parameters<typeof replayAccount>[0], { accountId: "a" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LoyaltyValidationError);
    const issue = (error as LoyaltyValidationError).issues[0];
    expect(issue?.path).toEqual([0, "meta"]);
    expect(issue?.message).toMatch(/expected a JSON value/);
  });

  it("read back from JSON equal to the snapshot that was written, once checked", () => {
    const { account } = post(openAccount({ accountId: "a" }), {
      kind: "earn",
      transactionId: "e1",
      at: day(1),
      points: "10",
      meta: { basketId: "b1", n: [1, null, true] },
    });
    const read = parseAccount(JSON.parse(JSON.stringify(account)));
    expect(read).toEqual(account);
    expect(JSON.stringify(read)).toBe(JSON.stringify(account));
    // The object form too (a structured clone), whose entries are not frozen.
    expect(parseAccount(structuredClone({ ...account }))).toEqual(account);
  });

  it("a snapshot whose lot was edited is still refused after the one-pass read", () => {
    const { account } = post(openAccount({ accountId: "a" }), {
      kind: "earn",
      transactionId: "e1",
      at: day(1),
      points: "10",
      meta: { basketId: "b1" },
    });
    const edited = structuredClone({ ...account });
    (edited.lots[0] as { remaining: string }).remaining = "11";
    expect(() => parseAccount(edited)).toThrow(LoyaltyValidationError);
  });
});
