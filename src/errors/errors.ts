import { guardInputs } from "../core/guard.js";
import { formatIssues } from "../core/issues.js";

/**
 * Every error code loyalty-kit throws. Codes are stable across versions: match on `error.code`,
 * never on the message.
 *
 * @example
 * ```ts
 * import { ErrorCode } from "loyalty-kit";
 * console.log(ErrorCode.VERSION_CONFLICT); // "VERSION_CONFLICT"
 * ```
 * @category errors
 */
export const ErrorCode = {
  /** Input did not match its schema; `issues` lists every problem with its path. */
  VALIDATION: "VALIDATION",
  /** Two amounts in different currencies met in one operation. */
  CURRENCY_MISMATCH: "CURRENCY_MISMATCH",
  /** A redeem or hold asked for more points than are available. */
  INSUFFICIENT_POINTS: "INSUFFICIENT_POINTS",
  /** A transactionId was reused with a different payload. */
  IDEMPOTENCY_CONFLICT: "IDEMPOTENCY_CONFLICT",
  /** `expectedVersion` did not match the account's version: someone else wrote first. */
  VERSION_CONFLICT: "VERSION_CONFLICT",
  /** A state machine received an event its current state does not accept. */
  INVALID_TRANSITION: "INVALID_TRANSITION",
  /** A program was used outside its active window. */
  PROGRAM_INACTIVE: "PROGRAM_INACTIVE",
  /** A personalized operation needs consent the customer has not given. */
  CONSENT_REQUIRED: "CONSENT_REQUIRED",
  /** A catalog reward has no stock left. */
  OUT_OF_STOCK: "OUT_OF_STOCK",
  /** A refund asked for more than was bought (over all refunds of that purchase). */
  REFUND_EXCEEDS_PURCHASE: "REFUND_EXCEEDS_PURCHASE",
  /** Something referenced (an entry, a customer, a reward, a line) does not exist. */
  NOT_FOUND: "NOT_FOUND",
  /** A numerical fit did not converge; `details` carries the last parameters. */
  NOT_CONVERGED: "NOT_CONVERGED",
  /** A capture or release named a hold that was already captured; `details.holdId` names it. */
  HOLD_ALREADY_CAPTURED: "HOLD_ALREADY_CAPTURED",
  /** A capture or release named a hold that was already released; `details.holdId` names it. */
  HOLD_ALREADY_RELEASED: "HOLD_ALREADY_RELEASED",
  /** A capture named a hold that timed out (it can still be released); `details.timeoutAt` says when. */
  HOLD_TIMED_OUT: "HOLD_TIMED_OUT",
  /** A capture asked for more points than the hold holds; `details.held` and `details.requested` say how many. */
  CAPTURE_EXCEEDS_HOLD: "CAPTURE_EXCEEDS_HOLD",
  /** A coupon code cannot be redeemed; `details.reason` says why (unknown, mistyped, expired, used-up, …). */
  COUPON_REFUSED: "COUPON_REFUSED",
  /** A store gave up after retrying a write that kept meeting concurrent writers or transient faults; `details` says how often and why. Retry later with the same transactionId. */
  RETRIES_EXHAUSTED: "RETRIES_EXHAUSTED",
  /** A history did not match its checkpoint or snapshot (a gap, another account, other figures); nothing was applied. */
  HISTORY_MISMATCH: "HISTORY_MISMATCH",
  /** The operation needs history the bounded snapshot no longer holds (an entry or sale older than its window); pass the stored history or record. */
  HISTORY_REQUIRED: "HISTORY_REQUIRED",
  /** A late entry (earlier than the account's newest entry) cannot be back-dated without changing what later entries did (spending points spent since, a hold closed since); `details.conflict` names what it conflicts with. Post it at the current time instead. */
  LATE_ENTRY_CONFLICT: "LATE_ENTRY_CONFLICT",
} as const;

/**
 * A stable error code, one of the values of {@link ErrorCode}.
 *
 * @example
 * ```ts
 * import type { LoyaltyErrorCode } from "loyalty-kit";
 * const code: LoyaltyErrorCode = "VALIDATION";
 * console.log(code);
 * ```
 * @category errors
 */
export type LoyaltyErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The `details` every error code carries, by code: match on `error.code` and TypeScript narrows
 * `details` to the shape listed here. Every value is JSON (amounts and points as decimal strings).
 *
 * @example
 * ```ts
 * import type { ErrorDetails } from "loyalty-kit";
 * const d: ErrorDetails["CAPTURE_EXCEEDS_HOLD"] = { holdId: "h-1", requested: "120", held: "100" };
 * console.log(d.held); // 100
 * ```
 * @category errors
 */
export interface ErrorDetails {
  VALIDATION: { readonly issues: readonly ValidationIssue[] };
  CURRENCY_MISMATCH: { readonly expected: string; readonly actual: string };
  INSUFFICIENT_POINTS: { readonly requested: string; readonly available: string };
  /** `field` is the path of the first field where the new payload differs from the stored one. */
  IDEMPOTENCY_CONFLICT: {
    readonly transactionId: string;
    readonly field?: string;
    readonly path?: readonly (string | number)[];
    readonly stored?: unknown;
    readonly posted?: unknown;
  };
  VERSION_CONFLICT: { readonly expected: number; readonly actual: number };
  INVALID_TRANSITION: {
    readonly state: string;
    readonly event: string;
    readonly allowed: readonly string[];
    readonly reason?: string;
  };
  PROGRAM_INACTIVE: { readonly programId: string; readonly at: string };
  CONSENT_REQUIRED: {
    readonly programId?: string;
    readonly customerId?: string;
    readonly reason?: string;
    readonly [key: string]: unknown;
  };
  OUT_OF_STOCK: { readonly rewardId: string };
  REFUND_EXCEEDS_PURCHASE: {
    readonly transactionId?: string;
    readonly lineId?: string;
    readonly bought?: string;
    readonly alreadyRefunded?: string;
    readonly requested?: string;
  };
  /** Names what was not found by its key: `transactionId`, `holdId`, `rewardId`, `lineId`, `customerId`, … */
  NOT_FOUND: { readonly [key: string]: unknown };
  /** The last parameters or inputs of the computation that did not converge. */
  NOT_CONVERGED: { readonly [key: string]: unknown };
  HOLD_ALREADY_CAPTURED: { readonly holdId: string; readonly event: string; readonly closedBy?: string };
  HOLD_ALREADY_RELEASED: { readonly holdId: string; readonly event: string; readonly closedBy?: string };
  HOLD_TIMED_OUT: { readonly holdId: string; readonly timeoutAt: string | null };
  CAPTURE_EXCEEDS_HOLD: { readonly holdId: string; readonly held: string; readonly requested: string | null };
  COUPON_REFUSED: { readonly programId: string; readonly code: string; readonly reason: string };
  /** `lastCause` is the SQLSTATE (or driver error code) of the last failed attempt. */
  RETRIES_EXHAUSTED: { readonly transactionId: string; readonly attempts: number; readonly lastCause: string };
  HISTORY_MISMATCH: {
    readonly accountId: string;
    readonly field: string;
    readonly expected: string | number | null;
    readonly actual: string | number | null;
  };
  HISTORY_REQUIRED: {
    readonly accountId: string;
    readonly transactionId?: string;
    readonly retainedFrom?: string | null;
  };
  /** `newest` is the instant of the account's newest entry; `conflict` the kind of the entry that came after (or the closed hold). */
  LATE_ENTRY_CONFLICT: {
    readonly accountId: string;
    readonly transactionId: string;
    readonly kind: string;
    readonly at: string;
    readonly newest: string;
    readonly conflict: string;
  };
}

/**
 * The `details` type of errors with code `C`: the shape from {@link ErrorDetails} for one code, a
 * plain record when the code is not known.
 *
 * @example
 * ```ts
 * import type { DetailsOf } from "loyalty-kit";
 * const d: DetailsOf<"VERSION_CONFLICT"> = { expected: 3, actual: 4 };
 * console.log(d.actual); // 4
 * ```
 * @category errors
 */
export type DetailsOf<C extends LoyaltyErrorCode> = LoyaltyErrorCode extends C
  ? Readonly<Record<string, unknown>>
  : Readonly<ErrorDetails[C]>;

/**
 * One problem found while validating input: where (`path`, as property names and array indexes from
 * the root of the input) and what was expected.
 *
 * @example
 * ```ts
 * import type { ValidationIssue } from "loyalty-kit";
 * const issue: ValidationIssue = { path: ["lines", 0, "quantity"], message: "expected a positive decimal" };
 * console.log(issue.path.join("."));
 * ```
 * @category errors
 */
export interface ValidationIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

// The ESM and CJS builds of one version each have their own class objects. Every loyalty-kit error
// prototype carries a registry-symbol brand, and `instanceof` walks the value's prototype chain for a
// branded class of the same `kind`, so an error thrown by the CJS build is `instanceof` the ESM
// build's class and vice versa.
const BRAND: unique symbol = Symbol.for("loyalty-kit.error") as never;
type Branded = { [BRAND]?: true; constructor: { kind?: unknown } } | null | undefined;

/**
 * The base class of every error loyalty-kit throws. Carries a stable {@link LoyaltyErrorCode} and,
 * where useful, structured `details` (the available balance, the conflicting version, …).
 *
 * `instanceof LoyaltyError` holds for errors thrown by either the ESM or the CJS build of the package.
 *
 * @example
 * ```ts
 * import { LoyaltyError, money, add } from "loyalty-kit";
 * try {
 *   add(money("1", "EUR"), money("1", "USD"));
 * } catch (e) {
 *   if (e instanceof LoyaltyError) console.log(e.code); // "CURRENCY_MISMATCH"
 * }
 * ```
 * @category errors
 */
export class LoyaltyError<C extends LoyaltyErrorCode = LoyaltyErrorCode> extends Error {
  /** The stable kind used by `instanceof` across builds. */
  static readonly kind: string = "LoyaltyError";
  // `declare`: assigned in the constructor, so no class-field initializers are emitted (bundle size).
  /** Stable machine-readable code. */
  declare readonly code: C;
  /** Structured facts about the failure, JSON-serializable; their shape per code is {@link ErrorDetails}. */
  declare readonly details: DetailsOf<C>;

  constructor(code: C, message: string, details: DetailsOf<C> = {} as DetailsOf<C>) {
    // String(): a message that is not a string (a Symbol, from untyped callers) must not crash the throw.
    super(String(message));
    this.name = new.target.kind;
    this.code = code;
    this.details = Object.freeze({ ...details }) as DetailsOf<C>;
  }

  /** The brand `instanceof` looks for, inherited by every subclass's prototype. */
  get [BRAND](): true {
    return true;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    // Up the branded part of the chain: the value itself, its class's prototype, …, LoyaltyError's.
    // The parameter itself walks up: a second variable costs bytes in every bundle that throws.
    for (; (value as Branded)?.[BRAND]; value = Object.getPrototypeOf(value)) {
      if ((value as NonNullable<Branded>).constructor.kind === this.kind) return true;
    }
    return false;
  }

  /** A plain object for logs and APIs: `{ name, code, message, details }`. */
  toJSON(): { name: string; code: C; message: string; details: DetailsOf<C> } {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/**
 * Input failed validation. `issues` lists every problem with its path; the message joins them as
 * `path: what was expected, got …` (an issue about the input as a whole has no path and no prefix).
 *
 * @example
 * ```ts
 * import { LoyaltyValidationError } from "loyalty-kit";
 * const e = new LoyaltyValidationError([{ path: ["amount"], message: 'expected a decimal string, got "abc"' }]);
 * console.log(e.message); // amount: expected a decimal string, got "abc"
 * ```
 * @category errors
 */
export class LoyaltyValidationError extends LoyaltyError<"VALIDATION"> {
  static override readonly kind: string = "LoyaltyValidationError";
  declare readonly issues: readonly ValidationIssue[];

  /**
   * At least one issue; `context` (the function or input name) prefixes the message; `total`, when
   * only the first issues were kept (a huge input), is how many there were ("and 299,980 more issues").
   */
  constructor(issues: readonly ValidationIssue[], context?: string, total?: number) {
    const list = Object.freeze(
      issues.map(({ path, message }) => Object.freeze({ path: Object.freeze([...path]), message })),
    );
    super("VALIDATION", formatIssues(list, context, total), { issues: list });
    this.issues = list;
  }
}

/**
 * Two amounts of different currencies met in one operation.
 *
 * @example
 * ```ts
 * import { CurrencyMismatchError } from "loyalty-kit";
 * const e = new CurrencyMismatchError("EUR", "USD");
 * console.log(e.code, e.message);
 * ```
 * @category errors
 */
export class CurrencyMismatchError extends LoyaltyError<"CURRENCY_MISMATCH"> {
  static override readonly kind: string = "CurrencyMismatchError";
  constructor(expected: string, actual: string, operation = "operation") {
    super("CURRENCY_MISMATCH", `${operation}: currency mismatch, expected ${expected}, got ${actual}`, {
      expected,
      actual,
    });
  }
}

/**
 * A redeem or hold asked for more points than are available.
 *
 * @example
 * ```ts
 * import { InsufficientPointsError } from "loyalty-kit";
 * const e = new InsufficientPointsError("500", "120");
 * console.log(e.details.available); // "120"
 * ```
 * @category errors
 */
export class InsufficientPointsError extends LoyaltyError<"INSUFFICIENT_POINTS"> {
  static override readonly kind: string = "InsufficientPointsError";
  constructor(requested: string, available: string, message?: string) {
    super("INSUFFICIENT_POINTS", message ?? `insufficient points: requested ${requested}, available ${available}`, {
      requested,
      available,
    });
  }
}

/**
 * A transactionId was posted again with a different payload.
 *
 * @example
 * ```ts
 * import { IdempotencyConflictError } from "loyalty-kit";
 * console.log(new IdempotencyConflictError("tx-1").code); // "IDEMPOTENCY_CONFLICT"
 * ```
 * @category errors
 */
export class IdempotencyConflictError extends LoyaltyError<"IDEMPOTENCY_CONFLICT"> {
  static override readonly kind: string = "IdempotencyConflictError";
  constructor(transactionId: string, message?: string, details: Record<string, unknown> = {}) {
    super(
      "IDEMPOTENCY_CONFLICT",
      message ?? `transaction ${JSON.stringify(transactionId)} was already posted with a different payload`,
      { transactionId, ...details },
    );
  }
}

/**
 * `expectedVersion` did not match: someone else wrote to the account first. Reload and retry.
 *
 * @example
 * ```ts
 * import { VersionConflictError } from "loyalty-kit";
 * const e = new VersionConflictError(3, 4);
 * console.log(e.details); // { expected: 3, actual: 4 }
 * ```
 * @category errors
 */
export class VersionConflictError extends LoyaltyError<"VERSION_CONFLICT"> {
  static override readonly kind: string = "VersionConflictError";
  constructor(expected: number, actual: number) {
    super("VERSION_CONFLICT", `version conflict: expected version ${expected}, the account is at version ${actual}`, {
      expected,
      actual,
    });
  }
}

/**
 * A state machine received an event that its current state does not accept (or whose guard failed).
 *
 * @example
 * ```ts
 * import { InvalidTransitionError } from "loyalty-kit";
 * const e = new InvalidTransitionError("received", "CLOSE", ["ACKNOWLEDGE", "REJECT"]);
 * console.log(e.message);
 * ```
 * @category errors
 */
export class InvalidTransitionError extends LoyaltyError<"INVALID_TRANSITION"> {
  static override readonly kind: string = "InvalidTransitionError";
  constructor(state: string, event: string, allowed: readonly string[], reason?: string) {
    super(
      "INVALID_TRANSITION",
      `event ${event} is not allowed in state ${state}${reason === undefined ? "" : ` (${reason})`}; allowed: ${allowed.length > 0 ? allowed.join(", ") : "none"}`,
      { state, event, allowed: [...allowed], ...(reason === undefined ? {} : { reason }) },
    );
  }
}

/**
 * A program was used outside its active window.
 *
 * @example
 * ```ts
 * import { ProgramInactiveError } from "loyalty-kit";
 * console.log(new ProgramInactiveError("spring-bonus", "2026-06-01T00:00:00Z").code); // "PROGRAM_INACTIVE"
 * ```
 * @category errors
 */
export class ProgramInactiveError extends LoyaltyError<"PROGRAM_INACTIVE"> {
  static override readonly kind: string = "ProgramInactiveError";
  constructor(programId: string, at: string, message?: string) {
    super("PROGRAM_INACTIVE", message ?? `program ${JSON.stringify(programId)} is not active at ${at}`, {
      programId,
      at,
    });
  }
}

/**
 * A typed error for the codes without a class of their own (consent required, out of stock, refund exceeds
 * purchase, not found, fit not converged, the hold and reversal refusals, …). Check `code` to tell
 * them apart; `details` narrows with it. Build one with {@link loyaltyError}.
 *
 * @example
 * ```ts
 * import { OperationError, ErrorCode } from "loyalty-kit";
 * const e = new OperationError("OUT_OF_STOCK", "reward tote-bag is out of stock", { rewardId: "tote-bag" });
 * console.log(e.code); // "OUT_OF_STOCK"
 * ```
 * @category errors
 */
export class OperationError<C extends LoyaltyErrorCode = LoyaltyErrorCode> extends LoyaltyError<C> {
  static override readonly kind: string = "OperationError";
  constructor(code: C, message: string, details: DetailsOf<C> = {} as DetailsOf<C>) {
    super(code, message, details);
  }
}

/**
 * The one way to build a refusal that has no class of its own: an {@link OperationError} whose
 * `details` are checked against {@link ErrorDetails} for the code at compile time.
 *
 * @example
 * ```ts
 * import { loyaltyError } from "loyalty-kit";
 * const e = loyaltyError("CAPTURE_EXCEEDS_HOLD", "capture of 120 points exceeds hold h-1 (100 points)", {
 *   holdId: "h-1",
 *   requested: "120",
 *   held: "100",
 * });
 * console.log(e.code, e.details.held); // CAPTURE_EXCEEDS_HOLD 100
 * ```
 * @category errors
 */
export function loyaltyError<C extends LoyaltyErrorCode>(
  code: C,
  message: string,
  details: Readonly<ErrorDetails[C]>,
): OperationError<C> {
  return guardInputs(
    "loyaltyError",
    { code, message, details },
    () => new OperationError(code, message, details as DetailsOf<C>),
  );
}
