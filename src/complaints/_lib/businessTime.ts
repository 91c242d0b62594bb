import { addMilliseconds } from "date-fns";
import { invalid } from "../../_lib/validation.js";
import { zonedParts, zonedTimeToInstant } from "../../_lib/time.js";
import type { SlaPolicy } from "../slaPolicy.js";

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * The instant `durationMs` of business time after `startMs`: time counts only inside the policy's
 * business hours, on business days that are not holidays, in the policy's time zone (wall-clock
 * math through src/_lib/time.ts, so DST changes are honoured). Without business hours the clock
 * runs around the clock.
 */
export function addBusinessTime(startMs: number, durationMs: number, policy: SlaPolicy): number {
  const hours = policy.businessHours;
  if (hours === undefined) return addMilliseconds(startMs, durationMs).getTime();
  const [sh, sm] = hours.start.split(":").map(Number) as [number, number];
  const [eh, em] = hours.end.split(":").map(Number) as [number, number];
  const holidays = new Set(policy.holidays ?? []);
  const tz = policy.timeZone;
  let t = startMs;
  let remaining = durationMs;
  // Ten years of days: a policy whose holidays leave no business day that long is broken.
  for (let i = 0; i < 3660; i++) {
    const p = zonedParts(t, tz);
    const nextDay = zonedTimeToInstant({ year: p.year, month: p.month, day: p.day + 1 }, tz);
    if (hours.days.includes(p.weekday) && !holidays.has(`${p.year}-${pad(p.month)}-${pad(p.day)}`)) {
      const open = zonedTimeToInstant({ year: p.year, month: p.month, day: p.day, hour: sh, minute: sm }, tz);
      const close =
        eh === 24
          ? nextDay
          : zonedTimeToInstant({ year: p.year, month: p.month, day: p.day, hour: eh, minute: em }, tz);
      const from = Math.max(t, open);
      if (from < close) {
        if (remaining <= close - from) return from + remaining;
        remaining -= close - from;
      }
    }
    t = nextDay;
  }
  return invalid(
    ["holidays"],
    "expected business days: the policy leaves no business hours within ten years",
    "SLA policy",
  );
}
