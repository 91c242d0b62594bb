// The CRM cycle (steps 3 and 4): a strategy as data, a plan from segments, and its review.
export type {
  Strategy,
  StrategyInput,
  StrategyRule,
  StrategyAction,
} from "./strategy.js";
export { parseStrategy, safeParseStrategy } from "./parseStrategy.js";
export {
  planActions,
  type CrmCustomer,
  type PlanActionsOptions,
  type PlannedAction,
  type SkippedAction,
  type ActionPlan,
} from "./planActions.js";
export {
  reviewStrategy,
  type ReviewBefore,
  type ReviewAfterRow,
  type GroupOutcome,
  type RuleReview,
  type StrategyReview,
} from "./reviewStrategy.js";
