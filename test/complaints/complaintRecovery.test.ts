import { describe, expect, it } from "vitest";
import {
  type Complaint,
  complaintRecovery,
  LoyaltyValidationError,
  openComplaint,
  type RecoveryPurchase,
  transition,
} from "../../src/index.js";

const by = "agent:ana";
// A complaint received 2 March 2026 and followed up on 9 March with the customer's verdict.
function followedUp(customerId: string, satisfied: boolean, csat?: number): Complaint {
  let c = openComplaint({ id: `C-${customerId}`, customerId, cause: "overpricing", at: "2026-03-02T09:00:00Z" });
  const steps = [
    { type: "ACKNOWLEDGE", at: "2026-03-02T09:05:00Z", by },
    { type: "ASSESS", at: "2026-03-02T09:10:00Z", by },
    { type: "AFFIRM", at: "2026-03-02T09:15:00Z", by },
    { type: "PROPOSE_ALTERNATIVE", at: "2026-03-02T09:20:00Z", by, alternative: "Refund" },
    { type: "AGREE_PLAN", at: "2026-03-02T09:25:00Z", by, alternative: 0, customerAgreed: true },
    { type: "START_DELIVERY", at: "2026-03-03T09:00:00Z", by },
    { type: "DELIVERED", at: "2026-03-04T09:00:00Z", by },
    {
      type: "FOLLOW_UP",
      at: "2026-03-09T09:00:00Z",
      by,
      satisfied,
      ...(csat === undefined ? {} : { csat: { score: csat } }),
    },
  ] as const;
  for (const e of steps) c = transition(c, e);
  return c;
}

describe("complaintRecovery", () => {
  // Newcombe (1998), "Interval estimation for the difference between independent proportions",
  // Statistics in Medicine 17, example (a): 56/70 − 48/80 = 0.2000, method 10 interval 0.0524 to 0.3339.
  const complaints: Complaint[] = [];
  const purchases: RecoveryPurchase[] = [];
  for (let i = 0; i < 70; i++) {
    complaints.push(followedUp(`s${i}`, true, i < 10 ? 5 : undefined));
    if (i < 56) purchases.push({ customerId: `s${i}`, at: "2026-06-01T10:00:00Z", value: "10" });
  }
  for (let i = 0; i < 80; i++) {
    complaints.push(followedUp(`d${i}`, false, i < 4 ? 1 : undefined));
    if (i < 48) purchases.push({ customerId: `d${i}`, at: "2026-06-01T10:00:00Z", value: 20 });
  }
  // Bought the day after the window ends (365 days after 9 March 2026): not retained.
  purchases.push({ customerId: "d79", at: "2027-03-10T09:00:00Z", value: "99" });
  const options = { at: "2027-06-01T00:00:00Z" };

  it("reproduces Newcombe's interval for the difference in retention, satisfied minus dissatisfied", () => {
    const r = complaintRecovery(complaints, purchases, options);
    expect(r.groups.satisfied.customers).toBe(70);
    expect(r.groups.satisfied.retained).toBe(56);
    expect(r.groups.dissatisfied.retained).toBe(48);
    const d = r.retentionDifference;
    expect(d?.point).toBeCloseTo(0.2, 10);
    expect(d?.lower).toBeCloseTo(0.0524, 4);
    expect(d?.upper).toBeCloseTo(0.3339, 4);
  });

  it("gives spend per customer with a normal-approximation interval and the mean CSAT", () => {
    const r = complaintRecovery(complaints, purchases, options);
    // 56 customers spent 10, 14 spent 0: mean 8, s² = (56·2² + 14·8²)/69 = 16.232, half-width
    // 1.96 · √(16.232/70) = 0.944.
    expect(r.groups.satisfied.spendPerCustomer).toEqual({ mean: "8.00", lower: "7.06", upper: "8.94" });
    expect(r.groups.satisfied.csatResponses).toBe(10);
    expect(r.groups.satisfied.meanCsat).toBe(5);
    expect(r.groups.dissatisfied.meanCsat).toBe(1);
    expect(r.groups.notFollowedUp.customers).toBe(0);
    expect(r.groups.notFollowedUp.retention).toBeNull();
  });

  it("counts a customer once, leaves out complaints whose window has not ended, and groups complaints never followed up", () => {
    const late = followedUp("late", true);
    const again = openComplaint({ id: "C-s0-2", customerId: "s0", cause: "overpricing", at: "2026-05-01T09:00:00Z" });
    const silent = transition(
      openComplaint({ id: "C-q", customerId: "q", cause: "overpricing", at: "2026-01-05T09:00:00Z" }),
      { type: "ACKNOWLEDGE", at: "2026-01-05T10:00:00Z", by },
    );
    const r = complaintRecovery([...complaints, late, again, silent], purchases, {
      ...options,
      at: "2027-03-09T09:00:00Z",
    });
    // "late" is followed up at the same instant as the others, so at exactly 365 days all are in.
    expect(r.excluded).toEqual({ censored: 0, repeat: 1 });
    expect(r.groups.satisfied.customers).toBe(71);
    expect(r.groups.notFollowedUp.customers).toBe(1);
    const earlier = complaintRecovery([late], [], { at: "2027-03-09T08:59:59Z" });
    expect(earlier.excluded).toEqual({ censored: 1, repeat: 0 });
  });

  it("rejects bad input with a typed error that names the field", () => {
    expect(() => complaintRecovery(complaints, purchases, { at: "soon" })).toThrow(LoyaltyValidationError);
    expect(() => complaintRecovery(complaints, purchases, { ...options, windowDays: 0 })).toThrowError(/windowDays/);
    expect(() => complaintRecovery([{} as Complaint], [], options)).toThrowError(/complaints\.0/);
    expect(() =>
      complaintRecovery(complaints, [{ customerId: "s1", at: "2026-06-01T10:00:00Z", value: "ten" }], options),
    ).toThrowError(/purchases\.0\.value/);
  });
});
