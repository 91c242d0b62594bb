import * as z from "zod";
import { AccountSchema } from "../ledger/schemas.js";
import { CheckoutRecordSchema, RefundRecordSchema } from "./result.js";

/**
 * A customer's (or a stamp card's) standing in one program: a plain JSON snapshot.
 *
 * - `points` is the points ledger account (points for bonus and catalog programs, stamps for stamp
 *   cards; empty for discount and cumulative programs).
 * - `purchases` and `refunds` are the program's own records: each holds the canonical request it was
 *   made with (`request`, to tell a retry from a conflicting reuse of a transactionId) and exactly
 *   what was returned (`record`). Accumulated spend for cumulative tiers is the sum of the purchases'
 *   `spend` inside the window minus what refunds of those purchases took back (`spendReversed`), so
 *   the next basket sees it and a refund takes it back out; per-period earn caps read the same records.
 * - `version` goes up by one with every applied checkout or refund (pass `expectedVersion` to detect
 *   a concurrent writer).
 *
 * @example
 * ```ts
 * import { ProgramAccountSchema } from "loyalty-kit";
 * console.log(Object.keys(ProgramAccountSchema.shape).join(", ")); // programId, customerId, cardId, version, points, purchases, refunds
 * ```
 * @category programs
 */
export const ProgramAccountSchema = /* @__PURE__ */ z.strictObject({
  programId: z.string().min(1).max(200),
  customerId: z.string().min(1).max(200).optional(),
  cardId: z.string().min(1).max(200).optional(),
  version: z.int().min(0),
  points: AccountSchema,
  purchases: z.array(z.strictObject({ request: z.string(), record: CheckoutRecordSchema })),
  refunds: z.array(z.strictObject({ request: z.string(), record: RefundRecordSchema })),
});

/** {@inheritDoc ProgramAccountSchema} @category programs */
export type ProgramAccount = z.output<typeof ProgramAccountSchema>;

/**
 * The stock of a catalog program's rewards: what is left of each reward that has a stock, and the
 * redemptions already taken out of it (so a retried checkout never takes a unit twice, even when
 * the caller lost the stock returned the first time). Each entry of `applied` is a key scoped to
 * (program, customer or card, transaction) — the JSON text of
 * `[programId, "customer:<id>" | "card:<id>" | "account:<points accountId>", transactionId]` — because tills number
 * their sales independently and a bare transaction id would make two customers' `sale-1` one
 * redemption. Pure data: checkout returns the new stock.
 *
 * @example
 * ```ts
 * import { CatalogStockSchema } from "loyalty-kit";
 * console.log(CatalogStockSchema.safeParse({ programId: "gifts", rewards: [{ rewardId: "scarf", remaining: 3 }], applied: [] }).success); // true
 * ```
 * @category programs
 */
export const CatalogStockSchema = /* @__PURE__ */ z
  .strictObject({
    programId: z.string().min(1).max(200),
    rewards: z.array(
      z.strictObject({
        rewardId: z.string().min(1),
        remaining: z
          .int()
          .min(0)
          .transform((n) => n + 0) /* -0 is 0: keeps JSON round trips equal */,
      }),
    ),
    applied: z.array(z.string()),
  })
  .refine((s) => new Set(s.rewards.map((r) => r.rewardId)).size === s.rewards.length, {
    message: "duplicate rewardId",
    path: ["rewards"],
  });

/** {@inheritDoc CatalogStockSchema} @category programs */
export type CatalogStock = z.output<typeof CatalogStockSchema>;
