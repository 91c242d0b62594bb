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
    this.customers.add(customerId);
    this.baskets++;
    this.gross = this.gross.plus(r.gross.amount);
    this.discounts = this.discounts.plus(r.discountTotal.amount);
    this.pointsMoney = this.pointsMoney.plus(r.pointsMoney.amount);
    this.revenue = this.revenue.plus(r.total.amount);
    this.issued = this.issued.plus(r.pointsEarned).plus(r.welcomeBonus);
    this.redeemed = this.redeemed.plus(r.pointsRedeemed);
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
