/**
 * Fixture synthesis on a sample of SchemaStore schemas (../shared/corpus; skipped without it):
 * never a throw, every fixture valid under the oracle, every failure a finding at file:line:col.
 * `npm run corpus` runs every schema (test/corpus/fixtures.test.ts).
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEMASTORE, corpusPresent, synthesizeCorpus } from "./support/corpus-fixtures.js";

describe.runIf(corpusPresent())("SchemaStore fixtures (sample)", () => {
  it("synthesizes or reports, never throws, and writes only valid fixtures", async () => {
    // Every 25th schema, plus ones the IR types loosely (oneOf exclusivity, anyOf of required, patternProperties).
    const files = readdirSync(SCHEMASTORE).filter((f) => f.endsWith(".json")).sort();
    const chosen = [...new Set([...files.filter((_, i) => i % 25 === 0), "sarif-2.1.0.json", "codeship-services.json", "lsdlschema-3.3.json", "bitrise.json"])].filter((f) => files.includes(f));
    const counts = await synthesizeCorpus(chosen);
    console.log(`[lockstep corpus] fixtures for ${chosen.length} schemas: ${JSON.stringify({ ...counts, problems: counts.problems.length })}`);
    expect(counts.problems).toEqual([]);
    expect(counts.generated).toBeGreaterThan(15);
    expect(counts.full + counts.partial).toBeGreaterThan(counts.generated / 2);
  });
});
