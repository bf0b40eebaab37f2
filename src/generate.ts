/**
 * `lockstep generate`: schemas → IR → TypeScript, Rust and Go files → one writer. All emitters
 * run in memory first; nothing is written unless every stage succeeded.
 */
import { createHash, type Hash } from "node:crypto";
import { canonicalize } from "./canonical.js";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative, sep } from "node:path";
import { TARGETS, type GeneratedFile, type HeaderInfo, type Target } from "./emit/types.js";
import type { Config } from "./config.js";
import { LockstepError } from "./errors.js";
import type { Module, Warning } from "./ir/types.js";
import type { History } from "./load/history.js";
import { canonicalText, errorAt, type JsonFile } from "./load/json-file.js";
import { codeDir, packagePath } from "./paths.js";
import { plan, upToDate, writeOutputs, type OutputDir, type WriteReport } from "./write.js";
import type { EmitJob } from "./emit/jobs.js";

const LABELS: Record<Target, string> = { typescript: "TypeScript", rust: "Rust", go: "Go" };

export { TARGETS, type Target };

export interface GenerateOptions {
  config: Config;
  /** Limit to these targets (default: every target the config enables). */
  targets?: Target[];
  /** Only report what would change; write nothing. */
  check?: boolean;
  cwd?: string;
  toolVersion: string;
  /** Called as each stage starts, for a progress line (src/progress.ts). */
  onStep?: (label: string) => void;
}

export interface GenerateResult {
  reports: Array<WriteReport & { target: Target }>;
  warnings: Array<Warning & { display: string }>;
  /** True when the fingerprint matched and nothing was loaded or emitted. */
  cached: boolean;
  /** With `check`: what would be written, so a caller can show where a file differs. */
  expected?: OutputDir[];
}

/** Calls `visit` with every kept file under `dir`, in a stable (sorted) order. */
export function walkFiles(dir: string, keep: (name: string) => boolean, visit: (path: string) => void): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) walkFiles(path, keep, visit);
    else if (keep(e.name)) visit(path);
  }
}

/**
 * Hashes every kept file under `dir`: contents as they are read, then the list of paths and sizes
 * in one piece (one hash update per file: this runs on every `generate`, over every schema).
 */
function hashTree(hash: Hash, dir: string, keep: (name: string) => boolean): number {
  const names: string[] = [];
  let bytes = 0;
  walkFiles(dir, keep, (path) => {
    const data = readFileSync(path);
    hash.update(data);
    bytes += data.length;
    names.push(`${path}\0${data.length}`);
  });
  hash.update(names.join("\0"));
  return bytes;
}

/** Every schema file, relative to the schemas root (forward slashes, sorted). */
export function schemaFiles(root: string): string[] {
  const out: string[] = [];
  if (existsSync(root)) walkFiles(root, (name) => name.endsWith(".json"), (path) => out.push(relative(root, path).split(sep).join("/")));
  return out;
}

/**
 * SHA-256 of the canonical form of every schema file (src/canonical.ts), by relative path; a file
 * `loaded` already (the same text) is not canonicalized again.
 */
export function canonicalHashes(root: string, loaded?: (path: string) => JsonFile | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of schemaFiles(root)) {
    try {
      const path = join(root, ...rel.split("/"));
      const text = readFileSync(path, "utf8");
      const file = loaded?.(path);
      out[rel] = createHash("sha256").update(file?.text === text ? canonicalText(file) : canonicalize(text)).digest("hex");
    } catch {
      // not JSON lockstep reads (a file it never loads): nothing to record
    }
  }
  return out;
}

let toolHash: string | undefined;

/**
 * lockstep's own code and templates: a rebuilt lockstep regenerates even at the same version. A
 * build records the hash of what it wrote (dist/build-id), so that a run need not read it all.
 */
function toolFingerprint(): string {
  const buildId = join(codeDir(), "build-id");
  if (toolHash === undefined && existsSync(buildId)) toolHash = readFileSync(buildId, "utf8").trim();
  if (toolHash === undefined) {
    const hash = createHash("sha256");
    hashTree(hash, codeDir(), (name) => /\.(c?js|ts)$/.test(name));
    const templates = packagePath("templates");
    if (existsSync(templates)) hashTree(hash, templates, () => true);
    toolHash = hash.digest("hex");
  }
  return toolHash;
}

/**
 * Hash of `meta` (as JSON), lockstep itself and every file under the schemas directory: the key
 * of work done from the schemas (`lockstep test` reuses its fixtures and code by it: src/testing/warm.ts).
 */
export function inputsFingerprint(meta: unknown, schemas: string): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ meta, tool: toolFingerprint() }));
  if (existsSync(schemas)) hashTree(hash, schemas, (name) => name.endsWith(".json"));
  return hash.digest("hex");
}

/** Hash of every input: files under the schemas directory, the config, the targets, lockstep itself. */
export function fingerprint(options: GenerateOptions): string {
  return fingerprintAndSize(options).print;
}

/** The fingerprint, and the size of the schemas read for it (bytes). */
function fingerprintAndSize(options: GenerateOptions): { print: string; bytes: number } {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ v: options.toolVersion, tool: toolFingerprint(), config: options.config, targets: options.targets ?? TARGETS }));
  const bytes = existsSync(options.config.schemas) ? hashTree(hash, options.config.schemas, (name) => name.endsWith(".json")) : 0;
  return { print: hash.digest("hex"), bytes };
}

/**
 * Schemas of at least this size (bytes) emit on a worker thread too (src/emit/pool.ts): below it,
 * starting a worker and copying the modules to it cost more than the emitter it takes over.
 */
const WORKER_MIN_BYTES = 1 << 20;

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const { config } = options;
  const wanted = options.targets ?? TARGETS;
  const outDir = (t: Target) => (config[t] as { out: string }).out;
  const dirs = TARGETS.filter((t) => config[t] && wanted.includes(t)).map(outDir);
  const { print, bytes } = fingerprintAndSize(options);
  const unchanged = upToDate(dirs, print);
  if (unchanged !== undefined) {
    // Nothing changed since the last run: skip loading and emitting (warnings were shown then).
    return { reports: dirs.map((dir, i) => ({ dir, written: [], unchanged: i === 0 ? unchanged : 0, removed: [], target: TARGETS.filter((t) => config[t] && wanted.includes(t))[i]! })), warnings: [], cached: true };
  }
  const header: HeaderInfo = { toolVersion: options.toolVersion };
  // Each target ships its round-trip harness, pointed at the fixtures directory.
  const harness = (out: string) => ({ fixtures: relative(out, config.fixtures).split(sep).join("/") });
  const jobs: EmitJob[] = [];
  if (config.typescript && wanted.includes("typescript")) jobs.push({ target: "typescript", options: { header, harness: harness(config.typescript.out) } });
  if (config.rust && wanted.includes("rust")) jobs.push({ target: "rust", options: { header, crate: config.rust.crate, harness: harness(config.rust.out) } });
  if (config.go && wanted.includes("go")) jobs.push({ target: "go", options: { header, module: config.go.module, package: config.go.package, harness: harness(config.go.out) } });
  // Loaded only past the fast path above, which must stay light.
  const [{ loadModules }, { runJob, shareJobs }] = await Promise.all([import("./pipeline.js"), import("./emit/jobs.js")]);
  const minBytes = Number(process.env.LOCKSTEP_TEST_WORKER_MIN_BYTES ?? WORKER_MIN_BYTES);
  // Started first, so that its start-up overlaps loading.
  const worker = jobs.length > 1 && bytes >= minBytes && availableParallelism() > 1 ? (await import("./emit/pool.js")).startEmitWorker() : undefined;
  const step = options.onStep ?? (() => undefined);
  let modules: Module[];
  let history: History;
  const files = new Map<EmitJob["target"], GeneratedFile[]>();
  try {
    step("loading schemas");
    ({ modules, history } = await loadModules(config.schemas, { allVersions: config.allVersions, cwd: options.cwd, remotes: config.remotes, int64: config.int64 }));
    if (config.strictNames) refuseCollisions(modules, history);
    const { local, remote } = worker ? shareJobs(jobs) : { local: jobs, remote: [] };
    const pending = worker?.run(modules, remote) ?? [];
    const fromWorker = (target: EmitJob["target"]) => pending[remote.findIndex((j) => j.target === target)];
    for (const job of local) {
      step(`generating ${LABELS[job.target as Target]}`);
      const given = job.target === "typescript" ? await fromWorker("typescript-validators") : undefined;
      files.set(job.target, runJob(modules, job, given));
    }
    for (const [i, job] of remote.entries()) {
      if (files.has(job.target) || job.target === "typescript-validators") continue;
      step(`generating ${LABELS[job.target]}`);
      files.set(job.target, await pending[i]!);
    }
  } finally {
    worker?.close();
  }
  const outputs = jobs.map((job) => ({ target: job.target as Target, dir: outDir(job.target as Target), files: files.get(job.target)! }));
  step(options.check ? "comparing" : "writing");
  const reports = options.check ? plan(outputs) : writeOutputs(outputs, options.cwd, print, canonicalHashes(config.schemas, (path) => history.files.get(path)));
  const seen = new Set<string>();
  const unique: Warning[] = [];
  for (const m of modules) {
    for (const w of m.warnings) {
      const key = `${w.file}#${w.pointer}#${w.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      unique.push(w);
    }
  }
  const displays = history.locateDisplays(unique);
  const warnings: GenerateResult["warnings"] = unique.map((w, i) => ({ ...w, display: displays[i]! }));
  return { reports: reports.map((r, i) => ({ ...r, target: outputs[i]!.target })), warnings, cached: false, ...(options.check ? { expected: outputs } : {}) };
}

/** `--strict-names`: the first name the IR had to tell apart is an error at its place. */
function refuseCollisions(modules: Module[], history: History): void {
  for (const m of modules) {
    const w = m.warnings.find((x) => x.code === "name-collision");
    if (!w) continue;
    const file = history.files.get(join(history.root, ...w.file.split("/")));
    const message = `${w.message.replace(/; the first is named [^;]*/, "")} (--strict-names)`;
    throw file ? errorAt(file, w.pointer, message) : new LockstepError(message, { file: history.display(join(history.root, w.file)), pointer: w.pointer });
  }
}
