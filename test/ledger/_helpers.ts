// Small builders so the example tests read like the domain.
import { openAccount, post, type Account, type AccountSettings, type EntryInput } from "../../src/index.js";

export const day = (d: number, time = "10:00:00"): string => `2026-01-${String(d).padStart(2, "0")}T${time}.000Z`;

/** Posts entries one by one, failing the test if any is not applied. */
export function ledger(
  entries: readonly EntryInput[],
  settings: AccountSettings = { accountId: "card-0042" },
): Account {
  let account = openAccount(settings);
  for (const e of entries) {
    const r = post(account, e);
    if (r.status !== "applied") throw new Error(`expected ${e.transactionId} to apply`);
    account = r.account;
  }
  return account;
}

/** Throws the error a function throws, or fails. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

/**
 * A snapshot's in-memory form as JSON (objects throughout, as the previous release stored it):
 * `JSON.stringify(account)` writes the compact stored form instead, through the snapshot's toJSON.
 */
export function inMemoryJson(account: Account): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ ...account })) as Record<string, unknown>;
}
