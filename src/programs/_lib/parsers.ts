// parseX / safeParseX for the module's zod/mini schemas. zod/mini keeps the till path small (it is
// what lets `checkout` + `parseProgram` fit the bundle budget: 38 kB instead of 54 kB brotli) but
// ships no message locale, so messages are written here from each issue's data, in the project's
// "expected …, got …" form.
import type * as z from "zod/mini";
import { LoyaltyValidationError, type ValidationIssue } from "../../errors/errors.js";
import { previewValue } from "../../_lib/values.js";
import type { SafeParseResult } from "../../_lib/validation.js";

interface RawIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly origin?: string;
  readonly options?: readonly unknown[];
  readonly discriminator?: string;
}

const ARTICLE: Record<string, string> = {
  int: "an integer",
  object: "an object",
  array: "an array",
  undefined: "nothing",
};

function expectedFrom(issue: RawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${ARTICLE[issue.expected ?? ""] ?? `a ${issue.expected ?? "value"}`}`;
    case "invalid_value":
      return (issue.values ?? []).length === 1
        ? `expected ${JSON.stringify(issue.values?.[0])}`
        : `expected one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
    case "unrecognized_keys":
      return `unrecognized key${(issue.keys ?? []).length === 1 ? "" : "s"} ${(issue.keys ?? []).map((k) => JSON.stringify(k)).join(", ")}: no other keys are allowed`;
    case "too_small":
      return issue.origin === "array"
        ? `expected at least ${String(issue.minimum)} item${issue.minimum === 1 ? "" : "s"}`
        : issue.origin === "string"
          ? `expected at least ${String(issue.minimum)} character${issue.minimum === 1 ? "" : "s"}`
          : `expected at least ${String(issue.minimum)}`;
    case "too_big":
      return issue.origin === "array"
        ? `expected at most ${String(issue.maximum)} items`
        : issue.origin === "string"
          ? `expected at most ${String(issue.maximum)} characters`
          : `expected at most ${String(issue.maximum)}`;
    case "invalid_union":
      return issue.discriminator !== undefined
        ? `expected ${issue.discriminator} to be one of ${(issue.options ?? []).map((v) => JSON.stringify(v)).join(", ")}`
        : "expected one of the allowed shapes";
    default:
      return "invalid input";
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (typeof v !== "object" || v === null || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Our issues from zod's: a path of strings and numbers and a message saying what was expected and what was given. */
export function issuesOf(issues: readonly RawIssue[], input: unknown): ValidationIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    // Our own messages start in lower case ("expected …"); zod's — none with zod/mini alone, English
    // ones once anything has loaded zod's locale — are replaced, so messages do not depend on what
    // else the application imports.
    const message = /^[a-z]/.test(issue.message) ? issue.message : expectedFrom(issue);
    const got = issue.code === "unrecognized_keys" ? "" : `, got ${previewValue(valueAt(input, issue.path))}`;
    return { path, message: `${message}${got}` };
  });
}

export function miniParsers<T>(
  schema: z.ZodMiniType<T>,
  what: string,
): { parse: (input: unknown) => T; safeParse: (input: unknown) => SafeParseResult<T> } {
  const safeParse = (input: unknown): SafeParseResult<T> => {
    let r: ReturnType<typeof schema.safeParse>;
    try {
      r = schema.safeParse(input);
    } catch (e) {
      // A getter or proxy in the input threw while being read: still a validation failure.
      return {
        success: false,
        error: new LoyaltyValidationError(
          [{ path: [], message: `could not read input: ${e instanceof Error ? e.message : String(e)}` }],
          what,
        ),
      };
    }
    if (r.success) return { success: true, data: r.data };
    return {
      success: false,
      error: new LoyaltyValidationError(issuesOf(r.error.issues as readonly RawIssue[], input), what),
    };
  };
  const parse = (input: unknown): T => {
    const r = safeParse(input);
    if (!r.success) throw r.error;
    return r.data;
  };
  return { parse, safeParse };
}
