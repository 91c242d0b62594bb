import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { decimalToNumber, DECIMAL_PATTERN } from "../../src/core/decimal.js";
import { instantMillis, MAX_INSTANT_MS, MIN_INSTANT_MS, patternMillis } from "../../src/core/instant.js";

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

// The fast path (the stored 24-character form first, then the other common shapes, read by
// character code) must agree with the parser's general path (regular expression, field checks,
// Date.parse) on every string: instants as toISOString writes them, the other shapes, and those
// strings with characters replaced, inserted or removed (mostly invalid, some valid in another way).
const isoFields = [
  [0, 4],
  [5, 7],
  [8, 10],
  [11, 13],
  [14, 16],
  [17, 19],
  [20, 23],
] as const;
// Mostly the edges of each field's range, as the mutations that a parser's range checks must catch.
const fieldValue = fc.oneof(
  { arbitrary: fc.constantFrom(0, 1, 12, 13, 23, 24, 28, 29, 30, 31, 32, 59, 60, 99, 100, 999), weight: 3 },
  { arbitrary: fc.nat({ max: 9999 }), weight: 1 },
);
const isoText = fc.oneof(
  fc.integer({ min: MIN_INSTANT_MS, max: MAX_INSTANT_MS }).map((ms) => new Date(ms).toISOString()),
  // One field replaced by any number of its width: days past the month's end, hour 24, minute 60…
  {
    arbitrary: fc
      .tuple(fc.integer({ min: MIN_INSTANT_MS, max: MAX_INSTANT_MS }), fc.constantFrom(...isoFields), fieldValue)
      .map(([ms, [from, to], n]) => {
        const text = new Date(ms).toISOString();
        return text.slice(0, from) + String(n % 10 ** (to - from)).padStart(to - from, "0") + text.slice(to);
      }),
    weight: 3,
  },
  fc
    .tuple(
      fc.integer({ min: MIN_INSTANT_MS, max: MAX_INSTANT_MS }),
      fc.constantFrom(10, 16, 19, 21, 22, 23, 24),
      fc.constantFrom("Z", "+00:00", "-05:30", "+14:00", "+24:00", "-00:60", ""),
      fc.stringMatching(/^\d{0,9}$/),
    )
    .map(([ms, cut, offset, more]) => {
      const text = new Date(ms).toISOString().slice(0, cut);
      return cut === 10 ? text : `${text}${cut === 24 ? "" : more}${offset}`;
    }),
);
const edit = fc.record({
  at: fc.nat({ max: 30 }),
  kind: fc.constantFrom("replace", "insert", "remove"),
  char: fc.constantFrom(..."0123456789-T:.Z+ z\u0660"),
});
// Half the strings are edited once or twice.
test.prop([isoText, fc.option(fc.array(edit, { minLength: 1, maxLength: 2 }), { freq: 2 })], runs)(
  "instants: the fast path agrees with the general path on valid and invalid strings",
  (start, edits) => {
    let text = start;
    for (const e of edits ?? []) {
      const i = e.at % (text.length + 1);
      text =
        e.kind === "insert"
          ? text.slice(0, i) + e.char + text.slice(i)
          : text.slice(0, i) + (e.kind === "replace" ? e.char : "") + text.slice(i + 1);
    }
    for (const dateOnly of ["reject", "utc-midnight"] as const) {
      const general = patternMillis(text, dateOnly);
      const expected = general >= MIN_INSTANT_MS && general <= MAX_INSTANT_MS ? general : Number.NaN;
      expect(instantMillis(text, { dateOnly })).toBe(expected);
    }
  },
);

test.prop([fc.oneof(fc.stringMatching(/^-?(0|[1-9]\d{0,20})(\.\d{1,20})?$/), fc.string({ maxLength: 12 }))], runs)(
  "decimal strings: decimalToNumber is exactly +s on the pattern and NaN off it",
  (s) => {
    const got = decimalToNumber(s);
    if (DECIMAL_PATTERN.test(s)) expect(Object.is(got, +s)).toBe(true);
    else expect(got).toBeNaN();
  },
);
