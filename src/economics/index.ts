// Program economics: what a loyalty program owes (points liability) and how much of it will be
// redeemed (chain-ladder development of issued points). Pure functions over ledger data.
export { chainLadder, type ChainLadderOptions, type ChainLadderResult } from "./chainLadder.js";
export {
  pointsLiability,
  type LiabilityFigure,
  type LiabilityHistory,
  type PointsLiability,
  type PointsLiabilityOptions,
} from "./pointsLiability.js";
export {
  breakageTriangle,
  type BreakageCell,
  type BreakageTriangle,
  type BreakageTriangleOptions,
} from "./breakageTriangle.js";
export {
  programEffect,
  type EffectEstimate,
  type ProgramEffect,
  type ProgramEffectOptions,
  type ProgramEffectPurchase,
} from "./programEffect.js";
export {
  simulateProgram,
  type ProgramSimulation,
  type SimulatedFigures,
  type SimulatedSale,
  type SimulateProgramOptions,
} from "./simulateProgram.js";
export {
  programFigures,
  type FigureSale,
  type PeriodFigures,
  type ProgramFiguresOptions,
} from "./programFigures.js";
export { mergeSimulations } from "./mergeSimulations.js";
export {
  newCustomersEffect,
  type NewCustomersEffect,
  type NewCustomersEffectOptions,
  type NewCustomersPeriod,
} from "./newCustomersEffect.js";
