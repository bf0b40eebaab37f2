/**
 * TypeScript emitter over the shared cases and the bundled schemas: goldens, one strict tsc run
 * over everything, and decode → encode of every instance compared as canonical JSON.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sameJson } from "../src/canonical.js";
import { decodeTextName, encodeTextName } from "../src/emit/typescript/naming.js";
import { REPO, fn, importGenerated, notFormatted, runHarness, typecheck, writeTree } from "./support/ts-harness.js";
import { writeFileSync } from "node:fs";
import { CASES_DIR, caseNames, goldenDiff, instancesOf, loadCase, writeFixtures, type TsCase } from "./support/ts-cases.js";
import { results } from "./support/results.js";

const OUT = join(REPO, ".cache", "ts-cases");
const names = caseNames();
const cases: TsCase[] = [];

beforeAll(async () => {
  for (const name of names) cases.push(await loadCase(name, join(CASES_DIR, name, "schemas"), OUT, true));
  cases.push(await loadCase("_bundled", join(REPO, "schemas"), OUT, false));
  for (const c of cases) writeTree(c.outDir, c.files);
});

describe("emitTypeScript over test/cases", () => {
  it("finds the cases", () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it("matches the goldens (UPDATE_GOLDEN=1 rewrites them)", () => {
    const problems = cases.flatMap((c) => (c.expectedDir ? goldenDiff(c.expectedDir, c.files).map((p) => `${c.name}: ${p}`) : []));
    expect(problems).toEqual([]);
  });

  it("is already formatted (a fixed point of the TypeScript formatter)", () => {
    // runtime.ts and validation.ts have the same body everywhere: checking one copy is enough.
    const files = cases.flatMap((c, i) =>
      c.files.filter((f) => (f.path !== "runtime.ts" && f.path !== "validation.ts") || i === 0).map((f) => ({ ...f, path: `${c.name}/${f.path}` })),
    );
    expect(notFormatted(files)).toEqual([]);
  });

  it("type-checks every case and the bundled schemas with one strict tsconfig", () => {
    typecheck(OUT);
  }, 120_000);

  it("round-trips every instance: decode, encode, same canonical JSON", async () => {
    const failures: string[] = [];
    let count = 0;
    for (const c of cases) {
      const instances = instancesOf(c);
      if (instances.length === 0) continue;
      const mod = await importGenerated(join(c.outDir, "index.ts"));
      const root = c.modules[0]!;
      for (const inst of instances) {
        const entity = root.entities.find((e) => e.entity === inst.entity);
        const decl = entity && root.decls.find((d) => d.id === entity.root);
        if (!decl) {
          failures.push(`${c.name}: no entity ${inst.entity} for ${inst.file}`);
          continue;
        }
        count += 1;
        try {
          const value = fn<[string], unknown>(mod, decodeTextName(decl.name))(inst.text);
          const out = fn<[unknown], string>(mod, encodeTextName(decl.name))(value);
          if (!sameJson(out, inst.text)) failures.push(`${c.name}/${inst.entity}: ${inst.file}\n  in:  ${inst.text.trim()}\n  out: ${out}`);
        } catch (e) {
          failures.push(`${c.name}/${inst.entity}: ${inst.file}: ${String(e)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(0);
  });

  it("ships a harness that passes under node --test with the instances as fixtures, writing emit-mode results", () => {
    const problems: string[] = [];
    for (const c of cases) {
      if (instancesOf(c).length === 0) continue;
      const work = join(REPO, ".cache", "ts-harness", c.name);
      const fixtures = writeFixtures(c, join(work, "fixtures"));
      const run = runHarness(c.files, work, { LOCKSTEP_FIXTURES: join(work, "fixtures"), LOCKSTEP_OUT: join(work, "out") });
      if (!run.ok) problems.push(`${c.name}:\n${run.output}`);
      const emitted = results(join(work, "out"));
      for (const rel of fixtures) {
        if (!emitted.has(`roundtrip/${rel}`)) problems.push(`${c.name}: no emit-mode result for ${rel}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it("has a harness that fails, and says why, when a fixture does not decode", () => {
    const c = cases.find((x) => x.name === "unions")!;
    const work = join(REPO, ".cache", "ts-harness", "_broken");
    const [first] = writeFixtures(c, join(work, "fixtures"));
    const broken = first!.replace(/[^/]+$/, "broken.json");
    writeFileSync(join(work, "fixtures", broken), '{"shape": 5}');
    const run = runHarness(c.files, work, { LOCKSTEP_FIXTURES: join(work, "fixtures"), LOCKSTEP_OUT: join(work, "out") });
    expect(run.ok).toBe(false);
    expect(run.output).toContain("at /shape: expected an object, found integer");
    expect(results(join(work, "out")).get(`roundtrip/${broken.replace(/\.json$/, ".error.txt")}`)).toMatch(/^DecodeError: at \/shape/);
  }, 60_000);
});

