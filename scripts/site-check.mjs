// Opens the built docs site (docs-site/, from `npm run docs`) in headless Chromium over a local HTTP
// server and checks what a reader sees:
// - the home page, a guide, an API page, Concepts and FAQ render, with no uncaught error, no
//   console.error, no failed request and every picture loaded;
// - the built library loads into the page (`loyaltyKit` in the console);
// - the search finds guides for "CLV" and "idempotent";
// - the "Try it in the browser" page runs its examples and prints what examples/*.expected.txt say;
// - the API page for `checkout` stays a readable height (named types, not expanded unions).
// Screenshots of the pages go to docs-site/screenshots/ (ignored by git) for a person to look at.
//
// Usage: npm run docs && node scripts/site-check.mjs
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { chromiumVersion, dumpDom, profileDir, screenshot, unescapeHtml } from "./_lib/chromium.mjs";
import { green, normalizeOutput, red, rel, root } from "./_lib/util.mjs";

const site = join(root, "docs-site");
const shots = join(site, "screenshots");
const profiles = join(root, ".tmp/site-check");
/** The API page for checkout was 35,000 px tall when the program union was expanded inline. */
const MAX_API_PAGE_HEIGHT = 12_000;
let passed = 0;
let failed = 0;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

// Injected first into every page: records what a reader's console would show as an error.
const RECORDER = `<script>
window.__siteErrors = [];
addEventListener("error", (e) => {
  const t = e.target;
  window.__siteErrors.push(t && t !== window && (t.src || t.href) ? "failed to load " + (t.src || t.href) : "uncaught " + e.message);
}, true);
addEventListener("unhandledrejection", (e) => window.__siteErrors.push("unhandled rejection " + ((e.reason && e.reason.message) || e.reason)));
const __error = console.error.bind(console);
console.error = (...args) => { window.__siteErrors.push("console.error " + args.join(" ")); __error(...args); };
</script>`;

// Injected last into a page opened with ?check=<task>: does the task, then writes the findings as JSON.
const CHECKER = `<script type="module">
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const until = async (fn, ms = 20000) => { for (let t = 0; t < ms; t += 100) { const v = fn(); if (v) return v; await sleep(100); } return fn(); };
const task = new URLSearchParams(location.search).get("check");
const out = { task, title: document.title };
try {
  out.library = await until(() => window.loyaltyKit && Object.keys(window.loyaltyKit).length);
  out.height = document.documentElement.scrollHeight;
  out.text = document.querySelector(".col-content")?.innerText.slice(0, 20000) ?? "";
  await until(() => [...document.images].every((i) => i.complete));
  out.images = [...document.images].map((i) => ({ src: i.getAttribute("src"), width: i.naturalWidth }));
  if (task.startsWith("search:")) {
    const query = task.slice("search:".length);
    document.getElementById("tsd-search-trigger")?.click();
    const input = document.getElementById("tsd-search-input");
    input.value = query;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const items = () => [...document.querySelectorAll("#tsd-search-results li a")];
    await until(() => items().length > 0);
    out.results = items().map((a) => ({ text: a.textContent.trim(), href: a.getAttribute("href") }));
  }
  if (task === "try") {
    out.runs = [];
    for (const button of document.querySelectorAll("button[data-run-example]")) {
      button.click();
      const pre = document.getElementById(button.dataset.output);
      await until(() => pre.dataset.done === "true");
      out.runs.push({ example: button.dataset.runExample, output: pre.textContent });
    }
  }
} catch (error) {
  window.__siteErrors.push("check script " + error);
}
out.errors = window.__siteErrors;
const pre = document.createElement("pre");
pre.id = "site-check-result";
pre.textContent = JSON.stringify(out);
document.body.append(pre);
</script>`;

function serve() {
  const missing = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let path = normalize(join(site, decodeURIComponent(url.pathname)));
    if (path.endsWith(sep)) path = join(path, "index.html");
    if (!path.startsWith(site + sep) || !existsSync(path) || !statSync(path).isFile()) {
      if (!url.pathname.endsWith("/favicon.ico")) missing.push(url.pathname);
      res.writeHead(404).end("not found");
      return;
    }
    const type = TYPES[extname(path)] ?? "application/octet-stream";
    res.writeHead(200, { "content-type": type });
    if (extname(path) !== ".html") return res.end(readFileSync(path));
    let html = readFileSync(path, "utf8").replace("<head>", `<head>${RECORDER}`);
    if (url.searchParams.has("check")) html = html.replace("</body>", `${CHECKER}</body>`);
    res.end(html);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, missing })));
}

// Chromium logs what reached the console to stderr (read by open() below).
const LOGGING = ["--hide-scrollbars", "--enable-logging=stderr", "--v=0"];

function report(ok, message, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(
    `${ok ? green("ok  ") : red("FAIL")} ${message}${!ok && detail ? `\n${detail.replace(/^/gm, "     ")}` : ""}`,
  );
}

/** Loads `page?check=task`, returns the checker's findings (or null) and Chromium's console errors. */
async function open(base, page, task) {
  const url = `${base}/${page}${page.includes("?") ? "&" : "?"}check=${encodeURIComponent(task)}`;
  const r = await dumpDom(url, {
    profile: profileDir(profiles, `dom-${task}`),
    budgetMs: 30_000,
    timeoutMs: 120_000,
    extra: LOGGING,
  });
  const json = /<pre id="site-check-result">([\s\S]*?)<\/pre>/.exec(r.stdout)?.[1];
  const decoded = json === undefined ? undefined : unescapeHtml(json);
  // Chromium logs what reached the console; uncaught errors say "Uncaught".
  const consoleErrors = r.stderr.split("\n").filter((l) => /CONSOLE.*(Uncaught|Failed to)/.test(l));
  return { found: decoded ? JSON.parse(decoded) : null, consoleErrors, stderr: r.stderr, timedOut: r.timedOut };
}

function pageIsClean(label, r, missing) {
  if (r.found === null) {
    report(
      false,
      `${label}: the page did not finish${r.timedOut ? " (Chromium timed out)" : ""}`,
      r.stderr.slice(-2000),
    );
    return false;
  }
  const problems = [...r.found.errors, ...r.consoleErrors, ...missing.splice(0).map((p) => `404 ${p}`)];
  const broken = r.found.images.filter((i) => i.width === 0);
  for (const i of broken) problems.push(`picture did not load: ${i.src}`);
  report(
    problems.length === 0 && r.found.library > 100,
    `${label}: renders (${r.found.height} px), ${r.found.images.length} pictures, library loaded (${r.found.library} exports), no console errors`,
    problems.join("\n") || `loyaltyKit has ${r.found.library} exports`,
  );
  return true;
}

async function main() {
  if (!existsSync(join(site, "index.html"))) {
    report(false, "docs-site/index.html is missing: run `npm run docs` first");
    return;
  }
  const browser = await chromiumVersion();
  if (!browser.ok) {
    report(false, browser.detail);
    return;
  }
  console.log(`Browser: ${browser.version}`);
  rmSync(profiles, { recursive: true, force: true });
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  const { server, missing } = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const docs = readdirSync(join(site, "documents"));
  const doc = (start) => `documents/${docs.find((f) => f.startsWith(start)) ?? `${start}-not-found.html`}`;
  const pages = {
    home: "index.html",
    guide: doc("Loyalty_programs_at_the_till"),
    api: "functions/loyalty-kit_programs.checkout.html",
    concepts: doc("Concepts"),
    faq: doc("FAQ"),
    try: doc("Try_it_in_the_browser"),
  };
  try {
    for (const [name, page] of Object.entries(pages)) {
      const r = await open(base, page, name);
      if (!pageIsClean(`${name} (${page})`, r, missing)) continue;
      const text = r.found.text;
      if (name === "home")
        report(
          text.includes("npm install loyalty-kit") && text.includes("loyalty-kit/programs") && text.includes("applied"),
          "home: the install command, the module map and the till example's output are on it",
        );
      if (name === "api")
        report(
          r.found.height <= MAX_API_PAGE_HEIGHT,
          `api: checkout's page is ${r.found.height} px tall (at most ${MAX_API_PAGE_HEIGHT})`,
        );
      if (name === "concepts")
        report(
          r.found.images.some((i) => i.src.includes("complaint-machine")) && r.found.images.length >= 5,
          `concepts: ${r.found.images.length} SVG pictures, the complaint machine among them`,
        );
      if (name === "try") {
        for (const run of r.found.runs ?? []) {
          const example = run.example.replace(/^.*\/lib\/examples\//, "").replace(/\.mjs$/, "");
          const expected = normalizeOutput(readFileSync(join(root, "examples", `${example}.expected.txt`), "utf8"));
          const actual = normalizeOutput(run.output);
          report(
            actual === expected,
            `try: examples/${example}.mjs run in the page prints its .expected.txt`,
            `expected:\n${expected}\nactual:\n${actual}`,
          );
        }
        report((r.found.runs ?? []).length >= 2, `try: ${(r.found.runs ?? []).length} runnable examples on the page`);
      }
    }
    // The complaint picture shows every state and every event of the definition it was drawn from.
    const svgFile = join(site, "media/complaint-machine.svg");
    if (existsSync(svgFile)) {
      const svg = readFileSync(svgFile, "utf8");
      const { machineDefinition } = await import(pathToFileURL(join(root, "dist/complaints/index.js")).href);
      const states = Object.keys(machineDefinition.states);
      const events = new Set(states.flatMap((s) => Object.keys(machineDefinition.states[s].on)));
      const absent = [...states, ...events].filter((name) => !new RegExp(`>[^<]*\\b${name}\\b[^<]*<`).test(svg));
      report(
        absent.length === 0,
        `complaint machine picture: all ${states.length} states and ${events.size} events of machineDefinition are drawn`,
        `missing: ${absent.join(", ")}`,
      );
    } else report(false, "docs-site/media/complaint-machine.svg is missing");
    for (const query of ["CLV", "idempotent"]) {
      const r = await open(base, pages.home, `search:${query}`);
      if (r.found === null) {
        report(false, `search "${query}": the page did not finish`, r.stderr.slice(-2000));
        continue;
      }
      const results = r.found.results ?? [];
      const guides = results.filter((x) => x.href?.includes("documents/"));
      report(
        guides.length > 0,
        `search "${query}": ${results.length} results, ${guides.length} of them guides (${guides
          .slice(0, 3)
          .map((g) => g.text)
          .join("; ")})`,
        JSON.stringify(results.slice(0, 10)),
      );
    }
    for (const [name, page] of Object.entries(pages)) {
      const png = join(shots, `${name}.png`);
      const shot = await screenshot(`${base}/${page}`, png, {
        profile: profileDir(profiles, `shot-${name}`),
        size: "1280,1600",
        budgetMs: 10_000,
        minBytes: 5001,
        timeoutMs: 120_000,
        extra: LOGGING,
      });
      report(shot.ok, `screenshot of ${name} → ${rel(png)}`, shot.run.stderr.slice(-1000));
    }
  } finally {
    server.close();
  }
}

await main();
console.log(`site: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
