// The charts page of the browser check: every chart of loyalty-kit/charts rendered in Node from the
// built package (dist/), its SVG string put into one HTML page as a report would, and a script that
// checks in the browser what a reader sees — the SVG parses as XML, it lays out at its declared size,
// its marks (bars, curves, cells) have an area, they are painted in colour when the SVG is
// rasterised, and its <title>, <desc> and the visible title and axis labels are there and have a width.
// The page writes one line per chart, "PASS chart …" or "FAIL chart … — why", into <pre id="results">.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "./util.mjs";

/**
 * A bar chart of customers per segment (`{ label: customers }`, in order; no cumulative line): the
 * reader must see its title, the "Customers" axis label and the first and last segment's labels, and
 * its bars must have an area.
 */
function segmentBars(c, name, id, title, customersPerSegment) {
  const segments = Object.entries(customersPerSegment).map(([label, value]) => ({ label, value }));
  return {
    name,
    svg: c.barChart(segments, { id, title, valueLabel: "Customers" }),
    title,
    texts: [title, "Customers", segments[0].label, segments[segments.length - 1].label],
    marks: "rect.bar",
  };
}

/** The charts the issue asks for, each with the texts a reader must see and the marks that carry the data. */
async function charts() {
  const c = await import(pathToFileURL(join(root, "dist/charts/index.js")).href);
  const a = await import(pathToFileURL(join(root, "dist/analytics/index.js")).href);
  // Ten customers' spend: the top two hold 200 of 315 (63.5 %), Gini 0.591 (computed by the library).
  const spend = [120, 80, 40, 30, 20, 10, 5, 5, 3, 2];
  const gini = a.gini(spend);
  const giniTitle = `Lorenz curve (Gini ${gini.toFixed(3)})`;
  return [
    {
      name: "Lorenz curve",
      svg: c.lorenzChart(a.lorenz(spend), { gini, id: "lorenz" }),
      title: giniTitle,
      texts: [giniTitle, "Share of customers", "Share of value", "100%"],
      marks: "polyline",
    },
    {
      name: "Pareto chart",
      svg: c.barChart(
        spend.map((value, i) => ({ label: `C${i + 1}`, value })),
        { cumulative: true, id: "pareto", title: "Spend per customer, largest first", valueLabel: "Spend (USD)" },
      ),
      title: "Spend per customer, largest first",
      texts: ["Spend per customer, largest first", "Spend (USD)", "C1", "C10"],
      marks: "rect.bar, polyline",
    },
    segmentBars(c, "RFM segment sizes", "rfm", "Customers per RFM segment", {
      Champions: 412,
      Loyal: 388,
      "At risk": 203,
      Hibernating: 644,
    }),
    {
      name: "cohort retention heat map",
      svg: c.cohortHeatmap(
        {
          cohorts: [
            { cohort: "2026-01", rates: [1, 0.42, 0.31, 0.27] },
            { cohort: "2026-02", rates: [1, 0.39, 0.3] },
            { cohort: "2026-03", rates: [1, 0.45] },
          ],
        },
        { id: "cohorts", title: "Retention by first-purchase month" },
      ),
      title: "Retention by first-purchase month",
      texts: ["Retention by first-purchase month", "Months since first purchase", "2026-01", "2026-03", "42%"],
      marks: "rect",
    },
    segmentBars(c, "CLV distribution", "clv", "Customers by 12-month CLV", {
      "$0–50": 1210,
      "$50–100": 530,
      "$100–250": 260,
      "$250+": 75,
    }),
    {
      name: "line chart",
      svg: c.lineChart(
        [
          {
            name: "Members",
            points: [
              { x: 1, y: 10 },
              { x: 2, y: 14 },
              { x: 3, y: 19 },
            ],
          },
        ],
        { id: "members", title: "Members per month", xLabel: "Month", yLabel: "Members" },
      ),
      title: "Members per month",
      texts: ["Members per month", "Month", "Members"],
      marks: "polyline",
    },
  ];
}

// Runs in the page. CHARTS is [{ name, svg, title, texts, marks }]; chart i is also inline in <figure data-chart=i>.
const PAGE_SCRIPT = String.raw`
const out = [];
// The data marks are drawn in colour; axes and text in greys. A pixel is coloured when its channels differ.
const coloured = (d, i) => Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 40;
async function colouredShare(svgText, w, h) {
  const img = new Image();
  img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgText);
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext("2d");
  ctx.drawImage(img, 0, 0, w, h);
  const d = ctx.getImageData(0, 0, w, h).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (coloured(d, i)) n++;
  return n / (w * h);
}
for (const [i, chart] of CHARTS.entries()) {
  const problems = [];
  const figure = document.querySelector('figure[data-chart="' + i + '"]');
  const svg = figure.querySelector("svg");
  const source = chart.svg;
  try {
    const xml = new DOMParser().parseFromString(source, "image/svg+xml");
    if (xml.querySelector("parsererror")) problems.push("the SVG string is not well-formed XML: " + xml.querySelector("parsererror").textContent.slice(0, 200));
    if (!svg) throw new Error("no <svg> element in the page");
    const w = Number(svg.getAttribute("width"));
    const h = Number(svg.getAttribute("height"));
    const box = svg.getBoundingClientRect();
    if (!(w > 0 && h > 0) || Math.round(box.width) !== w || Math.round(box.height) !== h)
      problems.push("lays out at " + box.width + "×" + box.height + ", declared " + w + "×" + h);
    const marks = [...svg.querySelectorAll(chart.marks)].map((m) => m.getBBox()).filter((b) => b.width > 0 || b.height > 0);
    if (marks.length === 0) problems.push("no " + chart.marks + " with an area (nothing drawn)");
    const title = svg.querySelector(":scope > title");
    const desc = svg.querySelector(":scope > desc");
    if (title?.textContent !== chart.title) problems.push("<title> is " + JSON.stringify(title?.textContent) + ", expected " + JSON.stringify(chart.title));
    if (!desc || desc.textContent.trim().length < 10) problems.push("<desc> is missing or empty");
    for (const id of (svg.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean))
      if (!svg.querySelector("#" + CSS.escape(id))) problems.push("aria-labelledby names #" + id + ", which is not in the chart");
    if (!svg.getAttribute("aria-labelledby")) problems.push("no aria-labelledby on the <svg>");
    const texts = [...svg.querySelectorAll("text")];
    for (const t of chart.texts) {
      const el = texts.find((x) => x.textContent === t);
      if (!el) problems.push("no text " + JSON.stringify(t));
      else if (!(el.getComputedTextLength() > 0)) problems.push("text " + JSON.stringify(t) + " has no width");
    }
    // A 2-pixel curve across a 640 × 400 chart colours about 0.8 % of it; blank marks colour nothing.
    const painted = await colouredShare(source, w, h);
    if (!(painted > 0.002)) problems.push("rasterised, only " + (painted * 100).toFixed(2) + " % of pixels are in colour (the data marks are not drawn)");
    out.push((problems.length === 0 ? "PASS " : "FAIL ") + "chart " + chart.name + ": " + marks.length + " marks, " +
      chart.texts.length + " texts, " + (painted * 100).toFixed(1) + " % in colour" + (problems.length ? " — " + problems.join("; ") : ""));
  } catch (e) {
    out.push("FAIL chart " + chart.name + " — " + (problems.concat(String(e && e.message || e))).join("; "));
  }
}
document.getElementById("results").textContent = out.join("\n");
document.getElementById("status").textContent = "DONE";
`;

const escapeHtml = (s) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The HTML of the charts page (self-contained: no import map, no requests). */
export async function chartsPage() {
  const list = await charts();
  const figures = list
    .map((c, i) => `<figure data-chart="${i}"><figcaption>${escapeHtml(c.name)}</figcaption>\n${c.svg}</figure>`)
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>loyalty-kit charts check</title>
<style>body { font: 14px system-ui, sans-serif; margin: 1em; } figure { display: inline-block; margin: 0 1em 1em 0; vertical-align: top; }</style>
</head><body><div id="status">LOADING</div><pre id="results"></pre>
${figures}
<script type="module">const CHARTS = ${JSON.stringify(list).replace(/</g, "\\u003c")};
${PAGE_SCRIPT}</script>
<script>window.addEventListener("error", (e) => { document.getElementById("status").textContent = "ERROR " + e.message; });</script>
</body></html>`;
}
