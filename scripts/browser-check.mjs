import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromiumVersion, dumpDom, screenshot, unescapeHtml } from "./_lib/chromium.mjs";
import { chartsPage } from "./_lib/charts-page.mjs";
import { green, red, rel, root, walk } from "./_lib/util.mjs";

const DEPENDENCIES = ["zod", "decimal.js", "date-fns"];
const outDir = join(root, ".tmp/browser");
let passed = 0;
let failed = 0;
let skipped = 0;

const PAGE_SCRIPT = String.raw`
import * as lib from "loyalty-kit";

const CHECKS = [
  // errors
  ["ErrorCode.VERSION_CONFLICT", () => lib.ErrorCode.VERSION_CONFLICT, "VERSION_CONFLICT"],
  ["a currency mismatch is a typed LoyaltyError", () => {
    try { lib.add(lib.money("1", "EUR"), lib.money("1", "USD")); return "no throw"; }
    catch (e) { return [e instanceof lib.LoyaltyError, e instanceof lib.CurrencyMismatchError, e.code].join(" "); }
  }, "true true CURRENCY_MISMATCH"],
  ["bad input is a LoyaltyValidationError with a path", () => {
    try { lib.money("12,50", "EUR"); return "no throw"; }
    catch (e) { return e.code + " " + e.issues[0].path.join("."); }
  }, "VALIDATION amount"],
  // money
  ["0.10 + 0.20 is exactly 0.30", () => lib.toJSON(lib.add(lib.money("0.10", "EUR"), lib.money("0.20", "EUR"))).amount, "0.30"],
  ["allocate 10 USD as 50:10", () => lib.allocate(lib.money("10", "USD"), [50, 10]).map((m) => m.amount.toFixed(2)).join(" "), "8.33 1.67"],
  ["half-even rounding of 2.345 EUR", () => lib.round(lib.money("2.345", "EUR")).amount.toFixed(2), "2.34"],
  ["Intl formatting in the browser", () => lib.format(lib.money("1234.5", "USD"), "en-US"), "$1,234.50"],
  // programs: a bonus checkout at the till, retried with the same transactionId
  needs(["parseProgram", "parseBasket", "openProgramAccount", "checkout", "balance"], ["checkout earns 35 points; the retry is a duplicate", () => {
    const program = lib.parseProgram({ kind: "bonus", id: "bonus", name: "Bonus", currency: "EUR", timeZone: "Europe/Berlin",
      active: { from: "2026-01-01T00:00:00Z" }, earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] } });
    const account = lib.openProgramAccount(program, { customerId: "olga-0042", consent: true });
    const basket = lib.parseBasket({ id: "b1", at: "2026-03-01T10:00:00Z",
      lines: [{ id: "1", sku: "DRESS", quantity: 1, unitPrice: { amount: "35.70", currency: "EUR" } }] });
    const r = lib.checkout(program, account, basket, { transactionId: "sale-1", consent: true });
    const retry = lib.checkout(program, r.account, basket, { transactionId: "sale-1", consent: true });
    return [r.status, String(r.pointsEarned), retry.status, String(lib.balance(retry.account.points, { at: "2026-03-02T00:00:00Z" }))].join(" ");
  }, "applied 35 duplicate 35"]),
  // analytics: one customer holds everything → Gini 0.75 for four; the top 20 % of five hold half
  needs(["gini", "pareto"], ["Gini and Pareto", () => lib.gini([0, 0, 0, 10]) + " " + lib.pareto([50, 30, 10, 5, 5], { topShare: 0.2 }).valueShare, "0.75 0.5"]),
  // complaints: the five A's machine, pure transitions
  needs(["openComplaint", "transition", "can"], ["a complaint is acknowledged and cannot be closed yet", () => {
    let c = lib.openComplaint({ id: "C-1", customerId: "cust-7", channel: "phone", cause: "delay-in-fixing",
      description: "Boiler still broken", at: "2026-03-02T09:12:00+01:00" });
    c = lib.transition(c, { type: "ACKNOWLEDGE", at: "2026-03-02T09:14:00+01:00", by: "agent:maria" });
    return c.state + " " + lib.can(c, { type: "CLOSE", at: "2026-03-02T09:15:00+01:00", by: "agent:maria" });
  }, "acknowledged false"]),
  // measurement: 5 promoters, 3 passives, 2 detractors → NPS 30
  needs(["nps"], ["NPS of ten answers", () => String(lib.nps([10, 9, 9, 10, 9, 8, 7, 8, 3, 6]).score), "30"]),
];

function needs(names, check) {
  const missing = names.filter((n) => typeof lib[n] !== "function");
  return missing.length === 0 ? check : [check[0], null, "skipped: not exported yet: " + missing.join(", ")];
}

const out = [];
for (const [name, fn, expected] of CHECKS) {
  if (fn === null) { out.push("SKIP " + name + " — " + expected); continue; }
  let actual;
  try { actual = String(fn()); } catch (e) { actual = "threw " + (e && e.name) + ": " + (e && e.message); }
  out.push((actual === expected ? "PASS " : "FAIL ") + name + (actual === expected ? "" : " — expected " + JSON.stringify(expected) + ", got " + JSON.stringify(actual)));
}
out.push("UA " + navigator.userAgent);
const pre = document.getElementById("results");
pre.textContent = out.join("\n");
document.getElementById("status").textContent = "DONE";
`;

/** The import map: each bare specifier imported by dist/**\/*.js, resolved as Node resolves it (import condition). */
function importMap() {
  const specifiers = new Set();
  for (const file of walk(join(root, "dist")).filter((f) => f.endsWith(".js"))) {
    const text = readFileSync(file, "utf8");
    // esbuild writes one import/export statement per line; a string literal cannot match here.
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"\n;]*?(?:\bfrom\s*)?["']([^"'./][^"']*)["']/gm))
      specifiers.add(m[1]);
  }
  const imports = { "loyalty-kit": "/dist/index.js" };
  for (const s of [...specifiers].sort()) {
    try {
      imports[s] = `/${rel(fileURLToPath(import.meta.resolve(s, pathToFileURL(join(root, "dist/index.js")).href)))}`;
    } catch (error) {
      console.log(`warn dist/ imports ${JSON.stringify(s)}, which does not resolve: ${error.message.split("\n")[0]}`);
    }
  }
  return { imports };
}

const TYPES = {
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
};

function serve(page, charts) {
  const allowed = ["dist", ...DEPENDENCIES.map((d) => `node_modules/${d}`)].map((p) => join(root, p) + sep);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/" || url.pathname === "/check.html") {
      res.writeHead(200, { "content-type": TYPES[".html"] });
      res.end(page);
      return;
    }
    if (url.pathname === "/charts.html") {
      res.writeHead(200, { "content-type": TYPES[".html"] });
      res.end(charts);
      return;
    }
    const path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!allowed.some((a) => path.startsWith(a)) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
    res.end(readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Opens a check page, counts its PASS/FAIL/SKIP lines, and fails when the page did not finish. */
async function openAndCount(url, name) {
  const dump = await dumpDom(url, { profile: join(outDir, `profile-${name}`) });
  writeFileSync(join(outDir, `${name}.html`), dump.stdout);
  const status = /<div id="status">([^<]*)<\/div>/.exec(dump.stdout)?.[1] ?? "(no status)";
  const results = unescapeHtml(/<pre id="results">([\s\S]*?)<\/pre>/.exec(dump.stdout)?.[1] ?? "");
  if (status !== "DONE") {
    failed++;
    console.log(`${red("FAIL")} ${url} did not finish: ${status}${dump.timedOut ? " (chromium timed out)" : ""}`);
    console.log(
      dump.stderr
        .split("\n")
        .filter((l) => /error|fail/i.test(l))
        .slice(0, 20)
        .join("\n")
        .replace(/^/gm, "    "),
    );
  }
  for (const line of results.split("\n").filter((l) => l !== "")) {
    if (line.startsWith("PASS ")) passed++;
    else if (line.startsWith("FAIL ")) failed++;
    else if (line.startsWith("SKIP ")) skipped++;
    const tag = line.slice(0, 4);
    if (tag === "PASS" || tag === "FAIL" || tag === "SKIP")
      console.log(`${tag === "PASS" ? green("ok  ") : tag === "FAIL" ? red("FAIL") : "skip"} ${line.slice(5)}`);
    else console.log(`     ${line}`);
  }
}

async function main() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const browser = await chromiumVersion();
  if (!browser.ok) {
    failed++;
    console.log(`${red("FAIL")} ${browser.detail}`);
    return;
  }
  console.log(`Browser: ${browser.version}`);

  const map = importMap();
  const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>loyalty-kit browser check</title>
<script type="importmap">${JSON.stringify(map)}</script>
</head><body><div id="status">LOADING</div><pre id="results"></pre>
<script type="module">${PAGE_SCRIPT}</script>
<script>window.addEventListener("error", (e) => { document.getElementById("status").textContent = "ERROR " + e.message; });</script>
</body></html>`;
  writeFileSync(join(outDir, "check.html"), page);
  const charts = await chartsPage();
  writeFileSync(join(outDir, "charts-page.html"), charts);
  const server = await serve(page, charts);
  const { port } = server.address();
  try {
    await openAndCount(`http://127.0.0.1:${port}/check.html`, "dom");
    // loyalty-kit/charts: each chart's SVG string in one page, checked as a reader's browser draws it.
    await openAndCount(`http://127.0.0.1:${port}/charts.html`, "charts");
    const chartsPng = join(outDir, "charts.png");
    const chartsShot = await screenshot(`http://127.0.0.1:${port}/charts.html`, chartsPng, {
      profile: join(outDir, "profile-charts-shot"),
      size: "1400,1400",
      minBytes: 20_000,
    });
    if (chartsShot.ok) passed++;
    else failed++;
    console.log(
      `${chartsShot.ok ? green("ok  ") : red("FAIL")} screenshot of the charts page → ${rel(chartsPng)} (${Math.round(chartsShot.bytes / 1024)} kB${chartsShot.ok ? "" : `, expected at least 20 kB\n${chartsShot.run.stderr.slice(-1000)}`})`,
    );

    const report = join(root, "demo-output/report.html");
    if (existsSync(report)) {
      const png = join(outDir, "report.png");
      const shot = await screenshot(pathToFileURL(report).href, png, { profile: join(outDir, "profile-shot") });
      if (shot.ok) passed++;
      else failed++;
      console.log(
        `${shot.ok ? green("ok  ") : red("FAIL")} screenshot of demo-output/report.html → ${rel(png)}${shot.ok ? ` (${Math.round(shot.bytes / 1024)} kB)` : `\n${shot.run.stderr}`}`,
      );
    } else {
      console.log("skip demo-output/report.html does not exist (run `npm run demo` first) — no screenshot");
    }
  } finally {
    server.close();
  }
}

await main();
console.log(`browser: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exitCode = failed > 0 ? 1 : 0;
