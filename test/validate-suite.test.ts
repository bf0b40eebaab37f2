/**
 * The generated validators against the JSON-Schema-Test-Suite (../shared/corpus): every group of
 * minLength, maxLength, pattern, minimum, maximum, exclusive bounds, multipleOf, minItems,
 * maxItems, uniqueItems, const, required, additionalProperties and the date-time, date, time,
 * email, uuid, uri, ipv4 and ipv6 formats (draft7 and draft2020-12), as one project per language.
 * Each language's verdict must be the suite's; where ajv-formats (the reference) disagrees with
 * the suite, it must be ajv's, and the case is listed. Skipped groups are listed with the reason.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emitTypeScript } from "../src/emit/typescript/index.js";
import { pascalCase } from "../src/ir/casing.js";
import { importGenerated, typecheck, writeTree } from "./support/ts-harness.js";
import { SUITE, SUITE_DIR, SUITE_PRESENT, suiteProject, type SuiteProject, type SuiteTest } from "./support/validate-suite.js";

if (!SUITE_PRESENT) console.warn(`[lockstep tests] ${SUITE} not found: skipping the validator suite tests`);

type Verdicts = Map<string, boolean>;

/** Cases where a language's verdict is not the expected one (the suite's, or ajv's where they differ). */
function wrong(tests: readonly SuiteTest[], verdicts: Verdicts): string[] {
  return tests.filter((t) => verdicts.get(t.id) !== t.ajv).map((t) => `${t.id}: expected ${t.ajv ? "valid" : "invalid"}`);
}

describe.runIf(SUITE_PRESENT)("generated validators: JSON-Schema-Test-Suite", () => {
  let project: SuiteProject;
  const rootName = (entity: string): string => pascalCase(project.modules[0]!.decls.find((d) => d.id === project.modules[0]!.entities.find((e) => e.entity === entity)!.root)!.name);

  beforeAll(async () => {
    project = await suiteProject();
    console.log(`[validate-suite] ${project.tests.length} tests run, ${project.skipped.length} groups skipped:\n  ${project.skipped.join("\n  ")}`);
    const disagree = project.tests.filter((t) => t.ajv !== t.valid);
    console.log(`[validate-suite] ajv-formats disagrees with the suite on ${disagree.length} (the validators follow ajv):\n  ${disagree.map((t) => t.id).join("\n  ")}`);
  }, 120_000);

  it("runs most of the suite's tests for these keywords", () => {
    expect(project.tests.length).toBeGreaterThan(600);
    expect(project.tests.filter((t) => t.ajv !== t.valid).length).toBeLessThan(20);
  });

  it("TypeScript: tsc --strict, and every verdict", async () => {
    const dir = join(SUITE_DIR, "typescript");
    writeTree(dir, emitTypeScript(project.modules, { header: { toolVersion: "0.0.0-test" } }));
    typecheck(dir);
    const mod = await importGenerated(join(dir, "validate.ts"));
    const verdicts: Verdicts = new Map();
    const rt = await importGenerated(join(dir, "runtime.ts"));
    const parse = rt.parseJson as (text: string) => unknown;
    for (const t of project.tests) {
      const validate = mod[`validate${rootName(t.entity)}`] as (v: unknown) => unknown[];
      verdicts.set(t.id, validate(parse(JSON.stringify(t.data))).length === 0);
    }
    expect(wrong(project.tests, verdicts)).toEqual([]);
  }, 120_000);
});
