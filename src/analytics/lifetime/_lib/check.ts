// Checks of parameter objects, shared by the parse functions and the model functions. Internal.
import type { ValidationIssue } from "../../../errors/errors.js";

export function describe(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  return Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : typeof value;
}

/** Issues for named positive finite numbers read from `input`; `base` prefixes the paths. */
export function positiveFieldIssues(
  input: unknown,
  names: readonly string[],
  base: readonly (string | number)[],
): ValidationIssue[] {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return [{ path: [...base], message: `expected an object { ${names.join(", ")} }, got ${describe(input)}` }];
  }
  const issues: ValidationIssue[] = [];
  for (const name of names) {
    const v = Object.hasOwn(input, name) ? (input as Record<string, unknown>)[name] : undefined;
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0)
      issues.push({ path: [...base, name], message: `expected a finite positive number, got ${describe(v)}` });
  }
  return issues;
}
