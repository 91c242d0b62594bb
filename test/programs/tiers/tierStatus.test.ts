import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, tierProgress, tierStatus, type TierPolicyInput } from "../../../src/index.js";

// Thresholds and amounts are illustrative; the rules they exercise are the anchors' published ones:
// Smile.io's calendar-year VIP status ("retain their VIP tier until the end of the next VIP period",
// deltaToRetainVipTier), Talon.One's downgrade policies (one_down, balance_based).
const calendar: TierPolicyInput = {
  basis: "spend",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  window: { type: "calendar-year" },
  tiers: [
    { name: "Gold", threshold: "1000", earnMultiplier: "1.5", perks: ["free delivery"] },
    { name: "Bronze", threshold: "200" },
    { name: "Silver", threshold: "500", earnMultiplier: "1.25" },
  ],
};

describe("tierStatus, calendar year", () => {
  it("keeps Gold reached in December through the whole next year (the issue's 1,200 in December)", () => {
    const history = [{ at: "2026-12-20T15:00:00+01:00", amount: "1200.00" }];
    expect(tierStatus(calendar, history, { at: "2026-12-31T12:00:00Z" }).tier?.name).toBe("Gold");
    const jan2 = tierStatus(calendar, history, { at: "2027-01-02T12:00:00Z" });
    expect(jan2.tier?.name).toBe("Gold");
    expect(jan2.qualifiedTier).toBeNull();
    expect(jan2.amount).toBe("0.00");
    expect(jan2.earnMultiplier).toBe("1.5");
    expect(jan2.tier?.perks).toEqual(["free delivery"]);
    expect(tierStatus(calendar, history, { at: "2027-12-31T22:59:59.999Z" }).tier?.name).toBe("Gold");
    // 1 January 2028 00:00 in Berlin is 2027-12-31T23:00Z: the review of 2027 (nothing bought) drops it.
    const after = tierStatus(calendar, history, { at: "2027-12-31T23:00:00Z" });
    expect(after.tier).toBeNull();
    expect(after.changes.map((c) => [c.at, c.from, c.to, c.reason])).toEqual([
      ["2026-12-20T14:00:00.000Z", null, "Gold", "reached"],
      ["2027-12-31T23:00:00.000Z", "Gold", null, "review"],
    ]);
  });

  it("counts activities at one instant together, whatever order they are given in", () => {
    // Found by the order-independence property (seed -346123806): a sale and a same-instant refund.
    const sale = { at: "2026-05-04T10:00:00+02:00", amount: "1200.00" };
    const refund = { at: "2026-05-04T10:00:00+02:00", amount: "-300.00" };
    const a = tierStatus(calendar, [sale, refund], { at: "2026-06-01T00:00:00Z" });
    const b = tierStatus(calendar, [refund, sale], { at: "2026-06-01T00:00:00Z" });
    expect(a.changes).toEqual(b.changes);
    expect(a.changes.map((c) => [c.to, c.amount])).toEqual([["Silver", "900.00"]]);
  });

  it("gains at once, mid-purchase sequence, and explains", () => {
    const history = [
      { at: "2026-02-01T10:00:00Z", amount: "300.00" },
      { at: "2026-05-01T10:00:00Z", amount: "250.00" },
    ];
    expect(tierStatus(calendar, history, { at: "2026-03-01T00:00:00Z" }).tier?.name).toBe("Bronze");
    const s = tierStatus(calendar, history, { at: "2026-05-01T10:00:00Z" });
    expect(s.tier?.name).toBe("Silver");
    expect(s.since).toBe("2026-05-01T10:00:00.000Z");
    expect(s.explanation).toBe("Silver: 550.00 in this calendar year reaches its threshold of 500.");
  });

  it("drops to the tier the year just ended qualifies for, or one tier at a time", () => {
    const history = [
      { at: "2026-03-01T10:00:00Z", amount: "1000.00" },
      { at: "2027-03-01T10:00:00Z", amount: "250.00" },
    ];
    const at = { at: "2028-02-01T00:00:00Z" };
    expect(tierStatus(calendar, history, at).tier?.name).toBe("Bronze");
    const oneTier = tierStatus({ ...calendar, downgrade: "one-tier" }, history, at);
    expect(oneTier.tier?.name).toBe("Silver");
    expect(oneTier.explanation).toMatch(/^Silver, retained: 0.00 in this calendar year is below/);
  });

  it("ignores activities after the date asked about", () => {
    const history = [
      { at: "2026-03-01T10:00:00Z", amount: "100.00" },
      { at: "2026-09-01T10:00:00Z", amount: "5000.00" },
    ];
    expect(tierStatus(calendar, history, { at: "2026-08-31T00:00:00Z" }).tier).toBeNull();
  });

  it("a refund lowers the year's amount but does not take the tier before the review", () => {
    const history = [
      { at: "2026-03-01T10:00:00Z", amount: "1000.00" },
      { at: "2026-03-05T10:00:00Z", amount: "-600.00" },
    ];
    const s = tierStatus(calendar, history, { at: "2026-06-01T00:00:00Z" });
    expect(s.tier?.name).toBe("Gold");
    expect(s.qualifiedTier).toBe("Bronze");
    expect(tierStatus(calendar, history, { at: "2027-01-01T00:00:00+01:00" }).tier?.name).toBe("Bronze");
  });
});

describe("tierStatus, rolling window", () => {
  const rolling: TierPolicyInput = {
    basis: "points",
    timeZone: "Europe/Berlin",
    window: { type: "rolling", months: 12 },
    retention: { type: "grace", days: 30 },
    tiers: [
      { name: "Silver", threshold: "500" },
      { name: "Gold", threshold: "1000" },
    ],
  };
  const history = [
    { at: "2026-01-15T10:00:00Z", amount: "600" },
    { at: "2026-04-15T10:00:00Z", amount: "500" },
  ];

  it("keeps the tier through the grace period after the amount falls below", () => {
    // 15 Jan 2027 11:00 Berlin: the January points leave the window; 500 left, below Gold.
    const falling = tierStatus(rolling, history, { at: "2027-01-20T00:00:00Z" });
    expect(falling.tier?.name).toBe("Gold");
    expect(falling.graceUntil).toBe("2027-02-14T10:00:00.000Z");
    expect(tierStatus(rolling, history, { at: "2027-02-14T09:59:59Z" }).tier?.name).toBe("Gold");
    const dropped = tierStatus(rolling, history, { at: "2027-02-14T10:00:00Z" });
    expect(dropped.tier?.name).toBe("Silver");
    expect(dropped.changes.at(-1)?.reason).toBe("grace-ended");
  });

  it("buying back above the threshold in the grace period cancels the drop", () => {
    const more = [...history, { at: "2027-02-01T10:00:00Z", amount: "600" }];
    const s = tierStatus(rolling, more, { at: "2027-03-01T00:00:00Z" });
    expect(s.tier?.name).toBe("Gold");
    expect(s.graceUntil).toBeNull();
  });

  it("gives each tier its own grace: a drop through two thresholds keeps the lower tier until its own grace ends", () => {
    // Found by the monotonicity property (one more purchase never lowers the tier): with 300 bought
    // an hour before the 200, the window fell below Silver an hour before it fell below Bronze, and the
    // one grace timer started then took Bronze away an hour before a customer who bought only the 200
    // lost it. The guide's rule — a tier drops when the amount stays below *its* threshold for the
    // grace days — gives Bronze until 3 days after the 200 leaves the window.
    const policy: TierPolicyInput = {
      basis: "spend",
      currency: "EUR",
      timeZone: "Europe/Berlin",
      window: { type: "rolling", months: 2 },
      retention: { type: "grace", days: 3 },
      downgrade: "to-qualified",
      tiers: [
        { name: "Bronze", threshold: "200" },
        { name: "Silver", threshold: "500" },
      ],
    };
    const more = [
      { at: "2026-01-05T09:00:00Z", amount: "300.00" },
      { at: "2026-01-05T10:00:00Z", amount: "200.00" },
    ];
    const less = [{ at: "2026-01-05T10:00:00Z", amount: "200.00" }];
    // 5 March 10:00 and 11:00 Berlin the two purchases leave; Silver's grace ends 8 March 10:00 Berlin (09:00Z).
    const between = tierStatus(policy, more, { at: "2026-03-08T09:30:00Z" });
    expect(between.tier?.name).toBe("Bronze");
    expect(between.graceUntil).toBe("2026-03-08T10:00:00.000Z");
    expect(tierStatus(policy, less, { at: "2026-03-08T09:30:00Z" }).tier?.name).toBe("Bronze");
    expect(tierStatus(policy, more, { at: "2026-03-08T10:00:00Z" }).tier).toBeNull();
    expect(tierStatus(policy, less, { at: "2026-03-08T10:00:00Z" }).tier).toBeNull();
  });

  it("without grace the tier follows the window (grace of 0 days is the rolling default)", () => {
    const { retention: _, ...noGrace } = rolling;
    expect(tierStatus(noGrace, history, { at: "2027-01-15T10:00:00Z" }).tier?.name).toBe("Silver");
    expect(tierStatus(noGrace, history, { at: "2027-01-15T09:59:59Z" }).tier?.name).toBe("Gold");
  });
});

describe("tierProgress", () => {
  it("says what it takes to move up and when the tier drops (calendar year)", () => {
    const history = [
      { at: "2025-06-01T10:00:00Z", amount: "600.00" },
      { at: "2026-03-01T10:00:00Z", amount: "270.00" },
    ];
    const p = tierProgress(calendar, history, { at: "2026-11-20T10:00:00Z" });
    expect(p.tier).toBe("Silver");
    expect(p.next).toEqual({ tier: "Gold", needed: "730.00", by: "2026-12-31" });
    expect(p.drop).toEqual({
      to: "Bronze",
      on: "2027-01-01",
      at: "2026-12-31T23:00:00.000Z",
      keepWith: "230.00",
      keepBy: "2026-12-31",
    });
    expect(p.message).toBe(
      "Silver: spend 730.00 more by 2026-12-31 to reach Gold; without more purchases you drop to Bronze on 2027-01-01 (spend 230.00 by 2026-12-31 to keep Silver).",
    );
    // The drop date is the date tierStatus reports the drop.
    expect(tierStatus(calendar, history, { at: p.drop?.at ?? "" }).tier?.name).toBe("Bronze");
  });

  it("at the top tier with the year qualified, the drop is after next year's review", () => {
    const p = tierProgress(calendar, [{ at: "2026-03-01T10:00:00Z", amount: "1500.00" }], {
      at: "2026-06-01T00:00:00Z",
    });
    expect(p.next).toBeNull();
    expect(p.drop?.on).toBe("2028-01-01");
    expect(p.drop?.keepWith).toBe("1000.00");
    expect(p.message).toMatch(/^Gold: top tier; without more purchases you drop to no tier on 2028-01-01/);
  });

  it("rolling: the drop comes when old points leave the window plus the grace", () => {
    const policy: TierPolicyInput = {
      basis: "points",
      timeZone: "Europe/Berlin",
      window: { type: "rolling", months: 12 },
      retention: { type: "grace", days: 30 },
      tiers: [
        { name: "Silver", threshold: "500" },
        { name: "Gold", threshold: "1000" },
      ],
    };
    const history = [
      { at: "2026-01-15T10:00:00Z", amount: "600" },
      { at: "2026-04-15T10:00:00Z", amount: "500" },
    ];
    const p = tierProgress(policy, history, { at: "2026-12-01T00:00:00Z" });
    expect(p.drop).toEqual({
      to: "Silver",
      on: "2027-02-14",
      at: "2027-02-14T10:00:00.000Z",
      keepWith: "500",
      keepBy: "2027-01-15",
    });
  });
});

describe("validation", () => {
  it("refuses a spend policy without a currency, and says how to fix it", () => {
    const { currency: _, ...bad } = calendar;
    expect(() => tierStatus(bad, [], { at: "2026-01-01T00:00:00Z" })).toThrow(/currency: expected a currency/);
  });

  it("refuses a retention the window cannot have", () => {
    expect(() =>
      tierStatus({ ...calendar, retention: { type: "grace", days: 10 } }, [], { at: "2026-01-01T00:00:00Z" }),
    ).toThrow(LoyaltyValidationError);
  });

  it("refuses duplicate thresholds and a missing at", () => {
    const dup = { ...calendar, tiers: [...calendar.tiers, { name: "Platinum", threshold: "1000.00" }] };
    expect(() => tierStatus(dup, [], { at: "2026-01-01T00:00:00Z" })).toThrow(/unique tier threshold/);
    expect(() => tierStatus(calendar, [], {} as { at: string })).toThrow(/options.at/);
  });

  it("refuses a history entry with a number amount", () => {
    expect(() =>
      tierStatus(calendar, [{ at: "2026-01-01T00:00:00Z", amount: 12 as unknown as string }], {
        at: "2026-01-01T00:00:00Z",
      }),
    ).toThrow(/0.amount/);
  });
});
