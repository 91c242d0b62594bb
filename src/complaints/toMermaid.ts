import type { ComplaintEventType, ComplaintState } from "./constants.js";
import { machineDefinition, type TransitionDefinition } from "./definition.js";

const label = (type: string, t: TransitionDefinition): string =>
  t.guards.length > 0 ? `${type} [${t.guards.join(", ")}]` : type;

/**
 * Renders {@link machineDefinition} as a Mermaid `stateDiagram-v2` for docs.
 *
 * The working states (where the five A's of complaint handling happen) are drawn inside a composite state
 * `working`, entered at `received`; an event every working state sends to the same place is drawn once from `working`
 * (`ESCALATE`, `WITHDRAW`, `REJECT`, and `CUSTOMER_REPLY` as a self-loop), and
 * `RETURN_FROM_ESCALATION` goes back into `working`. Guards are shown in brackets. The text depends
 * only on the definition, so it is stable across runs.
 *
 * @returns the Mermaid source, lines joined with "\n"
 * @throws never
 * @category complaints
 * @example
 * ```ts
 * import { toMermaid } from "loyalty-kit";
 * const diagram = toMermaid();
 * console.log(diagram.split("\n")[0]); // stateDiagram-v2
 * ```
 */
export function toMermaid(): string {
  const states = machineDefinition.states;
  const all = Object.keys(states) as ComplaintState[];
  const group = all.filter((s) => states[s].type === "working");
  const inGroup = (s: ComplaintState): boolean => group.includes(s);
  const inner: string[] = [];
  const outer: string[] = [];
  const groupEdges: string[] = [];

  // Event types that every working state handles identically (one transition, same guards, and
  // either the same outside target or a self-loop) are drawn once from the composite.
  const collapsed = new Set<ComplaintEventType>();
  const types = new Set(group.flatMap((s) => Object.keys(states[s].on) as ComplaintEventType[]));
  for (const type of types) {
    const ts = group.map((s) => states[s].on[type]);
    const first = ts[0]?.[0];
    if (
      first === undefined ||
      ts.some(
        (t) =>
          t === undefined || t.length !== 1 || t[0]?.targets.length !== 1 || t[0].guards.join() !== first.guards.join(),
      )
    )
      continue;
    const targets = group.map((_s, i) => ts[i]?.[0]?.targets[0]);
    const selfLoop = targets.every((t, i) => t === group[i]);
    const sameOutside = targets.every((t) => t === targets[0]) && targets[0] !== undefined && !inGroup(targets[0]);
    if (selfLoop) groupEdges.push(`  working --> working : ${label(type, first)}`);
    else if (sameOutside) groupEdges.push(`  working --> ${targets[0]} : ${label(type, first)}`);
    else continue;
    collapsed.add(type);
  }

  for (const s of all) {
    for (const [type, ts] of Object.entries(states[s].on) as [ComplaintEventType, readonly TransitionDefinition[]][]) {
      if (inGroup(s) && collapsed.has(type)) continue;
      for (const t of ts) {
        const intoGroup = t.targets.length === group.length && group.every((g) => t.targets.includes(g));
        if (intoGroup) {
          outer.push(`  ${s} --> working : ${label(type, t)}`);
          continue;
        }
        for (const target of t.targets) {
          const line = `${s} --> ${target} : ${label(type, t)}`;
          if (inGroup(s) && inGroup(target)) inner.push(`    ${line}`);
          else outer.push(`  ${line}`);
        }
      }
    }
  }
  const finals = all.filter((s) => states[s].type === "final").map((s) => `  ${s} --> [*]`);
  return [
    "stateDiagram-v2",
    ...(inGroup(machineDefinition.initial)
      ? ["  [*] --> working", "  state working {", `    [*] --> ${machineDefinition.initial}`]
      : [`  [*] --> ${machineDefinition.initial}`, "  state working {"]),
    ...inner,
    "  }",
    ...groupEdges,
    ...outer,
    ...finals,
  ].join("\n");
}
