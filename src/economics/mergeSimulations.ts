import { guardInputs } from "../core/guard.js";
import { previewValue } from "../_lib/values.js";
import { invalid } from "../core/invalid.js";
import { type MoneyJson, toJSON } from "../money/json.js";
import { Decimal, money } from "../money/money.js";
import { round } from "../money/round.js";
import type { ProgramSimulation, SimulatedFigures } from "./simulateProgram.js";

/**
 * Merges the results of {@link simulateProgram} run on shards of the same sales split by customer
 * (every customer's sales in exactly one shard), giving what one run over all the sales gives.
 *
 * Counts, money and points are added exactly (the shards' money figures are sums of minor units, so
 * their sum is exact), periods and groups are merged by label, and the liability is recomputed from
 * the merged outstanding points and the point value. The `accounts` of runs with `keepAccounts` are
 * concatenated when every part has them, and left out otherwise. Customer counts add up only because no customer
 * is in two shards: split by customer id (the redemption draws are seeded per customer, so a customer
 * gets the same draws in any shard).
 *
 * @param parts - Simulations of the same program, `at`, currency and point value. Not mutated.
 * @param options - none yet; reserved.
 * @returns A frozen {@link ProgramSimulation}.
 * @throws {LoyaltyValidationError} when `parts` is empty or the parts differ in program, `at`, currency
 *   or point value (naming the first part that differs).
 * @category economics
 * @example
 * ```ts
 * import { mergeSimulations, simulateProgram, type ProgramInput } from "loyalty-kit";
 * const program: ProgramInput = { kind: "discount", id: "card", name: "5% card", currency: "EUR", timeZone: "UTC",
 *   active: { from: "2026-01-01T00:00:00Z" }, percent: "5" };
 * const sale = (customerId: string, at: string, amount: string) =>
 *   ({ customerId, basket: { id: customerId, at, lines: [{ id: "1", sku: "A", quantity: 1, unitPrice: { amount, currency: "EUR" } }] } });
 * const options = { at: "2026-03-01T00:00:00Z" };
 * const merged = mergeSimulations([
 *   simulateProgram(program, [sale("ann", "2026-01-05T10:00:00Z", "40.00")], options),
 *   simulateProgram(program, [sale("bob", "2026-02-05T10:00:00Z", "60.00")], options),
 * ]);
 * console.log(merged.customers, merged.discounts.amount); // 2 5.00
 * ```
 */
export function mergeSimulations(
  parts: readonly ProgramSimulation[],
  options: Readonly<Record<string, never>> = {},
): ProgramSimulation {
  return guardInputs("mergeSimulations", { parts, options }, () => mergeSimulationsUnguarded(parts, options));
}

function mergeSimulationsUnguarded(
  parts: readonly ProgramSimulation[],
  options: Readonly<Record<string, never>> = {},
): ProgramSimulation {
  void options;
  const fail = (path: (string | number)[], message: string): never => invalid(path, message, "mergeSimulations");
  if (!Array.isArray(parts) || parts.length === 0) fail([], "expected a non-empty array of simulateProgram results");
  for (let i = 0; i < parts.length; i++) {
    const p: unknown = parts[i]; // a for loop, not forEach: a hole in a sparse array is checked too
    if (!isSimulation(p)) fail([i], `expected a simulateProgram result, got ${previewValue(p)}`);
  }
  const first = parts[0] as ProgramSimulation;
  const currency = first.gross.currency;
  parts.forEach((p, i) => {
    const same =
      p.programId === first.programId &&
      p.at === first.at &&
      p.gross.currency === currency &&
      JSON.stringify(p.pointValue) === JSON.stringify(first.pointValue);
    if (!same)
      fail(
        [i],
        `expected the same program, at, currency and point value as part 0 (${first.programId} at ${first.at}), got ${p.programId} at ${p.at}`,
      );
  });
  const byPeriod = new Map<string, SimulatedFigures[]>();
  const byGroup = new Map<string, SimulatedFigures[]>();
  for (const p of parts) {
    for (const period of p.byPeriod) byPeriod.set(period.period, [...(byPeriod.get(period.period) ?? []), period]);
    for (const [label, g] of Object.entries(p.byGroup)) byGroup.set(label, [...(byGroup.get(label) ?? []), g]);
  }
  const outstanding = sumPoints(parts.map((p) => p.pointsOutstanding));
  const pv = first.pointValue;
  return Object.freeze({
    programId: first.programId,
    at: first.at,
    ...addFigures(parts, currency),
    pointsExpired: sumPoints(parts.map((p) => p.pointsExpired)),
    pointsOutstanding: outstanding,
    liability: pv === null ? null : toJSON(round(money(new Decimal(outstanding).times(pv.amount), currency))),
    pointValue: pv,
    byPeriod: Object.freeze(
      [...byPeriod]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([period, list]) => Object.freeze({ period, ...addFigures(list, currency) })),
    ),
    byGroup: Object.freeze(
      Object.fromEntries([...byGroup].map(([label, list]) => [label, addFigures(list, currency)])),
    ),
    assumption: first.assumption,
    // The accounts are kept only when every part kept them (`keepAccounts`); a part without them would
    // leave a list that silently misses customers.
    ...(parts.every((p) => Array.isArray(p.accounts))
      ? { accounts: Object.freeze(parts.flatMap((p) => p.accounts ?? [])) }
      : {}),
  });
}

function addFigures(list: readonly SimulatedFigures[], currency: string): SimulatedFigures {
  const sum = (pick: (f: SimulatedFigures) => MoneyJson): MoneyJson => {
    let total = new Decimal(0);
    for (const f of list) total = total.plus(pick(f).amount);
    return toJSON(round(money(total, currency)));
  };
  return Object.freeze({
    customers: list.reduce((n, f) => n + f.customers, 0),
    baskets: list.reduce((n, f) => n + f.baskets, 0),
    gross: sum((f) => f.gross),
    discounts: sum((f) => f.discounts),
    pointsMoney: sum((f) => f.pointsMoney),
    revenue: sum((f) => f.revenue),
    cost: sum((f) => f.cost),
    pointsIssued: sumPoints(list.map((f) => f.pointsIssued)),
    pointsRedeemed: sumPoints(list.map((f) => f.pointsRedeemed)),
  });
}

function sumPoints(values: readonly string[]): string {
  let total = new Decimal(0);
  for (const v of values) total = total.plus(v);
  return total.toString();
}

// A shape check of what simulateProgram returns: enough that merging reads no missing field.
function isSimulation(p: unknown): p is ProgramSimulation {
  if (typeof p !== "object" || p === null) return false;
  const s = p as Record<string, unknown>;
  const isFigures = (f: unknown): boolean => {
    if (typeof f !== "object" || f === null) return false;
    const x = f as Record<string, unknown>;
    const isMoney = (m: unknown) =>
      typeof m === "object" &&
      m !== null &&
      typeof (m as Record<string, unknown>)["amount"] === "string" &&
      DECIMAL.test((m as Record<string, unknown>)["amount"] as string) &&
      typeof (m as Record<string, unknown>)["currency"] === "string";
    return (
      Number.isSafeInteger(x["customers"]) &&
      Number.isSafeInteger(x["baskets"]) &&
      ["gross", "discounts", "pointsMoney", "revenue", "cost"].every((k) => isMoney(x[k])) &&
      ["pointsIssued", "pointsRedeemed"].every((k) => typeof x[k] === "string" && POINTS.test(x[k] as string))
    );
  };
  const byGroup = s["byGroup"];
  return (
    typeof s["programId"] === "string" &&
    typeof s["at"] === "string" &&
    isFigures(s) &&
    typeof s["pointsExpired"] === "string" &&
    POINTS.test(s["pointsExpired"]) &&
    typeof s["pointsOutstanding"] === "string" &&
    POINTS.test(s["pointsOutstanding"]) &&
    (s["pointValue"] === null ||
      (typeof s["pointValue"] === "object" &&
        DECIMAL.test(String((s["pointValue"] as Record<string, unknown>)["amount"])))) &&
    Array.isArray(s["byPeriod"]) &&
    s["byPeriod"].every((x: unknown) => isFigures(x) && typeof (x as Record<string, unknown>)["period"] === "string") &&
    typeof byGroup === "object" &&
    byGroup !== null &&
    Object.values(byGroup).every(isFigures) &&
    typeof s["assumption"] === "string"
  );
}

const POINTS = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const DECIMAL = POINTS;
