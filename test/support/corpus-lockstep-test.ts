/**
 * `lockstep test` over SchemaStore schemas that carry `examples` (../shared/corpus): many schemas,
 * one entity each, in one project per batch, so each toolchain builds once per batch. A batch
 * refused before testing (entities whose type names clash across the project) is split in two.
 * Shared by the sample in `npm test` and the whole corpus in `npm run corpus`.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LockstepError } from "../../src/errors.js";
import { loadModules } from "../../src/pipeline.js";
import { SCHEMASTORE } from "./corpus-fixtures.js";
import { runCli } from "./cli.js";

export interface TestRunCounts {
  schemas: number;
  batches: number;
  /** Exit codes of the `lockstep test` runs that tested (a refused batch is split, not counted). */
  exits: Record<number, number>;
  passed: number;
  failed: number;
  /** Entity versions reported as not fully testable (exit 2). */
  findings: number;
  /** What must stay empty: a crash (exit 70) and its message. */
  crashes: string[];
  /** Each failed check: language, check, fixture and what went wrong. */
  failures: string[];
}

/** Corpus schemas with the `examples` keyword anywhere that generate on their own, sorted. */
export async function schemasWithExamples(): Promise<string[]> {
  const all = readdirSync(SCHEMASTORE).filter((f) => f.endsWith(".json")).sort();
  const chosen = all.filter((f) => readFileSync(join(SCHEMASTORE, f), "utf8").includes('"examples"'));
  const root = mkdtempSync(join(tmpdir(), "lockstep-corpus-examples-"));
  try {
    const out: string[] = [];
    for (const f of chosen) {
      rmSync(join(root, "schemas"), { recursive: true, force: true });
      place(join(root, "schemas"), f, all);
      try {
        await loadModules(join(root, "schemas"), { cwd: root });
        out.push(f);
      } catch (err) {
        if (!(err instanceof LockstepError)) throw err;
      }
    }
    return out;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const entityName = (file: string): string => `s_${file.replace(/\.json$/, "").replace(/[^A-Za-z0-9]+/g, "_").toLowerCase()}`;

/** schemas/<entity>/v1.json, with links to the corpus files it refers to by relative path. */
function place(schemas: string, file: string, all: string[]): void {
  const dir = join(schemas, entityName(file));
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(SCHEMASTORE, file), join(dir, "v1.json"));
  const text = readFileSync(join(SCHEMASTORE, file), "utf8");
  for (const other of all) if (other !== file && text.includes(other)) symlinkSync(join(SCHEMASTORE, other), join(dir, other));
}

/** Runs `lockstep test` on `files` in batches of at most `size` schemas, in `project` (its build caches stay). */
export async function lockstepTestCorpus(files: string[], project: string, languages: string[], size: number): Promise<TestRunCounts> {
  const all = readdirSync(SCHEMASTORE).filter((f) => f.endsWith(".json")).sort();
  const counts: TestRunCounts = { schemas: files.length, batches: 0, exits: {}, passed: 0, failed: 0, findings: 0, crashes: [], failures: [] };
  const queue: string[][] = [];
  for (let i = 0; i < files.length; i += size) queue.push(files.slice(i, i + size));
  while (queue.length > 0) {
    const batch = queue.shift()!;
    const schemas = join(project, "schemas");
    rmSync(schemas, { recursive: true, force: true });
    rmSync(join(project, "fixtures"), { recursive: true, force: true });
    for (const f of batch) place(schemas, f, all);
    let res;
    try {
      res = await runCli(["test", "-C", project, "--language", languages.join(","), "--format", "json"]);
    } catch (err) {
      counts.crashes.push(`${batch.join(", ")}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      continue;
    }
    if (res.code === 2 && res.stdout === "" && batch.length > 1) {
      // Refused as a whole before testing: test the halves.
      queue.push(batch.slice(0, batch.length / 2), batch.slice(batch.length / 2));
      continue;
    }
    counts.batches++;
    counts.exits[res.code] = (counts.exits[res.code] ?? 0) + 1;
    if (res.stdout === "") continue;
    const report = JSON.parse(res.stdout) as { rows: Array<{ passed: number; failed: number }>; failures: Array<{ language: string; check: string; fixture: string; detail?: string }>; findings: unknown[] };
    for (const f of report.failures) counts.failures.push(`${f.language} ${f.check} fixtures/${f.fixture}: ${f.detail ?? "failed"}`);
    for (const row of report.rows) {
      counts.passed += row.passed;
      counts.failed += row.failed;
    }
    counts.findings += report.findings.length;
  }
  return counts;
}
