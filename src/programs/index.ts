// Loyalty programs at the till: configuration, quote, checkout, refund.
export type {
  ActiveWindow,
  ClawbackPolicy,
  CouponRules,
  Earn,
  EarnRule,
  Eligibility,
  LineKind,
  Program,
  ProgramInput,
  ProgramKind,
  PromotionRule,
  Reward,
  SpendWindow,
  Tier,
} from "./program.js";
export type { Basket, BasketInput, BasketLine } from "./basket.js";
export type {
  CheckoutRecord,
  Explanation,
  PricedLine,
  Quote,
  RefundedLine,
  RefundRecord,
} from "./result.js";
export type {
  CatalogStock,
  ProgramAccount,
  ProgramRefund,
  ProgramSale,
  ProgramTotals,
} from "./account.js";
export { upgradeProgramAccount, type UpgradedProgramAccount } from "./upgradeProgramAccount.js";
export type { CheckoutOptions, Consent, QuoteOptions, RefundOptions } from "./options.js";
export { parseProgram, safeParseProgram } from "./parseProgram.js";
export { parseBasket, safeParseBasket } from "./parseBasket.js";
export { programJsonSchema } from "./programJsonSchema.js";
export { parseProgramAccount, safeParseProgramAccount } from "./parseProgramAccount.js";
export { openProgramAccount, type OpenProgramAccountOptions } from "./openProgramAccount.js";
export { openCatalogStock } from "./openCatalogStock.js";
export { parseCatalogStock, safeParseCatalogStock } from "./parseCatalogStock.js";
export { tierFor } from "./tierFor.js";
export { accumulatedSpend } from "./accumulatedSpend.js";
export { quote } from "./quote.js";
export { checkout, type CheckoutResult } from "./checkout.js";
export { refund, type RefundResult } from "./refund.js";
export { checkoutAll, type CheckoutAllOptions, type CheckoutAllResult } from "./checkoutAll.js";
export { addGiftLines } from "./promotions/addGiftLines.js";
export { generateCouponCodes, type GenerateCouponCodesOptions } from "./promotions/generateCouponCodes.js";
export { openCouponState } from "./promotions/openCouponState.js";
export { redeemCoupon, type RedeemCouponOptions } from "./promotions/redeemCoupon.js";
export { returnCoupon, type ReturnCouponOptions, type CouponStateChange } from "./promotions/returnCoupon.js";
export { issueCoupon, type IssueCouponOptions, type IssueCouponResult } from "./promotions/issueCoupon.js";
export type {
  CheckoutCoupon,
  CouponRedemption,
  CouponState,
  IssuedCoupon,
  NextOrderCoupon,
  RefundCoupon,
  RefundNextOrder,
} from "./promotions/couponState.js";
export {
  selectPromotions,
  type SelectPromotionsOptions,
  type SelectPromotionsResult,
} from "./promotions/selectPromotions.js";
export * from "./tiers/index.js";
export * from "./events/index.js";
export * from "./campaigns/index.js";
export * from "./referrals/index.js";
