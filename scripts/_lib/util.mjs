// Small helpers shared by the check scripts (Node only; never imported by src/).
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (the folder holding package.json). */
export const root = fileURLToPath(new URL("../../", import.meta.url));

/** Path relative to the repository root, with forward slashes. */
export function rel(path) {
  return relative(root, path).split(sep).join("/");
}

/** Every file under `dir` (recursively), sorted, skipping node_modules and dot-folders. */
export function walk(dir) {
  const out = [];
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

/**
 * Runs a command, collecting stdout and stderr; never rejects.
 * Resolves `{ code, signal, stdout, stderr, timedOut, ms }`.
 */
export function run(command, args, { cwd = root, env = {}, timeoutMs = 30_000, input } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    if (input !== undefined) child.stdin.end(input);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({
        code: -1,
        signal: null,
        stdout,
        stderr: stderr + String(error),
        timedOut,
        ms: performance.now() - started,
      });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, ms: performance.now() - started });
    });
  });
}

/** Maps `items` through async `fn` with at most `limit` in flight; keeps order. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** Normalizes program output for comparison: CRLF → LF, trailing whitespace per line and at the end. */
export function normalizeOutput(text) {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n+$/, "");
}

/**
 * A line diff of `expected` against `actual` (LCS), as unified-style lines with up to `context`
 * unchanged lines around each change. Small inputs only (examples print tens of lines).
 */
export function lineDiff(expected, actual, context = 3) {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ t: " ", s: a[i++], line: j++ });
    else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ t: "-", s: a[i++], line: j });
    else ops.push({ t: "+", s: b[j], line: j++ });
  }
  const keep = new Array(ops.length).fill(false);
  ops.forEach((op, k) => {
    if (op.t === " ") return;
    for (let d = Math.max(0, k - context); d <= Math.min(ops.length - 1, k + context); d++) keep[d] = true;
  });
  const out = [];
  let skipping = false;
  ops.forEach((op, k) => {
    if (keep[k]) {
      if (skipping) out.push("  …");
      skipping = false;
      out.push(`${op.t === " " ? " " : op.t} ${op.s}`);
    } else skipping = true;
  });
  return out.join("\n");
}

/** Colours only when stdout is a terminal (CI logs stay plain). */
const tty = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
export const red = (s) => (tty ? `\x1b[31m${s}\x1b[0m` : s);
export const green = (s) => (tty ? `\x1b[32m${s}\x1b[0m` : s);
export const dim = (s) => (tty ? `\x1b[2m${s}\x1b[0m` : s);
