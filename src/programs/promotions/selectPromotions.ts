import { guardInputs } from "../../core/guard.js";
import { deepFreeze } from "../../core/json.js";
import { parseBasket } from "../parseBasket.js";
import { parseProgramList } from "../_lib/programList.js";
import { openProgramAccount } from "../openProgramAccount.js";
import { price } from "../_lib/engine.js";
import { dec, fixed, type D } from "../_lib/decimal.js";
import { minorUnits } from "../../money/currencies.js";
import type { ProgramAccount } from "../account.js";
import type { Basket, BasketInput } from "../basket.js";
import type { Consent, QuoteOptions } from "../options.js";
import type { Program, ProgramOf } from "../program.js";
import type { Explanation } from "../result.js";
import * as say from "../_lib/explainPromotions.js";

/**
 * Options of {@link selectPromotions}: the instant, consent, the accounts of personalized programs and
 * per program (by id) the coupon the customer gave.
 *
 * @example
 * ```ts
 * import type { SelectPromotionsOptions } from "loyalty-kit";
 * const o: SelectPromotionsOptions = { programs: { spring: { coupon: { code: "SPRING10" } } } };
 * console.log(Object.keys(o.programs ?? {}));
 * ```
 * @category programs
 */
export interface SelectPromotionsOptions {
  readonly at?: string | Date;
  readonly consent?: Consent;
  /** Accounts by program id; default a fresh account (promotions are not personalized by default). */
  readonly accounts?: Readonly<Record<string, ProgramAccount>>;
  readonly programs?: Readonly<Record<string, { readonly coupon?: NonNullable<QuoteOptions["coupon"]> }>>;
}

/**
 * What {@link selectPromotions} returns: the programs to pass to {@link checkoutAll}, in order, and
 * why each promotion was kept or left out.
 *
 * @example
 * ```ts
 * import { parseProgram, selectPromotions, type SelectPromotionsResult } from "loyalty-kit";
 * const five = parseProgram({ kind: "promotion", id: "five", name: "5.00 off", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" },
 *   rule: { type: "amount-off", amount: "5.00" } });
 * const r: SelectPromotionsResult = selectPromotions([five], { id: "b1", at: "2026-03-01T10:00:00Z", lines: [
 *   { id: "1", sku: "TEE", quantity: 1, unitPrice: { amount: "12.00", currency: "EUR" } }] });
 * console.log(r.programs.length, r.explain[0]?.reason); // 1 five: stacks, 5.00 EUR off alone
 * ```
 * @category programs
 */
export interface SelectPromotionsResult {
  /** The programs to check out, in the order they apply: the kept promotions, then the other programs. */
  readonly programs: readonly Program[];
  /** One sentence per promotion (kept or left out, and why), then the stacking order. */
  readonly explain: readonly Explanation[];
}

/**
 * Decides which promotions apply to a basket together, and in which order, for {@link checkoutAll}.
 *
 * The rules, each decision written to `explain`: promotions come in `priority` order (lower first,
 * ties in the order given), then the other programs in the order given. Each promotion is priced
 * alone on the basket; one that takes nothing off is left out. If an `exclusive` promotion applies,
 * the first one is the only promotion kept. Otherwise, of the `best-for-customer` promotions the one
 * with the largest discount is kept (ties to priority) and the others are left out; `stack`
 * promotions (the default) are all kept, each applied to what the previous ones left.
 *
 * @param programs - promotions and other programs (unique ids)
 * @param basket - the basket
 * @param options - `at`, `consent`, `accounts` and per-program `coupon`
 * @returns `{ programs, explain }`: the programs to pass to {@link checkoutAll}, in order
 * @throws {LoyaltyValidationError} for duplicate program ids or invalid input
 * @category programs
 * @example
 * ```ts
 * import { parseProgram, selectPromotions } from "loyalty-kit";
 * const common = { kind: "promotion", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" }, combine: "best-for-customer" } as const;
 * const fiveOff = parseProgram({ ...common, id: "five", name: "5.00 off", rule: { type: "amount-off", amount: "5.00" } });
 * const b2g1 = parseProgram({ ...common, id: "b2g1", name: "Buy 2 get 1", rule: { type: "buy-x-get-y", buy: { quantity: 2 }, get: { quantity: 1 } } });
 * const r = selectPromotions([fiveOff, b2g1], { id: "b1", at: "2026-03-01T10:00:00Z", lines: [
 *   { id: "1", sku: "TEE", quantity: 3, unitPrice: { amount: "12.00", currency: "EUR" } }] });
 * console.log(r.programs.map((p) => p.id)); // [ 'b2g1' ]
 * ```
 */
export function selectPromotions(
  programs: readonly Program[],
  basket: Basket | BasketInput,
  options: SelectPromotionsOptions | null = {},
): SelectPromotionsResult {
  return guardInputs("selectPromotions", { programs, basket, options }, () =>
    selectPromotionsUnguarded(programs, basket, options),
  );
}

function selectPromotionsUnguarded(
  programs: readonly Program[],
  basket: Basket | BasketInput,
  options: SelectPromotionsOptions | null = {},
): SelectPromotionsResult {
  const parsed = parseProgramList(programs);
  const o = options ?? {};
  const b = parseBasket(basket);
  const promos = parsed
    .map((p, i) => ({ p, i }))
    .filter((x): x is { p: ProgramOf<"promotion">; i: number } => x.p.kind === "promotion")
    .sort((x, y) => (x.p.priority ?? 0) - (y.p.priority ?? 0) || x.i - y.i)
    .map((x) => x.p);
  const others = parsed.filter((p) => p.kind !== "promotion");
  const explain: Explanation[] = [];
  const alone = new Map<string, D>();
  for (const p of promos) {
    const account =
      o.accounts !== undefined && Object.hasOwn(o.accounts, p.id)
        ? (o.accounts[p.id] as ProgramAccount)
        : openProgramAccount(p);
    const per = o.programs !== undefined && Object.hasOwn(o.programs, p.id) ? o.programs[p.id] : undefined;
    const q = price(p, account, b, {
      ...(o.at === undefined ? {} : { at: o.at }),
      ...(o.consent === undefined ? {} : { consent: o.consent }),
      ...(per?.coupon === undefined ? {} : { coupon: per.coupon }),
    }).quote;
    alone.set(p.id, dec(q.discountTotal.amount));
  }
  const dp = minorUnits(parsed[0]?.currency ?? "EUR") ?? 2;
  const money = (p: Program) => `${fixed(alone.get(p.id) ?? dec("0"), dp)} ${p.currency}`;
  const applying = promos.filter((p) => (alone.get(p.id) as D).gt(0));
  for (const p of promos) if (!applying.includes(p)) explain.push(say.promotionNothingOff(p.id, p.name));
  let kept: ProgramOf<"promotion">[];
  const exclusive = applying.find((p) => p.combine === "exclusive");
  if (exclusive !== undefined) {
    kept = [exclusive];
    explain.push(say.promotionExclusive(exclusive.id, exclusive.name, money(exclusive)));
    for (const p of applying)
      if (p !== exclusive) explain.push(say.promotionLeftOutByExclusive(p.id, p.name, exclusive.name));
  } else {
    const best = applying
      .filter((p) => p.combine === "best-for-customer")
      .reduce<ProgramOf<"promotion"> | null>(
        (a, p) => (a === null || (alone.get(p.id) as D).gt(alone.get(a.id) as D) ? p : a),
        null,
      );
    kept = applying.filter((p) => (p.combine ?? "stack") === "stack" || p === best);
    for (const p of applying) {
      if (p.combine === "best-for-customer")
        explain.push(
          p === best
            ? say.promotionBest(p.id, p.name, money(p))
            : say.promotionLeftOutByBest(p.id, p.name, money(p), best?.name ?? "", best === null ? "" : money(best)),
        );
      else explain.push(say.promotionStacks(p.id, p.name, money(p)));
    }
  }
  if (kept.length > 1 || others.length > 0) explain.push(say.stackingOrder([...kept, ...others].map((p) => p.id)));
  return deepFreeze({ programs: [...kept, ...others], explain });
}
