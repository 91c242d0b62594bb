import { guardInputs } from "../core/guard.js";
import * as z from "zod/mini";
import { CurrencyMismatchError } from "../errors/errors.js";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { invalid } from "../_lib/values.js";
import { isMoney, type Money } from "../money/money.js";
import { MoneyJsonSchema, parseMoney, type MoneyJson } from "../money/json.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

/**
 * An amount bought: a {@link Money} (or its wire form `{ amount, currency }`) for spend, or a
 * non-negative finite number for counts or quantities (purchases, litres, visits).
 *
 * @example
 * ```ts
 * import { PurchaseAmountSchema } from "loyalty-kit/schemas";
 * console.log(PurchaseAmountSchema.safeParse({ amount: "120.00", currency: "EUR" }).success); // true
 * ```
 * @category measurement
 */
export const PurchaseAmountSchema = /* @__PURE__ */ (() =>
  z.union([
    z.custom<Money>((v) => isMoney(v) && v.amount.isFinite(), {
      message: "expected a Money value with a finite amount",
    }),
    z.pipe(
      MoneyJsonSchema,
      z.transform((json): Money => parseMoney(json)),
    ),
    z.number().check(z.minimum(0)),
  ]))();

/**
 * An amount bought as callers pass it: `Money`, `{ amount: "12.50", currency: "EUR" }`, or a count.
 *
 * @example
 * ```ts
 * import { money, type PurchaseAmountInput } from "loyalty-kit";
 * const spend: PurchaseAmountInput = money("120", "EUR");
 * const visits: PurchaseAmountInput = 7;
 * console.log(spend.currency, visits);
 * ```
 * @category measurement
 */
export type PurchaseAmountInput = Money | MoneyJson | number;

/**
 * One customer's purchases of our brand within their purchases of the whole category.
 *
 * @example
 * ```ts
 * import { ShareOfPurchasesRowSchema } from "loyalty-kit/schemas";
 * console.log(ShareOfPurchasesRowSchema.safeParse({ customerId: "c1", brand: 3, category: 8 }).success); // true
 * ```
 * @category measurement
 */
export const ShareOfPurchasesRowSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    customerId: z.string().check(z.minLength(1)),
    brand: PurchaseAmountSchema,
    category: PurchaseAmountSchema,
  }))();

/**
 * A row of {@link shareOfPurchasesByCustomer} as callers pass it.
 *
 * @example
 * ```ts
 * import type { ShareOfPurchasesRow } from "loyalty-kit";
 * const row: ShareOfPurchasesRow = { customerId: "c1", brand: { amount: "90", currency: "EUR" }, category: { amount: "300", currency: "EUR" } };
 * console.log(row.customerId);
 * ```
 * @category measurement
 */
export type ShareOfPurchasesRow = z.input<typeof ShareOfPurchasesRowSchema>;

/**
 * A row as {@link parseShareOfPurchasesRows} returns it: both amounts as `Money` (or a number when
 * given as one).
 *
 * @example
 * ```ts
 * import { parseShareOfPurchasesRows, type ParsedShareOfPurchasesRow } from "loyalty-kit";
 * const [row]: ParsedShareOfPurchasesRow[] = parseShareOfPurchasesRows([{ customerId: "c1", brand: 90, category: 300 }]);
 * console.log(row?.brand); // 90
 * ```
 * @category measurement
 */
export type ParsedShareOfPurchasesRow = z.output<typeof ShareOfPurchasesRowSchema>;

const amountParsers = /* @__PURE__ */ makeParsers(PurchaseAmountSchema, "shareOfPurchases");
const rowsParsers = /* @__PURE__ */ (() =>
  makeParsers(z.array(ShareOfPurchasesRowSchema), "shareOfPurchasesByCustomer"))();

/**
 * Validates share-of-purchases rows; money in wire form becomes `Money`.
 *
 * @param input - Untrusted data.
 * @returns The rows, typed.
 * @throws {LoyaltyValidationError} when a row is malformed or an amount is negative.
 * @category measurement
 * @example
 * ```ts
 * import { parseShareOfPurchasesRows } from "loyalty-kit";
 * const rows = parseShareOfPurchasesRows([{ customerId: "c1", brand: { amount: "90", currency: "EUR" }, category: { amount: "300", currency: "EUR" } }]);
 * console.log(rows[0]?.customerId); // "c1"
 * ```
 */
export function parseShareOfPurchasesRows(input: unknown): ParsedShareOfPurchasesRow[] {
  return guardInputs("parseShareOfPurchasesRows", { input }, () => parseShareOfPurchasesRowsUnguarded(input));
}

function parseShareOfPurchasesRowsUnguarded(input: unknown): ParsedShareOfPurchasesRow[] {
  return rowsParsers.parse(input);
}

/**
 * Validates share-of-purchases rows without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @category measurement
 * @example
 * ```ts
 * import { safeParseShareOfPurchasesRows } from "loyalty-kit";
 * console.log(safeParseShareOfPurchasesRows([{ customerId: "c1", brand: -1, category: 3 }]).success); // false
 * ```
 */
export function safeParseShareOfPurchasesRows(input: unknown): SafeParseResult<ParsedShareOfPurchasesRow[]> {
  return guardInputs("safeParseShareOfPurchasesRows", { input }, () => safeParseShareOfPurchasesRowsUnguarded(input));
}

function safeParseShareOfPurchasesRowsUnguarded(input: unknown): SafeParseResult<ParsedShareOfPurchasesRow[]> {
  return rowsParsers.safeParse(input);
}

/**
 * The result of {@link shareOfPurchases}.
 *
 * @example
 * ```ts
 * import { shareOfPurchases, type PurchaseShare } from "loyalty-kit";
 * const s: PurchaseShare = shareOfPurchases(2, 8);
 * console.log(s.share); // 0.25
 * ```
 * @category measurement
 */
export interface PurchaseShare {
  /** brand / category, 0..1; `null` when the category total is zero (nothing bought). */
  readonly share: number | null;
  /** The brand amount, as Money or a count. */
  readonly brand: Money | number;
  /** The category amount, as Money or a count. */
  readonly category: Money | number;
}

/**
 * Share of purchases (share of wallet, share of requirements): our brand's part of what the customer
 * buys of the whole category.
 *
 * It is the third usual way to measure loyalty (after surveys and purchase counts): the share of the brand's product or service
 * among the customer's purchases of similar products or services. Over money it is share of wallet
 * (spend with us / category spend, both in one currency, computed exactly with decimals); over counts
 * or quantities it is share of requirements (purchases or units from us / all purchases or units in
 * the category).
 *
 * @param brand - Bought from us: Money, `{ amount, currency }`, or a non-negative count.
 * @param category - Bought in the whole category, including from us: of the same kind and currency.
 * @returns The share, 0..1, or `null` when the category total is zero.
 * @throws {LoyaltyValidationError} when an amount is negative or malformed, one is money and the other a
 *   count, or the brand exceeds the category.
 * @throws {CurrencyMismatchError} when the two amounts are in different currencies.
 * @category measurement
 * @example
 * ```ts
 * import { money, shareOfPurchases } from "loyalty-kit";
 * // Spends 90 with us out of 300 on clothes this quarter
 * console.log(shareOfPurchases(money("90", "EUR"), money("300", "EUR")).share); // 0.3
 * ```
 */
export function shareOfPurchases(brand: PurchaseAmountInput, category: PurchaseAmountInput): PurchaseShare {
  return guardInputs("shareOfPurchases", { brand, category }, () => shareOfPurchasesUnguarded(brand, category));
}

function shareOfPurchasesUnguarded(brand: PurchaseAmountInput, category: PurchaseAmountInput): PurchaseShare {
  const b = amountParsers.parse(brand);
  const c = amountParsers.parse(category);
  return { share: shareOf(b, c, []), brand: b, category: c };
}

/** Share of b in c, validated: same kind, same currency, b ≤ c; null when c is zero. */
function shareOf(b: Money | number, c: Money | number, path: readonly (string | number)[]): number | null {
  if (typeof b === "number" || typeof c === "number") {
    if (typeof b !== "number" || typeof c !== "number") {
      invalid([...path, "category"], "expected brand and category to be both money or both counts", "shareOfPurchases");
    }
    if (b > c) invalid([...path, "brand"], `expected at most the category total (${c}), got ${b}`, "shareOfPurchases");
    return c === 0 ? null : b / c;
  }
  if (b.currency !== c.currency) throw new CurrencyMismatchError(c.currency, b.currency, "shareOfPurchases");
  if (b.amount.isNegative() || c.amount.isNegative())
    invalid(path, "expected non-negative amounts", "shareOfPurchases");
  if (b.amount.greaterThan(c.amount)) {
    invalid(
      [...path, "brand"],
      `expected at most the category total (${c.amount.toString()} ${c.currency}), got ${b.amount.toString()}`,
      "shareOfPurchases",
    );
  }
  return c.amount.isZero() ? null : b.amount.div(c.amount).toNumber();
}

/**
 * The result of {@link shareOfPurchasesByCustomer}.
 *
 * @example
 * ```ts
 * import { shareOfPurchasesByCustomer, type ShareOfPurchasesSummary } from "loyalty-kit";
 * const s: ShareOfPurchasesSummary = shareOfPurchasesByCustomer([]);
 * console.log(s.pooledShare); // null
 * ```
 * @category measurement
 */
export interface ShareOfPurchasesSummary {
  /** Each customer's share, in input order (`null` where the customer bought nothing in the category). */
  readonly customers: readonly { readonly customerId: string; readonly share: number | null }[];
  /** Σ brand / Σ category over all customers: the shop's share of the customers' category purchases. */
  readonly pooledShare: number | null;
  /** Mean of the customers' shares (customers with no category purchases left out): the typical customer's share. */
  readonly meanShare: number | null;
}

/**
 * Share of purchases per customer and aggregated two ways: pooled (Σ brand / Σ category, weighted by
 * how much each customer buys) and the mean of the individual shares (each customer counts once).
 *
 * See {@link shareOfPurchases} for the rule . All rows must be money in one currency, or
 * all counts.
 *
 * @param rows - `{ customerId, brand, category }` per customer.
 * @returns Per-customer shares, the pooled share and the mean share.
 * @throws {LoyaltyValidationError} when a row is malformed, kinds are mixed or a brand exceeds its category.
 * @throws {CurrencyMismatchError} when rows use different currencies.
 * @category measurement
 * @example
 * ```ts
 * import { shareOfPurchasesByCustomer } from "loyalty-kit";
 * const s = shareOfPurchasesByCustomer([
 *   { customerId: "ana", brand: 3, category: 4 },
 *   { customerId: "budi", brand: 1, category: 4 },
 * ]);
 * console.log(s.pooledShare, s.meanShare); // 0.5 0.5
 * ```
 */
export function shareOfPurchasesByCustomer(rows: readonly ShareOfPurchasesRow[]): ShareOfPurchasesSummary {
  return guardInputs("shareOfPurchasesByCustomer", { rows }, () => shareOfPurchasesByCustomerUnguarded(rows));
}

function shareOfPurchasesByCustomerUnguarded(rows: readonly ShareOfPurchasesRow[]): ShareOfPurchasesSummary {
  const parsed = rowsParsers.parse(rows);
  const customers: { customerId: string; share: number | null }[] = [];
  let kind: "money" | "count" | undefined;
  let currency: string | undefined;
  let brandTotal: Money | number | undefined;
  let categoryTotal: Money | number | undefined;
  let shareSum = 0;
  let shareCount = 0;
  parsed.forEach((row, i) => {
    const share = shareOf(row.brand, row.category, [i]);
    const rowKind = typeof row.brand === "number" ? "count" : "money";
    if (kind === undefined) kind = rowKind;
    else if (kind !== rowKind)
      invalid(
        [i, "brand"],
        `expected ${kind === "money" ? "money" : "counts"} like the rows before`,
        "shareOfPurchasesByCustomer",
      );
    if (typeof row.brand !== "number" && typeof row.category !== "number") {
      if (currency === undefined) currency = row.brand.currency;
      else if (row.brand.currency !== currency)
        throw new CurrencyMismatchError(currency, row.brand.currency, "shareOfPurchasesByCustomer");
    }
    brandTotal = plus(brandTotal, row.brand);
    categoryTotal = plus(categoryTotal, row.category);
    customers.push({ customerId: row.customerId, share });
    if (share !== null) {
      shareSum += share;
      shareCount++;
    }
  });
  const pooledShare =
    brandTotal === undefined || categoryTotal === undefined ? null : shareOf(brandTotal, categoryTotal, []);
  return { customers, pooledShare, meanShare: shareCount === 0 ? null : shareSum / shareCount };
}

function plus(total: Money | number | undefined, value: Money | number): Money | number {
  if (total === undefined) return value;
  if (typeof total === "number" || typeof value === "number") {
    // Kinds were checked row by row before summing, so both are counts here.
    const t = Number(total) + Number(value);
    if (!Number.isFinite(t))
      invalid([], "expected counts whose total is a finite number", "shareOfPurchasesByCustomer");
    return t;
  }
  return Object.freeze({ amount: total.amount.plus(value.amount), currency: total.currency });
}
