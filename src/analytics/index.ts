export * from "./lifetime/index.js";
export type { ValueLike, ValueOptions } from "./_lib/values.js";
export { pareto, type ParetoOptions, type ParetoResult } from "./pareto.js";
export { paretoShareFor, type ParetoShareOptions, type ParetoShareResult } from "./paretoShareFor.js";
export { abc, type AbcClass, type AbcClassSummary, type AbcOptions, type AbcResult } from "./abc.js";
export { lorenz, type LorenzCurve, type LorenzOptions, type LorenzPoint } from "./lorenz.js";
export { gini, type GiniOptions } from "./gini.js";
export { rfmAccumulator, type RfmAccumulator, type RfmAccumulatorState, type RfmOptions, type RfmRow, type RfmTransaction } from "./rfmAccumulator.js";
export { rfmSummary, type RfmColumns } from "./rfmSummary.js";
