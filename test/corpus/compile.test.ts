/**
 * Every SchemaStore schema that generates (../shared/corpus; skipped without it), one project per
 * schema, compiled with the real toolchains: all TypeScript under one tsconfig (tsc --strict), all
 * Go in one go.work (go build, go vet), all Rust in one cargo workspace (clippy -D warnings on all
 * targets). test/corpus-generate.test.ts compiles a sample of the same in `npm test`.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusPresent } from "../support/corpus-fixtures.js";
import { compileGo, compileRust, compileTypeScript, generateEach, type GenerateResults } from "../support/corpus-generate.js";
import { itWithTool } from "../support/toolchains.js";

const CACHE = join(import.meta.dirname, "..", "..", ".cache", "corpus-all");
let results: GenerateResults | undefined;

describe.runIf(corpusPresent())("SchemaStore: everything that generates compiles", () => {
  it("generates", async () => {
    results = await generateEach();
    console.log(`[lockstep corpus] ${results.ok.length} schemas generate (${results.vendored.size} with SchemaStore URLs vendored), ${results.refused.size} refused`);
    expect(results.crashed.size).toBe(0);
    expect(results.ok.length).toBeGreaterThan(500);
  });

  it("TypeScript: tsc --strict", () => {
    compileTypeScript(join(CACHE, "ts"), results!.ok);
  });

  itWithTool("go")("Go: go build and go vet", () => {
    compileGo(join(CACHE, "go"), results!.ok);
  });

  itWithTool("cargo")("Rust: cargo clippy --all-targets -D warnings", () => {
    compileRust(join(CACHE, "rust"), results!.ok);
  });
});
