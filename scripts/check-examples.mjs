// Runs every runnable example under examples/ against the BUILT package and compares its stdout
// with the expected output committed beside it.
//
// Convention: a runnable example is `examples/**/<name>.mjs` with a sibling `<name>.expected.txt`.
// Other .mjs files (helpers, data modules) are not run; examples/demo.mjs is run by `npm run demo`.
// Examples import "loyalty-kit", which resolves to dist/ through the package's self-reference, so
// run `npm run build` first. Each example runs in its own node process from the repository root
// with TZ=UTC, a fixed locale and a timeout; output is compared after normalizing line endings and
// trailing whitespace only.
//
// Usage: node scripts/check-examples.mjs [--update] [filter…]
//   filter    run only examples whose path contains one of the given strings
//   --update  write the actual output to each .expected.txt (review the diff before committing!)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { dim, green, lineDiff, mapLimit, normalizeOutput, red, rel, root, run, walk } from "./_lib/util.mjs";

const TIMEOUT_MS = Number(process.env.EXAMPLE_TIMEOUT_MS ?? 30_000);
const args = process.argv.slice(2);
const update = args.includes("--update");
const filters = args.filter((a) => !a.startsWith("--"));

if (!existsSync(join(root, "dist/index.js"))) {
  console.error(red("dist/index.js is missing: run `npm run build` first."));
  process.exit(1);
}

const all = walk(join(root, "examples")).filter((f) => f.endsWith(".mjs"));
const runnable = [];
const helpers = [];
for (const file of all) {
  const r = rel(file);
  if (r === "examples/demo.mjs") continue;
  const expected = `${file.slice(0, -".mjs".length)}.expected.txt`;
  if (existsSync(expected)) runnable.push({ file, expected });
  else helpers.push(r);
}
const filtered = runnable.filter(({ file }) => filters.length === 0 || filters.some((f) => rel(file).includes(f)));
// Examples that start with "// Needs a PostgreSQL server" run only when PGHOST is set (`npm run test:pg`
// runs them against a throwaway server); otherwise they are skipped, loudly.
const needsPostgres = ({ file }) => /^\/\/ Needs a PostgreSQL server/.test(readFileSync(file, "utf8"));
const selected = filtered.filter((e) => process.env.PGHOST || !needsPostgres(e));
const skipped = filtered.filter((e) => !selected.includes(e));
if (skipped.length > 0)
  console.log(
    red(`SKIPPED (PGHOST is not set; run \`npm run test:pg\`): ${skipped.map((e) => rel(e.file)).join(", ")}`),
  );

console.log(`Running ${selected.length} example(s) against dist/ (timeout ${TIMEOUT_MS / 1000} s each)`);
if (helpers.length > 0) console.log(dim(`not run (no .expected.txt beside them, so helpers): ${helpers.join(", ")}`));

const results = await mapLimit(selected, availableParallelism(), async ({ file, expected }) => {
  const res = await run(process.execPath, [file], {
    timeoutMs: TIMEOUT_MS,
    // Deterministic environment: the same time zone and locale on every machine.
    env: { TZ: "UTC", LANG: "C.UTF-8", LC_ALL: "C.UTF-8", NODE_OPTIONS: "", NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  return { file, expected, res };
});

let passed = 0;
let failed = 0;
for (const { file, expected, res } of results) {
  const name = rel(file);
  // Byte for byte (line endings aside): an example's output is what the guide shows.
  const actualText = res.stdout.replace(/\r\n?/g, "\n");
  const wantText = readFileSync(expected, "utf8").replace(/\r\n?/g, "\n");
  const actual = normalizeOutput(actualText);
  const want = normalizeOutput(wantText);
  const ms = `${Math.round(res.ms)} ms`;
  if (res.timedOut) {
    failed++;
    console.log(`${red("FAIL")} ${name} ${dim(ms)}: timed out after ${TIMEOUT_MS / 1000} s`);
    continue;
  }
  if (res.code !== 0) {
    failed++;
    console.log(`${red("FAIL")} ${name} ${dim(ms)}: exited with ${res.code ?? res.signal}`);
    console.log(res.stderr.trimEnd().replace(/^/gm, "    "));
    continue;
  }
  if (actualText === wantText) {
    passed++;
    console.log(`${green("ok")}   ${name} ${dim(ms)}`);
    continue;
  }
  if (update) {
    writeFileSync(expected, actualText);
    passed++;
    console.log(`${green("upd")}  ${name}: wrote ${rel(expected)} — review it before committing`);
    continue;
  }
  failed++;
  console.log(
    `${red("FAIL")} ${name} ${dim(ms)}: stdout differs from ${rel(expected)}${actual === want ? " in trailing white space or final newlines" : " (- expected, + actual)"}`,
  );
  console.log(lineDiff(want, actual).replace(/^/gm, "    "));
  if (res.stderr.trim() !== "") console.log(dim(res.stderr.trimEnd().replace(/^/gm, "    stderr: ")));
}

console.log(`examples: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
