import { describe, expect, it } from "vitest";
import { COMPLAINT_CAUSES, LoyaltyValidationError, priorityFor } from "../../src/index.js";

describe("priorityFor", () => {
  it("starts failures of competence high, poor service normal, overpricing low", () => {
    expect(COMPLAINT_CAUSES.map((c) => priorityFor(c))).toEqual(["high", "high", "high", "normal", "low", "normal"]);
  });

  it("moves one step up for a high-value customer and one down for a low-value one, clamped", () => {
    expect(priorityFor("delay-in-fixing", "high")).toBe("urgent");
    expect(priorityFor("delay-in-fixing", "low")).toBe("normal");
    expect(priorityFor("poor-overall-service", "high")).toBe("high");
    expect(priorityFor("overpricing", "low")).toBe("low");
    expect(priorityFor("overpricing", "high")).toBe("normal");
  });

  it("rejects unknown causes and values", () => {
    expect(() => priorityFor("rudeness" as never)).toThrow(LoyaltyValidationError);
    expect(() => priorityFor("overpricing", "vip" as never)).toThrow(/customerValue/);
    expect(() => priorityFor("toString" as never)).toThrow(LoyaltyValidationError);
  });
});
