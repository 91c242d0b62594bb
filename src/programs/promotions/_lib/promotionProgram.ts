import { LoyaltyValidationError } from "../../../errors/errors.js";
import { parseProgram } from "../../parseProgram.js";
import type { Program, ProgramOf } from "../../program.js";

/** The parsed promotion with coupon rules, or a validation error naming what it is instead. */
export function couponProgram(
  program: Program,
): ProgramOf<"promotion"> & { coupon: NonNullable<ProgramOf<"promotion">["coupon"]> } {
  const p = parseProgram(program);
  if (p.kind !== "promotion" || p.coupon === undefined)
    throw new LoyaltyValidationError([
      {
        path: ["program"],
        message: `expected a promotion with coupon rules, got program ${JSON.stringify(p.id)} (${p.kind})`,
      },
    ]);
  return p as ProgramOf<"promotion"> & { coupon: NonNullable<ProgramOf<"promotion">["coupon"]> };
}

export function text(value: unknown, path: string, max = 200): string {
  if (typeof value !== "string" || value.length === 0 || value.length > max)
    throw new LoyaltyValidationError([
      {
        path: [path],
        message: `expected a non-empty string of at most ${max} characters, got ${typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : typeof value}`,
      },
    ]);
  return value;
}

export function optionalText(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : text(value, path);
}
