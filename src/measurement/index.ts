// Loyalty measurement: survey, NPS, frequency, share of purchases, retention,
// cohorts, stages, types, the nine signs, Dick & Basu, word of mouth, retention economics.
export * from "./nps.js";
export * from "./wilsonInterval.js";
export * from "./surveySummary.js";
export * from "./retentionRate.js";
export * from "./purchaseRecord.js";
export * from "./repeatPurchaseRate.js";
export * from "./cohortRetention.js";
export * from "./loyalSigns.js";
export * from "./loyaltyStage.js";
export * from "./loyaltyType.js";
export * from "./dickBasu.js";
export * from "./wordOfMouthReach.js";
export * from "./purchaseFrequencyIndex.js";
export * from "./shareOfPurchases.js";
export * from "./retentionEconomics.js";
