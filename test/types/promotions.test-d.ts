import { expectTypeOf, test } from "vitest";
import {
  addGiftLines,
  parseProgram,
  redeemCoupon,
  selectPromotions,
  type Basket,
  type CouponState,
  type Program,
  type PromotionRule,
} from "../../src/index.js";

test("promotion configs narrow on kind and rule type", () => {
  const p = parseProgram({});
  if (p.kind === "promotion") {
    expectTypeOf(p.rule).toEqualTypeOf<PromotionRule>();
    if (p.rule.type === "buy-x-get-y") expectTypeOf(p.rule.buy.quantity).toEqualTypeOf<number>();
    if (p.rule.type === "gift") expectTypeOf(p.rule.gift.unitPrice).toEqualTypeOf<string>();
    expectTypeOf(p.coupon?.perCustomer).toEqualTypeOf<number | undefined>();
  }
});

test("coupon and stacking functions return what the till stores and checks out", () => {
  expectTypeOf(redeemCoupon).returns.toEqualTypeOf<{
    readonly status: "applied" | "duplicate";
    readonly state: CouponState;
  }>();
  expectTypeOf(addGiftLines).returns.toEqualTypeOf<Basket>();
  expectTypeOf(selectPromotions).returns.toHaveProperty("programs").toEqualTypeOf<readonly Program[]>();
});
