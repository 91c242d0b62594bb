// Draws the complaint state machine (`machineDefinition` from loyalty-kit/complaints) as an SVG
// picture at docs build time, so the site needs no diagram runtime in the browser. The layout is
// read from the definition alone: the working states in a column (in the order a complaint first
// reaches them), the other states in a second column; an event every working state handles the
// same way is drawn once from the "working" box, as toMermaid does.

const NODE_W = 170;
const NODE_H = 30;
const ROW = 62;
const CHAR = 6.4; // width of one character of the 11 px label font, near enough for layout

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const label = (type, t) => (t.guards.length > 0 ? `${type} [${t.guards.join(", ")}]` : type);

/**
 * @param {{ initial: string, states: Record<string, { type: string, on: Record<string, readonly { targets: readonly string[], guards: readonly string[] }[]> }> }} definition
 * @returns {string} a standalone SVG document
 */
export function machineSvg(definition) {
  const states = definition.states;
  const all = Object.keys(states);
  const working = all.filter((s) => states[s].type === "working");
  const isWorking = (s) => working.includes(s);

  // Order: breadth-first from the initial state over transitions between working states.
  const order = [];
  const queue = [definition.initial];
  while (queue.length > 0) {
    const s = queue.shift();
    if (order.includes(s) || !isWorking(s)) continue;
    order.push(s);
    for (const ts of Object.values(states[s].on)) for (const t of ts) for (const x of t.targets) queue.push(x);
  }
  for (const s of working) if (!order.includes(s)) order.push(s);
  const outside = all.filter((s) => !isWorking(s));
  // Outside states: non-final first (in definition order), final states last.
  outside.sort((a, b) => Number(states[a].type === "final") - Number(states[b].type === "final"));

  // Events every working state sends to one place (or to itself) are drawn once from the box.
  const groupEdges = [];
  const collapsed = new Set();
  const types = new Set(working.flatMap((s) => Object.keys(states[s].on)));
  for (const type of types) {
    const ts = working.map((s) => states[s].on[type]);
    const first = ts[0]?.[0];
    if (first === undefined) continue;
    const same = ts.every(
      (t) => t?.length === 1 && t[0].targets.length === 1 && t[0].guards.join() === first.guards.join(),
    );
    if (!same) continue;
    const targets = ts.map((t) => t[0].targets[0]);
    if (targets.every((t, i) => t === working[i])) groupEdges.push({ self: true, text: label(type, first) });
    else if (targets.every((t) => t === targets[0]) && !isWorking(targets[0]))
      groupEdges.push({ to: targets[0], text: label(type, first) });
    else continue;
    collapsed.add(type);
  }

  const left = 250; // room for back-edge labels on the left
  const top = 70;
  const boxX = left - 20;
  const pos = new Map();
  order.forEach((s, i) => pos.set(s, { x: left, y: top + i * ROW }));
  const boxBottom = top + (order.length - 1) * ROW + NODE_H + 20;
  const outX = left + NODE_W + 330;
  const outStep = Math.max(ROW, (boxBottom - top) / Math.max(1, outside.length));
  outside.forEach((s, i) => pos.set(s, { x: outX, y: top + i * outStep }));
  const width = outX + NODE_W + 300; // room for the labels right of the outside column
  const height = Math.max(boxBottom, top + (outside.length - 1) * outStep + NODE_H) + 60;

  const parts = [];
  const text = (x, y, s, anchor = "start", cls = "l") =>
    parts.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="${anchor}" class="${cls}">${esc(s)}</text>`);
  const path = (d, cls = "e") => parts.push(`<path d="${d}" class="${cls}" marker-end="url(#arrow)"/>`);

  parts.push(
    `<rect x="${boxX}" y="${top - 40}" width="${NODE_W + 40}" height="${boxBottom - top + 40}" rx="12" class="box"/>`,
  );
  text(boxX + 10, top - 22, "working (the five A's)", "start", "t");
  // The initial marker.
  const init = pos.get(definition.initial);
  parts.push(`<circle cx="${init.x - 8}" cy="${init.y - 12}" r="5" class="start"/>`);
  path(`M${init.x - 5} ${init.y - 8} L${init.x + 6} ${init.y}`);

  // Group edges: to an outside state, from the box's right side; self-loops as a note in the box.
  let loopY = boxBottom - 12;
  for (const g of groupEdges.filter((g) => g.self)) {
    text(boxX + 10, loopY, `↻ ${g.text} (any working state)`, "start", "n");
    loopY -= 14;
  }
  const boxRight = boxX + NODE_W + 40;
  groupEdges
    .filter((g) => !g.self)
    .forEach((g, i) => {
      const to = pos.get(g.to);
      const y1 = top + 10 + i * 26;
      const y2 = to.y + NODE_H / 2;
      path(`M${boxRight} ${y1} C${boxRight + 120} ${y1}, ${outX - 120} ${y2}, ${outX} ${y2}`, "e g");
      text(boxRight + 8, y1 - 4, g.text, "start", "l g");
    });

  // Transitions between states.
  const backLanes = new Map();
  const loops = new Map(); // self-loops drawn so far per state, to stack their labels
  let outerLane = 0;
  for (const s of all) {
    for (const [type, ts] of Object.entries(states[s].on)) {
      if (isWorking(s) && collapsed.has(type)) continue;
      for (const t of ts) {
        const from = pos.get(s);
        const intoGroup = t.targets.length === working.length && working.every((w) => t.targets.includes(w));
        if (intoGroup) {
          const y = from.y + NODE_H / 2 + 8;
          path(
            `M${from.x} ${y} C${from.x - 120} ${y}, ${boxRight + 120} ${boxBottom - 40}, ${boxRight + 2} ${boxBottom - 40}`,
            "e g",
          );
          text(boxRight + 8, boxBottom - 46, `${label(type, t)} (back to where it was)`, "start", "l g");
          continue;
        }
        for (const target of t.targets) {
          const to = pos.get(target);
          const l = label(type, t);
          if (target === s) {
            // a small loop on the node's right
            const x = from.x + NODE_W;
            const y = from.y + NODE_H / 2;
            const k = loops.get(s) ?? 0;
            loops.set(s, k + 1);
            if (k === 0) path(`M${x} ${y - 6} C${x + 30} ${y - 22}, ${x + 30} ${y + 22}, ${x + 2} ${y + 6}`);
            text(x + 30, y + 4 + k * 13, l);
            continue;
          }
          if (isWorking(s) && isWorking(target)) {
            const i = order.indexOf(s);
            const j = order.indexOf(target);
            if (j === i + 1) {
              path(`M${from.x + 40} ${from.y + NODE_H} L${to.x + 40} ${to.y - 2}`);
              text(from.x + 48, (from.y + NODE_H + to.y) / 2 + 4, l);
            } else {
              // back or skipping edges: arcs on the left, one lane each
              const lane = backLanes.size;
              backLanes.set(`${s}-${target}-${type}`, lane);
              const bulge = 30 + lane * 22;
              const y1 = from.y + NODE_H / 2;
              const y2 = to.y + NODE_H / 2;
              path(`M${from.x} ${y1} C${from.x - bulge * 2} ${y1}, ${to.x - bulge * 2} ${y2}, ${to.x - 2} ${y2}`);
              text(from.x - bulge * 1.5 - 6, (y1 + y2) / 2 + 4, l, "end");
            }
            continue;
          }
          // edges to, from or between outside states
          const x1 = isWorking(s) || from.x < to.x ? from.x + NODE_W : from.x;
          const x2 = isWorking(target) ? to.x + NODE_W + 2 : to.x - 2;
          const y1 = from.y + NODE_H / 2;
          const y2 = to.y + NODE_H / 2;
          if (!isWorking(s) && !isWorking(target)) {
            const x = from.x + NODE_W;
            const bulge = 60 + 60 * outerLane++;
            path(`M${x} ${y1 + 6} C${x + bulge} ${y1 + 6}, ${x + bulge} ${y2}, ${x + 2} ${y2}`);
            text(x + bulge * 0.75 + 4, (y1 + y2) / 2 + 4, l);
          } else if (!isWorking(s)) {
            path(`M${from.x - 2} ${y1 + 8} C${from.x - 140} ${y1 + 8}, ${x2 + 140} ${y2}, ${x2} ${y2}`);
            text(from.x - 10, y1 + 24, l, "end");
          } else {
            path(`M${x1} ${y1} C${x1 + 140} ${y1}, ${x2 - 140} ${y2}, ${x2} ${y2}`);
            text(x2 - 8, y2 - 8, l, "end");
          }
        }
      }
    }
  }

  // Nodes last, so they sit on top of the edges.
  for (const s of all) {
    const { x, y } = pos.get(s);
    const type = states[s].type;
    const w = Math.max(NODE_W, s.length * CHAR + 20);
    parts.push(`<rect x="${x}" y="${y}" width="${w}" height="${NODE_H}" rx="8" class="node ${type}"/>`);
    if (type === "final")
      parts.push(`<rect x="${x + 3}" y="${y + 3}" width="${w - 6}" height="${NODE_H - 6}" rx="6" class="node final"/>`);
    text(x + w / 2, y + NODE_H / 2 + 4, s, "middle", "s");
  }

  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="title">
<title id="title">The complaint state machine: ${all.length} states, drawn from machineDefinition</title>
<style>
text { font-family: ui-sans-serif, system-ui, sans-serif; fill: #1f2937; }
.l { font-size: 11px; } .n { font-size: 11px; fill: #4b5563; } .s { font-size: 13px; font-weight: 600; } .t { font-size: 12px; fill: #4b5563; font-style: italic; }
.e { fill: none; stroke: #6b7280; stroke-width: 1.3; } .g { stroke: #b45309; fill: none; } text.g { fill: #92400e; stroke: none; }
.box { fill: #f8fafc; stroke: #94a3b8; stroke-dasharray: 4 3; }
.node { fill: #e0f2fe; stroke: #0369a1; stroke-width: 1.3; } .node.final { fill: #f1f5f9; stroke: #334155; }
.node.escalated { fill: #fef3c7; stroke: #b45309; } .node.resolved { fill: #dcfce7; stroke: #15803d; }
.start { fill: #1f2937; }
</style>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#6b7280"/></marker></defs>
<rect width="100%" height="100%" fill="#ffffff"/>
${parts.join("\n")}
</svg>
`;
}
