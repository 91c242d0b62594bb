// The JSON Schema of a program configuration, for systems not written in TypeScript, and the rules
// across fields that only parseProgram checks.
import { parseProgram, programJsonSchema, LoyaltyError } from "loyalty-kit";

const schema = programJsonSchema();
// A POS in another language would save it: writeFileSync("program.schema.json", JSON.stringify(schema, null, 2))
console.log("dialect:", schema.$schema);
console.log(
  "kinds:",
  (schema.oneOf ?? schema.anyOf ?? []).flatMap((s) => s.properties?.kind?.const ?? s.properties?.kind?.enum).join(", "),
);

// Cross-field rules (decimals per currency, a percentage's range…) are parseProgram's; it lists every problem.
try {
  parseProgram({
    kind: "discount",
    id: "ten",
    name: "10% off",
    currency: "EUR",
    timeZone: "Europe/Berlin",
    active: { from: "2026-01-01T00:00:00Z" },
    percent: "110",
    maxDiscount: "5.001",
  });
} catch (e) {
  if (e instanceof LoyaltyError) console.log(e.message);
}
