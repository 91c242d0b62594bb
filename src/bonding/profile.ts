import { guardInputs } from "../core/guard.js";
import * as z from "zod/mini";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { SIGNAL_NAMES, type BondingSignal } from "./signals.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

const SignalValue = /* @__PURE__ */ (() =>
  z
    .number()
    .check(z.nonnegative({ message: "expected a non-negative finite number (a count, months, hours or 0/1)" })))();

/**
 * What has been observed about one customer: a value per signal of {@link "loyalty-kit/bonding"!BONDING_SIGNALS} (a
 * missing signal counts as 0). Unknown signal names, negative and non-finite values are rejected.
 *
 * @example
 * ```ts
 * import { BondingProfileSchema } from "loyalty-kit/schemas";
 * console.log(BondingProfileSchema.safeParse({ signals: { discountsUsed: -1 } }).success); // false
 * ```
 * @category bonding
 */
export const BondingProfileSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    customerId: z.optional(z.string().check(z.minLength(1))),
    signals: z.strictObject(
      Object.fromEntries(SIGNAL_NAMES.map((s) => [s, z.optional(SignalValue)])) as Record<
        BondingSignal,
        z.ZodMiniOptional<typeof SignalValue>
      >,
      {
        error: (issue) =>
          issue.code === "unrecognized_keys"
            ? `unknown signal ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; expected one of ${SIGNAL_NAMES.join(", ")}`
            : undefined,
      },
    ),
  }))();

/**
 * A bonding profile (see {@link BondingProfileSchema}).
 *
 * @example
 * ```ts
 * import type { BondingProfile } from "loyalty-kit";
 * const p: BondingProfile = { customerId: "c-1", signals: { loyaltyCardHolder: 1, discountsUsed: 4 } };
 * console.log(p.signals.discountsUsed);
 * ```
 * @category bonding
 */
export type BondingProfile = z.infer<typeof BondingProfileSchema>;

const parsers = /* @__PURE__ */ makeParsers(BondingProfileSchema, "bonding profile");

/**
 * Validates a bonding profile.
 *
 * Every signal must be one of {@link "loyalty-kit/bonding"!BONDING_SIGNALS} with a non-negative finite value; the issue path
 * names the field (`signals.discountsUsed`).
 *
 * @param input - The profile, e.g. read from JSON.
 * @returns The {@link BondingProfile}.
 * @throws {LoyaltyValidationError} when a signal is unknown, negative or not finite, or a key is extra.
 * @example
 * ```ts
 * import { parseBondingProfile } from "loyalty-kit";
 * console.log(parseBondingProfile({ signals: { membership: 1 } }).signals.membership); // 1
 * ```
 * @category bonding
 */
export function parseBondingProfile(input: unknown): BondingProfile {
  return guardInputs("parseBondingProfile", { input }, () => parseBondingProfileUnguarded(input));
}

function parseBondingProfileUnguarded(input: unknown): BondingProfile {
  return parsers.parse(input);
}

/**
 * Like {@link parseBondingProfile} but returns a tagged result and never throws.
 *
 * @param input - The profile, e.g. read from JSON.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @throws Never.
 * @example
 * ```ts
 * import { safeParseBondingProfile } from "loyalty-kit";
 * const r = safeParseBondingProfile({ signals: { loyalty: 1 } });
 * if (!r.success) console.log(r.error.message);
 * ```
 * @category bonding
 */
export function safeParseBondingProfile(input: unknown): SafeParseResult<BondingProfile> {
  return guardInputs("safeParseBondingProfile", { input }, () => safeParseBondingProfileUnguarded(input));
}

function safeParseBondingProfileUnguarded(input: unknown): SafeParseResult<BondingProfile> {
  return parsers.safeParse(input);
}
