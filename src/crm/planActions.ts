import { guardInputs } from "../core/guard.js";
import { Decimal } from "decimal.js";
import type { AbcClass } from "../analytics/abc.js";
import type { RfmSegment } from "../analytics/rfmSegments.js";
import type { BondType } from "../bonding/signals.js";
import { canContact, type ContactReason } from "../customers/canContact.js";
import type { ContactChannel, Customer } from "../customers/customer.js";
import { outOfQuietHours } from "../customers/_lib/quietHours.js";
import { assertTimeZone } from "../_lib/time.js";
import { invalid, parseInstant } from "../_lib/values.js";
import { holdoutDraw } from "./_lib/holdout.js";
import { parseStrategy } from "./parseStrategy.js";
import type { Strategy, StrategyAction, StrategyInput, StrategyRule } from "./strategy.js";

/**
 * One customer as {@link planActions} sees her: the parsed customer (for consent and addresses) and
 * whatever is known of her segment — leave out what you do not measure; a rule criterion on a missing
 * field never matches.
 *
 * @example
 * ```ts
 * import { parseCustomer, type CrmCustomer } from "loyalty-kit";
 * const row: CrmCustomer = { customer: parseCustomer({ id: "c-1" }), segment: "at-risk", abcClass: "A", pAlive: 0.4 };
 * console.log(row.segment); // at-risk
 * ```
 * @category crm
 */
export interface CrmCustomer {
  readonly customer: Customer;
  readonly segment?: RfmSegment;
  readonly abcClass?: AbcClass;
  readonly bond?: BondType;
  readonly stage?: string;
  readonly pAlive?: number;
}

/**
 * Options of {@link planActions}: the instant the plan is made for.
 *
 * @example
 * ```ts
 * import type { PlanActionsOptions } from "loyalty-kit";
 * const o: PlanActionsOptions = { at: "2026-04-01T09:00:00Z" };
 * console.log(o.at);
 * ```
 * @category crm
 */
export interface PlanActionsOptions {
  readonly at: string | Date;
}

/**
 * An action the plan gives a customer, with the rule that chose it. `channel` and `sendAt` are set
 * for contacts and offers (the first channel of the rule, or of the strategy, with marketing consent
 * in force; `sendAt` is `at` moved out of quiet hours); `cost` is a decimal string.
 *
 * @example
 * ```ts
 * import type { PlannedAction } from "loyalty-kit";
 * const a: PlannedAction = { customerId: "c-1", ruleId: "win-back", action: { type: "contact", kind: "win-back", cost: "0.10" }, channel: "email", sendAt: "2026-04-01T08:00:00.000Z", cost: "0.10", explain: "rule win-back: segment at-risk" };
 * console.log(a.channel); // email
 * ```
 * @category crm
 */
export interface PlannedAction {
  readonly customerId: string;
  readonly ruleId: string;
  readonly action: StrategyAction;
  readonly channel?: ContactChannel;
  readonly sendAt?: string;
  readonly cost: string;
  readonly explain: string;
}

/**
 * A customer a rule chose but who gets nothing: `over-budget` (the action would exceed what is left),
 * or `no-consented-channel` (no channel of the rule has marketing consent in force and an address;
 * `channels` says why for each).
 *
 * @example
 * ```ts
 * import type { SkippedAction } from "loyalty-kit";
 * const s: SkippedAction = { customerId: "c-2", ruleId: "win-back", reason: "over-budget", explain: "rule win-back: segment lost" };
 * console.log(s.reason);
 * ```
 * @category crm
 */
export interface SkippedAction {
  readonly customerId: string;
  readonly ruleId: string;
  readonly reason: "over-budget" | "no-consented-channel";
  readonly channels?: readonly { readonly channel: ContactChannel; readonly reason: ContactReason }[];
  readonly explain: string;
}

/**
 * The result of {@link planActions}. Every customer appears in exactly one of `actions`, `holdout`,
 * `skipped` and `unmatched`. `holdout` lists the customers the seeded draw kept out, each with the
 * rule that would have chosen her (`ruleId` undefined when none), so the review can compare like
 * with like.
 *
 * @example
 * ```ts
 * import type { ActionPlan } from "loyalty-kit";
 * const p: ActionPlan = { at: "2026-04-01T09:00:00.000Z", holdoutShare: 0.1, holdoutSeed: "q2", budget: "10", spent: "0", actions: [], holdout: [], skipped: [], unmatched: [] };
 * console.log(p.spent); // 0
 * ```
 * @category crm
 */
export interface ActionPlan {
  readonly at: string;
  readonly holdoutShare: number;
  readonly holdoutSeed: string;
  readonly budget: string;
  readonly spent: string;
  readonly actions: readonly PlannedAction[];
  readonly holdout: readonly { readonly customerId: string; readonly ruleId: string | undefined }[];
  readonly skipped: readonly SkippedAction[];
  readonly unmatched: readonly string[];
}

/** Why `rule` matches `row`, or undefined when it does not. */
function matchReason(rule: StrategyRule, row: CrmCustomer): string | undefined {
  const w = rule.when;
  const why: string[] = [];
  if (w.segments !== undefined) {
    if (row.segment === undefined || !w.segments.includes(row.segment)) return undefined;
    why.push(`segment ${row.segment}`);
  }
  if (w.abcClasses !== undefined) {
    if (row.abcClass === undefined || !w.abcClasses.includes(row.abcClass)) return undefined;
    why.push(`ABC class ${row.abcClass}`);
  }
  if (w.bonds !== undefined) {
    if (row.bond === undefined || !w.bonds.includes(row.bond)) return undefined;
    why.push(`bond ${row.bond}`);
  }
  if (w.stages !== undefined) {
    if (row.stage === undefined || !w.stages.includes(row.stage)) return undefined;
    why.push(`stage ${row.stage}`);
  }
  if (w.pAlive !== undefined) {
    const p = row.pAlive;
    if (p === undefined) return undefined;
    if (w.pAlive.min !== undefined && p < w.pAlive.min) return undefined;
    if (w.pAlive.max !== undefined && p > w.pAlive.max) return undefined;
    why.push(`P(alive) ${p} in [${w.pAlive.min ?? 0}, ${w.pAlive.max ?? 1}]`);
  }
  return `rule ${rule.id}: ${why.length === 0 ? "matches everyone" : why.join(", ")}`;
}

function checkRow(row: unknown, i: number): CrmCustomer {
  if (typeof row !== "object" || row === null)
    invalid([i], "expected { customer, segment?, abcClass?, bond?, stage?, pAlive? }", "planActions");
  const r = row as CrmCustomer;
  if (typeof r.customer !== "object" || r.customer === null || typeof r.customer.id !== "string")
    invalid([i, "customer"], "expected a parsed customer: pass it through parseCustomer first", "planActions");
  if (r.pAlive !== undefined && !(typeof r.pAlive === "number" && r.pAlive >= 0 && r.pAlive <= 1))
    invalid([i, "pAlive"], `expected a probability from 0 to 1, got ${String(r.pAlive)}`, "planActions");
  return r;
}

/**
 * Turns a strategy into a plan: who gets which action, through which consented channel, when (out of
 * quiet hours), within the budget, each with the rule that chose it and why.
 *
 * Steps: (1) a seeded draw puts each customer in the holdout with probability `holdout.share` — the
 * draw depends only on the seed and the customer id, so the same seed keeps the same customers out of
 * any list; (2) the first rule whose criteria all match chooses the action; (3) contacts and offers
 * take the first channel, in the rule's order (or the strategy's), with marketing consent in force at
 * `at` (via {@link canContact}); (4) the budget is spent rule by rule in strategy order, and within a
 * rule in list order — an action that would exceed what is left is skipped, not cut.
 * De-selection and "nothing" cost nothing and need no channel.
 *
 * Measuring against a holdout that got nothing is the randomized control of direct marketing: the
 * difference between treated and held-out customers is the effect of the action (Kohavi, Tang, Xu,
 * "Trustworthy Online Controlled Experiments", 2020).
 *
 * @param customers - {@link CrmCustomer} rows; customer ids must be unique.
 * @param strategy - A {@link StrategyInput} (parsed with {@link parseStrategy}) or a parsed strategy.
 * @param options - `at`: the instant the plan is made for.
 * @returns A frozen {@link ActionPlan}.
 * @throws {LoyaltyValidationError} when the strategy, a row or `at` is invalid, the time zone is
 *   unknown, or a customer id repeats.
 * @example
 * ```ts
 * import { parseCustomer, planActions } from "loyalty-kit";
 * const consent = [
 *   { purpose: "personal-data", status: "given", at: "2026-01-05T10:00:00Z", method: "web" },
 *   { purpose: "marketing", channel: "email", status: "given", at: "2026-01-05T10:00:00Z", method: "web" },
 * ] as const;
 * const ana = parseCustomer({ id: "ana", contact: { email: "ana@example.com" }, consents: [...consent] });
 * const ben = parseCustomer({ id: "ben" });
 * const plan = planActions(
 *   [{ customer: ana, segment: "at-risk" }, { customer: ben, segment: "at-risk" }],
 *   { timeZone: "UTC", quietHours: { start: "21:00", end: "08:00" }, budget: "5", holdout: { share: 0, seed: "demo" },
 *     rules: [{ id: "win-back", when: { segments: ["at-risk"] }, action: { type: "contact", kind: "win-back", cost: "0.10" } }] },
 *   { at: "2026-04-01T22:00:00Z" },
 * );
 * console.log(plan.actions[0]?.channel, plan.actions[0]?.sendAt); // email 2026-04-02T08:00:00.000Z
 * console.log(plan.skipped[0]?.reason); // no-consented-channel
 * ```
 * @category crm
 */
export function planActions(
  customers: readonly CrmCustomer[],
  strategy: StrategyInput | Strategy,
  options: PlanActionsOptions,
): ActionPlan {
  return guardInputs("planActions", { customers, strategy, options }, () =>
    planActionsUnguarded(customers, strategy, options),
  );
}

function planActionsUnguarded(
  customers: readonly CrmCustomer[],
  strategy: StrategyInput | Strategy,
  options: PlanActionsOptions,
): ActionPlan {
  if (!Array.isArray(customers)) invalid([], "expected an array of { customer, segment?, … } rows", "planActions");
  if (typeof options !== "object" || options === null) invalid(["options"], "expected { at }", "planActions");
  const atMs = parseInstant(options.at, "at");
  const s = parseStrategy(strategy);
  assertTimeZone(s.timeZone);

  const seen = new Set<string>();
  const rows = customers.map((row, i) => {
    const r = checkRow(row, i);
    if (seen.has(r.customer.id))
      invalid(
        [i, "customer", "id"],
        `duplicate customer id ${JSON.stringify(r.customer.id)}: list each customer once`,
        "planActions",
      );
    seen.add(r.customer.id);
    return r;
  });

  const holdout: { customerId: string; ruleId: string | undefined }[] = [];
  const unmatched: string[] = [];
  // Chosen rows per rule index, in list order.
  const chosen: { row: CrmCustomer; why: string }[][] = s.rules.map(() => []);
  for (const row of rows) {
    let ruleIndex = -1;
    let why = "";
    for (const [k, rule] of s.rules.entries()) {
      const m = matchReason(rule, row);
      if (m !== undefined) {
        ruleIndex = k;
        why = m;
        break;
      }
    }
    if (s.holdout.share > 0 && holdoutDraw(s.holdout.seed, row.customer.id) < s.holdout.share) {
      holdout.push({ customerId: row.customer.id, ruleId: ruleIndex < 0 ? undefined : s.rules[ruleIndex]?.id });
    } else if (ruleIndex < 0) unmatched.push(row.customer.id);
    else chosen[ruleIndex]?.push({ row, why });
  }

  const budget = new Decimal(s.budget);
  let spent = new Decimal(0);
  const sendAt = new Date(outOfQuietHours(atMs, s.quietHours, s.timeZone)).toISOString();
  const actions: PlannedAction[] = [];
  const skipped: SkippedAction[] = [];
  for (const [k, rule] of s.rules.entries()) {
    const action = rule.action;
    for (const { row, why } of chosen[k] ?? []) {
      const customerId = row.customer.id;
      if (action.type === "nothing" || action.type === "deselect") {
        actions.push({ customerId, ruleId: rule.id, action, cost: "0", explain: why });
        continue;
      }
      let channel: ContactChannel | undefined;
      const refusals: { channel: ContactChannel; reason: ContactReason }[] = [];
      if (action.type !== "perk") {
        for (const c of action.channels ?? s.channels) {
          const d = canContact(row.customer, c, { at: new Date(atMs), purpose: "marketing" });
          if (d.allowed) {
            channel = c;
            break;
          }
          refusals.push({ channel: c, reason: d.reason });
        }
        if (channel === undefined) {
          skipped.push({
            customerId,
            ruleId: rule.id,
            reason: "no-consented-channel",
            channels: refusals,
            explain: why,
          });
          continue;
        }
      }
      const cost = new Decimal(action.cost);
      if (spent.plus(cost).gt(budget)) {
        skipped.push({ customerId, ruleId: rule.id, reason: "over-budget", explain: why });
        continue;
      }
      spent = spent.plus(cost);
      actions.push(
        channel === undefined
          ? { customerId, ruleId: rule.id, action, cost: cost.toString(), explain: why }
          : { customerId, ruleId: rule.id, action, channel, sendAt, cost: cost.toString(), explain: why },
      );
    }
  }

  return Object.freeze({
    at: new Date(atMs).toISOString(),
    holdoutShare: s.holdout.share,
    holdoutSeed: s.holdout.seed,
    budget: budget.toString(),
    spent: spent.toString(),
    actions: Object.freeze(actions.map((a) => Object.freeze(a))),
    holdout: Object.freeze(holdout.map((h) => Object.freeze(h))),
    skipped: Object.freeze(skipped.map((x) => Object.freeze(x))),
    unmatched: Object.freeze(unmatched),
  });
}
