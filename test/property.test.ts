/**
 * Property: random schema trees drawn from the supported constructs (test/support/schema-arbitrary.ts)
 * → lockstep test (fixtures from a random seed, checked by ajv → generated code and harness →
 * TypeScript, Rust and Go built and run for real) → every check passes in every language, and the
 * languages agree. A bounded, fixed-seed run; bench/property.bench.mjs runs many more.
 *
 * Every run writes its tree into one project directory under .cache/property/, with the same
 * entity names (p0..p2), so the cargo target directory and Go build cache serve every run. On a
 * failure fast-check shrinks the tree, building only the languages that failed, and the message
 * shows the schemas, the failing fixture and the diff. Replay a failure with
 * LOCKSTEP_PROPERTY_SEED=<seed> LOCKSTEP_PROPERTY_PATH=<path> from the report.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import type { Language } from "../src/testing/languages.js";
import { passed } from "../src/testing/report.js";
import { runTests } from "../src/testing/run.js";
import { roundTripProperty } from "./support/schema-arbitrary.js";
import { hasTool } from "./support/toolchains.js";

const ROOT = join(import.meta.dirname, "..");
const DIR = join(ROOT, ".cache", "property", "project");
const strict = process.env.CI === "true";

const RUNS = Number(process.env.LOCKSTEP_PROPERTY_RUNS ?? 5);
const SEED = Number(process.env.LOCKSTEP_PROPERTY_SEED ?? 424242);
const PATH = process.env.LOCKSTEP_PROPERTY_PATH;
/** Shrinking rebuilds for every candidate: stop it after this long and report the smallest tree so far. */
const TIME_LIMIT_MS = 6 * 60_000;

// Like itWithTool: a missing toolchain is skipped (and said so) locally, a failure under CI=true
// (runTests then reports it missing and `passed` fails the run).
const TOOLS: Array<{ language: Language; tool: "cargo" | "go" }> = [{ language: "rust", tool: "cargo" }, { language: "go", tool: "go" }];
const languages: Language[] = ["typescript", ...TOOLS.filter((t) => strict || hasTool(t.tool)).map((t) => t.language)];
const skipped = TOOLS.filter((t) => !languages.includes(t.language));
if (skipped.length > 0) {
  console.warn(`[lockstep tests] ${skipped.map((t) => t.tool).join(", ")} not found on PATH: the property runs without ${skipped.map((t) => t.language).join(", ")}`);
}
const note = skipped.length > 0 ? ` (skipped: ${skipped.map((t) => `${t.language}, ${t.tool} not installed`).join("; ")})` : "";

describe("property: random schemas round-trip", () => {
  it(`${RUNS} random schema trees round-trip in ${languages.join(", ")}${note}`, async () => {
    mkdirSync(DIR, { recursive: true });
    let executed = 0;
    const property = roundTripProperty({ loadConfig, runTests, passed }, { dir: DIR, languages, strict, onRun: () => executed++ });
    await fc.assert(property, {
      numRuns: RUNS,
      seed: SEED,
      ...(PATH ? { path: PATH } : {}),
      includeErrorInReport: true,
      interruptAfterTimeLimit: TIME_LIMIT_MS,
      markInterruptAsFailure: true,
    });
    expect(executed).toBeGreaterThanOrEqual(Math.min(RUNS, 1));
  }, TIME_LIMIT_MS + 120_000);
});
