import type { MoneyJson } from "../../money/json.js";
import { toJSON } from "../../money/json.js";
import { Decimal, money } from "../../money/money.js";
import { round } from "../../money/round.js";

/** The figures of checkouts summed over one slice (a run, a period, a group). See SimulatedFigures. */
export interface SliceFigures {
  readonly customers: number;
  readonly baskets: number;
  readonly gross: MoneyJson;
  readonly discounts: MoneyJson;
  readonly pointsMoney: MoneyJson;
  readonly revenue: MoneyJson;
  readonly cost: MoneyJson;
  readonly pointsIssued: string;
  readonly pointsRedeemed: string;
}

/** What a slice reads from a checkout record. */
export interface CheckoutFigures {
  readonly gross: MoneyJson;
  readonly discountTotal: MoneyJson;
  readonly pointsMoney: MoneyJson;
  readonly total: MoneyJson;
  readonly pointsEarned: string;
  readonly welcomeBonus: string;
  readonly pointsRedeemed: string;
}

/** A checkout's figures as decimals. */
export interface ReadFigures {
  readonly gross: Decimal;
  readonly discounts: Decimal;
  readonly pointsMoney: Decimal;
  readonly revenue: Decimal;
  readonly issued: Decimal;
  readonly redeemed: Decimal;
}

export function readFigures(r: CheckoutFigures): ReadFigures {
  return {
    gross: new Decimal(r.gross.amount),
    discounts: new Decimal(r.discountTotal.amount),
    pointsMoney: new Decimal(r.pointsMoney.amount),
    revenue: new Decimal(r.total.amount),
    issued: new Decimal(r.pointsEarned).plus(r.welcomeBonus),
    redeemed: new Decimal(r.pointsRedeemed),
  };
}

// Exact sums of checkout figures; money is rounded once, when the figures are read.
export class Slice {
  readonly customers = new Set<string>();
  baskets = 0;
  gross = new Decimal(0);
  discounts = new Decimal(0);
  pointsMoney = new Decimal(0);
  revenue = new Decimal(0);
  issued = new Decimal(0);
  redeemed = new Decimal(0);

  add(customerId: string, r: CheckoutFigures): void {
    this.addRead(customerId, readFigures(r));
  }

  /** Adds figures already read into decimals (read once, added to several slices). */
  addRead(customerId: string, f: ReadFigures): void {
    this.customers.add(customerId);
    this.baskets++;
    this.gross = this.gross.plus(f.gross);
    this.discounts = this.discounts.plus(f.discounts);
    this.pointsMoney = this.pointsMoney.plus(f.pointsMoney);
    this.revenue = this.revenue.plus(f.revenue);
    this.issued = this.issued.plus(f.issued);
    this.redeemed = this.redeemed.plus(f.redeemed);
  }

  /** Adds another slice's sums and customers into this one. */
  absorb(other: Slice): void {
    for (const c of other.customers) this.customers.add(c);
    this.baskets += other.baskets;
    this.gross = this.gross.plus(other.gross);
    this.discounts = this.discounts.plus(other.discounts);
    this.pointsMoney = this.pointsMoney.plus(other.pointsMoney);
    this.revenue = this.revenue.plus(other.revenue);
    this.issued = this.issued.plus(other.issued);
    this.redeemed = this.redeemed.plus(other.redeemed);
  }

  figures(currency: string): SliceFigures {
    const m = (d: Decimal) => toJSON(round(money(d, currency)));
    return Object.freeze({
      customers: this.customers.size,
      baskets: this.baskets,
      gross: m(this.gross),
      discounts: m(this.discounts),
      pointsMoney: m(this.pointsMoney),
      revenue: m(this.revenue),
      cost: m(this.discounts.plus(this.pointsMoney)),
      pointsIssued: this.issued.toString(),
      pointsRedeemed: this.redeemed.toString(),
    });
  }
}
