import { guardInputs } from "../../core/guard.js";
import { parseBasket } from "../parseBasket.js";
import { parseProgram } from "../parseProgram.js";
import { minorUnits } from "../../money/currencies.js";
import { eligibilityOf, isActiveAt, lineAmount } from "../_lib/engine.js";
import { decimalToMinor } from "../_lib/minor.js";
import type { Basket, BasketInput, BasketLine } from "../basket.js";
import type { Program } from "../program.js";
import { giftCondition } from "./_lib/giftCondition.js";

/**
 * Adds the free product of a gift-with-purchase promotion to a basket when the basket earns it, as a
 * line of its own with the gift's own price (line id `gift:<program id>`); {@link quote} and
 * {@link checkout} then give that line a 100 % discount. Keeping the gift as a priced line keeps stock
 * counts, receipts and refunds right: returning the gift gives back nothing, as nothing was paid.
 *
 * The rule: the gift is earned when, on the eligible lines other than the gift's own SKU, the amount
 * reaches `when.minSpend` and the units matching `when.match` reach `when.minQuantity`, inside the
 * program's active window at the basket's instant. Nothing is added (the basket comes back as it is)
 * for any other program, when the gift is not earned, or when a line with the gift's SKU or the
 * line id is already there (so calling it twice adds one gift).
 *
 * @param program - a promotion program (other kinds leave the basket as it is)
 * @param basket - the basket as the till scanned it; not changed
 * @returns the basket, with the gift line appended when earned
 * @throws {LoyaltyValidationError} when the program or the basket is invalid
 * @category programs
 * @example
 * ```ts
 * import { parseProgram, addGiftLines, quote, openProgramAccount } from "loyalty-kit";
 * const pad = parseProgram({ kind: "promotion", id: "pad", name: "Free cooling pad with a laptop", currency: "EUR", timeZone: "Europe/Berlin",
 *   active: { from: "2026-01-01T00:00:00Z" }, rule: { type: "gift", gift: { sku: "PAD", unitPrice: "24.90" }, when: { match: { categories: ["laptops"] } } } });
 * const basket = addGiftLines(pad, { id: "b1", at: "2026-03-01T10:00:00Z", lines: [
 *   { id: "1", sku: "LAPTOP-14", category: "laptops", quantity: 1, unitPrice: { amount: "899.00", currency: "EUR" } }] });
 * const q = quote(pad, openProgramAccount(pad), basket);
 * console.log(q.lines[1]?.sku, q.lines[1]?.gross.amount, q.lines[1]?.discount.amount, q.total.amount); // PAD 24.90 24.90 899.00
 * ```
 */
export function addGiftLines(program: Program, basket: Basket | BasketInput): Basket {
  return guardInputs("addGiftLines", { program, basket }, () => addGiftLinesUnguarded(program, basket));
}

function addGiftLinesUnguarded(program: Program, basket: Basket | BasketInput): Basket {
  const p = parseProgram(program);
  const b = parseBasket(basket);
  if (p.kind !== "promotion" || p.rule.type !== "gift") return b;
  const r = p.rule;
  const id = `gift:${p.id}`;
  if (!isActiveAt(p, Date.parse(b.at))) return b;
  if (b.lines.some((l) => l.sku === r.gift.sku || l.id === id)) return b;
  const dp = minorUnits(p.currency) ?? 2;
  const eligible = eligibilityOf(p);
  const counted = b.lines
    .filter((l) => eligible(l))
    .map((line) => ({ line, net: decimalToMinor(lineAmount(line, dp), dp) ?? Number.MAX_SAFE_INTEGER }));
  if (!giftCondition(r, counted, dp).met) return b;
  const lines = [
    ...b.lines.map((l: BasketLine) => ({ ...l, quantity: l.quantity.toString() })),
    {
      id,
      sku: r.gift.sku,
      ...(r.gift.category === undefined ? {} : { category: r.gift.category }),
      kind: "merchandise" as const,
      quantity: String(r.gift.quantity ?? 1),
      unitPrice: { amount: r.gift.unitPrice, currency: p.currency },
    },
  ];
  return parseBasket({ ...b, lines });
}
