// Late sales at the program level: a till that was offline checks out a basket whose sale time is
// earlier than the account's newest record. Only what can be back-dated without changing what later
// records did is accepted: an earn-only sale (nothing redeemed) in a program whose figures do not
// depend on the order of sales (not stamps, whose card counts sales in order; not catalog, whose
// rewards take stock).
import { loyaltyError } from "../../errors/errors.js";
import type { Account, EntryInput } from "../../ledger/schemas.js";
import type { LedgerHistoryRecord } from "../../ledger/history.js";
import { postLate } from "../../ledger/postLate.js";
import type { ProgramAccount } from "../account.js";
import type { CheckoutOptions } from "../options.js";
import type { Program } from "../program.js";

/** Throws LATE_ENTRY_CONFLICT when a checkout at `at` (before `lastMs`, the newest record) cannot be back-dated. */
export function refuseLateCheckout(
  program: Program,
  account: ProgramAccount,
  options: CheckoutOptions,
  transactionId: string,
  at: string,
  lastMs: number,
): void {
  const redeems =
    options.redeemPoints !== undefined || options.rewardId !== undefined || options.redeemCard !== undefined;
  const orderDependent = program.kind === "stamps" || program.kind === "catalog";
  if (!redeems && !orderDependent) return;
  const newest = new Date(lastMs).toISOString();
  const why = redeems
    ? "a late sale can only earn: redeeming points (or a reward, or a stamp card) would spend what later sales may have spent since"
    : `a ${program.kind} program's sales depend on their order (${program.kind === "stamps" ? "the card counts stamps sale by sale" : "rewards take stock"})`;
  throw loyaltyError(
    "LATE_ENTRY_CONFLICT",
    `checkout ${JSON.stringify(transactionId)} at ${at} is earlier than the account's newest record (${newest}): ${why}; check it out at ${newest} or later instead`,
    {
      accountId: account.points.accountId,
      transactionId,
      kind: "checkout",
      at,
      newest,
      conflict: redeems ? "redeem" : program.kind,
    },
  );
}

/** Posts a late sale's earn entries one by one with {@link postLate}: applied all together or not at all (nothing is returned before the last). */
export function postLateEntries(
  points: Account,
  entries: readonly EntryInput[],
): { account: Account; history: readonly LedgerHistoryRecord[] } {
  let account = points;
  const history: LedgerHistoryRecord[] = [];
  for (const e of entries) {
    const r = postLate(account, e);
    account = r.account;
    history.push(...r.history);
  }
  return { account, history };
}

/** Inserts a sale into the account's sales so they stay in time order (after any at the same instant). */
export function insertByTime<T extends { readonly at: string }>(list: readonly T[], item: T): T[] {
  const ms = Date.parse(item.at);
  let i = list.length;
  while (i > 0 && Date.parse((list[i - 1] as T).at) > ms) i--;
  return [...list.slice(0, i), item, ...list.slice(i)];
}
