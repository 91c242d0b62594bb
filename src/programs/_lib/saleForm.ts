// The stored form of a sale a program account keeps, both ways: `saleOf` writes a checkout's figures
// compactly (a field equal to what the program implies is left out), `saleFigures` reads a kept sale
// — in this form or the one earlier builds wrote, with every field — back into full figures, with the
// totals its lines add up to. Checkout (a retry's record), refund (the sale it refunds) and the coupon
// steps of a refund (what the sale was paid) all read a kept sale through `saleFigures`.
import { minorUnits } from "../../money/currencies.js";
import type { ProgramRefund, ProgramSale } from "../account.js";
import type { Program } from "../program.js";
import type { CheckoutRecord, PricedLine, Quote, RefundedLine } from "../result.js";
import { dec, fixed, sumD, ZERO } from "./decimal.js";

type Money = { readonly amount: string; readonly currency: string };

/** A kept sale's figures in full: what its checkout record showed, except the entries and the texts. */
export interface SaleFigures {
  readonly kind: Quote["kind"];
  readonly currency: string;
  readonly lines: readonly PricedLine[];
  readonly gross: Money;
  readonly discountTotal: Money;
  readonly pointsMoney: Money;
  /** What the customer paid: the lines' net. */
  readonly total: Money;
  readonly accumulatedSpend: Money | null;
  readonly tier: Quote["tier"];
  readonly welcomeBonus: string;
  readonly pointsRedeemed: string;
  readonly expiresAt: string | null;
  readonly reward: Quote["reward"];
  readonly stamps: Quote["stamps"];
}

/** The figures a kept sale leaves out when it has them: zero as the program writes it, the usual line. */
function defaultsOf(program: Program, currency: string) {
  const scale = program.kind === "bonus" || program.kind === "catalog" ? (program.pointsScale ?? 0) : 0;
  return {
    kind: program.kind,
    currency: program.currency,
    lineKind: "merchandise" as const,
    money0: fixed(ZERO, minorUnits(currency) ?? 2),
    points0: fixed(ZERO, scale),
  };
}

/**
 * What the account keeps of an applied checkout: its figures (no texts, no entries) and the request's
 * digest, each field left out when it is what the program implies (the program's kind and currency, a
 * merchandise line that counts, a zero, no tier, reward, stamps or expiry).
 */
export function saleOf(program: Program, record: CheckoutRecord, digest: string, coupon?: string): ProgramSale {
  const currency = record.total.currency;
  const d = defaultsOf(program, currency);
  const opt = <K extends string, V>(key: K, value: V, implied: V): { [k in K]?: V } =>
    (value === implied ? {} : { [key]: value }) as { [k in K]?: V };
  return {
    transactionId: record.transactionId,
    at: record.at,
    digest,
    ...(coupon === undefined ? {} : { coupon }),
    basketId: record.basketId,
    ...opt("kind", record.kind, d.kind),
    ...(record.storeId === undefined ? {} : { storeId: record.storeId }),
    ...(record.tillId === undefined ? {} : { tillId: record.tillId }),
    ...opt("currency", currency, d.currency),
    lines: record.lines.map((l) => ({
      id: l.id,
      sku: l.sku,
      ...opt("kind", l.kind, d.lineKind),
      quantity: l.quantity,
      ...opt("eligible", l.eligible, true),
      gross: l.gross.amount,
      ...opt("discount", l.discount.amount, d.money0),
      net: l.net.amount,
      ...opt("pointsEarned", l.pointsEarned, d.points0),
      ...opt("pointsRedeemed", l.pointsRedeemed, d.points0),
    })),
    spend: record.spend.amount,
    ...(record.accumulatedSpend === null ? {} : { accumulatedSpend: record.accumulatedSpend.amount }),
    ...(record.tier === null ? {} : { tier: record.tier }),
    pointsEarned: record.pointsEarned,
    ...opt("welcomeBonus", record.welcomeBonus, d.points0),
    ...opt("pointsRedeemed", record.pointsRedeemed, d.points0),
    ...(record.expiresAt === null ? {} : { expiresAt: record.expiresAt }),
    ...(record.reward === null ? {} : { reward: record.reward }),
    ...(record.stamps === null ? {} : { stamps: record.stamps }),
  };
}

/** A kept sale's figures in full, whichever form it was stored in, with the totals of its lines. */
export function saleFigures(program: Program, sale: ProgramSale): SaleFigures {
  const currency = sale.currency ?? program.currency;
  const d = defaultsOf(program, currency);
  const dp = minorUnits(currency) ?? 2;
  const money = (amount: string): Money => ({ amount, currency });
  const lines: PricedLine[] = sale.lines.map((l) => {
    const discount = l.discount ?? d.money0;
    return {
      id: l.id,
      sku: l.sku,
      kind: l.kind ?? d.lineKind,
      quantity: l.quantity,
      eligible: l.eligible ?? true,
      gross: money(l.gross),
      discount: money(discount),
      pointsMoney: money(fixed(dec(l.gross).minus(discount).minus(l.net), dp)),
      net: money(l.net),
      pointsEarned: l.pointsEarned ?? d.points0,
      pointsRedeemed: l.pointsRedeemed ?? d.points0,
    };
  });
  const total = (pick: (l: PricedLine) => string) => money(fixed(sumD(lines.map((l) => dec(pick(l)))), dp));
  return {
    kind: sale.kind ?? d.kind,
    currency,
    lines,
    gross: total((l) => l.gross.amount),
    discountTotal: total((l) => l.discount.amount),
    pointsMoney: total((l) => l.pointsMoney.amount),
    total: total((l) => l.net.amount),
    accumulatedSpend:
      sale.accumulatedSpend === undefined || sale.accumulatedSpend === null ? null : money(sale.accumulatedSpend),
    tier: sale.tier ?? null,
    welcomeBonus: sale.welcomeBonus ?? d.points0,
    pointsRedeemed: sale.pointsRedeemed ?? d.points0,
    expiresAt: sale.expiresAt ?? null,
    reward: sale.reward ?? null,
    stamps: sale.stamps ?? null,
  };
}

/** A refund's lines as a program account keeps them: the figures, money as amounts (the refund holds the currency). */
export function keptRefundLines(lines: readonly RefundedLine[]): ProgramRefund["lines"] {
  return lines.map((l) => ({
    id: l.id,
    quantity: l.quantity,
    moneyBack: l.moneyBack.amount,
    pointsReversed: l.pointsReversed,
    pointsRestored: l.pointsRestored,
    spendReversed: l.spendReversed.amount,
  }));
}
