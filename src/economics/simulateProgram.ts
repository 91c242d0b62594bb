import { guardInputs } from "../core/guard.js";
import { invalid } from "../core/invalid.js";
import { instantMillis, parseInstant, previewValue } from "../_lib/values.js";
import { balance } from "../ledger/balance.js";
import { type MoneyJson, parseMoney, toJSON } from "../money/json.js";
import { Decimal, isMoney, type Money, money } from "../money/money.js";
import { round } from "../money/round.js";
import type { ProgramAccount } from "../programs/account.js";
import type { Basket, BasketInput } from "../programs/basket.js";
import { checkout } from "../programs/checkout.js";
import { openProgramAccount } from "../programs/openProgramAccount.js";
import { safeParseBasket } from "../programs/parseBasket.js";
import { parseProgram } from "../programs/parseProgram.js";
import type { Program, ProgramInput } from "../programs/program.js";
import { mulberry32, seedFor } from "./_lib/random.js";
import { periodIndex, periodLabel } from "./_lib/period.js";
import { readFigures, Slice } from "./_lib/slice.js";

/**
 * One past sale to replay: the customer and the basket they bought.
 *
 * @example
 * ```ts
 * import type { SimulatedSale } from "loyalty-kit";
 * const s: SimulatedSale = { customerId: "ann", basket: { id: "b1", at: "2026-01-05T10:00:00Z", lines: [{ id: "1", sku: "A", quantity: 1, unitPrice: { amount: "20.00", currency: "EUR" } }] } };
 * console.log(s.customerId); // ann
 * ```
 * @category economics
 */
export interface SimulatedSale {
  readonly customerId: string;
  readonly basket: Basket | BasketInput;
}

/**
 * Options for {@link simulateProgram}.
 *
 * @example
 * ```ts
 * import type { SimulateProgramOptions } from "loyalty-kit";
 * const o: SimulateProgramOptions = { at: "2026-12-31T23:59:59Z", redemption: { threshold: "500", probability: 0.5, seed: 7 } };
 * console.log(o.redemption?.threshold); // 500
 * ```
 * @category economics
 */
export interface SimulateProgramOptions {
  /** End of the simulation: outstanding points, their value and expiry are counted at this instant. */
  readonly at: string | Date;
  /**
   * Bonus programs: how members redeem. At each purchase where the balance has reached `threshold`
   * points, the member pays with as many points as the program allows ("max") with `probability`
   * (default 1), drawn from a generator seeded by `seed` (default 1) and the customer id. Without it
   * nobody redeems.
   */
  readonly redemption?: {
    readonly threshold: string | number;
    readonly probability?: number;
    readonly seed?: number;
  };
  /** The sales are already in time order per customer: checked, not sorted (an error names the row). */
  readonly sorted?: boolean;
  /** A label per customer id (an RFM segment, an ABC class): figures are also reported per label. */
  readonly groups?: Readonly<Record<string, string>>;
  /** Length of the periods in `byPeriod` (calendar, UTC). Default "month". */
  readonly period?: "month" | "quarter";
  /** What one outstanding point is worth; default the program's `redeem.pointValue`. */
  readonly pointValue?: Money | MoneyJson;
  /**
   * Return every customer's program account at the end of the run in `accounts` (first-seen order), for
   * {@link pointsLiability} at any instant up to `at` (for example month by month). Default false:
   * a long history keeps one account per customer in memory.
   */
  readonly keepAccounts?: boolean;
}

/**
 * Money and points for one slice of a simulation (the whole run, a period, or a group).
 *
 * @example
 * ```ts
 * import type { SimulatedFigures } from "loyalty-kit";
 * declare const f: SimulatedFigures;
 * const costShare = (x: SimulatedFigures) => Number(x.cost.amount) / Number(x.gross.amount);
 * console.log(typeof costShare);
 * ```
 * @category economics
 */
export interface SimulatedFigures {
  /** Distinct customers with a purchase in the slice. */
  readonly customers: number;
  readonly baskets: number;
  /** Basket value before the program. */
  readonly gross: MoneyJson;
  /** Discounts the program gave (percent, tiers, rewards, promotions). */
  readonly discounts: MoneyJson;
  /** Money paid with points. */
  readonly pointsMoney: MoneyJson;
  /** What the customers paid: gross − discounts − pointsMoney. */
  readonly revenue: MoneyJson;
  /** Cost of rewards given: discounts + pointsMoney. */
  readonly cost: MoneyJson;
  /** Points earned plus welcome bonuses. */
  readonly pointsIssued: string;
  readonly pointsRedeemed: string;
}

/**
 * What {@link simulateProgram} reports.
 *
 * @example
 * ```ts
 * import type { ProgramSimulation } from "loyalty-kit";
 * declare const s: ProgramSimulation;
 * const breakage = (x: ProgramSimulation) => x.pointsExpired;
 * console.log(typeof breakage);
 * ```
 * @category economics
 */
export interface ProgramSimulation extends SimulatedFigures {
  readonly programId: string;
  readonly at: string;
  /** Points issued that had expired by `at`. */
  readonly pointsExpired: string;
  /** Points still available at `at`. */
  readonly pointsOutstanding: string;
  /** `pointsOutstanding` × the point value, rounded half-even; null when no point value is known. */
  readonly liability: MoneyJson | null;
  /** The value of one point used for `liability`; null when none is known. */
  readonly pointValue: MoneyJson | null;
  /** Per calendar period ("2026-01" or "2026-Q1"), oldest first. */
  readonly byPeriod: readonly (SimulatedFigures & { readonly period: string })[];
  /** Per label of `options.groups` (customers not listed under "none"). */
  readonly byGroup: Readonly<Record<string, SimulatedFigures>>;
  readonly assumption: string;
  /** With `options.keepAccounts`: each customer's program account after their last sale. */
  readonly accounts?: readonly ProgramAccount[];
}

const ASSUMPTION =
  "Customers buy exactly what they bought in the past, at the same instants, whatever the program; every " +
  "customer is a member who consents, from a fresh account; redemption follows the stated behaviour.";

/**
 * What-if on past sales: runs a program over historical baskets — each customer's baskets in time
 * order through the real {@link checkout}, from a fresh program account — and reports the discounts
 * given, points issued, redeemed, expired and outstanding, the liability at the end, and the same
 * figures per period and per customer group, so two candidate programs can be compared on the shop's
 * own data before launch.
 *
 * The assumption (returned in `assumption`): purchases do not react to the program — the simulation
 * prices what happened, it does not predict extra sales (measure that with {@link programEffect}).
 * Redemption follows `options.redemption` (a threshold and a probability, seeded per customer, so the
 * result does not depend on the order of customers and runs can be split by customer). Expired points
 * are issued − redeemed − outstanding at `at`. Money figures are summed exactly and rounded half-even
 * to the currency's minor unit once per figure.
 *
 * @param program - the program to try (parsed or JSON). Not mutated.
 * @param sales - `{ customerId, basket }` per past sale. Not mutated.
 * @param options - `at`, optional `redemption`, `sorted`, `groups`, `period`, `pointValue`, `keepAccounts`.
 * @returns A frozen {@link ProgramSimulation}.
 * @throws {LoyaltyValidationError} when the program, `at`, an option or a basket is invalid (naming the
 *   row and the customer), when `sorted` is set and a customer's baskets are out of time order (naming
 *   the customer and the row), or when `redemption` is given for a program that is not a bonus program.
 * @throws {CurrencyMismatchError} when a basket's currency is not the program's.
 * @category economics
 * @example
 * ```ts
 * import { simulateProgram, type ProgramInput } from "loyalty-kit";
 * const program: ProgramInput = { kind: "discount", id: "card", name: "5% card", currency: "EUR", timeZone: "UTC",
 *   active: { from: "2026-01-01T00:00:00Z" }, percent: "5" };
 * const sale = (customerId: string, id: string, at: string, amount: string) =>
 *   ({ customerId, basket: { id, at, lines: [{ id: "1", sku: "A", quantity: 1, unitPrice: { amount, currency: "EUR" } }] } });
 * const r = simulateProgram(program, [sale("ann", "b1", "2026-01-05T10:00:00Z", "40.00"), sale("bob", "b2", "2026-02-05T10:00:00Z", "60.00")],
 *   { at: "2026-03-01T00:00:00Z" });
 * console.log(r.discounts.amount, r.revenue.amount, r.byPeriod.map((p) => p.period)); // 5.00 95.00 [ '2026-01', '2026-02' ]
 * ```
 */
export function simulateProgram(
  program: Program | ProgramInput,
  sales: readonly SimulatedSale[],
  options: SimulateProgramOptions,
): ProgramSimulation {
  return guardInputs("simulateProgram", { program, sales, options }, () =>
    simulateProgramUnguarded(program, sales, options),
  );
}

function simulateProgramUnguarded(
  program: Program | ProgramInput,
  sales: readonly SimulatedSale[],
  options: SimulateProgramOptions,
): ProgramSimulation {
  const what = "simulateProgram";
  const fail = (path: (string | number)[], message: string): never => invalid(path, message, what);
  if (typeof options !== "object" || options === null)
    fail([], `expected options { at }, got ${previewValue(options)}`);
  const parsed = parseProgram(program);
  const atMs = parseInstant(options.at, "at");
  const at = new Date(atMs).toISOString();
  const period = options.period ?? "month";
  if (period !== "month" && period !== "quarter")
    fail(["period"], `expected "month" or "quarter", got ${previewValue(period)}`);
  const redemption = readRedemption(options.redemption, parsed, fail);
  const pointValue = readPointValue(options.pointValue, parsed, fail);
  const groups = options.groups ?? {};
  if (typeof groups !== "object" || groups === null)
    fail(["groups"], `expected an object of customer id → label, got ${previewValue(groups)}`);
  const keepAccounts = options.keepAccounts ?? false;
  if (typeof keepAccounts !== "boolean")
    fail(["keepAccounts"], `expected true or false, got ${previewValue(keepAccounts)}`);
  const accounts: ProgramAccount[] = [];
  if (!Array.isArray(sales)) fail([], `expected an array of { customerId, basket }, got ${previewValue(sales)}`);

  // Group the rows by customer, keeping the first-seen order of customers and each row's index.
  const byCustomer = new Map<string, { row: number; basket: Basket; ms: number }[]>();
  sales.forEach((sale, row) => {
    if (typeof sale !== "object" || sale === null)
      fail([row], `expected { customerId, basket }, got ${previewValue(sale)}`);
    const customerId = sale.customerId;
    if (typeof customerId !== "string" || customerId.length === 0)
      fail([row, "customerId"], `expected a non-empty string, got ${previewValue(customerId)}`);
    const result = safeParseBasket(sale.basket);
    if (!result.success) {
      const issue = result.error.issues[0];
      fail(
        [row, "basket", ...(issue?.path ?? [])],
        `customer ${customerId}, row ${row}: ${issue?.message ?? "invalid basket"}`,
      );
      return;
    }
    const basket = result.data;
    const ms = instantMillis(basket.at);
    const list = byCustomer.get(customerId) ?? [];
    const previous = list[list.length - 1];
    if (options.sorted === true && previous !== undefined && ms < previous.ms)
      fail(
        [row, "basket", "at"],
        `customer ${customerId}: row ${row} (${basket.at}) is earlier than row ${previous.row} (${previous.basket.at}); ` +
          "sort each customer's baskets by time or leave out `sorted`",
      );
    list.push({ row, basket, ms });
    byCustomer.set(customerId, list);
  });

  const periods = new Map<string, Slice>();
  const groupSlices = new Map<string, Slice>();
  let outstanding = new Decimal(0);
  for (const [customerId, rows] of byCustomer) {
    if (options.sorted !== true) rows.sort((a, b) => a.ms - b.ms || a.row - b.row);
    const random = redemption === null ? null : mulberry32(seedFor(redemption.seed, customerId));
    const group = groups[customerId] ?? "none";
    const groupSlice = groupSlices.get(group) ?? new Slice();
    groupSlices.set(group, groupSlice);
    // A welcome bonus at enrollment is given at the customer's first purchase in the data.
    const first = rows[0] as (typeof rows)[number]; // each customer has at least one row
    const enrollment =
      (parsed.kind === "bonus" || parsed.kind === "catalog") && parsed.welcomeBonus?.on === "enrollment"
        ? parsed.welcomeBonus.points
        : null;
    let account = openProgramAccount(parsed, {
      customerId,
      consent: true,
      ...(enrollment === null ? {} : { at: first.basket.at }),
    });
    if (enrollment !== null) {
      const label = periodLabel(periodIndex(first.ms, period), period);
      const periodSlice = periods.get(label) ?? new Slice();
      periods.set(label, periodSlice);
      for (const slice of [periodSlice, groupSlice]) slice.issued = slice.issued.plus(enrollment);
    }
    for (const { row, basket, ms } of rows) {
      let redeemPoints: "max" | undefined;
      if (redemption !== null && random !== null) {
        const available = new Decimal(balance(account.points, { at: basket.at }));
        const draw = random(); // drawn at every purchase, so the stream does not depend on balances
        if (available.greaterThanOrEqualTo(redemption.threshold) && draw < redemption.probability) redeemPoints = "max";
      }
      const r = checkout(parsed, account, basket, {
        transactionId: `simulated-row-${row}`,
        consent: true,
        ...(redeemPoints === undefined ? {} : { redeemPoints }),
      });
      account = r.account;
      const label = periodLabel(periodIndex(ms, period), period);
      const periodSlice = periods.get(label) ?? new Slice();
      periods.set(label, periodSlice);
      // Read once, added to the period and the group; the total is the sum of the periods.
      const figures = readFigures(r);
      periodSlice.addRead(customerId, figures);
      groupSlice.addRead(customerId, figures);
    }
    outstanding = outstanding.plus(balance(account.points, { at }));
    if (keepAccounts) accounts.push(account);
  }
  const currency = parsed.currency;
  const total = new Slice();
  for (const slice of periods.values()) total.absorb(slice);
  const expired = total.issued.minus(total.redeemed).minus(outstanding);
  return Object.freeze({
    programId: parsed.id,
    at,
    ...total.figures(currency),
    pointsExpired: expired.toString(),
    pointsOutstanding: outstanding.toString(),
    liability: pointValue === null ? null : toJSON(round(money(outstanding.times(pointValue.amount), currency))),
    pointValue: pointValue === null ? null : toJSON(pointValue),
    byPeriod: Object.freeze(
      [...periods]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([label, slice]) => Object.freeze({ period: label, ...slice.figures(currency) })),
    ),
    byGroup: Object.freeze(Object.fromEntries([...groupSlices].map(([label, s]) => [label, s.figures(currency)]))),
    assumption: ASSUMPTION,
    ...(keepAccounts ? { accounts: Object.freeze(accounts) } : {}),
  });
}

function readRedemption(
  value: SimulateProgramOptions["redemption"],
  program: Program,
  fail: (path: (string | number)[], message: string) => never,
): { threshold: Decimal; probability: number; seed: number } | null {
  if (value === undefined) return null;
  if (typeof value !== "object" || value === null)
    return fail(["redemption"], `expected { threshold, probability?, seed? }, got ${previewValue(value)}`);
  if (program.kind !== "bonus" || program.redeem === undefined)
    return fail(
      ["redemption"],
      `expected a bonus program with a redeem rule for a redemption behaviour, got a ${program.kind} program${program.kind === "bonus" ? " without redeem" : ""}; leave out redemption`,
    );
  const t = value.threshold;
  let threshold: Decimal;
  try {
    threshold = new Decimal(t);
  } catch {
    return fail(["redemption", "threshold"], `expected points ≥ 0 as a decimal string, got ${previewValue(t)}`);
  }
  if (!threshold.isFinite() || threshold.isNegative())
    fail(["redemption", "threshold"], `expected points ≥ 0 as a decimal string, got ${previewValue(t)}`);
  const probability = value.probability ?? 1;
  if (typeof probability !== "number" || !(probability >= 0 && probability <= 1))
    fail(["redemption", "probability"], `expected a number from 0 to 1, got ${previewValue(probability)}`);
  const seed = value.seed ?? 1;
  if (!Number.isSafeInteger(seed)) fail(["redemption", "seed"], `expected an integer, got ${previewValue(seed)}`);
  return { threshold, probability, seed };
}

function readPointValue(
  value: Money | MoneyJson | undefined,
  program: Program,
  fail: (path: (string | number)[], message: string) => never,
): Money | null {
  if (value === undefined) {
    return program.kind === "bonus" && program.redeem !== undefined
      ? money(program.redeem.pointValue, program.currency)
      : null;
  }
  const m = isMoney(value) ? value : parseMoney(value);
  if (m.amount.isNegative()) fail(["pointValue"], `expected a value ≥ 0 for one point, got ${m.amount.toString()}`);
  if (m.currency !== program.currency)
    fail(["pointValue"], `expected the program's currency ${program.currency}, got ${m.currency}`);
  return m;
}
