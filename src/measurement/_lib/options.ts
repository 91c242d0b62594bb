// Zod-free check of an options argument: a plain object (or undefined) with only the known keys.
import { invalid } from "../../_lib/values.js";

/** Returns the options as a record of unknowns, or throws naming the unexpected key. */
export function parseOptions(
  options: unknown,
  keys: readonly string[],
  what: string,
): Readonly<Record<string, unknown>> {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options))
    invalid([], `expected an options object with keys ${keys.join(", ")}`, `${what} options`);
  for (const key of Object.keys(options)) {
    if (!keys.includes(key)) invalid([key], `unknown option; expected one of ${keys.join(", ")}`, `${what} options`);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(options, key)) out[key] = (options as Record<string, unknown>)[key];
  return out;
}
