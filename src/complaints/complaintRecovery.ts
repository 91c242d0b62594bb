import { guardInputs } from "../core/guard.js";
import { valueToNumber, type ValueLike } from "../analytics/_lib/values.js";
import { invalid, parseInstant } from "../_lib/validation.js";
import { type ProportionInterval, wilsonInterval } from "../measurement/wilsonInterval.js";
import { reading } from "./_lib/reading.js";
import { assertSnapshot } from "./_lib/step.js";
import type { Complaint } from "./schema.js";

const DAY = 86_400_000;
const WHAT = "complaintRecovery";

/**
 * One purchase as {@link complaintRecovery} reads it: the customer, the instant (ISO string with an
 * offset, or a Date) and the amount spent (a number, a decimal string or `{ amount, currency }`;
 * one currency throughout).
 *
 * @example
 * ```ts
 * import type { RecoveryPurchase } from "loyalty-kit";
 * const p: RecoveryPurchase = { customerId: "cust-7", at: "2026-05-02T10:00:00Z", value: "42.50" };
 * console.log(p.value);
 * ```
 * @category complaints
 */
export interface RecoveryPurchase {
  readonly customerId: string;
  readonly at: string | Date;
  readonly value: ValueLike;
}

/**
 * Options of {@link complaintRecovery}: `at` (required) — the end of the purchase data; `windowDays`
 * (default 365) — how long after the complaint's outcome to look; `z` (default 1.96, 95%) — the normal
 * quantile of the intervals.
 *
 * @example
 * ```ts
 * import type { ComplaintRecoveryOptions } from "loyalty-kit";
 * const o: ComplaintRecoveryOptions = { at: "2027-01-01T00:00:00Z", windowDays: 180 };
 * console.log(o.windowDays);
 * ```
 * @category complaints
 */
export interface ComplaintRecoveryOptions {
  readonly at: string | Date;
  readonly windowDays?: number;
  readonly z?: number;
}

/**
 * The outcome of one group of complainants in {@link complaintRecovery}: how many, how many bought
 * again within the window (`retention`: share with a Wilson score interval, null when the group is
 * empty), spend per customer in the window (mean with a normal-approximation interval, null with
 * fewer than two customers) and the mean CSAT score of those who gave one.
 *
 * @example
 * ```ts
 * import type { RecoveryGroup } from "loyalty-kit";
 * const g: RecoveryGroup = { customers: 0, retained: 0, retention: null, spendPerCustomer: null, csatResponses: 0, meanCsat: null };
 * console.log(g.customers);
 * ```
 * @category complaints
 */
export interface RecoveryGroup {
  readonly customers: number;
  readonly retained: number;
  readonly retention: ProportionInterval | null;
  readonly spendPerCustomer: { readonly mean: string; readonly lower: string; readonly upper: string } | null;
  readonly csatResponses: number;
  readonly meanCsat: number | null;
}

/**
 * What {@link complaintRecovery} returns.
 *
 * @example
 * ```ts
 * import type { ComplaintRecovery } from "loyalty-kit";
 * const describe = (r: ComplaintRecovery) => r.groups.satisfied.customers;
 * console.log(typeof describe);
 * ```
 * @category complaints
 */
export interface ComplaintRecovery {
  readonly windowDays: number;
  readonly groups: {
    readonly satisfied: RecoveryGroup;
    readonly dissatisfied: RecoveryGroup;
    readonly notFollowedUp: RecoveryGroup;
  };
  /** Retention of satisfied minus dissatisfied complainants, with Newcombe's hybrid score interval; null when either group is empty. */
  readonly retentionDifference: { readonly point: number; readonly lower: number; readonly upper: number } | null;
  /** Complaints left out: their window does not end by `at` (`censored`), or the customer complained earlier (`repeat`). */
  readonly excluded: { readonly censored: number; readonly repeat: number };
}

type GroupName = "satisfied" | "dissatisfied" | "notFollowedUp";

/**
 * The service-recovery effect, measured: retention and spend after a complaint for customers whose
 * complaint ended satisfied, dissatisfied, or without a follow-up.
 *
 * Each customer counts once, with her first complaint (by receipt). Its outcome is the last
 * `FOLLOW_UP` in its history (`satisfied` true or false) at that event's instant; a complaint never
 * followed up counts from its last event. The customer is retained when she buys at least once in
 * the `windowDays` after that instant (the instant excluded), and her spend is the sum of those
 * purchases. Complaints whose window does not end by `at` are left out (censored), so every group is
 * observed for the same length of time. Intervals: Wilson's score interval for retention (Wilson
 * 1927), Newcombe's hybrid score interval (method 10 of Newcombe 1998) for the difference satisfied −
 * dissatisfied, and mean ± z · s / √n for spend (normal approximation; wide for small groups). The
 * groups are observational: customers who end satisfied may differ from the others before the
 * complaint, so the difference is an association, the quantity the service-recovery literature
 * (Smith & Bolton 1998; the meta-analysis of de Matos, Henrique & Rossi 2007) reports, not a
 * randomized effect.
 *
 * @param complaints - complaint snapshots (from openComplaint, transition or parseComplaint)
 * @param purchases - purchases `{ customerId, at, value }` (see {@link RecoveryPurchase})
 * @param options - `{ at, windowDays?, z? }` (see {@link ComplaintRecoveryOptions})
 * @returns the three groups, the retention difference and what was excluded, frozen
 * @throws {LoyaltyValidationError} when a complaint is not a snapshot, a purchase is malformed, the
 *   purchases mix currencies, `at` is not an instant, `windowDays` is not a positive number up to
 *   3650 or `z` is not a positive finite number.
 * @category complaints
 * @example
 * ```ts
 * import { complaintRecovery, openComplaint, transition } from "loyalty-kit";
 * const by = "agent:ana";
 * let c = openComplaint({ id: "C-1", customerId: "cust-7", cause: "overpricing", at: "2026-03-02T09:00:00Z" });
 * c = transition(c, { type: "ACKNOWLEDGE", at: "2026-03-02T09:05:00Z", by });
 * const r = complaintRecovery([c], [{ customerId: "cust-7", at: "2026-04-10T12:00:00Z", value: "30" }], {
 *   at: "2027-01-01T00:00:00Z", windowDays: 180,
 * });
 * console.log(r.groups.notFollowedUp.retained, r.groups.notFollowedUp.spendPerCustomer); // 1 null
 * ```
 */
export function complaintRecovery(
  complaints: readonly Complaint[],
  purchases: Iterable<RecoveryPurchase>,
  options: ComplaintRecoveryOptions,
): ComplaintRecovery {
  return guardInputs("complaintRecovery", { complaints, purchases, options }, () =>
    complaintRecoveryUnguarded(complaints, purchases, options),
  );
}

function complaintRecoveryUnguarded(
  complaints: readonly Complaint[],
  purchases: Iterable<RecoveryPurchase>,
  options: ComplaintRecoveryOptions,
): ComplaintRecovery {
  // A getter or Proxy in the input that throws while being read becomes a typed validation error.
  return reading(WHAT, () => recover(complaints, purchases, options));
}

function recover(
  complaints: readonly Complaint[],
  purchases: Iterable<RecoveryPurchase>,
  options: ComplaintRecoveryOptions,
): ComplaintRecovery {
  if (!Array.isArray(complaints)) invalid(["complaints"], "expected an array of complaint snapshots", WHAT);
  if (typeof options !== "object" || options === null)
    invalid(["options"], "expected options { at, windowDays?, z? }", WHAT);
  const atMs = parseInstant(options.at, "at");
  const windowDays = options.windowDays ?? 365;
  if (typeof windowDays !== "number" || !(windowDays > 0 && windowDays <= 3650))
    invalid(["windowDays"], `expected a positive number of days up to 3650, got ${String(windowDays)}`, WHAT);
  const z = options.z ?? 1.96;
  if (typeof z !== "number" || !(z > 0 && Number.isFinite(z)))
    invalid(["z"], `expected a positive finite number such as 1.96, got ${String(z)}`, WHAT);
  const windowMs = windowDays * DAY;

  // Each customer's first complaint.
  const first = new Map<string, Complaint>();
  let repeat = 0;
  complaints.forEach((c, i) => {
    try {
      assertSnapshot(c);
    } catch {
      invalid(
        ["complaints", i],
        "expected a complaint snapshot from openComplaint, transition or parseComplaint",
        WHAT,
      );
    }
    const prev = first.get(c.customerId);
    if (prev === undefined) first.set(c.customerId, c);
    else {
      repeat++;
      if (Date.parse(c.openedAt) < Date.parse(prev.openedAt) || (c.openedAt === prev.openedAt && c.id < prev.id))
        first.set(c.customerId, c);
    }
  });

  interface Subject {
    readonly group: GroupName;
    readonly fromMs: number;
    readonly csat: number | undefined;
    spend: number;
    retained: boolean;
  }
  const subjects = new Map<string, Subject>();
  let censored = 0;
  for (const [customerId, c] of first) {
    const followUps = c.history.filter((e) => e.type === "FOLLOW_UP");
    const last = followUps.at(-1);
    const fromMs = Date.parse(last?.at ?? c.updatedAt);
    if (fromMs + windowMs > atMs) {
      censored++;
      continue;
    }
    subjects.set(customerId, {
      group: last === undefined ? "notFollowedUp" : last.satisfied ? "satisfied" : "dissatisfied",
      fromMs,
      csat: last?.csat?.score,
      spend: 0,
      retained: false,
    });
  }

  const currency: { currency?: string | undefined } = {};
  if (typeof purchases !== "object" || purchases === null || !(Symbol.iterator in purchases))
    invalid(["purchases"], "expected an array (or iterable) of purchases { customerId, at, value }", WHAT);
  let i = 0;
  for (const p of purchases) {
    const path = ["purchases", i] as const;
    if (typeof p !== "object" || p === null || typeof p.customerId !== "string")
      invalid([...path, "customerId"], "expected a purchase { customerId, at, value } with a string customerId", WHAT);
    const ms = parseInstant(p.at, `purchases.${i}.at`);
    const value = valueToNumber(p.value, [...path, "value"], currency, WHAT);
    const s = subjects.get(p.customerId);
    if (s !== undefined && ms > s.fromMs && ms <= s.fromMs + windowMs) {
      s.retained = true;
      s.spend += value;
    }
    i++;
  }

  const group = (name: GroupName): RecoveryGroup => {
    const members = [...subjects.values()].filter((s) => s.group === name);
    const n = members.length;
    const retained = members.filter((s) => s.retained).length;
    const mean = n === 0 ? 0 : members.reduce((sum, s) => sum + s.spend, 0) / n;
    const variance = n < 2 ? 0 : members.reduce((sum, s) => sum + (s.spend - mean) ** 2, 0) / (n - 1);
    const half = z * Math.sqrt(variance / n);
    const scores = members.flatMap((s) => (s.csat === undefined ? [] : [s.csat]));
    return Object.freeze({
      customers: n,
      retained,
      retention: n === 0 ? null : Object.freeze(wilsonInterval(retained, n, { z }) as ProportionInterval),
      spendPerCustomer:
        n < 2
          ? null
          : Object.freeze({
              mean: mean.toFixed(2),
              lower: Math.max(0, mean - half).toFixed(2),
              upper: (mean + half).toFixed(2),
            }),
      csatResponses: scores.length,
      meanCsat: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length,
    });
  };
  const satisfied = group("satisfied");
  const dissatisfied = group("dissatisfied");
  const a = satisfied.retention;
  const b = dissatisfied.retention;
  // Newcombe (1998), method 10: the difference's interval from the two Wilson intervals.
  const retentionDifference =
    a === null || b === null
      ? null
      : Object.freeze({
          point: a.point - b.point,
          lower: a.point - b.point - Math.sqrt((a.point - a.lower) ** 2 + (b.upper - b.point) ** 2),
          upper: a.point - b.point + Math.sqrt((a.upper - a.point) ** 2 + (b.point - b.lower) ** 2),
        });
  return Object.freeze({
    windowDays,
    groups: Object.freeze({ satisfied, dissatisfied, notFollowedUp: group("notFollowedUp") }),
    retentionDifference,
    excluded: Object.freeze({ censored, repeat }),
  });
}
