import { describe, expect, it } from "vitest";
import { customerJsonSchema } from "../../src/index.js";

describe("customerJsonSchema", () => {
  it("describes a closed object with the identifier kinds and wire instants", () => {
    const schema = customerJsonSchema() as {
      type: string;
      additionalProperties: boolean;
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["id"]);
    const text = JSON.stringify(schema);
    for (const kind of ['"barcode"', '"magnetic"', '"phone"', '"personal-data"', '"marketing"'])
      expect(text).toContain(kind);
    expect(JSON.stringify(schema.properties["enrolledAt"])).toContain('"format":"date-time"');
  });

  it("returns a fresh object each time", () => {
    const a = customerJsonSchema();
    a["mutated"] = true;
    expect(customerJsonSchema()).not.toHaveProperty("mutated");
  });
});
