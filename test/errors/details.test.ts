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
    const e = loyaltyError("CAPTURE_EXCEEDS_HOLD", "capture of 120 points exceeds hold h-1 (100 points)", {
      holdId: "h-1",
      requested: "120",
      held: "100",
    });
    expect(e).toBeInstanceOf(OperationError);
    expect(e).toBeInstanceOf(LoyaltyError);
    expect(e.code).toBe("CAPTURE_EXCEEDS_HOLD");
    expect(e.details).toEqual({ holdId: "h-1", requested: "120", held: "100" });
    expect(Object.isFrozen(e.details)).toBe(true);
    expectTypeOf(e.details.held).toEqualTypeOf<string>();
    expect(e.toJSON()).toEqual({
      name: "OperationError",
      code: "CAPTURE_EXCEEDS_HOLD",
      message: e.message,
      details: e.details,
    });
  });

  it("defines a distinct code for each hold refusal", () => {
    const codes = [
      ErrorCode.CAPTURE_EXCEEDS_HOLD,
      ErrorCode.HOLD_ALREADY_CAPTURED,
      ErrorCode.HOLD_ALREADY_RELEASED,
      ErrorCode.HOLD_TIMED_OUT,
    ];
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(Object.values(ErrorCode)).size).toBe(Object.keys(ErrorCode).length);
  });

  it("an idempotency conflict keeps the caller's details beside the transaction id", () => {
    const stored = { kind: "earn", points: "10", meta: { sku: "A" } };
    const retried = { kind: "earn", points: "12", meta: { sku: "A" } };
    const path = firstDifference(stored, retried);
    expect(path).toEqual(["points"]);
    const e = new IdempotencyConflictError("tx-1", undefined, { field: "points", path });
    expect(e.details).toEqual({ transactionId: "tx-1", field: "points", path: ["points"] });
    expect(e.message).toBe('transaction "tx-1" was already posted with a different payload');
    expect(new IdempotencyConflictError("tx-1").details).toEqual({ transactionId: "tx-1" });
  });
});
