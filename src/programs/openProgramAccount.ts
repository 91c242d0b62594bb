import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError, ProgramInactiveError } from "../errors/errors.js";
import { parseInstant } from "../_lib/values.js";
import { openAccount } from "../ledger/openAccount.js";
import { post } from "../ledger/post.js";
import { parseProgram } from "./parseProgram.js";
import { assertConsent } from "./_lib/engine.js";
import type { ProgramAccount } from "./account.js";
import type { Consent } from "./options.js";
import { optionsOrDefaults } from "./_lib/options.js";
import { withStoredForm } from "./_lib/storedAccount.js";
import type { Program } from "./program.js";

/**
 * Options of {@link openProgramAccount}.
 *
 * @example
 * ```ts
 * import type { OpenProgramAccountOptions } from "loyalty-kit";
 * const options: OpenProgramAccountOptions = { customerId: "olga-0042", consent: true, at: "2026-03-01T10:00:00Z" };
 * console.log(options.customerId);
 * ```
 * @category programs
 */
export interface OpenProgramAccountOptions {
  /** The identified customer (required by personalized programs). */
  readonly customerId?: string;
  /** A stamp card's number (stamp cards work without a customer). */
  readonly cardId?: string;
  /** The points ledger's account id; default the customer id, else the card id, else "<programId>:anonymous". */
  readonly accountId?: string;
  /** Consent to personal-data processing (required by personalized programs). */
  readonly consent?: Consent;
  /** Enrollment instant: required when the program gives a welcome bonus at enrollment. */
  readonly at?: string | Date;
  /** The welcome bonus's transactionId; default "welcome:<programId>:<accountId>". */
  readonly transactionId?: string;
  /**
   * How many days of sales and refunds the account keeps as figures (the refund and idempotency
   * window, counted back from its newest record; also the points ledger's `retainDays`). Default 90.
   * Older sales are refunded from the checkout record you stored, and a retry of one is answered from
   * it or refused by your store's unique key on the transaction id.
   */
  readonly retainDays?: number;
}

function checkId(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length === 0 || value.length > 200)
    throw new LoyaltyValidationError([
      { path: [name], message: "expected a non-empty string of at most 200 characters" },
    ]);
  return value;
}

/**
 * Opens a customer's (or a stamp card's) account in a program: an empty points ledger and no
 * purchases yet, plus the welcome bonus when the program gives one at enrollment.
 *
 * A personalized program (cumulative, bonus and catalog by default) needs an identified customer who
 * has consented to personal-data processing: without them it throws CONSENT_REQUIRED (the
 * shop needs the client's contact and agreement to keep a database). A stamp card needs neither.
 *
 * @param program - the program
 * @param optionsIn - `customerId`, `cardId`, `accountId`, `consent`, `at`, `transactionId`; omitted or
 *   `null`: an anonymous account
 * @returns the new account
 * @throws {OperationError} CONSENT_REQUIRED when a personalized program lacks the customer or the consent
 * @throws {ProgramInactiveError} when a welcome bonus would be given outside the active window
 * @throws {LoyaltyValidationError} when an option is invalid (or `at` is missing for an enrollment bonus)
 * @category programs
 * @example
 * ```ts
 * import { parseProgram, openProgramAccount, balance } from "loyalty-kit";
 * const program = parseProgram({ kind: "bonus", id: "bonus", name: "Bonus", currency: "EUR", timeZone: "Europe/Berlin",
 *   active: { from: "2026-01-01T00:00:00Z" }, earn: { rules: [] }, welcomeBonus: { points: "100", on: "enrollment" } });
 * const account = openProgramAccount(program, { customerId: "olga-0042", consent: true, at: "2026-03-01T10:00:00Z" });
 * console.log(balance(account.points, { at: "2026-03-01T10:00:00Z" })); // 100
 * ```
 */
export function openProgramAccount(program: Program, optionsIn: OpenProgramAccountOptions | null = {}): ProgramAccount {
  return guardInputs("openProgramAccount", { program, optionsIn }, () =>
    openProgramAccountUnguarded(program, optionsIn),
  );
}

function openProgramAccountUnguarded(
  program: Program,
  optionsIn: OpenProgramAccountOptions | null = {},
): ProgramAccount {
  const options = optionsOrDefaults(optionsIn);
  const p = parseProgram(program);
  const customerId = checkId(options.customerId, "customerId");
  const cardId = checkId(options.cardId, "cardId");
  const accountId = checkId(options.accountId, "accountId") ?? customerId ?? cardId ?? `${p.id}:anonymous`;
  assertConsent(p, customerId, options.consent);
  const scale = p.kind === "bonus" || p.kind === "catalog" ? (p.pointsScale ?? 0) : 0;
  const retainDays = options.retainDays ?? 90;
  if (typeof retainDays !== "number" || !Number.isInteger(retainDays) || retainDays < 0 || retainDays > 36_500)
    throw new LoyaltyValidationError([
      { path: ["retainDays"], message: `expected a whole number of days from 0 to 36500, got ${String(retainDays)}` },
    ]);
  let points = openAccount({ accountId, currency: p.currency, scale, retainDays });
  if ((p.kind === "bonus" || p.kind === "catalog") && p.welcomeBonus?.on === "enrollment") {
    if (options.at === undefined)
      throw new LoyaltyValidationError([
        {
          path: ["at"],
          message: `program ${JSON.stringify(p.id)} gives a welcome bonus at enrollment: pass the enrollment instant`,
        },
      ]);
    const atMs = parseInstant(options.at, "at");
    const at = new Date(atMs).toISOString();
    if (atMs < Date.parse(p.active.from) || (p.active.to !== undefined && atMs >= Date.parse(p.active.to)))
      throw new ProgramInactiveError(p.id, at);
    const transactionId = checkId(options.transactionId, "transactionId") ?? `welcome:${p.id}:${accountId}`;
    points = post(points, {
      kind: "earn",
      transactionId,
      at,
      points: p.welcomeBonus.points,
      meta: { programId: p.id, welcome: true },
    }).account;
  }
  return withStoredForm({
    programId: p.id,
    ...(customerId === undefined ? {} : { customerId }),
    ...(cardId === undefined ? {} : { cardId }),
    version: 0,
    retainDays,
    points,
    sales: [],
    refunds: [],
    totals: { open: 0, spend: "0", periods: [], spendLog: [], refunded: [] },
  });
}
