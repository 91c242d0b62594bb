/**
 * The zod schemas behind every `parse*` / `safeParse*` function, for composing them into your own
 * zod schemas (they are `zod/mini` schemas, zod 4). Kept on their own subpath so that zod's types are
 * not part of the root entry point's signatures: most users need only `parseProgram`, `parseAccount`,
 * … and the JSON Schema getters, which stay on the root and on each module's subpath.
 *
 * @module loyalty-kit/schemas
 */
export { BondingProfileSchema } from "../bonding/profile.js";
export { BondingActionSchema, BondingRulesSchema } from "../bonding/rules.js";
export {
  ComplaintContextSchema,
  ComplaintEventSchema,
  ComplaintSchema,
  OpenComplaintInputSchema,
  OpenRecordSchema,
} from "../complaints/schema.js";
export { SlaPolicySchema } from "../complaints/slaPolicySchema.js";
export { ContactPlanOptionsSchema } from "../customers/contactPlan.js";
export {
  BarcodeIdentifierSchema,
  ConsentStatementSchema,
  ContactChannelSchema,
  CustomerIdentifierSchema,
  CustomerSchema,
  MagneticIdentifierSchema,
  PhoneIdentifierSchema,
} from "../customers/customer.js";
export { PerkRuleSchema } from "../customers/perkRuleSchema.js";
export {
  AccountSchema,
  AccountSettingsSchema,
  AdjustEntrySchema,
  CaptureEntrySchema,
  DebitSchema,
  EarnEntrySchema,
  EntrySchema,
  ExpireEntrySchema,
  HoldEntrySchema,
  HoldSchema,
  LotSchema,
  MetaSchema,
  RedeemEntrySchema,
  ReleaseEntrySchema,
  ReverseEntrySchema,
  ShortfallPolicySchema,
  CheckpointSchema,
} from "../ledger/schemas.js";
export { LedgerHistoryRecordSchema } from "../ledger/history.js";
export {
  BuyAgainScaleSchema,
  DickBasuInputSchema,
  LoyalSignsObservationsSchema,
  LoyaltyStageObservationsSchema,
  LoyaltyTypeObservationsSchema,
  PurchaseRecordSchema,
  PurchaseRecordsSchema,
  RetentionCountsSchema,
  SurveyResponseSchema,
  SurveyResponsesSchema,
  WordOfMouthInputSchema,
  WordOfMouthOptionsSchema,
} from "../measurement/schemas.js";
export { PurchaseFrequencyOptionsSchema } from "../measurement/purchaseFrequencyIndex.js";
export { RetentionEconomicsInputSchema } from "../measurement/retentionEconomics.js";
export { PurchaseAmountSchema, ShareOfPurchasesRowSchema } from "../measurement/shareOfPurchases.js";
export { MoneyJsonSchema } from "../money/json.js";
export {
  CatalogStockSchema,
  ProgramAccountSchema,
  ProgramRefundSchema,
  ProgramSaleSchema,
  ProgramTotalsSchema,
} from "../programs/account.js";
export { BasketLineSchema, BasketSchema } from "../programs/basket.js";
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
} from "../programs/program.js";
export {
  CheckoutRecordSchema,
  ExplanationSchema,
  PricedLineSchema,
  QuoteSchema,
  RefundRecordSchema,
  RefundedLineSchema,
} from "../programs/result.js";
export {
  TierActivitySchema,
  TierHistorySchema,
  TierLevelSchema,
  TierPolicySchema,
  TierRetentionSchema,
  TierWindowSchema,
} from "../programs/tiers/tierPolicy.js";
export { EventCapSchema, EventRulesSchema } from "../programs/events/eventRules.js";
export { TimedMultiplierSchema, TimedMultipliersSchema } from "../programs/campaigns/timedMultiplier.js";
export { ReferralRulesSchema } from "../programs/referrals/referralRules.js";
export { StrategySchema } from "../crm/strategy.js";
