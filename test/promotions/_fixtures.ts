// Promotions as a shop would write them (EUR, Berlin, active from 2026).
import { parseProgram, type Program, type PromotionRule } from "../../src/index.js";
import { common } from "../programs/_fixtures.js";

export { basket, common, eur } from "../programs/_fixtures.js";

export function promotion(id: string, rule: unknown, extra: Record<string, unknown> = {}): Program {
  return parseProgram({ ...common, kind: "promotion", id, name: id, rule: rule as PromotionRule, ...extra });
}
