// Terminal output helpers for the demo: section headings and aligned tables. Plain strings only, so
// the output reads the same in a terminal, a CI log or a file.

/** Prints a numbered section heading with a rule under it. */
export function heading(title) {
  console.log(`\n${title}\n${"=".repeat(title.length)}`);
}

/** Prints a sub-heading. */
export function subheading(title) {
  console.log(`\n${title}\n${"-".repeat(title.length)}`);
}

/**
 * Prints rows as an aligned table. `columns` is a list of `{ title, align }` (align "left" or
 * "right", default left); every row is a list of strings (or numbers) of the same length.
 */
export function table(columns, rows, indent = "  ") {
  const cells = rows.map((row) => row.map((cell) => String(cell)));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((r) => r[i].length)));
  const line = (row) =>
    indent +
    row
      .map((cell, i) => (columns[i].align === "right" ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  console.log(line(columns.map((c) => c.title)));
  console.log(indent + widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of cells) console.log(line(row));
}

/** The terminal width the demo keeps to. */
export const WIDTH = 100;

/** Splits text into lines of at most `width` characters at spaces (a longer word stays whole). */
export function wrap(text, width) {
  const lines = [];
  let line = "";
  for (const word of String(text).split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

/** Prints a paragraph wrapped to the terminal width, every line indented. */
export function note(text, indent = "  ") {
  for (const line of wrap(text, WIDTH - indent.length)) console.log(indent + line);
}

/** Prints `label: value` pairs with the labels padded to one width; long values wrap under themselves. */
export function facts(pairs, indent = "  ") {
  const width = Math.max(...pairs.map(([label]) => label.length)) + 2;
  for (const [label, value] of pairs) {
    const [first, ...rest] = wrap(value, WIDTH - indent.length - width);
    console.log(`${indent}${`${label}:`.padEnd(width)}${first}`);
    for (const line of rest) console.log(`${indent}${" ".repeat(width)}${line}`);
  }
}

/** A number as a percentage with `digits` decimals. */
export const percent = (share, digits = 1) => `${(share * 100).toFixed(digits)} %`;
