/**
 * `lockstep test` with the real toolchains on a few SchemaStore schemas that carry `examples`
 * (../shared/corpus; skipped without it), together in one project: never an internal error.
 * `npm run corpus` runs every such schema (test/corpus/lockstep-test.test.ts).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusPresent } from "./support/corpus-fixtures.js";
import { lockstepTestCorpus, schemasWithExamples } from "./support/corpus-lockstep-test.js";
import { hasTool } from "./support/toolchains.js";

const languages = ["typescript", ...(hasTool("go") ? ["go"] : []), ...(hasTool("cargo") ? ["rust"] : [])];

describe.runIf(corpusPresent())("lockstep test on SchemaStore schemas with examples (sample)", () => {
  it("exits 0, 1 or 2, never 70", async () => {
    const all = await schemasWithExamples();
    const sample = all.filter((_, i) => i % 30 === 0);
    const counts = await lockstepTestCorpus(sample, join(import.meta.dirname, "..", ".cache", "corpus-lockstep-test", "sample"), languages, sample.length);
    console.log(`[lockstep corpus] lockstep test on ${sample.length} of ${all.length} schemas with examples (${languages.join(", ")}): ${JSON.stringify({ ...counts, failures: counts.failures.length })}`);
    console.log(counts.failures.map((f) => `FAILED ${f}`).join("\n"));
    expect(counts.crashes).toEqual([]);
    expect(Object.keys(counts.exits).every((code) => ["0", "1", "2"].includes(code))).toBe(true);
    expect(counts.passed).toBeGreaterThan(0);
  });
});
