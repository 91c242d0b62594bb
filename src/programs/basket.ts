import * as z from "zod";
import DecimalJs from "decimal.js";
import { InstantSchema } from "../_lib/validation.js";
import { Decimal, isMoney, makeMoney, type Money } from "../money/money.js";
import { MoneyJsonSchema } from "../money/json.js";
import { LineKindSchema } from "./program.js";

const QUANTITY = /^(0|[1-9]\d*)(\.\d{1,6})?$/;

/** A positive quantity: a decimal string ("2", "0.350") or a positive integer number. */
const QuantitySchema = /* @__PURE__ */ z
  .union([z.string().regex(QUANTITY, { message: "expected a positive decimal quantity such as \"2\" or \"0.350\" (at most 6 decimals)" }), z.int().min(1).max(1_000_000_000)])
  .transform((q, ctx) => {
    const d = new Decimal(q);
    if (d.lte(0)) {
      ctx.addIssue({ code: "custom", message: "expected a quantity greater than zero" });
      return z.NEVER;
    }
    return d;
  });

/** A unit price: money on the wire (`{ amount, currency }`) or a Money value; not negative. */
const UnitPriceSchema = /* @__PURE__ */ z
  .union([MoneyJsonSchema, z.custom<Money>((v) => isMoney(v), { message: "expected money { amount, currency }" })])
  .transform((m, ctx): Money => {
    const amount = DecimalJs.isDecimal(m.amount) ? new Decimal(m.amount) : new Decimal(m.amount as string);
    if (!amount.isFinite() || amount.isNegative()) {
      ctx.addIssue({ code: "custom", message: "expected a unit price of zero or more" });
      return z.NEVER;
    }
    return makeMoney(amount, m.currency);
  });

/**
 * One basket line: `id` (unique in the basket), `sku`, optional `category`, `kind` (default
 * `merchandise`; delivery, gift cards and fees are excluded from programs by default), `quantity`
 * (positive, up to 6 decimals for goods sold by weight) and `unitPrice`.
 *
 * @example
 * ```ts
 * import { BasketLineSchema } from "loyalty-kit";
 * const line = BasketLineSchema.parse({ id: "1", sku: "DRESS-RED-38", category: "dresses", quantity: "1", unitPrice: { amount: "59.90", currency: "EUR" } });
 * console.log(line.kind, line.quantity.toString(), line.unitPrice.amount.toString()); // merchandise 1 59.9
 * ```
 * @category programs
 */
export const BasketLineSchema = /* @__PURE__ */ z.strictObject({
  id: z.string().min(1).max(200),
  sku: z.string().min(1).max(200),
  category: z.string().min(1).max(200).optional(),
  kind: LineKindSchema.default("merchandise"),
  quantity: QuantitySchema,
  unitPrice: UnitPriceSchema,
});

/** {@inheritDoc BasketLineSchema} @category programs */
export type BasketLine = z.output<typeof BasketLineSchema>;

/**
 * A basket at the till: `id`, optional `customerId` (personalized programs) or `cardId` (stamp cards),
 * the instant `at`, and at least one line. Line ids are unique and every line is in one currency.
 *
 * @example
 * ```ts
 * import { BasketSchema } from "loyalty-kit";
 * const r = BasketSchema.safeParse({ id: "b1", at: "2026-03-01T10:00:00Z", lines: [] });
 * console.log(r.success); // false: a basket needs at least one line
 * ```
 * @category programs
 */
export const BasketSchema = /* @__PURE__ */ z
  .strictObject({
    id: z.string().min(1).max(200),
    customerId: z.string().min(1).max(200).optional(),
    cardId: z.string().min(1).max(200).optional(),
    at: InstantSchema,
    lines: z.array(BasketLineSchema).min(1, { message: "expected at least one line" }).max(10_000),
  })
  .superRefine((b, ctx) => {
    const ids = new Set<string>();
    const currency = b.lines[0]?.unitPrice.currency;
    b.lines.forEach((l, i) => {
      if (ids.has(l.id)) ctx.addIssue({ code: "custom", path: ["lines", i, "id"], message: "expected a unique line id" });
      ids.add(l.id);
      if (l.unitPrice.currency !== currency) {
        ctx.addIssue({ code: "custom", path: ["lines", i, "unitPrice", "currency"], message: `currency mismatch: expected ${String(currency)} like the first line` });
      }
    });
  });

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
