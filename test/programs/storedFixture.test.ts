// A program account as JSON.stringify wrote it before the program account had a stored form of its
// own (test/programs/fixtures/program-account-object-sales.json, made by
// make-program-account-object-sales.mjs with that build's checkout and refund): parseProgramAccount
// must keep reading it, to the account this build's checkout and refund make from the same sales.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkout, openProgramAccount, parseProgram, parseProgramAccount, quote, refund } from "../../src/index.js";
// @ts-expect-error -- a plain .mjs module shared with the fixture makers
import { NEXT_BASKET, playScenario } from "./fixtures/scenario.mjs";

const fixture = JSON.parse(
  readFileSync(new URL("./fixtures/program-account-object-sales.json", import.meta.url), "utf8"),
) as { program: unknown; stored: string; nextQuote: { total: unknown } };

describe("a program account stored before it had a stored form of its own", () => {
  const { program, account } = playScenario({ checkout, openProgramAccount, parseProgram, refund }) as {
    program: ReturnType<typeof parseProgram>;
    account: ReturnType<typeof parseProgramAccount>;
  };
  const read = parseProgramAccount(JSON.parse(fixture.stored));

  it("reads to the account the same sales make today, and answers the same from it", () => {
    expect(parseProgram(fixture.program)).toEqual(program);
    expect(read).toEqual(account);
    expect(JSON.stringify(read)).toBe(JSON.stringify(account));
    const next = (held: typeof account) =>
      checkout(program, held, NEXT_BASKET, { transactionId: "next", consent: true });
    const { account: a, ...fromRead } = next(read);
    const { account: b, ...fromMade } = next(account);
    expect(fromRead).toEqual(fromMade);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(quote(program, read, NEXT_BASKET, { consent: true }).total).toEqual(fixture.nextQuote.total);
  });
});
