// Paused time never counts: deadlines against a slow reference that walks the calendar in 15-minute
// slots and counts a slot only when it is inside business hours and the complaint is not waiting on
// anyone (the last event at or before the slot carries no `waitingOn`, or the slot is after the
// instant judged). Independent of the implementation's interval arithmetic.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  breaches,
  deadlines,
  openComplaint,
  transition,
  type ComplaintEventInput,
  type SlaPolicyInput,
} from "../../src/index.js";

const QUARTER = 15 * 60_000;
const wallFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Berlin",
  hourCycle: "h23",
  hour: "2-digit",
  minute: "2-digit",
  weekday: "short",
});
function businessSlot(ms: number): boolean {
  const parts = Object.fromEntries(wallFormat.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const minutes = Number(parts["hour"]) * 60 + Number(parts["minute"]);
  return !["Sat", "Sun"].includes(parts["weekday"] ?? "") && minutes >= 9 * 60 && minutes < 17 * 60;
}

describe("SLA pauses", () => {
  it("never count paused time, and a pause never makes a met or unmet deadline earlier", () => {
    fc.assert(
      fc.property(
        // Quarter hours in March–April 2026 (Berlin's change to summer time on 29 March included).
        fc
          .integer({ min: Date.UTC(2026, 2, 1) / QUARTER, max: Date.UTC(2026, 3, 20) / QUARTER })
          .map((q) => q * QUARTER),
        fc.array(
          fc.record({
            gap: fc.integer({ min: 0, max: 16 }),
            waitingOn: fc.constantFrom(undefined, "customer" as const, "third-party" as const),
          }),
          { maxLength: 6 },
        ),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 1, max: 32 }), // 15 min … 8 h
        (start, steps, judgeGap, quarters) => {
          const hours = quarters / 4;
          const t = { acknowledgeHours: hours, agreePlanHours: hours, resolveHours: hours };
          const policy: SlaPolicyInput = {
            timeZone: "Europe/Berlin",
            businessHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
            targets: { low: t, normal: t, high: t, urgent: t },
          };
          let c = openComplaint({ id: "c", customerId: "k", cause: "other", at: new Date(start) });
          let at = start;
          const marks: { ms: number; waiting: boolean }[] = [];
          for (const s of steps) {
            at += s.gap * QUARTER;
            const e: ComplaintEventInput = {
              type: "CUSTOMER_REPLY",
              at: new Date(at),
              by: "k",
              ...(s.waitingOn === undefined ? {} : { waitingOn: s.waitingOn }),
            };
            c = transition(c, e);
            marks.push({ ms: at, waiting: s.waitingOn !== undefined });
          }
          const judged = at + judgeGap * QUARTER;
          const paused = (slot: number): boolean => {
            if (slot >= judged) return false;
            let waiting = false;
            for (const m of marks) if (m.ms <= slot) waiting = m.waiting;
            return waiting;
          };
          // Nothing is met (replies only), so the resolve deadline is the end of the slot in which
          // the `quarters`-th counted quarter hour ends.
          let slot = start;
          let left = quarters;
          while (left > 0) {
            if (businessSlot(slot) && !paused(slot)) left--;
            slot += QUARTER;
          }
          const d = deadlines(c, policy, { at: new Date(judged) });
          expect(Date.parse(d.resolve)).toBe(slot);
          const unpaused = deadlines(
            openComplaint({ id: "c", customerId: "k", cause: "other", at: new Date(start) }),
            policy,
          );
          expect(Date.parse(d.resolve)).toBeGreaterThanOrEqual(Date.parse(unpaused.resolve));
          // Breached exactly when the judged instant is past that deadline.
          expect(breaches(c, policy, { at: new Date(judged) }).some((b) => b.target === "resolve")).toBe(judged > slot);
        },
      ),
    );
  });
});
