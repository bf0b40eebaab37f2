/**
 * Property: whatever the schema files hold, `generate`, `lint` and `fixtures` answer with exit 0,
 * 1 or 2 (never a crash), and a run that exits 2 leaves the project exactly as it was (but for
 * the fixtures `fixtures` still writes for the entity versions it could build). Fixed
 * seed; LOCKSTEP_ANY_INPUT_RUNS=<n> runs more, LOCKSTEP_ANY_INPUT_SEED another seed.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { project } from "./support/any-input.js";
import { runCli } from "./support/cli.js";

const RUNS = Number(process.env.LOCKSTEP_ANY_INPUT_RUNS ?? 200);
const SEED = Number(process.env.LOCKSTEP_ANY_INPUT_SEED ?? 1207);

/** Every file under dir with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (abs: string, rel: string): void => {
    for (const d of readdirSync(abs, { withFileTypes: true })) {
      const a = join(abs, d.name);
      if (d.isDirectory()) walk(a, `${rel}${d.name}/`);
      else out[`${rel}${d.name}`] = createHash("sha256").update(readFileSync(a)).digest("hex");
    }
  };
  walk(dir, "");
  return out;
}

describe("any input: exit 0, 1 or 2, never a crash; nothing written on 2", () => {
  it(`${RUNS} random projects through generate, lint and fixtures`, async () => {
    const root = mkdtempSync(join(tmpdir(), "lockstep-any-"));
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(project, async (files) => {
          const dir = join(root, String(run++));
          for (const [rel, bytes] of Object.entries(files)) {
            mkdirSync(dirname(join(dir, rel)), { recursive: true });
            writeFileSync(join(dir, rel), bytes);
          }
          for (const command of ["generate", "lint", "fixtures"]) {
            const before = snapshot(dir);
            const res = await runCli([command, "-C", dir]);
            expect([0, 1, 2], `${command}: exit ${res.code}\n${res.stderr}`).toContain(res.code);
            if (res.code === 2) {
              expect(res.stderr.trim(), `${command}: a message on exit 2`).not.toBe("");
              // fixtures reports an entity version it cannot test (exit 2) and still writes the others' fixtures.
              const after = Object.entries(snapshot(dir)).filter(([rel]) => command !== "fixtures" || !rel.startsWith("fixtures/") || rel in before);
              expect(Object.fromEntries(after), `${command} exited 2 but changed the project`).toEqual(before);
            }
          }
          rmSync(dir, { recursive: true, force: true });
        }),
        { numRuns: RUNS, seed: SEED, includeErrorInReport: true },
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
