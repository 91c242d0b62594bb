// A program written in TypeScript: `satisfies ProgramInput` checks the literal against the program
// schema's input type as you type, so a typo is a compile error instead of a VALIDATION error at
// run time. (CI type-checks this file with the rest of the repository: `npm run typecheck`.)
import { type ProgramInput, parseProgram } from "loyalty-kit";

const bonus = {
  kind: "bonus",
  id: "olga-bonus",
  name: "Olga's bonus",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], validityMonths: 12 },
} satisfies ProgramInput;

export const program = parseProgram(bonus); // still validated at run time: amounts, instants, time zone

const typo = {
  kind: "bonus",
  id: "typo",
  name: "Typo",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  // @ts-expect-error — "pointz" is not a field of an earn rule (the compiler says which one)
  earn: { rules: [{ type: "per-amount", pointz: "1", per: "1.00" }] },
} satisfies ProgramInput;

// @ts-expect-error — "bonuss" is not a program kind
const wrongKind = { ...typo, kind: "bonuss" } satisfies ProgramInput;

export const rejected = [typo, wrongKind];
