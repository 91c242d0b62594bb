import { describe, expect, expectTypeOf, it } from "vitest";
import { firstDifference } from "../../src/core/json.js";
import {
  ErrorCode,
  IdempotencyConflictError,
  LoyaltyError,
  loyaltyError,
  OperationError,
} from "../../src/errors/errors.js";

describe("typed details per code", () => {
  it("loyaltyError builds a frozen OperationError with details typed by the code", () => {
    const e = loyaltyError("HOLD_EXCEEDED", "capture of 120 points exceeds hold h-1 (100 points)", {
      holdId: "h-1",
      requested: "120",
      held: "100",
    });
    expect(e).toBeInstanceOf(OperationError);
    expect(e).toBeInstanceOf(LoyaltyError);
    expect(e.code).toBe("HOLD_EXCEEDED");
    expect(e.details).toEqual({ holdId: "h-1", requested: "120", held: "100" });
    expect(Object.isFrozen(e.details)).toBe(true);
    expectTypeOf(e.details.held).toEqualTypeOf<string>();
    expect(e.toJSON()).toEqual({
      name: "OperationError",
      code: "HOLD_EXCEEDED",
      message: e.message,
      details: e.details,
    });
  });

  it("defines a distinct code for each hold and reversal refusal", () => {
    const codes = [
      ErrorCode.HOLD_EXCEEDED,
      ErrorCode.HOLD_NOT_OPEN,
      ErrorCode.HOLD_EXPIRED,
      ErrorCode.ALREADY_REVERSED,
      ErrorCode.NOT_REVERSIBLE,
      ErrorCode.REWARD_NOT_APPLICABLE,
      ErrorCode.LIMIT_EXCEEDED,
    ];
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(Object.values(ErrorCode)).size).toBe(Object.keys(ErrorCode).length);
  });

  it("an idempotency conflict names the first differing field", () => {
    const stored = { kind: "earn", points: "10", meta: { sku: "A" } };
    const retried = { kind: "earn", points: "12", meta: { sku: "A" } };
    const e = new IdempotencyConflictError("tx-1", undefined, firstDifference(stored, retried));
    expect(e.details).toEqual({ transactionId: "tx-1", field: ["points"] });
    expect(e.message).toBe(
      'transaction "tx-1" was already posted with a different payload (first difference at points)',
    );
    expect(new IdempotencyConflictError("tx-1").details).toEqual({ transactionId: "tx-1" });
  });
});
