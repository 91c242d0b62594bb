export * from "./lifetime/index.js";
export type { ValueLike, ValueOptions } from "./_lib/values.js";
export { pareto, type ParetoOptions, type ParetoResult } from "./pareto.js";
export { paretoShareFor, type ParetoShareOptions, type ParetoShareResult } from "./paretoShareFor.js";
export { abc, type AbcClass, type AbcClassSummary, type AbcOptions, type AbcResult } from "./abc.js";
export { lorenz, type LorenzCurve, type LorenzOptions, type LorenzPoint } from "./lorenz.js";
export { gini, type GiniOptions } from "./gini.js";
export {
  rfmAccumulator,
  type RfmAccumulator,
  type RfmAccumulatorState,
  type RfmOptions,
  type RfmRow,
  type RfmTransaction,
} from "./rfmAccumulator.js";
export { rfmSummary, type RfmColumns } from "./rfmSummary.js";
export { rfmScores, type RfmScore, type RfmScoreInput, type RfmScoreOptions } from "./rfmScores.js";
export { rfmSegments, RFM_SEGMENTS, RFM_SEGMENT_GRID, type RfmSegment, type RfmSegmentRow } from "./rfmSegments.js";
export {
  customerValue,
  type CustomerActivity,
  type CustomerNetValue,
  type CustomerValueOptions,
} from "./customerValue.js";
export {
  deselectionCandidates,
  type DeselectionCandidate,
  type DeselectionOptions,
  type DeselectionReason,
} from "./deselectionCandidates.js";
export {
  totalsAccumulator,
  type CustomerTotal,
  type TotalsAccumulator,
  type TotalsAccumulatorState,
} from "./totalsAccumulator.js";
export { purchasesFrom, type PurchasesFromOptions, type PurchasesFromResult } from "./purchasesFrom.js";
