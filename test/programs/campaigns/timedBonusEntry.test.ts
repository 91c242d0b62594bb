import { describe, expect, it } from "vitest";
import { timedBonusEntry, timedMultipliersJsonSchema, type TimedMultiplierInput } from "../../../src/index.js";

// Europe/Berlin is UTC+1 in winter and UTC+2 in summer; in 2026 summer time starts on Sunday 29 March
// at 02:00 (clocks jump to 03:00), the last Sunday of March under EU Directive 2000/84/EC.
// Factors and hours are the issue's own examples ("double points on Tuesdays 16:00–18:00",
// "triple points on category X this weekend").
const happyHour: TimedMultiplierInput = {
  id: "tue",
  name: "Double points Tuesdays",
  factor: "2",
  timeZone: "Europe/Berlin",
  days: ["tue"],
  from: "16:00",
  to: "18:00",
};
const shoesWeekend: TimedMultiplierInput = {
  id: "shoes",
  name: "Triple points on shoes",
  factor: "3",
  timeZone: "Europe/Berlin",
  days: ["sat", "sun"],
  start: "2026-03-28T00:00:00+01:00",
  end: "2026-03-30T00:00:00+02:00",
  match: { categories: ["shoes"] },
};
const sale = (at: string) => ({
  at,
  transactionId: "s1",
  lines: [
    { sku: "SNEAKER", category: "shoes", pointsEarned: "30" },
    { sku: "SOCKS", category: "textiles", pointsEarned: "5" },
  ],
});

describe("timedBonusEntry", () => {
  it("evaluates the happy hour on Berlin wall-clock time, summer and winter", () => {
    // Tuesday 7 July 2026 14:30Z = 16:30 CEST: inside. Tuesday 13 January 2026 14:30Z = 15:30 CET: outside.
    const summer = timedBonusEntry([happyHour], sale("2026-07-07T14:30:00Z"));
    expect(summer.entry?.points).toBe("35");
    expect(summer.entry?.transactionId).toBe("s1:timed-bonus");
    expect(timedBonusEntry([happyHour], sale("2026-01-13T14:30:00Z")).entry).toBeNull();
    expect(timedBonusEntry([happyHour], sale("2026-01-13T15:30:00Z")).entry?.points).toBe("35");
    // 18:00 is excluded.
    expect(timedBonusEntry([happyHour], sale("2026-01-13T17:00:00Z")).explanation).toBe(
      "No extra points: no multiplier is active at this time.",
    );
  });

  it("applies the category weekend across the spring-forward night, highest factor only", () => {
    // Sunday 29 March 2026 01:30Z = 03:30 CEST, half an hour after the clocks jumped.
    const r = timedBonusEntry(
      [
        happyHour,
        shoesWeekend,
        { ...happyHour, id: "all", name: "Sunday bonus", days: ["sun"], from: "00:00", to: "24:00", factor: "1.5" },
      ],
      sale("2026-03-29T01:30:00Z"),
    );
    expect(r.lines).toEqual([
      { sku: "SNEAKER", multiplier: "shoes", extra: "60" },
      { sku: "SOCKS", multiplier: "all", extra: "2.5" },
    ]);
    expect(r.entry?.points).toBe("62");
    expect(r.explanation).toBe(
      "62 extra points: Triple points on shoes (×3) on SNEAKER; Sunday bonus (×1.5) on SOCKS.",
    );
    // Monday 30 March 00:00 CEST (29 March 22:00Z) is the end: excluded.
    expect(timedBonusEntry([shoesWeekend], sale("2026-03-29T22:00:00Z")).entry).toBeNull();
    expect(timedBonusEntry([shoesWeekend], sale("2026-03-29T21:59:59Z")).entry?.points).toBe("60");
  });

  it("refuses a window across midnight and bad lines, saying how to fix them", () => {
    expect(() => timedBonusEntry([{ ...happyHour, from: "22:00", to: "02:00" }], sale("2026-07-07T14:30:00Z"))).toThrow(
      /split it into two multipliers/,
    );
    expect(() =>
      timedBonusEntry([happyHour], {
        at: "2026-07-07T14:30:00Z",
        transactionId: "s",
        lines: [{ sku: "A", pointsEarned: "-1" }],
      }),
    ).toThrow(/options.lines.0/);
    expect(timedMultipliersJsonSchema()["type"]).toBe("array");
  });
});
