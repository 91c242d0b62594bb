import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  balance,
  goodwillRequests,
  openAccount,
  openComplaint,
  post,
  replay,
  transition,
  type Complaint,
  type ComplaintEventInput,
} from "../../src/index.js";

const HOUR = 3_600_000;
const START = Date.parse("2026-03-02T09:00:00Z");
const goodwill = fc.constantFrom(
  undefined,
  { points: "100" },
  { points: "250" },
  { coupon: "SORRY10" },
  { points: "100", coupon: "SORRY10" },
  { points: "100", coupon: "FREE-DELIVERY" },
);

// A complaint that goes round the five A's once per agreed goodwill, reopened by a dissatisfied
// follow-up between rounds; the events one by one.
function rounds(plans: readonly ({ points?: string; coupon?: string } | undefined)[]): ComplaintEventInput[] {
  const by = "agent:ana";
  let t = START;
  const at = (): string => new Date((t += HOUR)).toISOString();
  const events: ComplaintEventInput[] = [{ type: "ACKNOWLEDGE", at: at(), by }];
  plans.forEach((g, i) => {
    events.push(
      { type: "ASSESS", at: at(), by },
      { type: "AFFIRM", at: at(), by },
      { type: "PROPOSE_ALTERNATIVE", at: at(), by, alternative: `plan ${i}` },
      {
        type: "AGREE_PLAN",
        at: at(),
        by,
        alternative: 0,
        customerAgreed: true,
        ...(g === undefined ? {} : { goodwill: g }),
      },
      { type: "START_DELIVERY", at: at(), by },
      { type: "DELIVERED", at: at(), by },
      { type: "FOLLOW_UP", at: at(), by, satisfied: i === plans.length - 1 },
    );
  });
  return events;
}

describe("goodwill", () => {
  it("is posted once however often the requests are replayed, and only the last plan's goodwill stays", () => {
    fc.assert(
      fc.property(
        fc.array(goodwill, { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (plans, replays) => {
          let c: Complaint = openComplaint({ id: "C-9", customerId: "k", cause: "overpricing", at: new Date(START) });
          let account = openAccount({ accountId: "k" });
          const couponStore = new Map<string, { action: string; coupon: string }>();
          // After every event the integrator computes the requests and posts all of them, some
          // several times (a retry after a lost reply, a replayed event stream).
          for (const [i, e] of rounds(plans).entries()) {
            c = transition(c, e);
            const r = goodwillRequests(c);
            const times = 1 + ((replays[i] ?? 0) % 3);
            for (let k = 0; k < times; k++) {
              for (const entry of r.ledger) account = post(account, entry).account;
              for (const q of r.coupons) if (!couponStore.has(q.requestId)) couponStore.set(q.requestId, q);
            }
          }
          const last = plans.at(-1);
          expect(balance(account, { at: "2027-01-01T00:00:00Z" })).toBe(last?.points ?? "0");
          const ids = account.entries.map((x) => x.transactionId);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.every((x) => x.startsWith("complaint:C-9:goodwill:"))).toBe(true);
          const issued = [...couponStore.entries()].filter(([, q]) => q.action === "issue");
          const live = issued.filter(([id]) => !couponStore.has(`${id}:void`)).map(([, q]) => q.coupon);
          expect(live).toEqual(last?.coupon === undefined ? [] : [last.coupon]);
          // The requests depend on the history alone: a complaint rebuilt from it gives the same.
          expect(goodwillRequests(replay(c.history))).toEqual(goodwillRequests(c));
        },
      ),
    );
  });
});
