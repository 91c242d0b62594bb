// The typedoc plugin behind the docs site (typedoc.config.mjs loads it):
// - draws the complaint machine as SVG from the built `machineDefinition` (docs/generated/, ignored
//   by git) and writes the home page's module map (docs/generated/modules.md) from the subpath list;
// - names each module after its import path (`loyalty-kit/money`) and gives it a one-line summary;
// - puts each page in its navigation group by folder: docs/guides/*.md → "Guides" (so a new guide
//   needs no edit here), the contributor page → "Contributing", the rest → "Start here";
// - loads the built library into every page (an import map over dist/ and its dependencies, copied
//   into docs-site/lib/), so a reader can call it from the browser console as `loyaltyKit`, and
//   runs the "Try it in the browser" page's example.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { Comment, Converter, JSX, ReflectionKind, Renderer, UnionType } from "typedoc";
import ts from "typescript";
import { SUBPATHS } from "../subpaths.mjs";
import { libraryGraph, root } from "./library.mjs";
import { machineSvg } from "./machine-svg.mjs";
import { MODULES } from "./modules.mjs";

const GENERATED = join(root, "docs/generated");
/** Examples the "Try it" page can run in the browser (self-contained: no files, no Node built-ins). */
export const TRY_EXAMPLES = ["programs/till", "readme/analytics"];

/** A page's title from its front matter (docs/guides/<name>.md or docs/<name>.md), or undefined if there is no such page. */
function pageTitle(name) {
  const file = [join(root, "docs/guides", `${name}.md`), join(root, "docs", `${name}.md`)].find((f) => existsSync(f));
  if (file === undefined) return undefined;
  const m = /^---\n(?:.*\n)*?title:\s*"?([^"\n]+)"?\n/.exec(readFileSync(file, "utf8"));
  return {
    title: m?.[1] ?? name,
    path: file.includes(`${sep}guides${sep}`) ? `../guides/${name}.md` : `../${name}.md`,
  };
}

export function moduleMap() {
  const linked = new Set();
  const rows = SUBPATHS.map((name) => {
    const info = MODULES[name] ?? {};
    const guides = (info.guides ?? [name])
      .map((g) => {
        const page = pageTitle(g);
        if (page === undefined) return undefined;
        linked.add(g);
        return `[${page.title}](${page.path})`;
      })
      .filter(Boolean);
    return `| {@link "loyalty-kit/${name}"! \`loyalty-kit/${name}\`} | ${info.summary ?? ""} | ${guides.join(", ") || "—"} |`;
  });
  // Guides that are not about one module (or whose module is not listed above) are listed after it.
  const others = readdirSync(join(root, "docs/guides"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => f.slice(0, -3))
    .filter((g) => !linked.has(g))
    .sort()
    .map((g) => `[${pageTitle(g).title}](${pageTitle(g).path})`);
  return [
    "| import from | what it does | guide |",
    "| --- | --- | --- |",
    ...rows,
    "",
    "Everything is also exported from the root, `loyalty-kit`.",
    ...(others.length > 0 ? ["", `More guides: ${others.join(", ")}.`] : []),
    "",
  ].join("\n");
}

async function generate() {
  const complaints = join(root, "dist/complaints/index.js");
  if (!existsSync(complaints)) throw new Error("dist/ is missing: run `npm run build` before `npm run docs`");
  const { machineDefinition } = await import(pathToFileURL(complaints).href);
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(join(GENERATED, "complaint-machine.svg"), machineSvg(machineDefinition));
  writeFileSync(join(GENERATED, "modules.md"), moduleMap());
}

const groupFor = (path) => {
  const r = relative(root, path).split(sep).join("/");
  if (r.startsWith("docs/guides/") || r === "docs/money.md" || r === "docs/pos-integration.md") return "Guides";
  if (r.startsWith("docs/contributing")) return "Contributing";
  return "Start here";
};

// The page script: load the library after the page is shown; run the "Try it" example on a click.
const PAGE_SCRIPT = `
const ready = import("loyalty-kit").then((lib) => {
  window.loyaltyKit = lib;
  console.info("loyalty-kit " + Object.keys(lib).length + " exports loaded: try loyaltyKit.money(\\"12.50\\", \\"EUR\\") in this console");
  return lib;
});
document.addEventListener("click", async (event) => {
  const button = event.target.closest && event.target.closest("button[data-run-example]");
  if (!button) return;
  const out = document.getElementById(button.dataset.output);
  out.textContent = "running…";
  await ready;
  const source = await (await fetch(button.dataset.runExample)).text();
  const lines = [];
  const log = console.log;
  console.log = (...args) => { lines.push(args.map((a) => (typeof a === "string" ? a : String(a))).join(" ")); log(...args); };
  try {
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    await import(url);
    URL.revokeObjectURL(url);
  } catch (error) {
    lines.push("threw " + error);
  } finally {
    console.log = log;
  }
  out.textContent = lines.join("\\n");
  out.dataset.done = "true";
});
`;

/**
 * The type a type node names, as written: a reference to an exported type alias or interface (or a
 * union of such references), or undefined when the node is anything else.
 */
function namedType(context, node) {
  if (node === undefined) return undefined;
  if (ts.isUnionTypeNode(node)) {
    const members = node.types.map((t) => namedType(context, t));
    return members.every((m) => m !== undefined) ? new UnionType(members) : undefined;
  }
  if (!ts.isTypeReferenceNode(node) || node.typeArguments !== undefined) return undefined;
  let symbol = context.checker.getSymbolAtLocation(node.typeName);
  if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = context.checker.getAliasedSymbol(symbol);
  if (symbol === undefined || !(symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface))) return undefined;
  return context.createSymbolReference(symbol, context, node.typeName.getText());
}

/** @param {import("typedoc").Application} app */
export async function load(app) {
  await generate();
  let graph;

  // TypeScript evaluates a type alias of a zod schema's output (`type Program = z.output<…>`) eagerly,
  // so typedoc would print the whole union on every function that takes one (checkout's page was
  // 35,000 px). Where the source names an exported type, show that name, linked to its page.
  app.converter.on(Converter.EVENT_CREATE_SIGNATURE, (context, signature, declaration) => {
    if (declaration === undefined || !("parameters" in declaration)) return;
    declaration.parameters.forEach((node, i) => {
      const parameter = signature.parameters?.[i];
      const named = parameter === undefined ? undefined : namedType(context, node.type);
      if (named !== undefined) parameter.type = named;
    });
    const returns = namedType(context, declaration.type);
    if (returns !== undefined) signature.type = returns;
  });

  app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context, doc) => {
    const path = doc.project.files.getReflectionPath(doc);
    if (path !== undefined && doc.frontmatter.group === undefined) doc.frontmatter.group = groupFor(path);
  });

  app.converter.on(
    Converter.EVENT_RESOLVE_BEGIN,
    (context) => {
      // Each function carries `@category <module>` for the single-module site; here the module is the
      // category, so module pages list their members by kind: functions first (groupOrder).
      for (const r of Object.values(context.project.reflections)) {
        r.comment?.removeTags("@category");
        if (r.isDeclaration()) for (const sig of r.signatures ?? []) sig.comment?.removeTags("@category");
      }
      // Re-exports ("references") are kept only where a module is made of them (loyalty-kit/schemas
      // re-exports the schemas documented in their modules); elsewhere, such as the root, they would
      // list every export a second time.
      for (const mod of context.project.children ?? []) {
        if (!mod.kindOf(ReflectionKind.Module) || (mod.children ?? []).some((c) => !c.isReference())) {
          for (const c of [...(mod.children ?? [])]) if (c.isReference()) context.project.removeReflection(c);
        }
      }
      for (const mod of context.project.children ?? []) {
        if (!mod.kindOf(ReflectionKind.Module)) continue;
        const name = mod.name.replace(/^loyalty-kit\//, "").replace(/\/index$/, "");
        if (!SUBPATHS.includes(name)) continue;
        mod.name = `loyalty-kit/${name}`;
        const summary = MODULES[name]?.summary;
        if (summary !== undefined && (mod.comment === undefined || mod.comment.summary.length === 0))
          mod.comment = new Comment([{ kind: "text", text: summary }]);
      }
    },
    // before the group/category plugins read the names
    200,
  );

  app.renderer.on(Renderer.EVENT_BEGIN, () => {
    graph = libraryGraph();
    for (const note of graph.skipped) app.logger.info(`not loaded in the site's pages: ${note}`);
  });
  app.renderer.hooks.on("head.end", (context) => {
    const imports = Object.fromEntries(
      // An import map's addresses must start with "/", "./" or "../" (a bare "lib/…" is ignored).
      Object.entries(graph.imports).map(([spec, path]) => {
        const url = context.relativeURL(`lib/${path}`);
        return [spec, url.startsWith(".") || url.startsWith("/") ? url : `./${url}`];
      }),
    );
    return JSX.createElement(
      JSX.Fragment,
      null,
      JSX.createElement(
        "script",
        { type: "importmap" },
        JSX.createElement(JSX.Raw, { html: JSON.stringify({ imports }) }),
      ),
      JSX.createElement("script", { type: "module" }, JSX.createElement(JSX.Raw, { html: PAGE_SCRIPT })),
    );
  });
  app.renderer.on(Renderer.EVENT_END, (event) => {
    const out = event.outputDirectory;
    for (const [file, path] of graph.files) {
      const target = join(out, "lib", path);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
    }
    for (const example of TRY_EXAMPLES) {
      const target = join(out, "lib/examples", `${example}.mjs`);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(root, "examples", `${example}.mjs`), target);
    }
    writeFileSync(
      join(out, "lib/README.txt"),
      `The built loyalty-kit (${basename(root)}/dist) and its dependencies, loaded by every page through an import map.\n`,
    );
  });
}
