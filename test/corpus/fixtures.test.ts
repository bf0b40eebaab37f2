/**
 * Fixture synthesis on every SchemaStore schema that generates on its own (../shared/corpus;
 * skipped without it), in process: never a throw, every fixture valid under the oracle, every
 * failure a finding at file:line:col. Prints the counts README's "Real-world schemas" reports.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEMASTORE, corpusPresent, synthesizeCorpus } from "../support/corpus-fixtures.js";

describe.runIf(corpusPresent())("SchemaStore fixtures (every schema)", () => {
  it("synthesizes or reports, never throws, and writes only valid fixtures", async () => {
    const files = readdirSync(SCHEMASTORE).filter((f) => f.endsWith(".json")).sort();
    const counts = await synthesizeCorpus(files);
    console.log(`[lockstep corpus] fixtures for ${files.length} schemas: ${JSON.stringify({ ...counts, problems: counts.problems.length })}`);
    expect(counts.problems).toEqual([]);
    expect(counts.generated).toBeGreaterThan(400);
  });
});
