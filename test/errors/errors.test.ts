import { describe, expect, it } from "vitest";
import {
  CurrencyMismatchError,
  ErrorCode,
  InsufficientPointsError,
  LoyaltyError,
  LoyaltyValidationError,
  OperationError,
  VersionConflictError,
} from "../../src/index.js";

describe("LoyaltyError", () => {
  it("carries a stable code, a name and JSON-serializable details", () => {
    const e = new InsufficientPointsError("500", "120");
    expect(e.code).toBe("INSUFFICIENT_POINTS");
    expect(e.name).toBe("InsufficientPointsError");
    expect(e.details).toEqual({ requested: "500", available: "120" });
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: "InsufficientPointsError",
      code: "INSUFFICIENT_POINTS",
      message: "insufficient points: requested 500, available 120",
      details: { requested: "500", available: "120" },
    });
  });

  it("instanceof follows the class hierarchy, not every LoyaltyError", () => {
    const e = new VersionConflictError(3, 4);
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(LoyaltyError);
    expect(e).toBeInstanceOf(VersionConflictError);
    expect(e).not.toBeInstanceOf(CurrencyMismatchError);
    expect(new Error("x")).not.toBeInstanceOf(LoyaltyError);
    expect({ code: "VERSION_CONFLICT" }).not.toBeInstanceOf(LoyaltyError);
    // Only a branded prototype chain counts: a look-alike class of the same kind is not an instance.
    class LookAlike extends Error {
      static readonly kind = "LoyaltyError";
    }
    expect(new LookAlike("x")).not.toBeInstanceOf(LoyaltyError);
    for (const v of [null, undefined, 0, "LoyaltyError", Symbol("x")] as unknown[])
      expect(v instanceof LoyaltyError).toBe(false);
  });

  it("validation errors list every issue with its path in the message", () => {
    const e = new LoyaltyValidationError(
      [
        { path: ["lines", 0, "quantity"], message: "expected a positive decimal, got -1" },
        { path: [], message: "unknown key" },
      ],
      "basket",
    );
    expect(e.code).toBe(ErrorCode.VALIDATION);
    // An issue about the input as a whole (empty path) has no path prefix.
    expect(e.message).toBe("basket: lines.0.quantity: expected a positive decimal, got -1; unknown key");
    expect(e.issues).toHaveLength(2);
    expect(Object.isFrozen(e.issues)).toBe(true);
    expect(e.issues).toBe(e.details["issues"]);
    expect(new LoyaltyValidationError([{ path: ["x"], message: "expected y" }], "").message).toBe("x: expected y");
  });

  it("serializes a validation error as name, code, message and details (issues inside details)", () => {
    const e = new LoyaltyValidationError([{ path: ["amount"], message: "expected a decimal string" }], "money");
    // toJSON lists its four fields by name, so engines that add enumerable own properties to errors
    // (line, column, sourceURL in some) do not leak them into logs or API responses.
    expect(Object.keys(e.toJSON())).toEqual(["name", "code", "message", "details"]);
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: "LoyaltyValidationError",
      code: "VALIDATION",
      message: "money: amount: expected a decimal string",
      details: { issues: [{ path: ["amount"], message: "expected a decimal string" }] },
    });
    expect(String(e)).toBe("LoyaltyValidationError: money: amount: expected a decimal string");
  });

  it("OperationError takes any code", () => {
    const e = new OperationError(ErrorCode.OUT_OF_STOCK, "reward x is out of stock");
    expect(e.code).toBe("OUT_OF_STOCK");
    expect(e).toBeInstanceOf(LoyaltyError);
    expect(e).toBeInstanceOf(OperationError);
  });
});
