/**
 * End to end: every hand-written pair of compat/ through `lint` in backward, forward and full
 * modes, with and without --strict, against the verdict set semantics gives (compat/table.ts).
 */
import { describe, expect, it } from "vitest";
import { lintDefaults } from "../../src/config.js";
import { lint, type LintResult } from "../../src/lint/engine.js";
import { memoryTree } from "../../src/lint/tree.js";
import type { Mode } from "../../src/lint/types.js";
import { ARRAYS } from "./compat/arrays.js";
import { LOGIC } from "./compat/logic.js";
import { OBJECTS } from "./compat/objects.js";
import { SCALARS } from "./compat/scalars.js";
import type { Pair, Verdict } from "./compat/table.js";

const ALL = [...OBJECTS, ...ARRAYS, ...LOGIC, ...SCALARS];

function run(p: Pair, mode: Mode, strict: boolean): LintResult {
  const tree = memoryTree({ "e/v1.json": JSON.stringify(p.old, null, 2), "e/v2.json": JSON.stringify(p.new, null, 2) });
  return lint({ cwd: "/", schemas: "/", tree, mode, strict, keepOff: true, lint: { ...lintDefaults(), ...(p.targets ? { targets: p.targets } : {}) } });
}

const fails = (v: Verdict, strict: boolean) => v === "break" || (strict && v === "unproven");
const show = (r: LintResult) => r.all.map((f) => `  ${f.severity} ${f.rule} ${f.pointer || "#"}: ${f.message}`).join("\n");

describe("compatibility table", () => {
  it("has at least 150 pairs with unique names", () => {
    expect(ALL.length).toBeGreaterThanOrEqual(150);
    expect(new Set(ALL.map((p) => p.name)).size).toBe(ALL.length);
  });

  for (const p of ALL) {
    it(`${p.name}: backward ${p.backward}, forward ${p.forward}`, () => {
      for (const strict of [false, true]) {
        const expected: Record<string, boolean> = {
          backward: fails(p.backward, strict),
          forward: fails(p.forward, strict),
          full: fails(p.backward, strict) || fails(p.forward, strict),
        };
        for (const mode of ["backward", "forward", "full"] as const) {
          const r = run(p, mode, strict);
          const failed = r.findings.some((f) => f.severity === "error" && !f.suppressed);
          expect(failed, `${mode}${strict ? " --strict" : ""}:\n${show(r)}`).toBe(expected[mode]);
          if (p.silent) expect(r.all, `${mode}: no findings`).toEqual([]);
        }
      }
      if (p.backward === "unproven" || p.forward === "unproven") {
        const r = run(p, "full", false);
        const nc = r.findings.filter((f) => f.rule === "not-comparable");
        expect(nc.length, show(r)).toBeGreaterThan(0);
        for (const f of nc) expect(f.message).toMatch(/cannot prove .*: \S/);
      } else {
        const r = run(p, "full", false);
        expect(r.findings.filter((f) => f.rule === "not-comparable").map((f) => f.message), "decidable: no not-comparable").toEqual([]);
      }
    });
  }
});
