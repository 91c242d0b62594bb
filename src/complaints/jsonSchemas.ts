import * as z from "zod/mini";
import { InstantSchema } from "../_lib/validation.js";
import { ComplaintEventSchema, ComplaintSchema, OpenComplaintInputSchema } from "./schema.js";
import { SlaPolicySchema } from "./slaPolicySchema.js";

// An instant on the wire: an ISO-8601 string with an offset (a Date cannot travel as JSON).
const INSTANT = {
  type: "string",
  pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$",
  description: "ISO-8601 instant with an offset, e.g. 2026-03-02T09:14:00+01:00",
};

/**
 * The JSON Schemas of the complaint module's documents, for systems outside TypeScript (a CRM form,
 * a contact-centre tool) that send events or store snapshots: `openComplaint` (input), `event`
 * (input), `complaint` (a snapshot as stored) and `slaPolicy`. Generated from the zod schemas with
 * zod's `z.toJSONSchema` (draft 2020-12); instants are strings with an offset.
 *
 * A JSON Schema checks shape only: `parseComplaint` also replays the history, and `transition` the
 * machine's rules.
 *
 * @returns fresh JSON Schema objects
 * @throws never
 * @category complaints
 * @example
 * ```ts
 * import { complaintJsonSchemas } from "loyalty-kit";
 * const { event } = complaintJsonSchemas();
 * console.log(JSON.stringify(event).includes("FOLLOW_UP")); // true
 * ```
 */
export function complaintJsonSchemas(): {
  openComplaint: Record<string, unknown>;
  event: Record<string, unknown>;
  complaint: Record<string, unknown>;
  slaPolicy: Record<string, unknown>;
} {
  const override = (ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void => {
    if (ctx.zodSchema !== InstantSchema) return;
    for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
    Object.assign(ctx.jsonSchema, INSTANT);
  };
  const input = { io: "input", unrepresentable: "any", override } as const;
  return {
    openComplaint: z.toJSONSchema(OpenComplaintInputSchema, input) as Record<string, unknown>,
    event: z.toJSONSchema(ComplaintEventSchema, input) as Record<string, unknown>,
    complaint: z.toJSONSchema(ComplaintSchema, { ...input, io: "output" }) as Record<string, unknown>,
    slaPolicy: z.toJSONSchema(SlaPolicySchema, input) as Record<string, unknown>,
  };
}
