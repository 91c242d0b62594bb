import { guardInputs } from "../core/guard.js";
import { CurrencyMismatchError, LoyaltyValidationError } from "../errors/errors.js";
import { previewValue } from "../_lib/values.js";
import { Decimal, toDecimal, type DecimalInput } from "../money/money.js";
import { checkCustomerId } from "./_lib/rfm.js";
import type { ValueLike } from "./_lib/values.js";

/**
 * What one customer brought and cost over a period, for {@link customerValue}. `revenue`,
 * `discounts` and `otherCosts` are amounts (numbers, decimal strings or money of one currency);
 * `supportContacts` and `returns` are counts priced by the options' unit costs.
 *
 * @example
 * ```ts
 * import type { CustomerActivity } from "loyalty-kit";
 * const c: CustomerActivity = { customerId: "c-1", revenue: "1200.00", supportContacts: 3, returns: 1, discounts: "40.00" };
 * console.log(c.revenue);
 * ```
 * @category analytics
 */
export interface CustomerActivity {
  readonly customerId: string | number;
  readonly revenue: ValueLike;
  readonly supportContacts?: number;
  readonly returns?: number;
  readonly discounts?: ValueLike;
  readonly otherCosts?: ValueLike;
}

/**
 * Options of {@link customerValue}: the gross margin rate on revenue and the unit costs to serve.
 *
 * @example
 * ```ts
 * import type { CustomerValueOptions } from "loyalty-kit";
 * const o: CustomerValueOptions = { margin: "0.35", costToServe: { perSupportContact: "6.50", perReturn: "12.00" } };
 * console.log(o.margin);
 * ```
 * @category analytics
 */
export interface CustomerValueOptions {
  /** Gross margin as a share of revenue, in [0, 1] ("0.35" = 35 %). */
  readonly margin: DecimalInput;
  /** Unit costs: one support contact, one return (both ≥ 0; default 0). */
  readonly costToServe?: { readonly perSupportContact?: ValueLike; readonly perReturn?: ValueLike };
}

/**
 * One customer's value net of the cost to serve them, as exact decimal strings.
 *
 * @example
 * ```ts
 * import type { CustomerNetValue } from "loyalty-kit";
 * const v: CustomerNetValue = { customerId: "c-1", rank: 1, revenue: "1200", grossMargin: "420", costToServe: "71.5", netValue: "348.5" };
 * console.log(v.netValue);
 * ```
 * @category analytics
 */
export interface CustomerNetValue {
  readonly customerId: string | number;
  /** 1 for the most valuable customer; equal net values share no rank (ties keep input order). */
  readonly rank: number;
  readonly revenue: string;
  /** revenue × margin. */
  readonly grossMargin: string;
  /** supportContacts × perSupportContact + returns × perReturn + discounts + otherCosts. */
  readonly costToServe: string;
  /** grossMargin − costToServe; negative for customers who cost more than they bring. */
  readonly netValue: string;
  /** The currency, when amounts were money. */
  readonly currency?: string;
}

/**
 * The value of each customer net of the cost to serve them, ranked — "know the value of each
 * customer"  with the costs that the revenue figure hides.
 *
 * netValue = revenue × margin − (supportContacts × perSupportContact + returns × perReturn +
 * discounts + otherCosts), computed exactly with decimals. Customers are ranked by net value, highest
 * first; equal net values keep their input order. Amounts must share one currency when money is
 * given. Revenue may be negative (refunds above purchases); costs and counts may not.
 *
 * @param customers - activity per customer (array or iterable); ids must be unique
 * @param options - `margin` rate and `costToServe` unit costs
 * @returns one row per customer, best first
 * @throws {LoyaltyValidationError} when the input is empty, an id repeats, an amount or count is
 *   malformed or negative, or the margin is outside [0, 1]
 * @throws {CurrencyMismatchError} when money amounts of different currencies are mixed
 * @example
 * ```ts
 * import { customerValue } from "loyalty-kit";
 * const ranked = customerValue(
 *   [
 *     { customerId: "big-but-costly", revenue: "5000", supportContacts: 40, returns: 12 },
 *     { customerId: "quiet", revenue: "1500", supportContacts: 1 },
 *   ],
 *   { margin: "0.3", costToServe: { perSupportContact: "15", perReturn: "60" } },
 * );
 * console.log(ranked.map((c) => `${c.rank}. ${c.customerId} ${c.netValue}`).join("; ")); // 1. quiet 435; 2. big-but-costly 180
 * ```
 * @category analytics
 */
export function customerValue(
  customers: Iterable<CustomerActivity>,
  options: CustomerValueOptions,
): CustomerNetValue[] {
  return guardInputs("customerValue", { customers, options }, () => customerValueUnguarded(customers, options));
}

function customerValueUnguarded(
  customers: Iterable<CustomerActivity>,
  options: CustomerValueOptions,
): CustomerNetValue[] {
  const what = "customerValue";
  const fail = (path: (string | number)[], message: string): never => {
    throw new LoyaltyValidationError([{ path, message }], what);
  };
  if (typeof options !== "object" || options === null)
    fail([], `expected options { margin, costToServe? }, got ${previewValue(options)}`);
  const margin = toDecimal(options.margin, { path: ["margin"] });
  if (margin.lt(0) || margin.gt(1))
    fail(["margin"], `expected a margin rate between 0 and 1, got ${margin.toString()}`);
  const state = { currency: undefined as string | undefined };
  const amount = (v: unknown, path: (string | number)[], nonNegative: boolean): Decimal => {
    let d: Decimal;
    if (typeof v === "object" && v !== null && "amount" in v && "currency" in v) {
      const { amount: a, currency } = v as { amount: unknown; currency: unknown };
      if (typeof currency !== "string")
        return fail([...path, "currency"], `expected a currency code, got ${previewValue(currency)}`);
      if (state.currency !== undefined && state.currency !== currency)
        throw new CurrencyMismatchError(state.currency, currency, `${what} at ${path.join(".")}`);
      state.currency = currency;
      d = toDecimal(a, { path: [...path, "amount"] });
    } else {
      d = toDecimal(v, { path });
    }
    if (nonNegative && d.isNegative()) fail(path, `expected an amount ≥ 0, got ${d.toString()}`);
    return d;
  };
  const count = (v: unknown, path: (string | number)[]): number => {
    if (v === undefined) return 0;
    if (!(Number.isSafeInteger(v) && (v as number) >= 0))
      fail(path, `expected a count (an integer ≥ 0), got ${previewValue(v)}`);
    return v as number;
  };
  const perContact =
    options.costToServe?.perSupportContact === undefined
      ? new Decimal(0)
      : amount(options.costToServe.perSupportContact, ["costToServe", "perSupportContact"], true);
  const perReturn =
    options.costToServe?.perReturn === undefined
      ? new Decimal(0)
      : amount(options.costToServe.perReturn, ["costToServe", "perReturn"], true);
  if (typeof customers !== "object" || customers === null || !(Symbol.iterator in customers))
    fail([], `expected an array or iterable of customers, got ${previewValue(customers)}`);
  const seen = new Set<string | number>();
  const rows: { id: string | number; revenue: Decimal; gross: Decimal; cost: Decimal; net: Decimal; index: number }[] =
    [];
  let i = 0;
  for (const c of customers) {
    if (typeof c !== "object" || c === null)
      fail([i], `expected a customer { customerId, revenue, … }, got ${previewValue(c)}`);
    checkCustomerId(c.customerId, [i, "customerId"], what);
    if (seen.has(c.customerId))
      fail([i, "customerId"], `expected unique customer ids, got ${previewValue(c.customerId)} twice`);
    seen.add(c.customerId);
    const revenue = amount(c.revenue, [i, "revenue"], false);
    const gross = revenue.times(margin);
    const cost = perContact
      .times(count(c.supportContacts, [i, "supportContacts"]))
      .plus(perReturn.times(count(c.returns, [i, "returns"])))
      .plus(c.discounts === undefined ? 0 : amount(c.discounts, [i, "discounts"], true))
      .plus(c.otherCosts === undefined ? 0 : amount(c.otherCosts, [i, "otherCosts"], true));
    rows.push({ id: c.customerId, revenue, gross, cost, net: gross.minus(cost), index: i });
    i++;
  }
  if (rows.length === 0) fail([], "expected at least one customer, got none");
  rows.sort((a, b) => b.net.comparedTo(a.net) || a.index - b.index);
  const currency = state.currency;
  return rows.map((r, k) =>
    Object.freeze({
      customerId: r.id,
      rank: k + 1,
      revenue: r.revenue.toFixed(),
      grossMargin: r.gross.toFixed(),
      costToServe: r.cost.toFixed(),
      netValue: r.net.toFixed(),
      ...(currency === undefined ? {} : { currency }),
    }),
  );
}
