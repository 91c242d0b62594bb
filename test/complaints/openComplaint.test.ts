import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, openComplaint } from "../../src/index.js";

const input = {
  id: "c-1",
  customerId: "cust-1",
  channel: "email",
  cause: "overpricing",
  description: "Fee doubled",
  at: "2026-03-02T10:00:00+01:00",
} as const;

describe("openComplaint", () => {
  it("opens in received with defaults filled in and the opening record first in the history", () => {
    const c = openComplaint(input);
    expect(c.state).toBe("received");
    expect(c.openedAt).toBe("2026-03-02T09:00:00.000Z");
    expect(c.updatedAt).toBe(c.openedAt);
    expect(c.customerValue).toBe("medium");
    expect(c.priority).toBe("low"); // overpricing starts low
    expect(c.reopenWindowDays).toBe(14);
    expect(c.autoCloseAfterDays).toBe(7);
    expect(c.history).toEqual([
      {
        type: "OPEN",
        at: "2026-03-02T09:00:00.000Z",
        by: "cust-1",
        id: "c-1",
        customerId: "cust-1",
        channel: "email",
        cause: "overpricing",
        description: "Fee doubled",
        customerValue: "medium",
        priority: "low",
        priorityOverridden: false,
        reopenWindowDays: 14,
        autoCloseAfterDays: 7,
      },
    ]);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it("takes the minimal shape: id, customerId, cause and at are enough", () => {
    const c = openComplaint({
      id: "c-2",
      customerId: "cust-2",
      cause: "poor-overall-service",
      at: new Date("2026-03-02T09:00:00Z"),
    });
    expect([c.channel, c.description, c.priority, c.history[0].by]).toEqual(["other", "", "normal", "cust-2"]);
  });

  it("derives the priority from cause and value unless overridden", () => {
    expect(openComplaint({ ...input, cause: "little-or-no-support", customerValue: "high" }).priority).toBe("urgent");
    const o = openComplaint({ ...input, priority: "urgent" });
    expect(o.priority).toBe("urgent");
    expect(o.history[0].priorityOverridden).toBe(true);
  });

  it("does not touch its input", () => {
    const copy = { ...input, at: new Date("2026-03-02T09:00:00Z") };
    openComplaint(copy);
    expect(copy.at.toISOString()).toBe("2026-03-02T09:00:00.000Z");
  });

  it("lists every bad field with its path", () => {
    try {
      openComplaint({
        id: "",
        customerId: "c",
        channel: "pigeon",
        cause: "overpricing",
        description: "x",
        at: "2026-03-02",
        reopenWindowDays: Number.NaN,
        x: 1,
      } as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LoyaltyValidationError);
      expect((e as LoyaltyValidationError).issues.map((i) => i.path.join("."))).toEqual([
        "id",
        "channel",
        "at",
        "reopenWindowDays",
        "",
      ]);
      expect((e as Error).message).toContain('channel: expected one of "phone", "email"');
    }
  });
});
