import { describe, expect, it } from "vitest";
import { LOYALTY_STAGES, LoyaltyValidationError, loyaltyStage } from "../../src/index.js";

describe("loyaltyStage (satisfaction → brand loyalty → partnership)", () => {
  it("orders the stages", () => {
    expect(LOYALTY_STAGES).toEqual(["none", "satisfaction", "brand-loyalty", "partnership"]);
  });

  it("puts a customer with no positive experience at none, with the first actions for moving up", () => {
    const r = loyaltyStage({ repeatPurchases: true });
    expect(r.stage).toBe("none");
    expect(r.next).toBe("satisfaction");
    expect(r.missing).toEqual(["satisfied"]);
    expect(r.evidence).toEqual([]);
    expect(r.actions.join(" ")).toMatch(/complaints/);
  });

  it("keeps a satisfied customer who still compares at satisfaction", () => {
    const r = loyaltyStage({ satisfied: true, repeatPurchases: true });
    expect(r.stage).toBe("satisfaction");
    expect(r.evidence).toEqual(["satisfied"]);
    expect(r.missing).toEqual(["prefersBrand"]);
    expect(r.actions.join(" ")).toMatch(/personal buyer–seller relationship/);
  });

  it("gives brand loyalty to a repeat buyer who will not switch", () => {
    const r = loyaltyStage({ satisfied: true, repeatPurchases: true, prefersBrand: true, promotesProduct: true });
    expect(r.stage).toBe("brand-loyalty");
    expect(r.evidence).toEqual(["satisfied", "repeatPurchases", "prefersBrand"]);
    expect(r.missing).toEqual(["givesAdvice"]);
    expect(r.actions.join(" ")).toMatch(/Do not pester/);
  });

  it("gives partnership to a loyal customer who advises and watches competitors", () => {
    const r = loyaltyStage({
      satisfied: true,
      repeatPurchases: true,
      prefersBrand: true,
      givesAdvice: true,
      sharesCompetitorInfo: true,
    });
    expect(r.stage).toBe("partnership");
    expect(r.next).toBeNull();
    expect(r.missing).toEqual([]);
    expect(r.evidence).toEqual(["satisfied", "repeatPurchases", "prefersBrand", "givesAdvice", "sharesCompetitorInfo"]);
  });

  it("does not skip a stage: advice without brand loyalty stays at satisfaction", () => {
    expect(loyaltyStage({ satisfied: true, givesAdvice: true, promotesProduct: true }).stage).toBe("satisfaction");
  });

  it("rejects unknown observations", () => {
    expect(() => loyaltyStage({ happy: true } as never)).toThrow(LoyaltyValidationError);
  });
});
