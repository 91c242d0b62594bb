// Loyalty measurement: survey, NPS, frequency, share of purchases, retention,
// cohorts, stages, types, the nine signs, Dick & Basu, word of mouth, retention economics.
export * from "./nps.js";
export * from "./wilsonInterval.js";
export {
  parseSurveyResponses,
  safeParseSurveyResponses,
  surveyResponsesJsonSchema,
  surveySummary,
  type SurveyResponse,
  type BuyAgainScale,
  type NpsGroupCounts,
  type SurveySummary,
} from "./surveySummary.js";
export {
  parseRetentionCounts,
  safeParseRetentionCounts,
  retentionRate,
  churnRate,
  type RetentionCounts,
} from "./retentionRate.js";
export {
  parsePurchaseRecords,
  safeParsePurchaseRecords,
  type PurchaseRecord,
  type PurchaseRecordInput,
} from "./purchaseRecord.js";
export * from "./repeatPurchaseRate.js";
export * from "./cohortRetention.js";
export {
  LOYAL_SIGNS,
  parseLoyalSignsObservations,
  safeParseLoyalSignsObservations,
  loyalSigns,
  type LoyalSignKey,
  type LoyalSignsObservations,
  type LoyalSignsResult,
} from "./loyalSigns.js";
export {
  LOYALTY_STAGES,
  parseLoyaltyStageObservations,
  safeParseLoyaltyStageObservations,
  loyaltyStage,
  type LoyaltyStage,
  type LoyaltyStageObservations,
  type LoyaltyStageEvidence,
  type LoyaltyStageResult,
} from "./loyaltyStage.js";
export {
  parseLoyaltyTypeObservations,
  safeParseLoyaltyTypeObservations,
  loyaltyType,
  type LoyaltyTypeObservations,
  type LoyaltyTypeName,
  type LoyaltyTypeScores,
} from "./loyaltyType.js";
export {
  parseDickBasuInput,
  safeParseDickBasuInput,
  dickBasu,
  type DickBasuInput,
  type DickBasuSegment,
  type DickBasuResult,
} from "./dickBasu.js";
export {
  parseWordOfMouthInput,
  safeParseWordOfMouthInput,
  wordOfMouthReach,
  type WordOfMouthInput,
  type WordOfMouthOptions,
  type WordOfMouthReach,
} from "./wordOfMouthReach.js";
export {
  parsePurchaseFrequencyOptions,
  safeParsePurchaseFrequencyOptions,
  purchaseFrequencyIndex,
  type PurchaseFrequencyOptions,
  type ParsedPurchaseFrequencyOptions,
  type PurchaseFrequency,
} from "./purchaseFrequencyIndex.js";
export {
  parseShareOfPurchasesRows,
  safeParseShareOfPurchasesRows,
  shareOfPurchases,
  shareOfPurchasesByCustomer,
  type PurchaseAmountInput,
  type ShareOfPurchasesRow,
  type ParsedShareOfPurchasesRow,
  type PurchaseShare,
  type ShareOfPurchasesSummary,
} from "./shareOfPurchases.js";
export {
  parseRetentionEconomicsInput,
  safeParseRetentionEconomicsInput,
  retentionEconomics,
  type RetentionEconomicsInput,
  type ParsedRetentionEconomicsInput,
  type RetentionEconomics,
} from "./retentionEconomics.js";
