/**
 * Differential checking: schemas written elsewhere (the JSON-Schema-Test-Suite, random trees) and
 * instances ajv accepts → every instance decodes and re-encodes byte-equal (canonical JSON) in
 * TypeScript, Rust and Go. Many schemas are checked in one `lockstep test` run (one crate, one Go
 * module, one TypeScript build), each schema an entity d0, d1, ... of one project. Integers under
 * the "string" policy are spelled as strings, as fixtures are (src/fixtures/spell.ts); the number
 * spelling is checked as a lenient-* instance that must re-encode to the strings.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isLosslessNumber, parse, stringify } from "lossless-json";
import { loadConfig } from "../../src/config.js";
import { LockstepError } from "../../src/errors.js";
import { makeOracle } from "../../src/fixtures/oracle.js";
import { spellForWire } from "../../src/fixtures/spell.js";
import type { Value } from "../../src/fixtures/values.js";
import { loadModules } from "../../src/pipeline.js";
import type { Language } from "../../src/testing/languages.js";
import { runTests } from "../../src/testing/run.js";

export interface DiffCase {
  /** Where the schema comes from: `draft7/items.json#3 (items and subitems)`. */
  origin: string;
  schema: unknown;
  /** Instances as JSON text, numbers exactly as written. */
  instances: string[];
}

export interface Loss {
  origin: string;
  language: string;
  instance: string;
  detail: string;
}

export interface DiffReport {
  cases: number;
  /** Schemas lockstep generated code for, and the instances ajv accepted and were checked. */
  checkedSchemas: number;
  checkedInstances: number;
  /** Instances lockstep's ajv oracle rejected (not checked), and the schemas they belong to. */
  rejectedByAjv: number;
  rejectedOrigins: string[];
  /** Schemas lockstep refuses (a clear error, exit 2), or ajv cannot compile: with the reason. */
  refused: Array<{ origin: string; reason: string }>;
  /** Anything else thrown while generating: always a bug (exit 70). */
  crashed: Array<{ origin: string; reason: string }>;
  /** A language whose generated code did not build, with the schemas of that run. */
  broken: Array<{ language: string; message: string; origins: string[] }>;
  losses: Loss[];
  /** Where the time went: each schema loaded alone; per run, the oracle and `lockstep test`. */
  timings: { aloneMs: number; runs: Array<{ schemas: number; oracleMs: number; testMs: number }> };
}

/** Suite files left out as a whole, and why. */
export const SUITE_SKIPS: Record<string, string> = {
  "refRemote.json": "remote references (http://localhost:1234/...): lockstep is offline by design",
  "vocabulary.json": "custom metaschemas and $vocabulary: not a schema feature types can express",
};

/** Suite schemas that fail outside the IR and emitters, by origin (remove each once fixed). */
export const KNOWN_FAILURES: Record<string, string> = {};

export const knownFailure = (origin: string): string | undefined => KNOWN_FAILURES[origin.split(" ")[0]!];

const DRAFT_URI: Record<string, string> = {
  draft7: "http://json-schema.org/draft-07/schema#",
  "draft2020-12": "https://json-schema.org/draft/2020-12/schema",
};

/**
 * Instances that hit a limit docs/semantics.md documents ("Known limits"), left out and counted:
 * an integral number written as a float (`1.0`, `1e3`), which Rust and Go integer fields reject.
 */
export const LIMITS = "integral number written as a float (1.0): Rust and Go integer fields reject it (docs/semantics.md, Known limits)";

function hitsLimit(value: unknown): boolean {
  if (isLosslessNumber(value)) return /[.eE]/.test(value.value) && Number.isInteger(Number(value.value));
  if (Array.isArray(value)) return value.some(hitsLimit);
  if (value !== null && typeof value === "object") return Object.values(value).some(hitsLimit);
  return false;
}

/** Schemas of the JSON-Schema-Test-Suite with their `valid: true` instances (top-level files of each draft). */
export function suiteCases(suiteDir: string, drafts: string[]): { cases: DiffCase[]; skipped: Array<{ origin: string; reason: string }> } {
  const cases: DiffCase[] = [];
  const skipped: Array<{ origin: string; reason: string }> = [];
  for (const draft of drafts) {
    const dir = join(suiteDir, "tests", draft);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
      if (SUITE_SKIPS[file]) {
        skipped.push({ origin: `${draft}/${file}`, reason: SUITE_SKIPS[file]! });
        continue;
      }
      const groups = parse(readFileSync(join(dir, file), "utf8")) as Array<{ description: string; schema: unknown; tests: Array<{ data: unknown; valid: boolean }> }>;
      groups.forEach((group, i) => {
        const valid = group.tests.filter((t) => t.valid);
        const instances = valid.filter((t) => !hitsLimit(t.data)).map((t) => stringify(t.data)!);
        if (instances.length < valid.length) skipped.push({ origin: `${draft}/${file}#${i} (${group.description})`, reason: `${valid.length - instances.length} instance(s): ${LIMITS}` });
        if (instances.length === 0) return;
        let schema = group.schema;
        if (schema !== null && typeof schema === "object" && !("$schema" in schema)) schema = { $schema: DRAFT_URI[draft], ...schema };
        cases.push({ origin: `${draft}/${file}#${i} (${group.description})`, schema, instances });
      });
    }
  }
  return { cases, skipped };
}

/** An evenly spread, fixed sample of `n` cases. */
export function sample<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split("\n")[0]!;

function writeSchemas(dir: string, schemas: Array<{ entity: string; schema: unknown }>): string {
  const root = join(dir, "schemas");
  rmSync(root, { recursive: true, force: true });
  for (const { entity, schema } of schemas) {
    mkdirSync(join(root, entity), { recursive: true });
    writeFileSync(join(root, entity, "v1.json"), `${stringify(schema, undefined, 2)}\n`);
  }
  return root;
}

/** Type names of a schema on its own (lower-case, casing removed): schemas sharing one go to different runs. */
async function namesAlone(dir: string, entity: string, schema: unknown): Promise<string[]> {
  const { modules } = await loadModules(writeSchemas(dir, [{ entity, schema }]), { cwd: dir });
  return modules.flatMap((m) => m.decls.map((d) => d.name.join("")));
}

export interface CheckOptions {
  /** The project directory every run reuses (build caches survive between runs). */
  dir: string;
  languages: Language[];
  /** Schemas per `lockstep test` run. */
  batch?: number;
}

export async function checkCases(cases: DiffCase[], options: CheckOptions): Promise<DiffReport> {
  const report: DiffReport = { cases: cases.length, checkedSchemas: 0, checkedInstances: 0, rejectedByAjv: 0, rejectedOrigins: [], refused: [], crashed: [], broken: [], losses: [], timings: { aloneMs: 0, runs: [] } };
  const started = performance.now();
  const single = join(options.dir, "single");
  mkdirSync(single, { recursive: true });
  // Each schema alone first: refusals are reported, not losses; names decide the batches.
  const batches: Array<{ names: Set<string>; cases: Array<{ entity: string; case: DiffCase }> }> = [];
  for (const [i, c] of cases.entries()) {
    // The entity name stays the same in its run: types named after it are its own.
    const entity = `d${i}`;
    let names: string[];
    try {
      names = await namesAlone(single, entity, c.schema);
    } catch (e) {
      (e instanceof LockstepError ? report.refused : report.crashed).push({ origin: c.origin, reason: firstLine(e) });
      continue;
    }
    let batch = batches.find((b) => b.cases.length < (options.batch ?? 400) && names.every((n) => !b.names.has(n)));
    if (!batch) batches.push((batch = { names: new Set(), cases: [] }));
    for (const n of names) batch.names.add(n);
    batch.cases.push({ entity, case: c });
  }
  report.timings.aloneMs = performance.now() - started;
  for (const batch of batches) await runBatch(batch.cases, options, report);
  return report;
}

async function runBatch(cases: Array<{ entity: string; case: DiffCase }>, options: CheckOptions, report: DiffReport): Promise<void> {
  const project = join(options.dir, "project");
  const entities = cases.map((c) => ({ ...c, schema: c.case.schema }));
  const root = writeSchemas(project, entities);
  const started = performance.now();
  const { history, modules } = await loadModules(root, { cwd: project });
  const oracle = makeOracle(history);
  const instances: Array<{ path: string; contents: string }> = [];
  const byPath = new Map<string, { origin: string; instance: string }>();
  let checked = 0;
  for (const e of entities) {
    // A schema ajv cannot compile ($dynamicRef to an absolute URI, ...) has no oracle: not checked.
    const valid = (text: string): boolean => oracle.validate(e.entity, 1, text).length === 0;
    try {
      if (e.case.instances.length > 0) valid(e.case.instances[0]!);
    } catch (err) {
      if (!(err instanceof LockstepError)) throw err;
      report.refused.push({ origin: e.case.origin, reason: firstLine(err) });
      continue;
    }
    checked += 1;
    e.case.instances.forEach((text, k) => {
      if (!valid(text)) {
        report.rejectedByAjv += 1;
        if (!report.rejectedOrigins.includes(e.case.origin)) report.rejectedOrigins.push(e.case.origin);
        return;
      }
      const path = `${e.entity}/v1/i${k}.json`;
      // As fixtures are: string-policy integers spelled as strings, and the number spelling kept
      // as a lenient-* instance that must come back as the strings.
      const rootId = modules[0]!.entities.find((x) => x.entity === e.entity)?.root;
      const spelled = rootId === undefined ? { changed: false, value: null } : spellForWire(modules[0]!, rootId, parse(text) as Value);
      const wire = spelled.changed ? stringify(spelled.value)! : text;
      instances.push({ path, contents: `${wire}\n` });
      byPath.set(path, { origin: e.case.origin, instance: wire });
      if (spelled.changed) {
        const lenient = `${e.entity}/v1/lenient-i${k}.json`;
        instances.push({ path: lenient, contents: `${text}\n` });
        byPath.set(lenient, { origin: e.case.origin, instance: text });
      }
    });
  }
  report.checkedSchemas += checked;
  report.checkedInstances += instances.length;
  const oracleMs = performance.now() - started;
  const result = await runTests({ config: loadConfig(project, project), cwd: project, languages: options.languages, seed: 0, toolVersion: "differential", instances });
  report.timings.runs.push({ schemas: cases.length, oracleMs, testMs: performance.now() - started - oracleMs });
  for (const run of result.runs) {
    if (run.status !== "ran") report.broken.push({ language: run.language, message: (run.message ?? run.status).slice(0, 4000), origins: cases.map((c) => c.case.origin) });
  }
  for (const o of result.outcomes) {
    if (o.ok) continue;
    const at = byPath.get(o.fixture);
    report.losses.push({ origin: at?.origin ?? o.fixture, language: o.language, instance: at?.instance ?? "?", detail: (o.detail ?? "failed").slice(0, 600) });
  }
}

/** A readable summary for a failing assertion or the corpus run's log. */
export function describeReport(r: DiffReport, limit = 40): string {
  const lines = [
    `${r.cases} schemas: ${r.checkedSchemas} generated and checked with ${r.checkedInstances} instances ajv accepts (${r.rejectedByAjv} instances ajv rejected, not checked); ${r.refused.length} refused, ${r.crashed.length} crashed; ${r.losses.length} losses`,
    `time: each schema alone ${Math.round(r.timings.aloneMs)} ms; runs ${r.timings.runs.map((t) => `${t.schemas} schemas: oracle ${Math.round(t.oracleMs)} ms, lockstep test ${Math.round(t.testMs)} ms`).join("; ")}`,
  ];
  for (const c of r.crashed.slice(0, limit)) lines.push(`CRASH ${c.origin}: ${c.reason}`);
  for (const b of r.broken) lines.push(`BROKEN ${b.language}: ${b.message}`);
  for (const l of r.losses.slice(0, limit)) lines.push(`LOSS ${l.language} ${l.origin}: ${l.instance}\n    ${l.detail.replace(/\n/g, "\n    ")}`);
  if (r.losses.length > limit) lines.push(`… and ${r.losses.length - limit} more losses`);
  return lines.join("\n");
}

export function describeRefusals(r: DiffReport): string {
  return [...r.refused.map((x) => `REFUSED ${x.origin}: ${x.reason}`), ...r.rejectedOrigins.map((o) => `AJV REJECTS a valid instance of ${o}`)].join("\n");
}
