import { ErrorCode, LoyaltyValidationError, OperationError } from "../../errors/errors.js";
import type { CatalogStock, ProgramAccount } from "../account.js";
import type { ProgramOf } from "../program.js";

export function initialStock(program: ProgramOf<"catalog">): CatalogStock {
  return {
    programId: program.id,
    rewards: program.rewards
      .filter((r) => r.stock !== undefined)
      .map((r) => ({ rewardId: r.id, remaining: r.stock ?? 0 })),
    applied: [],
  };
}

export function assertStock(program: ProgramOf<"catalog">, stock: CatalogStock | undefined): CatalogStock {
  if (stock === undefined) return initialStock(program);
  if (typeof stock !== "object" || stock === null || !Array.isArray(stock.rewards) || !Array.isArray(stock.applied)) {
    throw new LoyaltyValidationError([
      { path: ["stock"], message: "expected a catalog stock (from openCatalogStock or an earlier checkout)" },
    ]);
  }
  if (stock.programId !== program.id) {
    throw new LoyaltyValidationError([
      {
        path: ["stock", "programId"],
        message: `expected the stock of program ${JSON.stringify(program.id)}, got ${JSON.stringify(stock.programId)}`,
      },
    ]);
  }
  return stock;
}

/**
 * The key a stock remembers a redemption by: (program, customer or card, transaction). Tills number
 * their sales independently (`sale-1` at every till), so a bare transaction id would make one
 * customer's redemption look like a retry of another's and hand out goods the stock does not hold.
 */
export function stockKey(programId: string, account: ProgramAccount, transactionId: string): string {
  const holder =
    account.customerId !== undefined
      ? `customer:${account.customerId}`
      : account.cardId !== undefined
        ? `card:${account.cardId}`
        : `account:${account.points.accountId}`;
  return JSON.stringify([programId, holder, transactionId]);
}

/** Takes one unit of a reward out of the stock for the account's `transactionId`, once: a second call is a no-op. */
export function takeStock(
  program: ProgramOf<"catalog">,
  stock: CatalogStock,
  rewardId: string,
  account: ProgramAccount,
  transactionId: string,
): CatalogStock {
  const reward = program.rewards.find((r) => r.id === rewardId);
  const key = stockKey(program.id, account, transactionId);
  if (reward?.stock === undefined || stock.applied.includes(key)) return stock;
  const current = stock.rewards.find((r) => r.rewardId === rewardId)?.remaining ?? reward.stock;
  if (current <= 0)
    throw new OperationError(ErrorCode.OUT_OF_STOCK, `reward ${JSON.stringify(rewardId)} is out of stock`, {
      rewardId,
    });
  const rewards = stock.rewards.some((r) => r.rewardId === rewardId)
    ? stock.rewards.map((r) => (r.rewardId === rewardId ? { rewardId, remaining: current - 1 } : r))
    : [...stock.rewards, { rewardId, remaining: current - 1 }];
  return { programId: stock.programId, rewards, applied: [...stock.applied, key] };
}
