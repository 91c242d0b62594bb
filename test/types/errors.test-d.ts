import { expectTypeOf, test } from "vitest";
import type { LoyaltyErrorCode } from "../../src/index.js";
import { ErrorCode, type LoyaltyError } from "../../src/index.js";

test("error codes are a closed union of string literals", () => {
  expectTypeOf(ErrorCode.VALIDATION).toEqualTypeOf<"VALIDATION">();
  expectTypeOf<LoyaltyErrorCode>().toExtend<string>();
  expectTypeOf<LoyaltyError["code"]>().toEqualTypeOf<LoyaltyErrorCode>();
});
