// Runs every bench/*.bench.mjs (or those whose names are given: `npm run bench -- ledger money`).
// Each file exports `default async function (ctx)` and prints its own table of figures and ratios
// against a baseline measured in the same run. Benchmarks import the built package ("loyalty-kit").
import { readdirSync } from "node:fs";
import { cpus } from "node:os";

const only = process.argv.slice(2);
const files = readdirSync(new URL(".", import.meta.url))
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

console.log(
  `loyalty-kit benchmarks — node ${process.version}, ${cpus()[0]?.model ?? "unknown cpu"} × ${cpus().length}`,
);
for (const f of files) {
  console.log(`\n## ${f.replace(".bench.mjs", "")}`);
  const mod = await import(new URL(f, import.meta.url).href);
  await mod.default();
}
