// The programs a multi-program function (checkoutAll, selectPromotions) takes: a non-empty array,
// each parsed, no two with the same id.
import { LoyaltyValidationError } from "../../errors/errors.js";
import { parseProgram } from "../parseProgram.js";
import type { Program } from "../program.js";

/** Parses each program; refuses an empty or non-array list and a repeated program id, naming its index. */
export function parseProgramList(programs: unknown): Program[] {
  if (!Array.isArray(programs) || programs.length === 0)
    throw new LoyaltyValidationError([{ path: ["programs"], message: "expected a non-empty array of programs" }]);
  const parsed = programs.map((p) => parseProgram(p));
  const ids = new Set<string>();
  parsed.forEach((p, i) => {
    if (ids.has(p.id))
      throw new LoyaltyValidationError([
        { path: ["programs", i, "id"], message: `duplicate program id ${JSON.stringify(p.id)}` },
      ]);
    ids.add(p.id);
  });
  return parsed;
}
