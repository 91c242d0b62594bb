import { guardInputs } from "../core/guard.js";
import type { EntryInput } from "../ledger/schemas.js";
import { reading } from "./_lib/reading.js";
import { assertSnapshot } from "./_lib/step.js";
import type { Complaint } from "./schema.js";

// These two result interfaces are declarations, not logic: field lists alike in shape to other
// result types (a tier change, a coupon state), kept apart on purpose as each names its own fields.
/**
 * A coupon to issue or void for a complaint's goodwill, keyed by `requestId` so that a coupon system
 * that remembers request ids issues it once however often the request is sent.
 *
 * @example
 * ```ts
 * import type { GoodwillCouponRequest } from "loyalty-kit";
 * const r: GoodwillCouponRequest = { action: "issue", requestId: "complaint:C-1:coupon:1", coupon: "SORRY10", at: "2026-03-02T09:40:00.000Z" };
 * console.log(r.action);
 * ```
 * @category complaints
 */
export interface GoodwillCouponRequest {
  /** `issue` to hand the coupon out, `void` to withdraw one handed out for an earlier plan. */
  readonly action: "issue" | "void";
  /** The idempotency key, `complaint:<id>:coupon:<n>` (with `:void` when withdrawn): send it with the request. */
  readonly requestId: string;
  /** The coupon code the agreed plan's goodwill names. */
  readonly coupon: string;
  /** When the plan was agreed (or the later plan withdrew it), an ISO-8601 instant. */
  readonly at: string;
}

/**
 * What {@link goodwillRequests} returns: ledger entries to `post` (goodwill points as `adjust`
 * entries, their withdrawal as `reverse` entries) and coupon requests, each in time order.
 *
 * @example
 * ```ts
 * import type { GoodwillRequests } from "loyalty-kit";
 * const g: GoodwillRequests = { ledger: [], coupons: [] };
 * console.log(g.ledger.length);
 * ```
 * @category complaints
 */
export interface GoodwillRequests {
  /** Ledger entries to `post`: goodwill points as `adjust` entries, their withdrawal as `reverse` entries, in time order. */
  readonly ledger: readonly EntryInput[];
  /** Coupon requests to send to the coupon system, in time order. */
  readonly coupons: readonly GoodwillCouponRequest[];
}

/**
 * The goodwill of a complaint's agreed plans as idempotent ledger and coupon requests, keyed by the
 * complaint id.
 *
 * Each `AGREE_PLAN` with `goodwill` grants its points (an `adjust` entry with transactionId
 * `complaint:<id>:goodwill:<n>`, n counting the plans agreed) and its coupon (an `issue` request
 * `complaint:<id>:coupon:<n>`) at the instant the plan was agreed. When the complaint is reopened and
 * a later plan agrees different goodwill (or none), what was granted is withdrawn at that instant — a
 * `reverse` entry `…:reversed` (shortfall `deduct-available`: points the customer already spent are
 * not clawed back below zero) or a `void` request — and the new goodwill is granted; goodwill a later
 * plan repeats stays as it was. The requests depend only on the history, and a history only grows,
 * so computing them after every event and posting them all with the ledger's `post` applies each once
 * (later posts of the same transactionId are reported as duplicates).
 *
 * @param complaint - the complaint snapshot (from openComplaint, transition or parseComplaint)
 * @returns the ledger entries and coupon requests, frozen
 * @throws {LoyaltyValidationError} when `complaint` is not a snapshot
 * @category complaints
 * @example
 * ```ts
 * import { goodwillRequests, openComplaint, transition, openAccount, post, balance } from "loyalty-kit";
 * const by = "agent:ana";
 * let c = openComplaint({ id: "C-1", customerId: "cust-7", cause: "overpricing", at: "2026-03-02T09:00:00Z" });
 * for (const e of [
 *   { type: "ACKNOWLEDGE", at: "2026-03-02T09:05:00Z", by },
 *   { type: "ASSESS", at: "2026-03-02T09:10:00Z", by },
 *   { type: "AFFIRM", at: "2026-03-02T09:15:00Z", by },
 *   { type: "PROPOSE_ALTERNATIVE", at: "2026-03-02T09:20:00Z", by, alternative: "Refund the double charge" },
 *   { type: "AGREE_PLAN", at: "2026-03-02T09:25:00Z", by, alternative: 0, customerAgreed: true, goodwill: { points: "500" } },
 * ] as const) c = transition(c, e);
 * let account = openAccount({ accountId: "cust-7" });
 * for (let replay = 0; replay < 3; replay++)
 *   for (const entry of goodwillRequests(c).ledger) account = post(account, entry).account;
 * console.log(balance(account, { at: "2026-03-03T00:00:00Z" })); // 500
 * ```
 */
export function goodwillRequests(complaint: Complaint): GoodwillRequests {
  return guardInputs("goodwillRequests", { complaint }, () => goodwillRequestsUnguarded(complaint));
}

function goodwillRequestsUnguarded(complaint: Complaint): GoodwillRequests {
  return reading("goodwillRequests", () => requests(complaint));
}

function requests(complaint: Complaint): GoodwillRequests {
  assertSnapshot(complaint);
  const id = complaint.id;
  const ledger: EntryInput[] = [];
  const coupons: GoodwillCouponRequest[] = [];
  let points: { transactionId: string; points: string } | null = null;
  let coupon: { requestId: string; coupon: string } | null = null;
  let n = 0;
  for (const e of complaint.history.slice(1)) {
    if (e.type !== "AGREE_PLAN") continue;
    n++;
    const g = e.goodwill;
    if (points !== null && g?.points !== points.points) {
      ledger.push({
        kind: "reverse",
        transactionId: `${points.transactionId}:reversed`,
        at: e.at,
        reverses: points.transactionId,
        shortfall: "deduct-available",
      });
      points = null;
    }
    if (g?.points !== undefined && points === null) {
      points = { transactionId: `complaint:${id}:goodwill:${n}`, points: g.points };
      ledger.push({
        kind: "adjust",
        transactionId: points.transactionId,
        at: e.at,
        points: g.points,
        reason: `goodwill for complaint ${id}`,
      });
    }
    if (coupon !== null && g?.coupon !== coupon.coupon) {
      coupons.push({ action: "void", requestId: `${coupon.requestId}:void`, coupon: coupon.coupon, at: e.at });
      coupon = null;
    }
    if (g?.coupon !== undefined && coupon === null) {
      coupon = { requestId: `complaint:${id}:coupon:${n}`, coupon: g.coupon };
      coupons.push({ action: "issue", requestId: coupon.requestId, coupon: g.coupon, at: e.at });
    }
  }
  return Object.freeze({
    ledger: Object.freeze(ledger.map((x) => Object.freeze(x))),
    coupons: Object.freeze(coupons.map((x) => Object.freeze(x))),
  });
}
