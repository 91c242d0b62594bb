import { describe, expectTypeOf, it } from "vitest";
import {
  balance,
  findEntry,
  openAccount,
  parseAccount,
  post,
  postMany,
  replayAccount,
  safeParseAccount,
  statement,
  type Account,
  type Entry,
  type EntryInput,
  type PostManyResult,
  type PostResult,
} from "../../src/index.js";

describe("ledger types", () => {
  it("post takes entry input (Dates allowed) and returns a tagged status", () => {
    const account = openAccount({ accountId: "a" });
    expectTypeOf(post).parameter(1).toEqualTypeOf<EntryInput>();
    expectTypeOf(
      post(account, { kind: "earn", transactionId: "t", at: new Date(), points: "1" }),
    ).toEqualTypeOf<PostResult>();
    expectTypeOf<PostResult["status"]>().toEqualTypeOf<"applied" | "duplicate">();
    expectTypeOf(postMany(account, [])).toEqualTypeOf<PostManyResult>();
    // @ts-expect-error points are decimal strings, never numbers
    post(account, { kind: "earn", transactionId: "t", at: "2026-01-01T00:00:00Z", points: 1 });
    // @ts-expect-error unknown kinds do not type-check
    post(account, { kind: "gift", transactionId: "t", at: "2026-01-01T00:00:00Z" });
    // @ts-expect-error a capture names its hold
    post(account, { kind: "capture", transactionId: "t", at: "2026-01-01T00:00:00Z" });
  });

  it("stored entries have string instants and narrow on kind", () => {
    const e = findEntry(openAccount({ accountId: "a" }), "t");
    expectTypeOf(e).toEqualTypeOf<Entry | undefined>();
    if (e?.kind === "reverse") {
      expectTypeOf(e.reverses).toEqualTypeOf<string>();
      expectTypeOf(e.shortfall).toEqualTypeOf<"reject" | "deduct-available" | "negative-balance" | undefined>();
    }
    expectTypeOf<Entry["at"]>().toEqualTypeOf<string>();
  });

  it("balances and statements are decimal strings; parsers give accounts", () => {
    const account: Account = parseAccount({});
    expectTypeOf(balance(account, { at: new Date() })).toEqualTypeOf<string>();
    expectTypeOf(statement(account, { from: "x", to: "y" }).lines[0]?.balance).toEqualTypeOf<string | undefined>();
    expectTypeOf(replayAccount([], account)).toEqualTypeOf<Account>();
    const r = safeParseAccount({});
    if (r.success) expectTypeOf(r.data).toEqualTypeOf<Account>();
  });
});
