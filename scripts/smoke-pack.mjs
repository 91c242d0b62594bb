// Pack smoke test: what a user installs is what we test.
// `git clone` the committed HEAD into .tmp/clone/ (no dist/: an unbuilt clone, as a git-URL install
// sees it), `npm pack` there (the `prepare` script builds; devDependencies come from a symlink to our
// node_modules) into .tmp/pack/, install the tarball into a throwaway project (.tmp/smoke/) from the
// local npm cache (offline: its dependencies zod, decimal.js and date-fns are cached by `npm ci`),
// then import it as ESM, as CJS (require), and as ESM under `--conditions=browser`, call a few
// functions, and check that an error thrown by one build is `instanceof` the other build's classes.
//
// Modules that have not landed yet are checked with `typeof lib.x === "function"` only where a name
// is listed in OPTIONAL below; errors and money are strict.
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { green, red, root, run } from "./_lib/util.mjs";
import { SUBPATHS } from "./subpaths.mjs";

const tmp = join(root, ".tmp");
const packDir = join(tmp, "pack");
const project = join(tmp, "smoke");
const clone = join(tmp, "clone");
let passed = 0;
let failed = 0;

function step(ok, what, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? green("ok  ") : red("FAIL")} ${what}`);
  if (!ok && detail.trim() !== "") console.log(detail.trimEnd().replace(/^/gm, "    "));
  return ok;
}

async function main() {
  rmSync(packDir, { recursive: true, force: true });
  rmSync(project, { recursive: true, force: true });
  rmSync(clone, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  mkdirSync(project, { recursive: true });

  const head = await run("git", ["rev-parse", "HEAD"]);
  const cloned = await run("git", ["clone", "--quiet", "--no-checkout", root, clone], { timeoutMs: 120_000 });
  const checkout =
    cloned.code === 0 ? await run("git", ["checkout", "--quiet", head.stdout.trim()], { cwd: clone }) : cloned;
  if (
    !step(checkout.code === 0, `git clone of HEAD ${head.stdout.trim().slice(0, 12)}`, cloned.stderr + checkout.stderr)
  )
    return;
  if (!step(!existsSync(join(clone, "dist")), "the clone has no dist/ (unbuilt)")) return;
  symlinkSync(join(root, "node_modules"), join(clone, "node_modules"), "dir");
  const pack = await run("npm", ["pack", "--pack-destination", packDir, "--json"], { cwd: clone, timeoutMs: 300_000 });
  if (!step(pack.code === 0, "npm pack", pack.stderr)) return;
  // `prepare` (the build) prints to stdout before npm's JSON.
  const [info] = JSON.parse(pack.stdout.slice(pack.stdout.search(/^\[/m)));
  const tarball = join(packDir, info.filename);
  const files = info.files.map((f) => f.path);
  console.log(
    `     ${info.filename}: ${files.length} files, ${(info.size / 1024).toFixed(1)} kB packed, ${(info.unpackedSize / 1024).toFixed(1)} kB unpacked`,
  );
  const stray = files.filter((f) => !/^(dist\/|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/.test(f));
  step(stray.length === 0, "tarball holds only dist/, README, CHANGELOG, LICENSE, package.json", stray.join("\n"));
  step(
    files.includes("dist/index.js") &&
      files.includes("dist/index.cjs") &&
      files.includes("dist/index.d.ts") &&
      files.includes("dist/index.d.cts"),
    "tarball has the ESM, CJS and both declaration entry points",
  );

  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "smoke", version: "0.0.0", private: true }, null, 2),
  );
  let install = await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", tarball], {
    cwd: project,
    timeoutMs: 180_000,
  });
  if (install.code !== 0) {
    console.log("     offline install failed; retrying with --prefer-offline");
    install = await run(
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock", tarball],
      { cwd: project, timeoutMs: 180_000 },
    );
  }
  if (install.code !== 0) {
    // Last resort: unpack the tarball and copy the runtime dependencies from our node_modules.
    console.log("     npm install failed; installing by hand from the tarball and ./node_modules");
    const nm = join(project, "node_modules");
    mkdirSync(join(nm, "loyalty-kit"), { recursive: true });
    const untar = await run("tar", ["-xzf", tarball, "-C", join(nm, "loyalty-kit"), "--strip-components=1"]);
    for (const dep of ["zod", "decimal.js", "date-fns"])
      cpSync(join(root, "node_modules", dep), join(nm, dep), { recursive: true });
    install = untar;
  }
  if (!step(install.code === 0, "install the tarball into a throwaway project", install.stderr)) return;

  writeFileSync(join(project, "esm.mjs"), ESM);
  writeFileSync(join(project, "cjs.cjs"), CJS);
  writeFileSync(join(project, "cross.mjs"), CROSS);
  writeFileSync(join(project, "subpaths.mjs"), SUBPATH_CHECK("import"));
  writeFileSync(join(project, "subpaths.cjs"), SUBPATH_CHECK("require"));

  for (const [what, args] of [
    ["ESM import", ["esm.mjs"]],
    ["CJS require", ["cjs.cjs"]],
    ["ESM import with --conditions=browser", ["--conditions=browser", "esm.mjs"]],
    ["instanceof across the ESM and CJS builds", ["cross.mjs"]],
    [`ESM import of every subpath (${SUBPATHS.join(", ")})`, ["subpaths.mjs"]],
    ["CJS require of every subpath", ["subpaths.cjs"]],
  ]) {
    const r = await run(process.execPath, args, {
      cwd: project,
      timeoutMs: 30_000,
      env: { TZ: "UTC", NODE_OPTIONS: "" },
    });
    const ok = r.code === 0 && r.stdout.includes("SMOKE OK");
    step(ok, what, `${r.stdout}\n${r.stderr}`);
    if (ok)
      console.log(
        r.stdout
          .trimEnd()
          .split("\n")
          .filter((l) => l !== "SMOKE OK")
          .map((l) => `     ${l}`)
          .join("\n"),
      );
  }

  // The installed package resolved from the project, not from the repository (self-reference).
  step(existsSync(join(project, "node_modules/loyalty-kit/dist/index.js")), "the project imports the installed copy");
}

// Checks shared by the ESM and CJS files: `lib` is the module namespace.
const CHECKS = String.raw`
function assert(cond, what) { if (!cond) throw new Error("smoke check failed: " + what); }
function expectThrow(fn, cls, code) {
  try { fn(); } catch (e) { assert(e instanceof cls && e.code === code, "expected " + code + ", got " + e); return; }
  throw new Error("expected " + code + " to be thrown");
}
// Modules still being written: only checked when present (present names must be functions).
const OPTIONAL = ["post", "balance", "openAccount", "parseProgram", "quote", "checkout", "refund", "pareto", "gini", "lorenz", "abc",
  "rfmSummary", "fitBgNbd", "classifyBonding", "nps", "retentionRate", "openComplaint", "transition", "can"];
function smoke(lib) {
  // errors: strict
  assert(typeof lib.LoyaltyError === "function", "LoyaltyError exported");
  assert(lib.ErrorCode.VALIDATION === "VALIDATION", "ErrorCode.VALIDATION");
  const e = new lib.VersionConflictError(1, 2);
  assert(e instanceof lib.LoyaltyError && e instanceof Error && e.code === "VERSION_CONFLICT", "VersionConflictError is a LoyaltyError");
  // money: strict
  const total = lib.add(lib.money("0.10", "EUR"), lib.money("0.20", "EUR"));
  assert(total.amount.toString() === "0.3", "0.10 + 0.20 = 0.3 exactly");
  assert(lib.allocate(lib.money("10", "USD"), [50, 10]).map((m) => m.amount.toFixed(2)).join(",") === "8.33,1.67", "allocate 10 USD 50:10");
  assert(lib.round(lib.money("2.345", "EUR")).amount.toFixed(2) === "2.34", "half-even rounding");
  assert(JSON.stringify(lib.toJSON(lib.money("12.5", "EUR"))) === '{"amount":"12.50","currency":"EUR"}', "money on the wire");
  expectThrow(() => lib.add(lib.money("1", "EUR"), lib.money("1", "USD")), lib.CurrencyMismatchError, "CURRENCY_MISMATCH");
  expectThrow(() => lib.money("abc", "EUR"), lib.LoyaltyValidationError, "VALIDATION");
  const present = OPTIONAL.filter((name) => name in lib);
  for (const name of present) assert(typeof lib[name] === "function", name + " is a function");
  console.log("errors and money ok; modules present: " + (present.length > 0 ? present.join(", ") : "none yet"));
  console.log("SMOKE OK");
}
`;

const ESM = `import * as lib from "loyalty-kit";
${CHECKS}
smoke(lib);
`;

const CJS = `const lib = require("loyalty-kit");
${CHECKS}
smoke(lib);
`;

const CROSS = `import * as esm from "loyalty-kit";
import { createRequire } from "node:module";
const cjs = createRequire(import.meta.url)("loyalty-kit");
function assert(cond, what) { if (!cond) throw new Error("smoke check failed: " + what); }
assert(esm.LoyaltyError !== cjs.LoyaltyError, "the two builds are really two class objects");
function thrown(lib) { try { lib.add(lib.money("1", "EUR"), lib.money("1", "USD")); } catch (e) { return e; } throw new Error("no throw"); }
const fromCjs = thrown(cjs);
const fromEsm = thrown(esm);
assert(fromCjs instanceof esm.LoyaltyError && fromCjs instanceof esm.CurrencyMismatchError, "CJS error instanceof ESM classes");
assert(fromEsm instanceof cjs.LoyaltyError && fromEsm instanceof cjs.CurrencyMismatchError, "ESM error instanceof CJS classes");
assert(!(fromEsm instanceof cjs.VersionConflictError), "not instanceof an unrelated class");
assert(esm.add(cjs.money("1", "EUR"), esm.money("2", "EUR")).amount.toString() === "3", "money from one build works in the other");
console.log("instanceof holds both ways");
console.log("SMOKE OK");
`;

// Each subpath loads, and every name it exports (schemas aside) is the root's very same value.
const SUBPATH_CHECK = (
  how,
) => `${how === "import" ? 'import * as root from "loyalty-kit";' : 'const root = require("loyalty-kit");'}
const subpaths = ${JSON.stringify(SUBPATHS)};
${how === "import" ? "(async () => {" : "(() => {"}
for (const name of subpaths) {
  const mod = ${how === "import" ? 'await import("loyalty-kit/" + name)' : 'require("loyalty-kit/" + name)'};
  const keys = Object.keys(mod).filter((k) => k !== "default" && k !== "__esModule");
  if (keys.length === 0) throw new Error("loyalty-kit/" + name + " exports nothing");
  // Not re-exported from the root: schemas, postgres and sqlite (for Node with a database driver) and charts
  // (SVG renderers with generic names, kept out of the root's namespace).
  if (!["schemas", "postgres", "charts", "sqlite"].includes(name)) for (const k of keys) if (mod[k] !== root[k]) throw new Error("loyalty-kit/" + name + "." + k + " is not the root's " + k);
  console.log("loyalty-kit/" + name + ": " + keys.length + " exports");
}
console.log("SMOKE OK");
})();
`;

await main();
console.log(`pack smoke: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
