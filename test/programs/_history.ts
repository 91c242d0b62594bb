// A till and its history store for the refund-with-history tests: the program account, every ledger
// history record the operations returned (as an integrator stores them), and the checkout records.
import {
  checkout,
  openProgramAccount,
  refund,
  replayAccount,
  type Account,
  type CheckoutRecord,
  type LedgerHistoryRecord,
  type Program,
  type ProgramAccount,
  type RefundOptions,
} from "../../src/index.js";
import { basket } from "./_fixtures.js";

/** A till and its history store: the program account, and every ledger record the operations returned. */
export class Till {
  account: ProgramAccount;
  readonly history: LedgerHistoryRecord[] = [];
  readonly records = new Map<string, CheckoutRecord>();

  constructor(
    readonly p: Program,
    retainDays: number,
  ) {
    this.account = openProgramAccount(p, { customerId: "c", consent: true, retainDays });
  }

  private keep(before: Account, entries: readonly LedgerHistoryRecord["entry"][]): void {
    entries.forEach((entry, i) => {
      this.history.push({ accountId: before.accountId, sequence: before.version + i + 1, entry });
    });
  }

  sell(transactionId: string, at: string, price: string, quantity = 1, redeemPoints?: number | "max") {
    const r = checkout(this.p, this.account, basket(at, [{ price, quantity }]), {
      transactionId,
      consent: true,
      ...(redeemPoints === undefined ? {} : { redeemPoints }),
    });
    const { status: _s, account, stock: _k, ...record } = r;
    this.keep(this.account.points, r.entries);
    this.records.set(transactionId, JSON.parse(JSON.stringify(record)) as CheckoutRecord);
    this.account = account;
    return r;
  }

  /** Refunds from the stored record (and, with `withHistory`, the stored history, deep-frozen: never written to). */
  refund(original: string, options: Omit<RefundOptions, "record" | "history">, withHistory = true) {
    const before = JSON.stringify(this.account);
    const r = refund(this.p, this.account, original, {
      ...options,
      record: this.records.get(original),
      ...(withHistory ? { history: frozen(JSON.parse(JSON.stringify(this.history)) as LedgerHistoryRecord[]) } : {}),
    });
    if (JSON.stringify(this.account) !== before) throw new Error("refund changed the account it was given");
    this.keep(this.account.points, r.entries);
    this.account = r.account;
    return r;
  }
}

/** A points snapshot as plain JSON (what a store writes and reads back). */
export const json = (a: Account): unknown => JSON.parse(JSON.stringify(a));

/** The oracle's snapshot bounded: its history replayed with the real retainDays. */
export function bounded(oracle: Till, retainDays: number): unknown {
  return json(replayAccount(oracle.history, { ...oracle.account.points, retainDays }));
}

/** `value` frozen all the way down. */
function frozen<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}
