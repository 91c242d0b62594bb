// The program account's stored form round-trips: for random sequences of checkouts (on time and
// late, with and without a store and till, paying with points), refunds, retries and points posted
// to the ledger directly, on every kind of program, `parseProgramAccount(JSON.parse(JSON.stringify(a)))`
// equals `a`, and the next checkout and refund on both give identical answers and accounts. The
// programs are illustrative, in the style of programs.property.test.ts's generators: a bonus program
// with a first-purchase bonus, a monthly cap and redemption; one whose points stay pending (their
// earn entries are written out in full) with two decimal places of points; a catalog program; a
// stamp card; a cumulative and a discount program.
import { isDeepStrictEqual } from "node:util";
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import {
  balance,
  checkout,
  LoyaltyError,
  openProgramAccount,
  parseProgram,
  parseProgramAccount,
  post,
  refund,
  type Program,
  type ProgramAccount,
} from "../../src/index.js";
import { basket, common } from "./_fixtures.js";

const runs = { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 };

const earn = { rules: [{ type: "per-amount" as const, points: "1", per: "1.00" }], validityMonths: 2 };
const programs: Program[] = [
  parseProgram({
    ...common,
    kind: "bonus",
    id: "bonus",
    name: "Bonus",
    earn: { ...earn, capPerPeriod: { points: "80", period: "month" } },
    redeem: { pointValue: "0.01", maxShare: "50" },
    welcomeBonus: { points: "5", on: "first-purchase" },
  }),
  parseProgram({
    ...common,
    kind: "bonus",
    id: "pending",
    name: "Pending",
    pointsScale: 2,
    earn: { ...earn, pendingDays: 3 },
    redeem: { pointValue: "0.01", maxShare: "50" },
  }),
  parseProgram({
    ...common,
    kind: "catalog",
    id: "catalog",
    name: "Catalog",
    earn: { rules: [{ type: "per-amount", points: "10", per: "1.00" }] },
    rewards: [{ id: "mug", name: "Mug", pointsCost: "300", gives: { type: "fixed", amount: "2.00" } }],
  }),
  parseProgram({
    ...common,
    kind: "stamps",
    id: "stamps",
    name: "Stamps",
    cardSize: 3,
    earn: { type: "per-purchase", minAmount: "1.00" },
    reward: { type: "free-item", maxValue: "5.00" },
  }),
  parseProgram({
    ...common,
    kind: "cumulative",
    id: "cumulative",
    name: "Cumulative",
    tiers: [
      { name: "Base", threshold: "0", percent: "0" },
      { name: "Silver", threshold: "100", percent: "5" },
    ],
    window: { type: "rolling", months: 2 },
    includeCurrentPurchase: true,
  }),
  parseProgram({ ...common, kind: "discount", id: "discount", name: "Discount", percent: "10" }),
];

const op = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("checkout" as const),
      gapHours: fc.integer({ min: 0, max: 24 * 20 }),
      lateHours: fc.option(fc.integer({ min: 1, max: 24 * 5 }), { nil: undefined }),
      prices: fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 3 }),
      redeem: fc.boolean(),
      place: fc.constantFrom(0, 1, 2),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("refund" as const),
      gapHours: fc.integer({ min: 0, max: 48 }),
      pick: fc.nat(),
      all: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("retry" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("ledger" as const), points: fc.integer({ min: -5, max: 50 }) }),
  },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function redeemOptions(program: Program, redeem: boolean) {
  if (!redeem) return {};
  if (program.kind === "bonus") return { redeemPoints: "max" as const };
  if (program.kind === "catalog") return { rewardId: "mug" };
  if (program.kind === "stamps") return { redeemCard: true };
  return {};
}

/** What an answer says, without the account (compared as JSON) and the texts. */
function figures(r: object): unknown {
  const { account: _a, explain: _e, stock: _s, ...rest } = r as Record<string, unknown>;
  return rest;
}

/** The call's answer, or the refusal's code and message (a refusal is an answer too). */
function attempt<T>(call: () => T): T | { refused: string } {
  try {
    return call();
  } catch (e) {
    if (e instanceof LoyaltyError) return { refused: `${e.code}: ${e.message}` };
    throw e;
  }
}

function play(
  which: number,
  retainDays: number,
  ops: readonly Op[],
): { program: Program; account: ProgramAccount; t: number } {
  const program = programs[which] as Program;
  const who = program.kind === "stamps" ? { cardId: "card" } : { customerId: "c", consent: true as const };
  let account = openProgramAccount(program, { ...who, retainDays });
  let t = Date.parse("2026-01-05T09:00:00Z");
  const baskets = new Map<string, { basket: ReturnType<typeof basket>; options: object }>();
  let n = 0;
  for (const o of ops) {
    n++;
    if (o.kind === "checkout") {
      t += o.gapHours * 3_600_000;
      const at = new Date(t - (o.lateHours ?? 0) * 3_600_000).toISOString();
      const place = o.place === 0 ? {} : o.place === 1 ? { storeId: "s1" } : { storeId: "s2", tillId: "t9" };
      const b = basket(
        at,
        o.prices.map((c) => ({ price: (c / 100).toFixed(2) })),
        place,
      );
      const options = { transactionId: `s${n}`, consent: true, ...redeemOptions(program, o.redeem) };
      const r = attempt(() => checkout(program, account, b, options));
      if ("account" in r) {
        account = r.account;
        baskets.set(options.transactionId, { basket: b, options });
      }
    } else if (o.kind === "refund") {
      if (account.sales.length === 0) continue;
      const sale = account.sales[o.pick % account.sales.length] as ProgramAccount["sales"][number];
      t += o.gapHours * 3_600_000;
      const options = {
        at: new Date(t).toISOString(),
        transactionId: `r${n}`,
        ...(o.all ? {} : { lines: [{ id: "1", quantity: 1 }] }),
      };
      const r = attempt(() => refund(program, account, sale.transactionId, options));
      if ("account" in r) account = r.account;
    } else if (o.kind === "retry") {
      const kept = [...baskets.values()];
      const again = kept[o.pick % Math.max(1, kept.length)];
      if (again === undefined) continue;
      const r = attempt(() => checkout(program, account, again.basket, again.options as { transactionId: string }));
      if ("account" in r) account = r.account;
    } else if (program.kind === "bonus" || program.kind === "catalog") {
      // points posted to the ledger outside a checkout (a goodwill adjust, a correction): written in full
      const at = new Date(t).toISOString();
      const entry =
        o.points >= 0
          ? ({ kind: "adjust", transactionId: `adj${n}`, at, points: String(o.points), reason: "goodwill" } as const)
          : ({ kind: "expire", transactionId: `exp${n}`, at } as const);
      const r = attempt(() => post(account.points, entry));
      if ("account" in r) account = { ...account, points: r.account };
    }
  }
  return { program, account, t };
}

test.prop([fc.nat(programs.length - 1), fc.integer({ min: 0, max: 30 }), fc.array(op, { maxLength: 25 })], runs)(
  "a program account read back from its JSON is the account, and answers the next sale and refund the same",
  (which, retainDays, ops) => {
    const { program, account: played, t } = play(which, retainDays, ops);
    // an account whose ledger was posted to directly is a spread (no stored form of its own): the
    // stored form is that of the account parseProgramAccount returns for it
    const account = parseProgramAccount(played);
    const text = JSON.stringify(account);
    expect(JSON.parse(text)).toHaveProperty("form", "compact-1");
    const read = parseProgramAccount(JSON.parse(text));
    if (!isDeepStrictEqual(read, account)) expect(read).toEqual(account);
    expect(JSON.stringify(read)).toBe(text);
    // the object form (a spread) reads to the same account as well
    if (!isDeepStrictEqual(parseProgramAccount(JSON.parse(JSON.stringify({ ...played }))), account))
      expect(parseProgramAccount(JSON.parse(JSON.stringify({ ...played })))).toEqual(account);

    const at = new Date(t + 3_600_000).toISOString();
    const next = basket(at, [{ price: "12.40" }, { price: "3.10" }], { storeId: "s1" });
    const options = { transactionId: "next", consent: true, ...redeemOptions(program, true) };
    const a = attempt(() => checkout(program, account, next, options));
    const b = attempt(() => checkout(program, read, next, options));
    expect(figures(b)).toEqual(figures(a));
    if ("account" in a && "account" in b) expect(JSON.stringify(b.account)).toBe(JSON.stringify(a.account));
    const last = account.sales[account.sales.length - 1];
    if (last !== undefined) {
      const back = { at, transactionId: "back" };
      const x = attempt(() => refund(program, account, last.transactionId, back));
      const y = attempt(() => refund(program, read, last.transactionId, back));
      expect(figures(y)).toEqual(figures(x));
      if ("account" in x && "account" in y) expect(JSON.stringify(y.account)).toBe(JSON.stringify(x.account));
    }
  },
);

// A stored form damaged anywhere in its sale tuples, their lines or the ledger's entries (the
// indexes left for kept sales among them): parseProgramAccount answers with a LoyaltyError or an
// account, never another exception; and an edit of a figure the ledger's entries are rebuilt from (a
// sale's points earned, redeemed, welcome bonus; an index) never reads to another balance.
const damaged = (() => {
  const program = programs[0] as Program;
  const ops = Array.from(
    { length: 24 },
    (_, i): Op =>
      i % 7 === 6
        ? { kind: "refund", gapHours: 1, pick: i, all: i % 2 === 0 }
        : {
            kind: "checkout",
            gapHours: 50,
            lateHours: undefined,
            prices: [1200 + i * 37, 450],
            redeem: i % 5 === 4,
            place: (i % 3) as 0 | 1 | 2,
          },
  );
  const { account } = play(0, 30, ops);
  return { program, account: parseProgramAccount(account), text: JSON.stringify(account) };
})();

test.prop(
  [
    fc.constantFrom("sale", "line", "entry"),
    fc.nat(40),
    fc.nat(20),
    fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(null, -1, 0, 1, 2.5, 1e300, "", "0", "1", "99", "__proto__", [], {}),
      fc.integer({ min: -3, max: 40 }),
    ),
  ],
  runs,
)("a damaged stored form is refused with a LoyaltyError or read to a checked account", (where, i, j, value) => {
  const s = JSON.parse(damaged.text) as {
    sales: unknown[][];
    points: { entries: unknown[]; checkpoint: { at: string } };
  };
  expect(s.sales.some((x) => Array.isArray(x))).toBe(true);
  expect(s.points.entries.some((x) => typeof x === "number")).toBe(true);
  let figure = false;
  if (where === "entry") {
    const entries = s.points.entries;
    const k = i % entries.length;
    figure = typeof entries[k] === "number";
    entries[k] = value;
  } else {
    const sale = s.sales[i % s.sales.length] as unknown[];
    if (where === "sale") {
      const k = j % (sale.length + 1);
      figure = k === 6 || k === 7 || k === 11;
      sale[k] = value;
    } else {
      const lines = sale[4] as unknown[][];
      const line = lines[i % lines.length] as unknown[];
      line[j % (line.length + 1)] = value;
    }
  }
  let read: ProgramAccount;
  try {
    read = parseProgramAccount(s);
  } catch (e) {
    if (!(e instanceof LoyaltyError)) throw new Error(`threw a non-LoyaltyError: ${String(e)}`);
    return;
  }
  if (figure) {
    const at = s.points.checkpoint.at;
    expect(balanceAt(read, at)).toBe(balanceAt(damaged.account, at));
  }
});

function balanceAt(account: ProgramAccount, at: string): string {
  return balance(account.points, { at });
}
