// Account settings and whole-snapshot checks: these use the zod schemas, so they live apart from the
// engine, which the till path (post, balance) imports without zod.
import { LoyaltyValidationError } from "../../errors/errors.js";
import { makeParsers } from "../../_lib/validation.js";
import {
  AccountSchema,
  AccountSettingsSchema,
  type Account,
  type AccountSettings,
  type EntryInput,
} from "../schemas.js";
import { replayState, toAccount, type Settings } from "./engine.js";
import { preview } from "./instant.js";
import { jsonEqual } from "./json.js";
import { toUnits } from "./units.js";

const settingsParsers = /* @__PURE__ */ makeParsers(AccountSettingsSchema, "account settings");
const accountParsers = /* @__PURE__ */ makeParsers(AccountSchema, "account");

/** Validates account settings; with `pickKnown`, other keys are ignored (so an Account works as settings). */
export function settingsFrom(input: AccountSettings, what: string, pickKnown = false): Settings {
  let picked: unknown = input;
  if (pickKnown && typeof input === "object" && input !== null && !Array.isArray(input)) {
    const o = input as Record<string, unknown>;
    const p: Record<string, unknown> = {};
    for (const k of ["accountId", "currency", "scale", "negativeLimit"]) if (o[k] !== undefined) p[k] = o[k];
    picked = p;
  }
  const parsed = settingsParsers.parse(picked);
  const scale = parsed.scale ?? 0;
  const limitText = parsed.negativeLimit ?? "0";
  const negativeLimit = toUnits(limitText, scale);
  if (negativeLimit === undefined) {
    throw new LoyaltyValidationError(
      [
        {
          path: ["negativeLimit"],
          message: `expected at most ${scale} decimal places (the account's scale), got ${preview(limitText)}`,
        },
      ],
      what,
    );
  }
  return { accountId: parsed.accountId, currency: parsed.currency, scale, negativeLimit };
}

export function replayEntries(inputs: readonly EntryInput[], settingsInput: AccountSettings): Account {
  if (!Array.isArray(inputs))
    throw new LoyaltyValidationError(
      [{ path: [], message: `expected an array of entries, got ${preview(inputs)}` }],
      "replay",
    );
  return toAccount(replayState(inputs, settingsFrom(settingsInput, "replay", true), false));
}

export function parseAccountChecked(input: unknown): Account {
  const parsed = accountParsers.parse(input);
  const rebuilt = toAccount(replayState(parsed.entries, settingsFrom(parsed, "account", true), true));
  for (const key of ["negativeLimit", "entries", "version", "lots", "holds", "debits", "deficit"] as const) {
    if (!jsonEqual(parsed[key], rebuilt[key])) {
      throw new LoyaltyValidationError(
        [
          {
            path: [key],
            message:
              key === "entries"
                ? "expected entries in stored form (points written with the account's scale)"
                : "does not match what replaying the entries gives",
          },
        ],
        "account",
      );
    }
  }
  return rebuilt;
}
