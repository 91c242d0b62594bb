import * as z from "zod/mini";
import DecimalJs from "decimal.js";
import { instantMillis } from "../_lib/values.js";
import { Decimal, isMoney, makeMoney, type Money } from "../money/money.js";
import { isCurrencyCode } from "../money/currencies.js";
import { LineKindSchema } from "./program.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

const QUANTITY = /^(0|[1-9]\d*)(\.\d{1,6})?$/;

/** A positive quantity: a decimal string ("2", "0.350") or a positive integer number. */
const QUANTITY_ERROR =
  'expected a positive quantity: a decimal string such as "2" or "0.350" (at most 6 decimals) or a positive integer';
const QuantitySchema = /* @__PURE__ */ (() =>
  z.pipe(
    z.union(
      [
        z.string().check(z.regex(QUANTITY, { error: QUANTITY_ERROR })),
        z.int().check(z.minimum(1, { error: QUANTITY_ERROR }), z.maximum(1_000_000_000)),
      ],
      { error: QUANTITY_ERROR },
    ),
    z.transform((q: string | number, ctx) => {
      const d = new Decimal(q);
      if (d.lte(0)) {
        ctx.issues.push({ code: "custom", message: "expected a quantity greater than zero", input: q });
        return z.NEVER;
      }
      return d;
    }),
  ))();

const PRICE = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const MoneyWireSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    amount: z.string().check(z.regex(PRICE, { error: 'expected a decimal string such as "12.50"' })),
    currency: z
      .string()
      .check(z.refine(isCurrencyCode, { error: 'expected an active ISO 4217 currency code such as "EUR"' })),
  }))();

/** A unit price: money on the wire (`{ amount, currency }`) or a Money value; not negative. */
const UnitPriceSchema = /* @__PURE__ */ (() =>
  z.pipe(
    z.union([MoneyWireSchema, z.custom<Money>((v) => isMoney(v))], {
      error: 'expected money such as { "amount": "12.50", "currency": "EUR" }',
    }),
    z.transform((m: { amount: string; currency: string } | Money, ctx): Money => {
      const amount = DecimalJs.isDecimal(m.amount) ? new Decimal(m.amount) : new Decimal(m.amount as string);
      if (!amount.isFinite() || amount.isNegative()) {
        ctx.issues.push({ code: "custom", message: "expected a unit price of zero or more", input: m });
        return z.NEVER;
      }
      return makeMoney(amount, m.currency);
    }),
  ))();

const InstantSchema = /* @__PURE__ */ (() =>
  z.pipe(
    z.union([z.string(), z.date()], {
      error: 'expected an ISO-8601 instant with an offset such as "2026-03-01T10:00:00Z" or a valid Date',
    }),
    z.transform((value: string | Date, ctx) => {
      const ms = instantMillis(value);
      if (!Number.isFinite(ms)) {
        ctx.issues.push({
          code: "custom",
          message:
            'expected an ISO-8601 instant with an offset such as "2026-03-01T10:00:00Z" or a valid Date, in years 0000–9999',
          input: value,
        });
        return z.NEVER;
      }
      return new Date(ms).toISOString();
    }),
  ))();

const text = (what: string) =>
  z
    .string()
    .check(
      z.minLength(1, { error: `expected a non-empty ${what}` }),
      z.maxLength(200, { error: `expected a ${what} of at most 200 characters` }),
    );

/**
 * One basket line: `id` (unique in the basket), `sku`, optional `category`, `kind` (default
 * `merchandise`; delivery, gift cards and fees are excluded from programs by default), `quantity`
 * (positive, up to 6 decimals for goods sold by weight) and `unitPrice`.
 *
 * @example
 * ```ts
 * import { BasketLineSchema } from "loyalty-kit/schemas";
 * const line = BasketLineSchema.parse({ id: "1", sku: "DRESS-RED-38", category: "dresses", quantity: "1", unitPrice: { amount: "59.90", currency: "EUR" } });
 * console.log(line.kind, line.quantity.toString(), line.unitPrice.amount.toString()); // merchandise 1 59.9
 * ```
 * @category programs
 */
export const BasketLineSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: text("line id"),
    sku: text("SKU"),
    category: z.optional(text("category")),
    kind: z._default(LineKindSchema, "merchandise"),
    quantity: QuantitySchema,
    unitPrice: UnitPriceSchema,
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!BasketLineSchema} @category programs */
export type BasketLine = z.output<typeof BasketLineSchema>;

/**
 * A basket at the till: `id`, optional `customerId` (personalized programs) or `cardId` (stamp cards),
 * optional `storeId` and `tillId` (where the sale happened, non-empty, at most 200 characters: kept on
 * the checkout record, on every ledger entry the checkout and its refunds post, and so in the
 * history, for analytics split by store), the instant `at`, and at least one line. Line ids are
 * unique and every line is in one currency.
 *
 * @example
 * ```ts
 * import { BasketSchema } from "loyalty-kit/schemas";
 * const r = BasketSchema.safeParse({ id: "b1", at: "2026-03-01T10:00:00Z", lines: [] });
 * console.log(r.success); // false: a basket needs at least one line
 * ```
 * @category programs
 */
export const BasketSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      id: text("basket id"),
      customerId: z.optional(text("customer id")),
      cardId: z.optional(text("card id")),
      storeId: z.optional(text("store id")),
      tillId: z.optional(text("till id")),
      at: InstantSchema,
      lines: z
        .array(BasketLineSchema)
        .check(z.minLength(1, { error: "expected at least one line" }), z.maxLength(10_000)),
    })
    .check(
      z.superRefine((b, ctx) => {
        const ids = new Set<string>();
        const currency = b.lines[0]?.unitPrice.currency;
        b.lines.forEach((l, i) => {
          if (ids.has(l.id))
            ctx.addIssue({
              code: "custom",
              path: ["lines", i, "id"],
              message: "expected a unique line id",
              input: l.id,
            });
          ids.add(l.id);
          if (l.unitPrice.currency !== currency) {
            ctx.addIssue({
              code: "custom",
              path: ["lines", i, "unitPrice", "currency"],
              message: `currency mismatch: expected ${String(currency)} like the first line`,
              input: l.unitPrice.currency,
            });
          }
        });
      }),
    ))();

/**
 * A validated basket (the output of {@link parseBasket}): quantities are `Decimal`s, unit prices
 * `Money`, the instant a UTC ISO string.
 *
 * @example
 * ```ts
 * import { parseBasket, type Basket } from "loyalty-kit";
 * const basket: Basket = parseBasket({ id: "b1", at: "2026-03-01T10:00:00Z", lines: [{ id: "1", sku: "TEE", quantity: 2, unitPrice: { amount: "15.00", currency: "EUR" } }] });
 * console.log(basket.lines[0]?.quantity.toString()); // 2
 * ```
 * @category programs
 */
export type Basket = z.output<typeof BasketSchema>;

/**
 * A basket as a caller writes it (JSON, or with Date / Money values).
 *
 * @example
 * ```ts
 * import type { BasketInput } from "loyalty-kit";
 * const basket: BasketInput = { id: "b1", at: "2026-03-01T10:00:00Z", lines: [{ id: "1", sku: "TEE", quantity: "2", unitPrice: { amount: "15.00", currency: "EUR" } }] };
 * console.log(basket.lines.length);
 * ```
 * @category programs
 */
export type BasketInput = z.input<typeof BasketSchema>;
