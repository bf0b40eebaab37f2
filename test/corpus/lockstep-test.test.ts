/**
 * `lockstep test` on every SchemaStore schema that carries `examples` and generates on its own
 * (../shared/corpus; skipped without it), in batches of one project each: never an internal
 * error (exit 70). LOCKSTEP_CORPUS_LANGUAGES (default typescript,go,rust) and
 * LOCKSTEP_CORPUS_BATCH (schemas per project, default 40) tune the run. Prints the counts.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusPresent } from "../support/corpus-fixtures.js";
import { lockstepTestCorpus, schemasWithExamples } from "../support/corpus-lockstep-test.js";

const languages = (process.env.LOCKSTEP_CORPUS_LANGUAGES ?? "typescript,go,rust").split(",");
const batch = Number(process.env.LOCKSTEP_CORPUS_BATCH ?? 40);

describe.runIf(corpusPresent())("lockstep test on SchemaStore schemas with examples (every one)", () => {
  it("exits 0, 1 or 2, never 70", async () => {
    const files = await schemasWithExamples();
    const counts = await lockstepTestCorpus(files, join(import.meta.dirname, "..", "..", ".cache", "corpus-lockstep-test", "all"), languages, batch);
    console.log(`[lockstep corpus] lockstep test on ${files.length} schemas with examples (${languages.join(", ")}): ${JSON.stringify({ ...counts, failures: counts.failures.length })}`);
    console.log(counts.failures.map((f) => `FAILED ${f}`).join("\n"));
    expect(counts.crashes).toEqual([]);
    expect(Object.keys(counts.exits).every((code) => ["0", "1", "2"].includes(code))).toBe(true);
    expect(files.length).toBeGreaterThan(80);
  });
});
