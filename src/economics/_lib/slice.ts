import type { MoneyJson } from "../../money/json.js";
import type { SimulatedFigures } from "../simulateProgram.js";
import { toJSON } from "../../money/json.js";
import { Decimal, money } from "../../money/money.js";
import { round } from "../../money/round.js";

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
    this.sum(f);
  }

  /** Adds another slice's sums and customers into this one. */
  absorb(other: Slice): void {
    for (const c of other.customers) this.customers.add(c);
    this.baskets += other.baskets;
    this.sum(other);
  }

  /** Adds the six sums of `f` (a checkout's read figures or another slice) into this slice. */
  private sum(f: ReadFigures): void {
    this.gross = this.gross.plus(f.gross);
    this.discounts = this.discounts.plus(f.discounts);
    this.pointsMoney = this.pointsMoney.plus(f.pointsMoney);
    this.revenue = this.revenue.plus(f.revenue);
    this.issued = this.issued.plus(f.issued);
    this.redeemed = this.redeemed.plus(f.redeemed);
  }

  /** The slice's figures, money rounded half-even to the currency's minor unit. */
  figures(currency: string): SimulatedFigures {
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
