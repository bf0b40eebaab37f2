/**
 * Fixture synthesis over SchemaStore schemas (../shared/corpus), in process, no compilers: each
 * schema that generates on its own is one entity; its fixtures are built and checked again by a
 * fresh oracle. Shared by the sample in `npm test` and the whole corpus in `npm run corpus`.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LockstepError } from "../../src/errors.js";
import { buildFixtures } from "../../src/fixtures/index.js";
import { makeOracle } from "../../src/fixtures/oracle.js";
import { loadModules } from "../../src/pipeline.js";

export const SCHEMASTORE = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "schemastore");

export function corpusPresent(): boolean {
  const present = existsSync(SCHEMASTORE);
  if (!present) console.warn(`[lockstep tests] ${SCHEMASTORE} not found: skipping the SchemaStore fixture tests`);
  return present;
}

export interface SynthesisCounts {
  /** Schemas that generate on their own (the others are refused before fixtures). */
  generated: number;
  /** Every fixture synthesized, nothing given up. */
  full: number;
  /** Some fixtures or values given up or taken from the schema's own examples/default/const. */
  partial: number;
  /** No synthesized fixture, but the user's examples are the fixtures. */
  examplesOnly: number;
  /** Reported as findings (exit 2). */
  findings: number;
  /** What must stay empty: a throw, a written fixture the oracle rejects, a finding without a position. */
  problems: string[];
}

/** Synthesizes fixtures for `files` (names in the corpus directory), one project per schema. */
export async function synthesizeCorpus(files: string[]): Promise<SynthesisCounts> {
  const all = readdirSync(SCHEMASTORE).filter((f) => f.endsWith(".json")).sort();
  // One entity directory with links to every corpus file, so relative $refs resolve; v1.json is
  // each schema in turn.
  const root = mkdtempSync(join(tmpdir(), "lockstep-corpus-fixtures-"));
  const entity = join(root, "schemas", "s");
  mkdirSync(entity, { recursive: true });
  for (const f of all) symlinkSync(join(SCHEMASTORE, f), join(entity, f));
  const counts: SynthesisCounts = { generated: 0, full: 0, partial: 0, examplesOnly: 0, findings: 0, problems: [] };
  try {
    for (const f of files) {
      rmSync(join(entity, "v1.json"), { force: true });
      copyFileSync(join(SCHEMASTORE, f), join(entity, "v1.json"));
      let loaded;
      try {
        loaded = await loadModules(join(root, "schemas"), { cwd: root, allVersions: true });
      } catch (err) {
        if (err instanceof LockstepError) continue;
        throw err;
      }
      counts.generated++;
      try {
        const [set] = buildFixtures(loaded, 1, 16);
        const oracle = makeOracle(loaded.history);
        for (const fixture of set!.fixtures) {
          if (fixture.future) continue;
          const errors = oracle.validate("s", 1, fixture.json);
          if (errors.length > 0) counts.problems.push(`${f}: ${fixture.name} is rejected: ${errors.slice(0, 3).join("; ")}`);
        }
        for (const finding of set!.findings) if (finding.location?.line === undefined && !/examples/.test(finding.location?.file ?? "")) counts.problems.push(`${f}: finding without a position: ${finding.message}`);
        if (set!.findings.length > 0) counts.findings++;
        else if (set!.stats.synthesized === 0) counts.examplesOnly++;
        else if (set!.stats.dropped > 0 || set!.stats.fromExamples > 0) counts.partial++;
        else counts.full++;
      } catch (err) {
        counts.problems.push(`${f}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return counts;
}
