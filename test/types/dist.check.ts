// Type-checks the built declarations (dist/*.d.ts and dist/*.d.cts) with skipLibCheck off,
// so a broken .d.ts fails `npm run typecheck`.
import type * as esm from "../../dist/index.js";
import type * as cjs from "../../dist/index.cjs";

export type Esm = typeof esm;
export type Cjs = typeof cjs;
