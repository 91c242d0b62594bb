import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { decimalToNumber, DECIMAL_PATTERN } from "../../src/core/decimal.js";
import { instantMillis } from "../../src/core/instant.js";

// The instant parser reads the common ISO-8601 shapes character by character. The oracle here is
// independent of it: Date.UTC on the generated fields (ECMA-262 §21.4.3.4) minus the offset, and the
// Gregorian month lengths (30 days hath September…; February 29 in years divisible by 4, not by 100
// unless by 400). Years 100–9999 keep Date.UTC away from its 0–99 → 19xx rule.
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
// 1,000 runs in `npm test`, 100,000 under DEEP=1 (`npm run test:deep`).
const runs = { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 };
const monthLength = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

test.prop(
  [
    fc.record({
      year: fc.integer({ min: 100, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 61 }),
      second: fc.option(fc.integer({ min: 0, max: 61 })),
      fraction: fc.option(fc.stringMatching(/^\d{1,3}$/)),
      offset: fc.option(
        fc.record({
          sign: fc.constantFrom(1, -1),
          h: fc.integer({ min: 0, max: 24 }),
          m: fc.integer({ min: 0, max: 60 }),
        }),
      ),
    }),
  ],
  runs,
)("ISO instants: the fast path agrees with Date.UTC on valid fields and refuses invalid ones", (f) => {
  const secondPart = f.second === null ? "" : `:${pad(f.second)}${f.fraction === null ? "" : `.${f.fraction}`}`;
  const offsetPart = f.offset === null ? "Z" : `${f.offset.sign > 0 ? "+" : "-"}${pad(f.offset.h)}:${pad(f.offset.m)}`;
  const text = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}${secondPart}${offsetPart}`;
  const valid =
    f.month >= 1 &&
    f.month <= 12 &&
    f.day >= 1 &&
    f.day <= monthLength(f.year, f.month) &&
    f.hour <= 23 &&
    f.minute <= 59 &&
    (f.second ?? 0) <= 59 &&
    (f.offset === null || (f.offset.h <= 23 && f.offset.m <= 59));
  const ms = f.second !== null && f.fraction !== null ? Number(`0.${f.fraction}`) * 1000 : 0;
  const offsetMs = f.offset === null ? 0 : f.offset.sign * (f.offset.h * 60 + f.offset.m) * 60_000;
  const expected = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second ?? 0, Math.round(ms)) - offsetMs;
  const got = instantMillis(text);
  if (valid && expected <= 253_402_300_799_999) expect(got).toBe(expected);
  else expect(got).toBeNaN();
  // A date-only string: midnight UTC of a valid day, refused unless asked for.
  const day = text.slice(0, 10);
  const dayValid = f.month >= 1 && f.month <= 12 && f.day >= 1 && f.day <= monthLength(f.year, f.month);
  expect(instantMillis(day)).toBeNaN();
  if (dayValid) expect(instantMillis(day, { dateOnly: "utc-midnight" })).toBe(Date.UTC(f.year, f.month - 1, f.day));
  else expect(instantMillis(day, { dateOnly: "utc-midnight" })).toBeNaN();
});

test.prop([fc.oneof(fc.stringMatching(/^-?(0|[1-9]\d{0,20})(\.\d{1,20})?$/), fc.string({ maxLength: 12 }))], runs)(
  "decimal strings: decimalToNumber is exactly +s on the pattern and NaN off it",
  (s) => {
    const got = decimalToNumber(s);
    if (DECIMAL_PATTERN.test(s)) expect(Object.is(got, +s)).toBe(true);
    else expect(got).toBeNaN();
  },
);
