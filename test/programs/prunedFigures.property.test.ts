// Pruning (checkout's move of what leaves an account's window into its running totals) adds the
// leaving sales' and refunds' figures to the lifetime spend, the open period rows and a rolling
// window's spend log as exact integers. Against decimal.js (the figures parsed, added with plus and
// written as totals write them: toFixed(), zero as "0") on random figures: totals and rows of either
// sign, with trailing zeros, more or fewer decimals than the sales', refunds taking back more than
// a row holds. All within decimal.js's 40 significant digits, where its sums are exact too.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { checkout, openProgramAccount, parseProgram, type Program, type ProgramAccount } from "../../src/index.js";
import { Decimal } from "../../src/money/money.js";
import { periodStarts, pruned } from "../../src/programs/_lib/records.js";
import { basket, common } from "./_fixtures.js";

const runs = { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 };

const programs: Program[] = [
  parseProgram({
    ...common,
    kind: "bonus",
    id: "bonus",
    name: "Bonus",
    pointsScale: 2,
    earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
  }),
  parseProgram({
    ...common,
    kind: "cumulative",
    id: "cumulative",
    name: "Cumulative",
    tiers: [{ name: "Base", threshold: "0", percent: "0" }],
    window: { type: "rolling", months: 1 },
  }),
];

/** A plain decimal figure as stored: up to 17 digits, 0–4 of them decimals (trailing zeros kept). */
const figure = (sign: "any" | "unsigned") =>
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.integer({ min: 0, max: 4 }))
    .map(([negative, digits, decimals]) => {
      const d = new Decimal(digits.toString()).div(new Decimal(10).pow(decimals));
      return (sign === "any" && negative && !d.isZero() ? d.neg() : d).toFixed(decimals);
    });

const written = (d: Decimal): string => (d.isZero() ? "0" : d.toFixed());
const sum = (texts: readonly string[]): string => written(texts.reduce((a, t) => a.plus(t), new Decimal(0)));

// Every sale and refund that leaves is on 2026-03-10 (Berlin), before the kept sale at 20:00Z, the
// cutoff with retainDays 0: the day's period rows stay open and every figure lands in each of them.
const DAY = Date.parse("2026-03-10T08:00:00Z");
const at = (minutes: number): string => new Date(DAY + minutes * 60_000).toISOString();

test.prop(
  [
    fc.nat(programs.length - 1),
    figure("any"),
    fc.array(fc.tuple(figure("any"), figure("any")), { minLength: 4, maxLength: 4 }),
    fc.array(fc.tuple(figure("unsigned"), figure("unsigned"), figure("any")), { minLength: 1, maxLength: 6 }),
    fc.array(
      fc.tuple(fc.nat(), fc.array(fc.tuple(figure("unsigned"), figure("unsigned")), { minLength: 1, maxLength: 3 })),
      {
        maxLength: 3,
      },
    ),
  ],
  runs,
)(
  "the pruned totals are decimal.js's sums of the totals and what left, written the same way",
  (which, spend, rows, sales, refunds) => {
    const program = programs[which] as Program;
    const opened = openProgramAccount(program, { customerId: "c", consent: true, retainDays: 0 });
    const template = checkout(program, opened, basket(at(720), [{ price: "1.00" }]), {
      transactionId: "kept",
      consent: true,
    }).account.sales[0] as ProgramAccount["sales"][number];
    const leaving = sales.map(([sp, ea], i) => ({
      ...template,
      transactionId: `s${i}`,
      at: at(i),
      spend: sp,
      pointsEarned: ea,
    }));
    const leavingRefunds = refunds.map(([pick, lines], j) => ({
      transactionId: `r${j}`,
      originalTransactionId: `s${pick % sales.length}`,
      originalAt: at(pick % sales.length),
      at: at(600 + j),
      digest: "0".repeat(28),
      currency: "EUR",
      lines: lines.map(([sp, ea], n) => ({
        id: String(n + 1),
        quantity: "1",
        moneyBack: "0",
        pointsReversed: ea,
        pointsRestored: "0",
        spendReversed: sp,
      })),
      welcomeReversed: "0",
      complete: false,
    }));
    const log = program.kind === "cumulative" ? sales.map(([, , v], i): [string, string] => [at(i), v]) : [];
    const starts = periodStarts(DAY, program.timeZone);
    const periods = (["day", "week", "month", "year"] as const)
      .map((p, k): [typeof p, string, string, string] => [
        p,
        (starts[k] as { iso: string }).iso,
        ...(rows[k] as [string, string]),
      ])
      .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const account: ProgramAccount = {
      ...opened,
      sales: [...leaving, template],
      refunds: leavingRefunds,
      totals: { ...opened.totals, spend, periods, spendLog: log },
    };

    const after = pruned(program, account).totals;

    const spends = [
      ...sales.map(([sp]) => sp),
      ...leavingRefunds.flatMap((r) => r.lines.map((l) => `-${l.spendReversed}`)),
    ];
    const points = [
      ...sales.map(([, ea]) => ea),
      ...leavingRefunds.flatMap((r) => r.lines.map((l) => `-${l.pointsReversed}`)),
    ];
    expect(after.spend).toBe(sum([spend, ...spends]));
    expect(after.periods).toEqual(
      periods.map(([p, from, sp, ea]) => [p, from, sum([sp, ...spends]), sum([ea, ...points])]),
    );
    expect(after.spendLog).toEqual(
      log.map(([instant, v]) => [
        instant,
        sum([
          v,
          ...leaving.filter((s) => s.at === instant).map((s) => s.spend),
          ...leavingRefunds
            .filter((r) => r.originalAt === instant)
            .flatMap((r) => r.lines.map((l) => `-${l.spendReversed}`)),
        ]),
      ]),
    );
  },
);

test.prop(
  [
    fc.uniqueArray(
      fc.tuple(
        fc.nat(3),
        fc.uniqueArray(fc.tuple(fc.nat(2), figure("unsigned")), {
          selector: ([line]) => line,
          minLength: 1,
          maxLength: 3,
        }),
      ),
      { selector: ([sale]) => sale, maxLength: 4 },
    ),
    fc.array(fc.tuple(fc.nat(3), fc.array(fc.tuple(fc.nat(2), figure("unsigned")), { minLength: 1, maxLength: 3 })), {
      minLength: 1,
      maxLength: 4,
    }),
  ],
  runs,
)(
  "the refunded quantities per sale and line are decimal.js's sums of the totals' and the leaving refunds', written the same way",
  (rows, refunds) => {
    const program = programs[0] as Program;
    const opened = openProgramAccount(program, { customerId: "c", consent: true, retainDays: 0 });
    const kept = checkout(program, opened, basket(at(720), [{ price: "1.00" }]), {
      transactionId: "kept",
      consent: true,
    }).account.sales[0] as ProgramAccount["sales"][number];
    // Sales s0–s3 left the window before: the totals hold what was refunded of them, and refunds of
    // them leave now (several of one sale, one line more than once).
    const refunded = rows
      .map(([sale, lines]): [string, [string, string][]] => [`s${sale}`, lines.map(([l, q]) => [String(l + 1), q])])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const leavingRefunds = refunds.map(([sale, lines], j) => ({
      transactionId: `r${j}`,
      originalTransactionId: `s${sale}`,
      originalAt: at(sale),
      at: at(600 + j),
      digest: "0".repeat(28),
      currency: "EUR",
      lines: lines.map(([l, q]) => ({
        id: String(l + 1),
        quantity: q,
        moneyBack: "0",
        pointsReversed: "0",
        pointsRestored: "0",
        spendReversed: "0",
      })),
      welcomeReversed: "0",
      complete: false,
    }));
    const account: ProgramAccount = {
      ...opened,
      sales: [kept],
      refunds: leavingRefunds,
      totals: { ...opened.totals, refunded },
    };

    const after = pruned(program, account).totals.refunded;

    // Per sale, its lines in the order first met (the totals' own, then the refunds'), each summed.
    const expected = new Map<string, Map<string, string[]>>();
    const addTo = (sale: string, line: string, q: string): void => {
      const lines = expected.get(sale) ?? new Map<string, string[]>();
      lines.set(line, [...(lines.get(line) ?? []), q]);
      expected.set(sale, lines);
    };
    for (const [sale, lines] of refunded) for (const [l, q] of lines) addTo(sale, l, q);
    for (const r of leavingRefunds) for (const l of r.lines) addTo(r.originalTransactionId, l.id, l.quantity);
    expect(after).toEqual(
      [...expected]
        .map(([sale, lines]) => [sale, [...lines].map(([l, qs]) => [l, sum(qs)])])
        .sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1)),
    );
  },
);
