// Headless Chromium for the check scripts (browser-check, site-check): where it is, the flags that work
// on this machine (closed network, run as root), and the three ways the scripts use it — its version,
// a page's DOM after its scripts ran (--dump-dom), and a screenshot. Node only; never imported by src/.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { run } from "./util.mjs";

/** The Chromium binary: $CHROMIUM, else Debian's or Ubuntu's path, else `chromium` on PATH. */
export const CHROMIUM =
  process.env.CHROMIUM ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ?? "chromium";

/**
 * The command-line flags for one headless run with its own profile folder (so runs never share state).
 * `--no-sandbox` because CI runs as root; the network features are off because the machine is offline.
 */
export function chromiumArgs(profile, extra = []) {
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    `--user-data-dir=${profile}`,
    ...extra,
  ];
}

/** `{ ok, version, detail }`: whether Chromium starts, its version line, and what went wrong if not. */
export async function chromiumVersion() {
  const r = await run(CHROMIUM, ["--version"], { timeoutMs: 20_000 });
  return r.code === 0
    ? { ok: true, version: r.stdout.trim(), detail: "" }
    : {
        ok: false,
        version: "",
        detail: `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)\n${r.stderr}`,
      };
}

/**
 * Loads `url` and resolves the `run` result whose stdout is the DOM after the page's scripts ran
 * (virtual time lets timers and promises settle within `budgetMs` of page time).
 */
export function dumpDom(url, { profile, budgetMs = 10_000, timeoutMs = 45_000, extra = [] }) {
  return run(CHROMIUM, [...chromiumArgs(profile, extra), `--virtual-time-budget=${budgetMs}`, "--dump-dom", url], {
    timeoutMs,
  });
}

/**
 * Screenshots `url` into `png` at `size` ("width,height"); resolves `{ ok, bytes, run }`, where `ok`
 * says Chromium exited cleanly and wrote a PNG of at least `minBytes` (a blank page compresses smaller).
 */
export async function screenshot(
  url,
  png,
  { profile, size = "1200,1600", budgetMs, minBytes = 1000, timeoutMs = 45_000, extra = [] },
) {
  const r = await run(
    CHROMIUM,
    [
      ...chromiumArgs(profile, extra),
      "--hide-scrollbars",
      `--window-size=${size}`,
      ...(budgetMs === undefined ? [] : [`--virtual-time-budget=${budgetMs}`]),
      `--screenshot=${png}`,
      url,
    ],
    { timeoutMs },
  );
  const bytes = existsSync(png) ? statSync(png).size : 0;
  return { ok: r.code === 0 && bytes >= minBytes, bytes, run: r };
}

/** Undoes the HTML escaping --dump-dom applies to text content. */
export function unescapeHtml(text) {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
    .replace(/&amp;/g, "&");
}

/** A profile folder under `dir` named after `name` (non-word characters replaced). */
export function profileDir(dir, name) {
  return join(dir, name.replace(/\W/g, "_"));
}
