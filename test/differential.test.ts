/**
 * Differential: instances ajv accepts decode and re-encode byte-equal (canonical JSON) in
 * TypeScript, Rust and Go. Two sources, each one `lockstep test` run (one crate, one Go module, one
 * TypeScript build) per batch of schemas:
 * - random schema trees (test/support/schema-arbitrary.ts, untyped and multi-kind schemas among
 *   them) with random values drawn loosely from their keywords (test/support/random-instances.ts);
 *   ajv keeps the instances;
 * - a fixed sample of the JSON-Schema-Test-Suite's schemas with their `valid: true` instances
 *   (all of them: test/corpus/differential.test.ts, `npm run corpus`); skipped without the corpus.
 * A schema lockstep refuses (a clear error) is not checked and is listed; a crash is a failure.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Language } from "../src/testing/languages.js";
import { checkCases, describeReport, knownFailure, sample, suiteCases, type DiffCase } from "./support/differential.js";
import { randomInstances } from "./support/random-instances.js";
import { schemaTreeArb } from "./support/schema-arbitrary.js";
import { hasTool } from "./support/toolchains.js";

const REPO = join(import.meta.dirname, "..");
const SUITE = join(REPO, "..", "shared", "corpus", "json-schema-test-suite");
const strict = process.env.CI === "true";
const languages: Language[] = ["typescript", ...(strict || hasTool("cargo") ? (["rust"] as const) : []), ...(strict || hasTool("go") ? (["go"] as const) : [])];
if (languages.length < 3) console.warn(`[lockstep tests] differential runs without ${["rust", "go"].filter((l) => !languages.includes(l as Language)).join(", ")} (toolchain not on PATH)`);

const SEED = Number(process.env.LOCKSTEP_DIFF_SEED ?? 20260412);
const TREES = Number(process.env.LOCKSTEP_DIFF_TREES ?? 24);
const SUITE_SAMPLE = Number(process.env.LOCKSTEP_DIFF_SAMPLE ?? 80);

function randomCases(): DiffCase[] {
  const trees = fc.sample(schemaTreeArb(), { seed: SEED, numRuns: TREES });
  return trees.flatMap((tree, t) =>
    Object.entries(tree.files)
      .filter(([path]) => path.endsWith("/v1.json"))
      .map(([path, schema], e) => ({ origin: `random tree ${t} ${path}`, schema, instances: randomInstances(schema, SEED + t * 7 + e, 40) })),
  );
}

describe("differential: what ajv accepts round-trips", () => {
  it(`random schema trees and the suite sample, in ${languages.join(", ")}`, async () => {
    const suite = existsSync(SUITE) ? suiteCases(SUITE, ["draft2020-12", "draft7"]).cases : [];
    if (suite.length === 0) console.warn(`[lockstep tests] ${SUITE} not found: the differential test runs random schemas only`);
    const cases = [...randomCases(), ...sample(suite, SUITE_SAMPLE).filter((c) => !knownFailure(c.origin))];
    const report = await checkCases(cases, { dir: join(REPO, ".cache", "differential", "sample"), languages });
    const summary = describeReport(report);
    console.log(summary);
    // Something was really checked: most random values are not instances, most schemas generate.
    expect(report.checkedInstances, summary).toBeGreaterThan(cases.length);
    expect(report.crashed, summary).toEqual([]);
    expect(report.broken, summary).toEqual([]);
    expect(report.losses, summary).toEqual([]);
  }, 900_000);
});
