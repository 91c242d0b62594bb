// Checks the Markdown guides (docs/*.md, docs/guides/*.md) against the rule "every code block in a
// guide is a file under examples/ that CI runs":
// - a fenced code block in a language that runs (ts, js, …) or shows output (text, no language)
//   should be `{@includeCode ../../examples/<module>/<name>.mjs}` (or `.expected.txt`) instead;
//   shell commands (sh, bash, console), JSON Schema/config snippets marked `json` and Mermaid
//   diagrams may stay inline;
// - every `{@includeCode …}` / `{@include …}` names a file that exists, and an included `.mjs` is a
//   runnable example (it has a sibling `.expected.txt`) or a helper of one.
// - each page starts with front matter giving its title.
// Fenced blocks inside docs/contributing-guides.md (which documents the convention) are skipped.
//
// Usage: node scripts/check-guides.mjs [--strict]
//   Without --strict, inline code blocks are reported but do not fail the check (missing include
//   targets always fail). CI runs it with --strict once every guide includes its examples.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { red, rel, root, walk } from "./_lib/util.mjs";

const strict = process.argv.includes("--strict");
const INLINE_OK = new Set(["sh", "bash", "console", "shell", "json", "jsonc", "mermaid"]);
const guides = [...walk(join(root, "docs")).filter((f) => /^docs\/(guides\/)?[^/]+\.md$/.test(rel(f)))];

let inline = 0;
let untitled = 0;
let broken = 0;
let ok = 0;
for (const file of guides) {
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  if (rel(file) !== "docs/index.md" && !/^---\n(?:.*\n)*?title:\s*\S.*\n(?:.*\n)*?---\n/.test(text)) {
    untitled++;
    console.log(
      `${strict ? red("FAIL") : "warn"} ${rel(file)}:1: no front matter title (---/title: "…"/---): the site would name the page by its path`,
    );
  }
  const isConventionDoc = rel(file) === "docs/contributing-guides.md";
  let fence = null;
  lines.forEach((line, i) => {
    const m = /^\s*(```+|~~~+)\s*([\w+-]*)/.exec(line);
    if (m) {
      if (fence === null) fence = { marker: m[1], lang: m[2].toLowerCase(), line: i + 1 };
      else if (line.trim().startsWith(fence.marker)) {
        if (!isConventionDoc && !INLINE_OK.has(fence.lang)) {
          inline++;
          console.log(
            `${strict ? red("FAIL") : "warn"} ${rel(file)}:${fence.line}: inline \`\`\`${fence.lang} block; make it a file under examples/ and {@includeCode} it`,
          );
        }
        fence = null;
      }
      return;
    }
    if (fence !== null) return;
    for (const inc of line.replace(/`[^`]*`/g, "").matchAll(/\{@include(?:Code)?\s+([^}#\s]+)(#[^}\s]*)?\s*\}/g)) {
      const target = resolve(dirname(file), inc[1]);
      // docs/generated/ is written by the docs build itself (scripts/site/plugin.mjs), not kept in git.
      if (target.includes("/docs/generated/")) continue;
      if (!existsSync(target)) {
        broken++;
        console.log(`${red("FAIL")} ${rel(file)}:${i + 1}: ${inc[0]} names a file that does not exist`);
      } else if (
        target.endsWith(".mjs") &&
        !existsSync(target.replace(/\.mjs$/, ".expected.txt")) &&
        !/\/examples\//.test(target)
      ) {
        broken++;
        console.log(`${red("FAIL")} ${rel(file)}:${i + 1}: ${inc[0]} includes code outside examples/`);
      } else ok++;
    }
  });
}

const failed = broken + (strict ? inline + untitled : 0);
console.log(
  `Guides: ${guides.length} files, ${ok} includes, ${inline} inline code block(s), ${untitled} without a title${strict || inline + untitled === 0 ? "" : " (reported only; --strict fails on them)"}`,
);
console.log(`guides: ${ok} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
