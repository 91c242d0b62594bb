import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { minorUnits } from "../money/currencies.js";
import type { MoneyJson } from "../money/json.js";
import { parseBasket } from "./parseBasket.js";
import { parseProgramList } from "./_lib/programList.js";
import { checkoutParsed, type CheckoutResult } from "./_lib/checkoutCore.js";
import { checkoutCoupon } from "./promotions/_lib/saleCoupons.js";
import { deepFreeze } from "../core/json.js";
import { dec, fixed, sumD, type D } from "./_lib/decimal.js";
import type { CatalogStock, ProgramAccount } from "./account.js";
import type { Basket, BasketInput } from "./basket.js";
import type { Consent, QuoteOptions } from "./options.js";
import type { Program } from "./program.js";

/**
 * Options of {@link checkoutAll}: one `transactionId` for the whole basket, the instant and consent,
 * and per program (by id) what to redeem, the stock and the expected account version.
 *
 * @example
 * ```ts
 * import type { CheckoutAllOptions } from "loyalty-kit";
 * const options: CheckoutAllOptions = { transactionId: "sale-9", consent: true, programs: { bonus: { redeemPoints: "max" } } };
 * console.log(Object.keys(options.programs ?? {}));
 * ```
 * @category programs
 */
export interface CheckoutAllOptions {
  readonly transactionId: string;
  readonly at?: string | Date;
  readonly consent?: Consent;
  readonly programs?: Readonly<
    Record<
      string,
      {
        readonly redeemPoints?: string | number;
        readonly rewardId?: string;
        readonly redeemCard?: boolean;
        readonly stock?: CatalogStock;
        readonly expectedVersion?: number;
        readonly coupon?: NonNullable<QuoteOptions["coupon"]>;
      }
    >
  >;
}

/**
 * What {@link checkoutAll} returns: each program's result in the order applied, the new accounts by
 * program id, and the basket's lines and totals after all of them.
 *
 * @example
 * ```ts
 * import type { CheckoutAllResult } from "loyalty-kit";
 * const pay = (r: CheckoutAllResult) => r.total.amount;
 * console.log(typeof pay);
 * ```
 * @category programs
 */
export interface CheckoutAllResult {
  /** `applied` when any program applied something new; `duplicate` for a retry; `inactive` when no program was active. */
  readonly status: "applied" | "duplicate" | "inactive";
  readonly results: readonly CheckoutResult[];
  readonly accounts: Readonly<Record<string, ProgramAccount>>;
  readonly lines: readonly { readonly id: string; readonly gross: MoneyJson; readonly net: MoneyJson }[];
  readonly gross: MoneyJson;
  readonly total: MoneyJson;
}

function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Checks one basket out under several programs, in the order given: each program works on what the
 * previous ones left to pay (a 10% discount, then points on the discounted amount, then a stamp).
 *
 * The order is the caller's statement of precedence; the result reports each program's own
 * figures (`results[i].lines[j].gross` is what reached program i). Every program's checkout is
 * idempotent on the shared `transactionId`, so a retry of the whole call is a `duplicate`. Atomic: if
 * any program throws, nothing is returned and no account changes.
 *
 * @param programs - the programs, in the order to apply them (unique ids)
 * @param accounts - the program accounts by program id
 * @param basket - the basket
 * @param options - `transactionId`, `at`, `consent`, and per-program options by id
 * @returns `{ status, results, accounts, lines, gross, total }`
 * @throws {LoyaltyValidationError} for duplicate program ids, a missing account or invalid input
 * @throws {LoyaltyError} whatever {@link checkout} throws for one of the programs
 * @category programs
 * @example
 * ```ts
 * import { parseProgram, openProgramAccount, checkoutAll } from "loyalty-kit";
 * const common = { currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" } };
 * const discount = parseProgram({ ...common, kind: "discount", id: "ten", name: "10% off", percent: "10" });
 * const bonus = parseProgram({ ...common, kind: "bonus", id: "bonus", name: "Bonus", earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] } });
 * const accounts = { ten: openProgramAccount(discount), bonus: openProgramAccount(bonus, { customerId: "c1", consent: true }) };
 * const r = checkoutAll([discount, bonus], accounts, { id: "b1", at: "2026-03-01T10:00:00Z",
 *   lines: [{ id: "1", sku: "COAT", quantity: 1, unitPrice: { amount: "50.00", currency: "EUR" } }] }, { transactionId: "sale-1", consent: true });
 * console.log(r.total.amount, r.results[1]?.pointsEarned); // 45.00 45
 * ```
 */
export function checkoutAll(
  programs: readonly Program[],
  accounts: Readonly<Record<string, ProgramAccount>>,
  basket: Basket | BasketInput,
  options: CheckoutAllOptions,
): CheckoutAllResult {
  return guardInputs("checkoutAll", { programs, accounts, basket, options }, () =>
    checkoutAllUnguarded(programs, accounts, basket, options),
  );
}

function checkoutAllUnguarded(
  programs: readonly Program[],
  accounts: Readonly<Record<string, ProgramAccount>>,
  basket: Basket | BasketInput,
  options: CheckoutAllOptions,
): CheckoutAllResult {
  const parsed = parseProgramList(programs);
  const b = parseBasket(basket);
  if (typeof options !== "object" || options === null)
    throw new LoyaltyValidationError([{ path: ["options"], message: "expected options with a transactionId" }]);
  const results: CheckoutResult[] = [];
  const next: [string, ProgramAccount][] = [];
  let entering: D[] | undefined;
  for (const p of parsed) {
    const account = own(accounts, p.id);
    if (account === undefined)
      throw new LoyaltyValidationError([
        { path: ["accounts", p.id], message: `expected an account for program ${JSON.stringify(p.id)}` },
      ]);
    const per = own(options.programs, p.id) ?? {};
    const opts = {
      transactionId: options.transactionId,
      ...(options.at === undefined ? {} : { at: options.at }),
      ...(options.consent === undefined ? {} : { consent: options.consent }),
      ...per,
    };
    const priced = checkoutParsed(p, account, b, opts, entering);
    // A promotion given its coupon state: the use taken, as checkout returns it.
    const coupon = checkoutCoupon(p, account, b, opts, priced);
    const r = coupon === undefined ? priced : { ...priced, coupon: deepFreeze(coupon) };
    results.push(r);
    next.push([p.id, r.account]);
    entering = r.lines.map((l) => dec(l.net.amount));
  }
  const currency = (parsed[0] as Program).currency;
  const dp = minorUnits(currency) ?? 2;
  const first = results[0] as CheckoutResult;
  const lastLines = (results[results.length - 1] as CheckoutResult).lines;
  const lines = first.lines.map((l, i) => ({ id: l.id, gross: l.gross, net: (lastLines[i] ?? l).net }));
  const status = results.some((r) => r.status === "applied")
    ? "applied"
    : results.some((r) => r.status === "duplicate")
      ? "duplicate"
      : "inactive";
  return {
    status,
    results,
    accounts: Object.fromEntries(next),
    lines,
    gross: first.gross,
    total: { amount: fixed(sumD(lines.map((l) => dec(l.net.amount))), dp), currency },
  };
}
