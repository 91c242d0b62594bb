import { describe, expect, it } from "vitest";
import { machineDefinition, toMermaid, WORKING_STATES } from "../../src/index.js";

describe("toMermaid", () => {
  const text = toMermaid();
  const lines = text.split("\n").map((l) => l.trim());

  it("is a stateDiagram-v2 starting in received", () => {
    expect(lines[0]).toBe("stateDiagram-v2");
    expect(lines.slice(1, 4)).toEqual(["[*] --> working", "state working {", "[*] --> received"]);
  });

  it("draws the five A's inside the working composite", () => {
    const inner = lines.slice(lines.indexOf("state working {") + 1, lines.indexOf("}"));
    expect(inner).toContain("received --> acknowledged : ACKNOWLEDGE");
    expect(inner).toContain("analyzing --> planAgreed : AGREE_PLAN [choosesAnalyzedAlternative, customerAgreed]");
    expect(inner).toContain("followingUp --> reopened : FOLLOW_UP [hasDelivery, dissatisfied]");
  });

  it("draws shared events once from the composite and the escalation's return into it", () => {
    expect(lines).toContain("working --> escalated : ESCALATE");
    expect(lines).toContain("working --> working : CUSTOMER_REPLY");
    expect(lines).toContain("escalated --> working : RETURN_FROM_ESCALATION [returnTargetAllowed]");
    expect(lines.filter((l) => l.startsWith("assessing --> escalated"))).toEqual([]);
  });

  it("shows every transition of the definition that is not drawn from the composite", () => {
    const collapsed = ["ESCALATE", "CUSTOMER_REPLY", "WITHDRAW", "REJECT"];
    for (const [state, def] of Object.entries(machineDefinition.states)) {
      for (const [type, ts] of Object.entries(def.on)) {
        if ((WORKING_STATES as readonly string[]).includes(state) && collapsed.includes(type)) continue;
        for (const t of ts ?? []) {
          const target = t.targets.length > 1 ? "working" : t.targets[0];
          expect(text).toContain(`${state} --> ${target} : ${type}`);
        }
      }
    }
    for (const s of ["closed", "withdrawn", "rejected"]) expect(lines).toContain(`${s} --> [*]`);
  });
});
