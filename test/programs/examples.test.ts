import { afterEach, describe, expect, it, vi } from "vitest";

// Every examples/programs/<name>.mjs prints exactly <name>.expected.txt (they run against the built package).
const names = ["till", "discount", "cumulative", "bonus", "catalog", "stamps"];

describe("examples/programs", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  for (const name of names) {
    it(`${name}.mjs prints ${name}.expected.txt`, async () => {
      const out: string[] = [];
      vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
        out.push(args.map(String).join(" "));
      });
      await import(`../../examples/programs/${name}.mjs`);
      const expected = ((await import(`../../examples/programs/${name}.expected.txt?raw`)) as { default: string }).default;
      expect(`${out.join("\n")}\n`).toBe(expected);
    });
  }
});
