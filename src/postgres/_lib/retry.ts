// Which failures a new attempt can cure, and how long to wait before it.

/** Thrown inside an attempt when the account row moved between the read and the write. */
export class StaleRow extends Error {
  readonly code = "stale-row";
}

// SQLSTATEs (PostgreSQL manual, Appendix A "PostgreSQL Error Codes") after which the whole transaction
// can simply run again: serialization_failure, deadlock_detected, unique_violation (another session
// stored the same transactionId or opened the same account first), lock_not_available,
// query_canceled (statement_timeout), admin_shutdown / crash_shutdown / cannot_connect_now (the
// backend was terminated), and class 08 (connection exceptions).
const RETRY_SQLSTATE = new Set(["40001", "40P01", "23505", "55P03", "57014", "57P01", "57P02", "57P03"]);

/** The SQLSTATE or driver code of an error, or undefined. */
export function causeOf(err: unknown): string | undefined {
  if (err instanceof StaleRow) return err.code;
  if (typeof err !== "object" || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * True when the connection that raised `err` is unusable and must be destroyed, not reused — also
 * when a table changed under the connection's prepared statements (a migration altered a column's
 * type while tills ran): PostgreSQL then refuses them with feature_not_supported, "cached plan must
 * not change result type", on that connection until it is replaced, and the retry prepares them anew.
 */
export function connectionLost(err: unknown): boolean {
  const code = causeOf(err);
  if (code !== undefined && (code.startsWith("08") || code.startsWith("57P") || code.startsWith("E"))) return true;
  const message = err instanceof Error ? err.message : "";
  if (code === "0A000" && /cached plan must not change result type/.test(message)) return true;
  return /Connection terminated|connection.*(closed|ended)|Client has encountered a connection error/i.test(message);
}

/** True when running the transaction again may succeed. */
export function retryable(err: unknown): boolean {
  if (err instanceof StaleRow) return true;
  const code = causeOf(err);
  if (code !== undefined && (RETRY_SQLSTATE.has(code) || code.startsWith("08"))) return true;
  return connectionLost(err);
}

/**
 * "Full jitter" back-off (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015): a uniform
 * random wait below min(cap, base · 2^attempt), so colliding tills spread out instead of colliding again.
 */
export function backoffMs(attempt: number, baseMs: number, capMs: number): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}

// setTimeout is a global in Node, browsers and edge runtimes, but not in the ES library types this
// package compiles against.
declare function setTimeout(callback: () => void, ms: number): unknown;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
