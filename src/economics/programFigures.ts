import { guardInputs } from "../core/guard.js";
import { invalid } from "../core/invalid.js";
import { instantMillis, previewValue } from "../_lib/values.js";
import { CurrencyMismatchError } from "../errors/errors.js";
import { type MoneyJson, parseMoney, toJSON } from "../money/json.js";
import { Decimal, money } from "../money/money.js";
import { round } from "../money/round.js";
import type { CheckoutRecord } from "../programs/result.js";
import { periodIndex, periodLabel } from "./_lib/period.js";
import { Slice } from "./_lib/slice.js";
import type { SimulatedFigures } from "./simulateProgram.js";

/**
 * One sale for {@link programFigures}: a member's checkout record, or a sale outside the program
 * (`customerId` null for an anonymous sale).
 *
 * @example
 * ```ts
 * import type { FigureSale } from "loyalty-kit";
 * const s: FigureSale = { customerId: null, at: "2026-01-05T10:00:00Z", amount: { amount: "12.00", currency: "EUR" } };
 * console.log("record" in s); // false
 * ```
 * @category economics
 */
export type FigureSale =
  | {
      readonly customerId: string;
      readonly record: Pick<
        CheckoutRecord,
        "at" | "gross" | "discountTotal" | "pointsMoney" | "total" | "pointsEarned" | "welcomeBonus" | "pointsRedeemed"
      >;
    }
  | { readonly customerId: string | null; readonly at: string | Date; readonly amount: MoneyJson };

/**
 * Options for {@link programFigures}.
 *
 * @example
 * ```ts
 * import type { ProgramFiguresOptions } from "loyalty-kit";
 * const o: ProgramFiguresOptions = { period: "quarter" };
 * console.log(o.period); // quarter
 * ```
 * @category economics
 */
export interface ProgramFiguresOptions {
  /** Calendar periods in UTC. Default "month". */
  readonly period?: "month" | "quarter";
}

/**
 * A program's figures for one period.
 *
 * @example
 * ```ts
 * import type { PeriodFigures } from "loyalty-kit";
 * declare const p: PeriodFigures;
 * const show = (x: PeriodFigures) => `${x.period}: ${x.participation ?? "-"}`;
 * console.log(typeof show);
 * ```
 * @category economics
 */
export interface PeriodFigures {
  /** "2026-01" or "2026-Q1". */
  readonly period: string;
  /** Members' checkouts in the period (`customers` = active members). */
  readonly members: SimulatedFigures;
  /** Identified customers outside the program who bought in the period. */
  readonly otherCustomers: number;
  /** What sales outside the program brought in (anonymous ones included). */
  readonly otherRevenue: MoneyJson;
  /** Active members ÷ all identified buying customers, 4 decimals; null when nobody bought. */
  readonly participation: string | null;
  /** Points redeemed ÷ points issued in the period, 4 decimals; null when none were issued. */
  readonly redemptionRate: string | null;
  /** Active members who were also active in the previous period. */
  readonly retainedMembers: number;
  /** `members.cost` ÷ `retainedMembers`, rounded half-even; null when none were retained. */
  readonly costPerRetainedMember: MoneyJson | null;
}

/**
 * A loyalty program's figures per month or quarter from its checkout records and the shop's other
 * sales: participation, active members, points issued and redeemed, redemption rate, cost, revenue of
 * members and of other customers, and cost per retained member.
 *
 * Definitions (stated so the figures can be checked): a member is active in a period when they have a
 * checkout in it; participation is active members over all identified customers who bought (anonymous
 * sales count in revenue, not in customers); the cost of the program is its discounts (percent, tier,
 * reward and promotion discounts) plus the money paid with points; the period's redemption rate is the
 * flow ratio points redeemed ÷ points issued in that period (the ultimate rate of a month's points is
 * {@link breakageTriangle}'s); a retained member was active in the previous calendar period too, and
 * the first period has none. Refunds are not subtracted: pass the records as they stand after refunds
 * if they matter. Money is summed exactly and rounded half-even once per figure.
 *
 * @param sales - Member checkout records `{ customerId, record }` and other sales `{ customerId, at, amount }`, in any order. Not mutated.
 * @param options - optional `period`.
 * @returns A frozen array of {@link PeriodFigures}, oldest period first, one per period with a sale.
 * @throws {LoyaltyValidationError} when a sale or its instant or amount is invalid (naming the row).
 * @throws {CurrencyMismatchError} when the sales are not all in one currency.
 * @category economics
 * @example
 * ```ts
 * import { programFigures } from "loyalty-kit";
 * const eur = (amount: string) => ({ amount, currency: "EUR" });
 * const record = { at: "2026-01-05T10:00:00.000Z", gross: eur("50.00"), discountTotal: eur("2.50"), pointsMoney: eur("0.00"),
 *   total: eur("47.50"), pointsEarned: "0", welcomeBonus: "0", pointsRedeemed: "0" };
 * const [jan] = programFigures([{ customerId: "ann", record }, { customerId: "bob", at: "2026-01-06T10:00:00Z", amount: eur("30.00") }]);
 * console.log(jan?.participation, jan?.members.cost.amount, jan?.otherRevenue.amount); // 0.5000 2.50 30.00
 * ```
 */
export function programFigures(
  sales: readonly FigureSale[],
  options: ProgramFiguresOptions = {},
): readonly PeriodFigures[] {
  return guardInputs("programFigures", { sales, options }, () => programFiguresUnguarded(sales, options));
}

function programFiguresUnguarded(
  sales: readonly FigureSale[],
  options: ProgramFiguresOptions = {},
): readonly PeriodFigures[] {
  const what = "programFigures";
  const fail = (path: (string | number)[], message: string): never => invalid(path, message, what);
  if (!Array.isArray(sales))
    fail([], `expected an array of { customerId, record } or { customerId, at, amount }, got ${previewValue(sales)}`);
  const period = options?.period ?? "month";
  if (period !== "month" && period !== "quarter")
    fail(["period"], `expected "month" or "quarter", got ${previewValue(period)}`);
  let currency: string | undefined;
  const sameCurrency = (c: string) => {
    if (currency === undefined) currency = c;
    else if (c !== currency) throw new CurrencyMismatchError(currency, c, what);
  };
  type Bucket = { members: Slice; others: Set<string>; otherRevenue: Decimal };
  const buckets = new Map<number, Bucket>();
  const bucket = (index: number): Bucket => {
    let b = buckets.get(index);
    if (b === undefined)
      buckets.set(index, (b = { members: new Slice(), others: new Set(), otherRevenue: new Decimal(0) }));
    return b;
  };
  sales.forEach((sale, row) => {
    if (typeof sale !== "object" || sale === null) fail([row], `expected a sale, got ${previewValue(sale)}`);
    const id = sale.customerId;
    if ("record" in sale) {
      if (typeof id !== "string" || id.length === 0)
        fail([row, "customerId"], `expected a member's customer id, got ${previewValue(id)}`);
      const r = sale.record;
      const ms = instantMillis(r?.at);
      if (Number.isNaN(ms))
        fail([row, "record", "at"], `customer ${id}: expected an instant, got ${previewValue(r?.at)}`);
      for (const key of ["gross", "discountTotal", "pointsMoney", "total"] as const) {
        const m = readMoney(r[key], [row, "record", key], fail);
        sameCurrency(m.currency);
      }
      for (const key of ["pointsEarned", "welcomeBonus", "pointsRedeemed"] as const)
        if (typeof r[key] !== "string" || !/^(0|[1-9]\d*)(\.\d+)?$/.test(r[key]))
          fail(
            [row, "record", key],
            `customer ${id}: expected points as a decimal string ≥ 0, got ${previewValue(r[key])}`,
          );
      bucket(periodIndex(ms, period)).members.add(id as string, r);
    } else {
      if (id !== null && (typeof id !== "string" || id.length === 0))
        fail([row, "customerId"], `expected a customer id or null for an anonymous sale, got ${previewValue(id)}`);
      const ms = instantMillis(sale.at);
      if (Number.isNaN(ms)) fail([row, "at"], `expected an instant, got ${previewValue(sale.at)}`);
      const m = readMoney(sale.amount, [row, "amount"], fail);
      sameCurrency(m.currency);
      const b = bucket(periodIndex(ms, period));
      if (id !== null) b.others.add(id);
      b.otherRevenue = b.otherRevenue.plus(m.amount);
    }
  });
  const cur = currency ?? "XXX";
  const ratio = (a: Decimal, b: Decimal) => (b.isZero() ? null : a.dividedBy(b).toFixed(4));
  const indexes = [...buckets.keys()].sort((a, b) => a - b);
  return Object.freeze(
    indexes.map((index) => {
      const b = buckets.get(index) as Bucket;
      const previous = buckets.get(index - 1);
      // A customer who is a member and also bought outside the program counts once, as a member.
      const others = [...b.others].filter((c) => !b.members.customers.has(c)).length;
      const active = b.members.customers.size;
      let retained = 0;
      if (previous !== undefined)
        for (const c of b.members.customers) if (previous.members.customers.has(c)) retained++;
      const cost = b.members.discounts.plus(b.members.pointsMoney);
      return Object.freeze({
        period: periodLabel(index, period),
        members: b.members.figures(cur),
        otherCustomers: others,
        otherRevenue: toJSON(round(money(b.otherRevenue, cur))),
        participation: ratio(new Decimal(active), new Decimal(active + others)),
        redemptionRate: ratio(b.members.redeemed, b.members.issued),
        retainedMembers: retained,
        costPerRetainedMember: retained === 0 ? null : toJSON(round(money(cost.dividedBy(retained), cur))),
      });
    }),
  );
}

function readMoney(
  value: unknown,
  path: (string | number)[],
  fail: (path: (string | number)[], message: string) => never,
): { amount: Decimal; currency: string } {
  try {
    return parseMoney(value);
  } catch {
    return fail(path, `expected money { amount: "12.50", currency: "EUR" }, got ${previewValue(value)}`);
  }
}
