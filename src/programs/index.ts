// Loyalty programs at the till: configuration, quote, checkout, refund.
export {
  ActiveWindowSchema,
  BonusProgramSchema,
  CardRewardSchema,
  CatalogProgramSchema,
  ClawbackPolicySchema,
  CouponRulesSchema,
  CumulativeProgramSchema,
  DiscountProgramSchema,
  EarnRuleSchema,
  EarnSchema,
  EligibilitySchema,
  FreeUnitRuleSchema,
  LineKindSchema,
  ProgramSchema,
  PromotionProgramSchema,
  PromotionRuleSchema,
  RedeemSchema,
  RewardGiftSchema,
  RewardSchema,
  SpendWindowSchema,
  StampsProgramSchema,
  TierSchema,
  WelcomeBonusSchema,
  type ActiveWindow,
  type ClawbackPolicy,
  type CouponRules,
  type Earn,
  type EarnRule,
  type Eligibility,
  type LineKind,
  type Program,
  type ProgramInput,
  type ProgramKind,
  type PromotionRule,
  type Reward,
  type SpendWindow,
  type Tier,
} from "./program.js";
export { BasketLineSchema, BasketSchema, type Basket, type BasketInput, type BasketLine } from "./basket.js";
export {
  CheckoutRecordSchema,
  ExplanationSchema,
  PricedLineSchema,
  QuoteSchema,
  RefundedLineSchema,
  RefundRecordSchema,
  type CheckoutRecord,
  type Explanation,
  type PricedLine,
  type Quote,
  type RefundedLine,
  type RefundRecord,
} from "./result.js";
export {
  CatalogStockSchema,
  ProgramAccountSchema,
  ProgramRefundSchema,
  ProgramSaleSchema,
  ProgramTotalsSchema,
  type CatalogStock,
  type ProgramAccount,
  type ProgramRefund,
  type ProgramSale,
  type ProgramTotals,
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
export { returnCoupon } from "./promotions/returnCoupon.js";
export { issueCoupon } from "./promotions/issueCoupon.js";
export type {
  CheckoutCoupon,
  CouponRedemption,
  CouponState,
  IssuedCoupon,
  NextOrderCoupon,
  RefundCoupon,
  RefundNextOrder,
} from "./promotions/couponState.js";
export { selectPromotions, type SelectPromotionsOptions } from "./promotions/selectPromotions.js";
export * from "./tiers/index.js";
export * from "./events/index.js";
export * from "./campaigns/index.js";
export * from "./referrals/index.js";
