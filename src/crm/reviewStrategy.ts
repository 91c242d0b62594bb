import { guardInputs } from "../core/guard.js";
import { Decimal } from "decimal.js";
import { RFM_SEGMENTS, type RfmSegment } from "../analytics/rfmSegments.js";
import { DECIMAL_PATTERN, invalid } from "../_lib/values.js";
import type { ActionPlan } from "./planActions.js";

/**
 * The state before the period: the plan that was carried out and each customer's segment when it was
 * made.
 *
 * @example
 * ```ts
 * import type { ReviewBefore } from "loyalty-kit";
 * const b: ReviewBefore = { plan: { at: "2026-01-01T00:00:00.000Z", holdoutShare: 0, holdoutSeed: "s", budget: "0", spent: "0", actions: [], holdout: [], skipped: [], unmatched: [] }, segments: [{ customerId: "ana", segment: "at-risk" }] };
 * console.log(b.segments.length); // 1
 * ```
 * @category crm
 */
export interface ReviewBefore {
  readonly plan: ActionPlan;
  readonly segments: readonly { readonly customerId: string; readonly segment: RfmSegment }[];
}

/**
 * What a customer did during the period: her orders, her spend (decimal string) and her segment at
 * its end. A customer of `before` missing here counts as not retained, with no spend.
 *
 * @example
 * ```ts
 * import type { ReviewAfterRow } from "loyalty-kit";
 * const r: ReviewAfterRow = { customerId: "ana", orders: 2, spend: "31.50", segment: "loyal" };
 * console.log(r.orders); // 2
 * ```
 * @category crm
 */
export interface ReviewAfterRow {
  readonly customerId: string;
  readonly orders: number;
  readonly spend: string;
  readonly segment?: RfmSegment;
}

/**
 * Retention and spend of a group: `retention` = retained / customers (null for an empty group),
 * `spendPerCustomer` a decimal string rounded to 2 places.
 *
 * @example
 * ```ts
 * import type { GroupOutcome } from "loyalty-kit";
 * const g: GroupOutcome = { customers: 4, retained: 1, retention: 0.25, spend: "10", spendPerCustomer: "2.50" };
 * console.log(g.retention); // 0.25
 * ```
 * @category crm
 */
export interface GroupOutcome {
  readonly customers: number;
  readonly retained: number;
  readonly retention: number | null;
  readonly spend: string;
  readonly spendPerCustomer: string | null;
}

/**
 * One rule's review: those who received its action vs the holdout customers the same rule would have
 * chosen. `retentionLift` = treated − holdout retention (null when either group is empty);
 * `costPerRetained` = cost / treated customers retained; `costPerExtraRetained` = cost / (lift ×
 * treated customers), the cost of each customer kept who would otherwise have gone (null unless the
 * lift is positive).
 *
 * @example
 * ```ts
 * import type { RuleReview } from "loyalty-kit";
 * const empty = { customers: 0, retained: 0, retention: null, spend: "0", spendPerCustomer: null };
 * const r: RuleReview = { ruleId: "win-back", treated: empty, holdout: empty, cost: "0", retentionLift: null, costPerRetained: null, costPerExtraRetained: null };
 * console.log(r.ruleId);
 * ```
 * @category crm
 */
export interface RuleReview {
  readonly ruleId: string;
  readonly treated: GroupOutcome;
  readonly holdout: GroupOutcome;
  readonly cost: string;
  readonly retentionLift: number | null;
  readonly costPerRetained: string | null;
  readonly costPerExtraRetained: string | null;
}

/**
 * The result of {@link reviewStrategy}.
 *
 * - `transitions`: counts of customers moving from each segment (before) to each segment at the end
 *   of the period, or to `"absent"` when no end segment is known; only non-zero cells, in
 *   {@link RFM_SEGMENTS} order.
 * - `bySegment`: outcome per segment at the start, in {@link RFM_SEGMENTS} order, empty ones left out.
 * - `byRule`: per rule of the plan, treated vs holdout, in order of first appearance in the plan.
 *
 * @example
 * ```ts
 * import type { StrategyReview } from "loyalty-kit";
 * const r: StrategyReview = { transitions: [{ from: "at-risk", to: "loyal", customers: 3 }], bySegment: [], byRule: [] };
 * console.log(r.transitions[0]?.to); // loyal
 * ```
 * @category crm
 */
export interface StrategyReview {
  readonly transitions: readonly {
    readonly from: RfmSegment;
    readonly to: RfmSegment | "absent";
    readonly customers: number;
  }[];
  readonly bySegment: readonly ({ readonly segment: RfmSegment } & GroupOutcome)[];
  readonly byRule: readonly RuleReview[];
}

interface Tally {
  customers: number;
  retained: number;
  spend: Decimal;
}

function outcome(t: Tally): GroupOutcome {
  return Object.freeze({
    customers: t.customers,
    retained: t.retained,
    retention: t.customers === 0 ? null : t.retained / t.customers,
    spend: t.spend.toString(),
    spendPerCustomer: t.customers === 0 ? null : t.spend.div(t.customers).toFixed(2),
  });
}

const tally = (): Tally => ({ customers: 0, retained: 0, spend: new Decimal(0) });

/**
 * Checks afterwards whether a plan worked (step 4 of the CRM cycle): how customers moved between
 * segments over the period, retention and spend per starting segment, and per rule for the customers
 * who received its action against the seeded holdout that the same rule would have chosen — the
 * difference is the action's effect, and its cost per customer retained.
 *
 * A customer is retained when she ordered at least once in the period. Customers the plan skipped
 * or left unmatched count in the transitions and segments but in no rule.
 *
 * @param before - The plan and the starting segments ({@link ReviewBefore}).
 * @param after - One {@link ReviewAfterRow} per customer active or re-segmented in the period.
 * @returns A frozen {@link StrategyReview}.
 * @throws {LoyaltyValidationError} when a customer repeats, a segment is unknown, orders is not a
 *   non-negative integer, or spend is not a non-negative decimal string.
 * @example
 * ```ts
 * import { reviewStrategy } from "loyalty-kit";
 * const plan = {
 *   at: "2026-01-01T00:00:00.000Z", holdoutShare: 0.5, holdoutSeed: "s", budget: "1", spent: "0.2", skipped: [], unmatched: [],
 *   actions: [
 *     { customerId: "a", ruleId: "win-back", action: { type: "nothing" as const }, cost: "0.1", explain: "" },
 *     { customerId: "b", ruleId: "win-back", action: { type: "nothing" as const }, cost: "0.1", explain: "" },
 *   ],
 *   holdout: [{ customerId: "c", ruleId: "win-back" }, { customerId: "d", ruleId: "win-back" }],
 * };
 * const segments = ["a", "b", "c", "d"].map((customerId) => ({ customerId, segment: "at-risk" as const }));
 * const r = reviewStrategy({ plan, segments }, [
 *   { customerId: "a", orders: 1, spend: "20", segment: "loyal" },
 *   { customerId: "b", orders: 1, spend: "10", segment: "need-attention" },
 *   { customerId: "c", orders: 1, spend: "15", segment: "loyal" },
 * ]);
 * const rule = r.byRule[0];
 * console.log(rule?.treated.retention, rule?.holdout.retention, rule?.costPerExtraRetained); // 1 0.5 0.20
 * ```
 * @category crm
 */
export function reviewStrategy(before: ReviewBefore, after: readonly ReviewAfterRow[]): StrategyReview {
  return guardInputs("reviewStrategy", { before, after }, () => reviewStrategyUnguarded(before, after));
}

function reviewStrategyUnguarded(before: ReviewBefore, after: readonly ReviewAfterRow[]): StrategyReview {
  if (
    typeof before !== "object" ||
    before === null ||
    !Array.isArray(before.segments) ||
    typeof before.plan !== "object"
  )
    invalid(
      ["before"],
      "expected { plan, segments }: the plan from planActions and the starting segments",
      "reviewStrategy",
    );
  if (!Array.isArray(after))
    invalid(["after"], "expected an array of { customerId, orders, spend, segment? }", "reviewStrategy");

  const start = new Map<string, RfmSegment>();
  for (const [i, row] of before.segments.entries()) {
    if (!(RFM_SEGMENTS as readonly unknown[]).includes(row?.segment))
      invalid(["before", "segments", i, "segment"], `expected one of ${RFM_SEGMENTS.join(", ")}`, "reviewStrategy");
    if (start.has(row.customerId))
      invalid(
        ["before", "segments", i, "customerId"],
        `duplicate customer ${JSON.stringify(row.customerId)}: list each once`,
        "reviewStrategy",
      );
    start.set(row.customerId, row.segment);
  }
  const end = new Map<string, { retained: boolean; spend: Decimal; segment: RfmSegment | undefined }>();
  for (const [i, row] of after.entries()) {
    const path = ["after", i];
    if (typeof row !== "object" || row === null || typeof row.customerId !== "string")
      invalid(path, "expected { customerId, orders, spend, segment? }", "reviewStrategy");
    if (!Number.isSafeInteger(row.orders) || row.orders < 0)
      invalid([...path, "orders"], `expected a non-negative integer, got ${String(row.orders)}`, "reviewStrategy");
    if (typeof row.spend !== "string" || !DECIMAL_PATTERN.test(row.spend) || row.spend.startsWith("-"))
      invalid([...path, "spend"], 'expected a non-negative decimal string such as "12.50"', "reviewStrategy");
    if (row.segment !== undefined && !(RFM_SEGMENTS as readonly unknown[]).includes(row.segment))
      invalid([...path, "segment"], `expected one of ${RFM_SEGMENTS.join(", ")}`, "reviewStrategy");
    if (end.has(row.customerId))
      invalid(
        [...path, "customerId"],
        `duplicate customer ${JSON.stringify(row.customerId)}: list each once`,
        "reviewStrategy",
      );
    end.set(row.customerId, { retained: row.orders > 0, spend: new Decimal(row.spend), segment: row.segment });
  }
  const endOf = (id: string) => end.get(id) ?? { retained: false, spend: new Decimal(0), segment: undefined };
  const add = (t: Tally, id: string) => {
    const e = endOf(id);
    t.customers += 1;
    if (e.retained) t.retained += 1;
    t.spend = t.spend.plus(e.spend);
  };

  const cells = new Map<string, number>();
  const segTally = new Map<RfmSegment, Tally>();
  for (const [id, from] of start) {
    const to = endOf(id).segment ?? "absent";
    const key = `${from}\u0000${to}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    const t = segTally.get(from) ?? tally();
    segTally.set(from, t);
    add(t, id);
  }
  const order = [...RFM_SEGMENTS, "absent"] as const;
  const transitions = [];
  for (const from of RFM_SEGMENTS)
    for (const to of order) {
      const n = cells.get(`${from}\u0000${to}`);
      if (n !== undefined) transitions.push(Object.freeze({ from, to, customers: n }));
    }
  const bySegment = RFM_SEGMENTS.flatMap((segment) => {
    const t = segTally.get(segment);
    return t === undefined ? [] : [Object.freeze({ segment, ...outcome(t) })];
  });

  const rules = new Map<string, { treated: Tally; holdout: Tally; cost: Decimal }>();
  const ruleOf = (id: string) => {
    const r = rules.get(id) ?? { treated: tally(), holdout: tally(), cost: new Decimal(0) };
    rules.set(id, r);
    return r;
  };
  for (const a of before.plan.actions) {
    const r = ruleOf(a.ruleId);
    add(r.treated, a.customerId);
    r.cost = r.cost.plus(a.cost);
  }
  for (const h of before.plan.holdout) if (h.ruleId !== undefined) add(ruleOf(h.ruleId).holdout, h.customerId);
  const byRule = [...rules].map(([ruleId, r]): RuleReview => {
    const treated = outcome(r.treated);
    const holdout = outcome(r.holdout);
    const lift =
      treated.retention === null || holdout.retention === null ? null : treated.retention - holdout.retention;
    const extra = lift === null ? 0 : lift * r.treated.customers;
    return Object.freeze({
      ruleId,
      treated,
      holdout,
      cost: r.cost.toString(),
      retentionLift: lift,
      costPerRetained: r.treated.retained === 0 ? null : r.cost.div(r.treated.retained).toFixed(2),
      costPerExtraRetained: extra > 1e-12 ? r.cost.div(extra).toFixed(2) : null,
    });
  });
  return Object.freeze({
    transitions: Object.freeze(transitions),
    bySegment: Object.freeze(bySegment),
    byRule: Object.freeze(byRule),
  });
}
