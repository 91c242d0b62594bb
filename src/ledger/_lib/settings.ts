// Account settings and whole-snapshot checks: these use the zod schemas, so they live apart from the
// engine, which the till path (post, balance) imports without zod.
import * as z from "zod/mini";
import { fromStoredForm, isStoredForm } from "./stored.js";
import { InMemoryAccountSchema } from "./storedSchema.js";
import { ErrorCode, LoyaltyValidationError, OperationError } from "../../errors/errors.js";
import { makeParsers } from "../../_lib/validation.js";
import {
  AccountSchema,
  AccountSettingsSchema,
  CheckpointSchema,
  DEFAULT_RETAIN_DAYS,
  MAX_RETAIN_DAYS,
  type Account,
  type Checkpoint,
  type AccountSettings,
} from "../schemas.js";
import { replayOnto } from "./apply.js";
import { fromSnapshot, notUpgraded } from "./snapshot.js";
import type { Settings } from "./state.js";
import { preview } from "./instant.js";
import { jsonEqual } from "./json.js";
import type { LedgerHistoryRecord } from "../history.js";
import { toUnits } from "./units.js";

const settingsParsers = /* @__PURE__ */ makeParsers(AccountSettingsSchema, "account settings");
const accountParsers = /* @__PURE__ */ makeParsers(AccountSchema, "account");
// The stored form's entries are objects fromStoredForm has just built (never frozen), so the
// engine's entry check in fromSnapshot reads every one of them (the stored-form check, else the
// entry schema itself, with the account's scale): the snapshot's schema leaves them to it instead
// of checking and copying each entry once more before it (see readOnce).
const storedParsers = /* @__PURE__ */ (() =>
  makeParsers(z.extend(InMemoryAccountSchema, { entries: z.array(z.unknown()) }), "account"))();
const checkpointParsers = /* @__PURE__ */ makeParsers(CheckpointSchema, "checkpoint");

/** Validates account settings; with `pickKnown`, other keys are ignored (so an Account works as settings). */
export function settingsFrom(input: AccountSettings, what: string, pickKnown = false): Settings {
  let picked: unknown = input;
  if (pickKnown && typeof input === "object" && input !== null && !Array.isArray(input)) {
    const o = input as Record<string, unknown>;
    const p: Record<string, unknown> = {};
    for (const k of ["accountId", "currency", "scale", "negativeLimit", "retainDays"])
      if (o[k] !== undefined) p[k] = o[k];
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
  return {
    accountId: parsed.accountId,
    currency: parsed.currency,
    scale,
    negativeLimit,
    retainDays: parsed.retainDays ?? DEFAULT_RETAIN_DAYS,
  };
}

/** Options of replayAccount and parseAccount's history check. */
export interface HistoryOptions {
  readonly from?: Account | undefined;
  readonly checkpoint?: Checkpoint | undefined;
}

export function replayEntries(
  inputs: readonly unknown[],
  settingsInput: AccountSettings,
  options: HistoryOptions = {},
): Account {
  if (!Array.isArray(inputs))
    throw new LoyaltyValidationError(
      [{ path: [], message: `expected an array of entries or history records, got ${preview(inputs)}` }],
      "replay",
    );
  if (typeof options !== "object" || options === null)
    throw new LoyaltyValidationError(
      [{ path: ["options"], message: `expected an options object, got ${preview(options)}` }],
      "replay",
    );
  const settings = settingsFrom(settingsInput, "replay", true);
  const account = replayOnto(inputs, settings, options.from);
  if (options.checkpoint !== undefined) sameCheckpoint(account, options.checkpoint);
  return account;
}

/** Throws HISTORY_MISMATCH unless the account ends on `expected` (version, newest instant, balance). */
export function sameCheckpoint(account: Account, expected: Checkpoint): void {
  const cp = checkpointParsers.parse(expected);
  const actual = account.checkpoint;
  const atMs = (t: string | undefined): number | null => (t === undefined ? null : Date.parse(t));
  const fields: [string, string | number | null, string | number | null][] = [
    ["version", cp.version, actual.version],
    ["at", atMs(cp.at), atMs(actual.at)],
    ["balance", cp.balance, actual.balance],
  ];
  for (const [field, want, got] of fields) {
    const equal =
      field === "balance" ? toUnits(String(want), account.scale) === toUnits(String(got), account.scale) : want === got;
    if (!equal) {
      const show = (v: string | number | null, raw: string | undefined): string | number | null =>
        field === "at" ? (raw ?? null) : v;
      const wantShown = show(want, cp.at);
      const gotShown = show(got, actual.at);
      throw new OperationError(
        ErrorCode.HISTORY_MISMATCH,
        `the history does not match its checkpoint: ${field} is ${JSON.stringify(gotShown)} after replaying it, the checkpoint says ${JSON.stringify(wantShown)}; pass the account's complete history (every record from sequence 1, or from the snapshot's version on with { from })`,
        { accountId: account.accountId, field, expected: wantShown, actual: gotShown },
      );
    }
  }
}

export function parseAccountChecked(input: unknown, options: { readonly history?: readonly unknown[] } = {}): Account {
  if (typeof input === "object" && input !== null && !Array.isArray(input) && !("checkpoint" in input)) {
    const o = input as Record<string, unknown>;
    if (Array.isArray(o["entries"]) && o["version"] === o["entries"].length) notUpgraded([]);
  }
  // The stored form is rebuilt first, so that a problem is reported at its place in the snapshot.
  let read = input;
  const stored = isStoredForm(input);
  if (stored) {
    const r = fromStoredForm(input);
    if ("issues" in r)
      throw new LoyaltyValidationError(
        r.issues.map((i) => ({ path: [...i.path], message: i.message })),
        "account",
      );
    read = r.account;
  }
  const { parsed, rebuilt } = (stored ? readOnce(read) : undefined) ?? readChecked(read);
  if (options.history !== undefined) sameAsHistory(rebuilt, parsed.checkpoint, options.history, "account");
  return rebuilt;
}

/**
 * A rebuilt stored form read with each entry checked once (see storedParsers), or undefined when
 * anything is wrong with it: it is then read as any snapshot is ({@link readChecked}), which reports
 * every problem as it always has — an entry's and the lot tuple that takes its instants from it
 * together, the schema's findings before the engine's. Whatever this accepts, that accepts as well
 * and rebuilds into the same account (every entry passed the entry schema, and the engine copies
 * the same checked entries either way).
 */
function readOnce(read: unknown): { parsed: Account; rebuilt: Account } | undefined {
  const shell = storedParsers.safeParse(read);
  if (!shell.success) return undefined;
  const parsed = shell.data as Account; // its entries are checked by fromSnapshot
  try {
    return { parsed, rebuilt: fromSnapshot(parsed) };
  } catch {
    return undefined;
  }
}

/** A snapshot checked by the account schema, then rebuilt (its figures checked) by the engine. */
function readChecked(read: unknown): { parsed: Account; rebuilt: Account } {
  const parsed = accountParsers.parse(read);
  try {
    return { parsed, rebuilt: fromSnapshot(parsed) };
  } catch (e) {
    // The input is the account itself: paths start at its root, not under "account".
    if (e instanceof LoyaltyValidationError)
      throw new LoyaltyValidationError(
        e.issues.map((i) => ({ path: i.path[0] === "account" ? i.path.slice(1) : i.path, message: i.message })),
        "account",
      );
    throw e;
  }
}

/**
 * The history check: replaying `history` (every record from sequence 1) must give exactly `account`
 * — its checkpoint, entries, lots, holds, debits and deficit — else HISTORY_MISMATCH naming what
 * differs. O(history length).
 */
export function sameAsHistory(account: Account, checkpoint: Checkpoint, history: unknown, what: string): void {
  if (!Array.isArray(history))
    throw new LoyaltyValidationError(
      [{ path: ["history"], message: `expected an array of history records, got ${preview(history)}` }],
      what,
    );
  const replayed = replayOnto(history, settingsFrom(account, what, true), undefined);
  sameCheckpoint(replayed, checkpoint);
  for (const key of ["retainDays", "entries", "lots", "holds", "debits", "deficit"] as const) {
    if (!jsonEqual(replayed[key], account[key]))
      throw new OperationError(
        ErrorCode.HISTORY_MISMATCH,
        `the snapshot's ${key} is not what replaying its history gives (the snapshot or the history was edited); rebuild the snapshot with replayAccount(history)`,
        { accountId: account.accountId, field: key, expected: null, actual: null },
      );
  }
}

/**
 * The account's whole ledger from its history, checked first to be `account`'s (see
 * {@link sameAsHistory}): a snapshot that keeps every entry, lot and debit however old, to post on
 * when an operation needs what the bounded snapshot dropped. O(history length).
 */
export function fullLedger(account: Account, history: readonly unknown[], what: string): Account {
  sameAsHistory(account, account.checkpoint, history, what);
  return replayOnto(history, { ...settingsFrom(account, what, true), retainDays: MAX_RETAIN_DAYS }, undefined);
}

/**
 * The bounded snapshot after `records` were posted on the {@link fullLedger} of `account`: the
 * history and those records replayed with the account's own settings — what the bounded engine
 * gives. O(history length).
 */
export function boundedAfter(
  account: Account,
  history: readonly unknown[],
  records: readonly LedgerHistoryRecord[],
  what: string,
): Account {
  return replayOnto([...history, ...records], settingsFrom(account, what, true), undefined);
}

const LegacyAccountSchema = /* @__PURE__ */ z.omit(InMemoryAccountSchema, { retainDays: true, checkpoint: true });
const legacyParsers = /* @__PURE__ */ makeParsers(LegacyAccountSchema, "0.1 account");

export function upgradeChecked(
  input: unknown,
  retainDays: number | undefined,
): { account: Account; history: readonly LedgerHistoryRecord[] } {
  if (typeof input === "object" && input !== null && "checkpoint" in input)
    throw new LoyaltyValidationError(
      [
        {
          path: ["checkpoint"],
          message:
            "expected a loyalty-kit 0.1 snapshot (no checkpoint); this one is already bounded: read it with parseAccount",
        },
      ],
      "0.1 account",
    );
  const legacy = legacyParsers.parse(input);
  if (legacy.version !== legacy.entries.length)
    throw new LoyaltyValidationError(
      [
        {
          path: ["version"],
          message: `expected the number of entries (${legacy.entries.length}), got ${legacy.version}`,
        },
      ],
      "0.1 account",
    );
  const base = settingsFrom(legacy, "0.1 account", true);
  // The 0.1 check: replaying the entries must give exactly the stored lots, holds, debits and deficit.
  const full = replayOnto(legacy.entries, { ...base, retainDays: MAX_RETAIN_DAYS }, undefined);
  for (const key of ["negativeLimit", "entries", "lots", "holds", "debits", "deficit"] as const) {
    if (!jsonEqual(legacy[key], full[key]) && !(key === "entries" && full.entries.length !== legacy.entries.length))
      throw new LoyaltyValidationError(
        [
          {
            path: [key],
            message:
              key === "entries"
                ? "expected entries in stored form (points written with the account's scale)"
                : "does not match what replaying the entries gives (the snapshot was edited); nothing was converted",
          },
        ],
        "0.1 account",
      );
  }
  const settings = { ...base, retainDays: retainDays ?? DEFAULT_RETAIN_DAYS };
  const account = replayOnto(full.entries, settings, undefined);
  const history = Object.freeze(
    full.entries.map((entry, i) => Object.freeze({ accountId: legacy.accountId, sequence: i + 1, entry })),
  );
  return { account, history };
}
