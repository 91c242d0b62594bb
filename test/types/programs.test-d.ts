import { expectTypeOf, test } from "vitest";
import type {
  Basket,
  BasketInput,
  CatalogStock,
  CheckoutRecord,
  CheckoutResult,
  LoyaltyValidationError,
  MoneyJson,
  Program,
  ProgramAccount,
  ProgramInput,
  ProgramKind,
  Quote,
  RefundResult,
  Tier,
} from "../../src/index.js";
import {
  checkout,
  checkoutAll,
  parseBasket,
  parseProgram,
  programJsonSchema,
  quote,
  refund,
  safeParseProgram,
  tierFor,
} from "../../src/index.js";

test("program configs are a union discriminated on kind", () => {
  expectTypeOf<ProgramKind>().toEqualTypeOf<"discount" | "cumulative" | "bonus" | "catalog" | "stamps" | "promotion">();
  expectTypeOf(parseProgram).returns.toEqualTypeOf<Program>();
  const p = parseProgram({});
  if (p.kind === "cumulative") expectTypeOf(p.tiers).toEqualTypeOf<Tier[]>();
  if (p.kind === "stamps") expectTypeOf(p.cardSize).toEqualTypeOf<number>();
  if (p.kind === "bonus")
    expectTypeOf(p.redeem).toEqualTypeOf<
      | { pointValue: string; minPoints?: string | undefined; step?: string | undefined; maxShare?: string | undefined }
      | undefined
    >();
  const r = safeParseProgram({});
  if (!r.success) expectTypeOf(r.error).toEqualTypeOf<LoyaltyValidationError>();
  // a kind that does not exist is not a program input
  expectTypeOf<{ kind: "loyalty-magic" }>().not.toMatchTypeOf<ProgramInput>();
  expectTypeOf(programJsonSchema).returns.toEqualTypeOf<Record<string, unknown>>();
});

test("baskets: parsed quantities are Decimals and prices Money", () => {
  const b = parseBasket({});
  expectTypeOf(b).toEqualTypeOf<Basket>();
  expectTypeOf(b.lines[0]?.unitPrice.currency).toEqualTypeOf<string | undefined>();
  expectTypeOf<BasketInput["lines"][number]["quantity"]>().toEqualTypeOf<string | number>();
});

test("quote, checkout and refund signatures", () => {
  expectTypeOf(quote).returns.toEqualTypeOf<Quote>();
  expectTypeOf(quote).parameter(1).toEqualTypeOf<ProgramAccount>();
  expectTypeOf<Quote["total"]>().toEqualTypeOf<MoneyJson>();
  expectTypeOf(checkout).returns.toEqualTypeOf<CheckoutResult>();
  expectTypeOf<CheckoutResult["status"]>().toEqualTypeOf<"applied" | "duplicate" | "inactive">();
  expectTypeOf<CheckoutResult["stock"]>().toEqualTypeOf<CatalogStock | null>();
  expectTypeOf<CheckoutResult>().toMatchTypeOf<CheckoutRecord>();
  expectTypeOf(checkout).parameter(3).toHaveProperty("transactionId").toEqualTypeOf<string>();
  expectTypeOf(refund).returns.toEqualTypeOf<RefundResult>();
  expectTypeOf<RefundResult["status"]>().toEqualTypeOf<"applied" | "duplicate">();
  expectTypeOf(checkoutAll).parameter(0).toEqualTypeOf<readonly Program[]>();
  expectTypeOf(tierFor).returns.toEqualTypeOf<Tier | undefined>();
});
