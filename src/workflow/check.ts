/**
 * `lockstep check`: the one command for pre-commit and CI. Writes nothing. In order: the generated
 * code is what `generate` would write (the manifest's fingerprint and hashes first, so an unchanged
 * tree costs a hash comparison), no generated file was edited by hand, every released version still
 * has the hash in the lock file, and lint is clean for the entities that changed.
 */
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Config } from "../config.js";
import { LockstepError } from "../errors.js";
import { canonicalHashes, generate } from "../generate.js";
import type { LintResult } from "../lint/engine.js";
import { git } from "../lint/git.js";
import { LOCK_FILE, hashText, readLock, type Lock, type LockEntry } from "../lint/lock.js";
import { fsTree, makeTree, type SchemaTree } from "../lint/tree.js";
import { MANIFEST, editedFiles, recordedInputs } from "../write.js";

export type ProblemKind = "schema-changed" | "hand-edit" | "deleted" | "out-of-date" | "stale";

/** A problem with a generated file (lint findings are reported as lint reports them). */
export interface Problem {
  kind: ProblemKind;
  /** Relative to the working directory. */
  file: string;
  /** 1-based line of the first difference, when known (a hand edit). */
  line?: number;
  message: string;
}

export interface CheckOptions {
  config: Config;
  cwd: string;
  toolVersion: string;
  /** Git revision to lint changed entities against (else config.check.against). */
  against?: string;
}

export interface CheckResult {
  problems: Problem[];
  /** Generated files compared. */
  files: number;
  /** True when the fingerprint matched: nothing was loaded or emitted. */
  cached: boolean;
  /** The entities linted, and why these. */
  linted: string[];
  scope: string;
  lint?: LintResult;
}

export async function check(options: CheckOptions): Promise<CheckResult> {
  const { config, cwd } = options;
  const generated = await generatedProblems(options);
  const against = options.against ?? config.check.against;
  // Unchanged since the last generate: the manifest's canonical hashes stand for the files (no listing, no reading).
  const first = generatedDirs(config)[0];
  const inputs = generated.cached && first !== undefined ? recordedInputs(first) : undefined;
  const tree = inputs ? recordedTree(config.schemas, cwd, Object.keys(inputs)) : fsTree(config.schemas, cwd);
  const { entities, scope } = against ? changedSince(cwd, against, config.schemas, tree) : unreleased(tree, inputs);
  const result: CheckResult = { ...generated, linted: entities ?? [...tree.entities.keys()], scope };
  if (entities === undefined || entities.length > 0) {
    const { lint } = await import("../lint/engine.js");
    result.lint = lint({
      cwd, schemas: config.schemas, lint: config.lint, int64: config.int64, tree: inputs ? fsTree(config.schemas, cwd) : tree, ...(config.file ? { configFile: config.file } : {}),
      ...(against ? { against } : {}), ...(entities ? { entities } : {}),
    });
  }
  return result;
}

function generatedDirs(config: Config): string[] {
  return (["typescript", "rust", "go"] as const).flatMap((t) => (config[t] ? [config[t].out] : []));
}

/** The schemas tree as the manifest lists it: the same files as on disk while the fingerprint matches. */
function recordedTree(root: string, cwd: string, paths: string[]): SchemaTree {
  return makeTree({
    label: "working tree",
    isRef: false,
    paths: paths.sort(),
    read: (rel) => readFileSync(join(root, ...rel.split("/")), "utf8"),
    display: (rel) => relative(cwd, join(root, ...rel.split("/"))) || rel,
  });
}

/** True when nothing needs fixing: no problem with generated files, no lint error. */
export function passed(result: CheckResult): boolean {
  return result.problems.length === 0 && !(result.lint?.findings ?? []).some((f) => f.severity === "error" && !f.suppressed);
}

async function generatedProblems(options: CheckOptions): Promise<Pick<CheckResult, "problems" | "files" | "cached">> {
  const { config, cwd } = options;
  const result = await generate({ config, check: true, cwd, toolVersion: options.toolVersion });
  const files = result.reports.reduce((n, r) => n + r.written.length + r.unchanged, 0);
  if (result.cached) return { problems: [], files, cached: true };
  const show = (dir: string, rel: string) => relative(cwd, join(dir, rel)).split(sep).join("/");
  const problems: Problem[] = [];
  if (result.reports.some((r) => r.written.length > 0 || r.removed.length > 0)) problems.push(...changedSchemas(config.schemas, cwd, result.reports.map((r) => r.dir)));
  for (const r of result.reports) {
    const manifest = show(r.dir, MANIFEST);
    const edited = new Map(editedFiles(r.dir).map((e) => [e.path, e.deleted]));
    for (const [rel, deleted] of edited) {
      const file = show(r.dir, rel);
      if (deleted) {
        problems.push({ kind: "deleted", file, message: `generated file deleted (listed in ${manifest}); run \`lockstep generate\` to restore it` });
        continue;
      }
      const want = result.expected?.find((o) => o.dir === r.dir)?.files.find((f) => f.path === rel)?.contents;
      const at = want === undefined ? undefined : firstDifference(readFileSync(join(r.dir, rel), "utf8"), want);
      problems.push({
        kind: "hand-edit", file, ...(at ? { line: at.line } : {}),
        message: `edited by hand: its SHA-256 differs from the one in ${manifest}${at ? ` (${at.what})` : ""}; generated files are overwritten, so change the schema instead and run \`lockstep generate\``,
      });
    }
    for (const rel of r.written) {
      if (edited.has(rel)) continue;
      const missing = !existsSync(join(r.dir, rel));
      problems.push({ kind: "out-of-date", file: show(r.dir, rel), message: missing ? "missing: not generated yet; run `lockstep generate` (and commit the generated files)" : "out of date with the schemas; run `lockstep generate`" });
    }
    for (const rel of r.removed) {
      if (!edited.has(rel)) problems.push({ kind: "stale", file: show(r.dir, rel), message: "no longer generated from the schemas; run `lockstep generate` to remove it" });
    }
  }
  return { problems, files, cached: false };
}

/** Where a hand-edited file first differs from what lockstep would write. */
function firstDifference(found: string, want: string): { line: number; what: string } | undefined {
  const [a, b] = [found.split("\n"), want.split("\n")];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const show = (lines: string[]) => (i >= lines.length || (i === lines.length - 1 && lines[i] === "") ? "end of file" : JSON.stringify(lines[i]!.length > 60 ? `${lines[i]!.slice(0, 57)}...` : lines[i]));
    return { line: i + 1, what: `first difference at line ${i + 1}: ${show(a)}, generated ${show(b)}` };
  }
  return undefined;
}

/** The schema files that differ from those the generated code was written from (as its manifest records them). */
function changedSchemas(schemas: string, cwd: string, dirs: string[]): Problem[] {
  const dir = dirs.find((d) => recordedInputs(d) !== undefined);
  if (dir === undefined) return [];
  const was = recordedInputs(dir)!;
  const now = canonicalHashes(schemas);
  const show = (rel: string) => relative(cwd, join(schemas, rel)).split(sep).join("/");
  const manifest = relative(cwd, join(dir, MANIFEST)).split(sep).join("/");
  const problems: Problem[] = [];
  for (const [rel, hash] of Object.entries(now)) {
    if (was[rel] === hash) continue;
    problems.push({ kind: "schema-changed", file: show(rel), message: `${was[rel] === undefined ? "added" : "changed"} since the generated code was written (${manifest}); run \`lockstep generate\`` });
  }
  for (const rel of Object.keys(was)) {
    if (!(rel in now)) problems.push({ kind: "schema-changed", file: show(rel), message: `deleted since the generated code was written (${manifest}); run \`lockstep generate\`` });
  }
  return problems;
}

/**
 * Without a git revision: the entities with a version the lock file does not record, or whose
 * recorded hash no longer matches (lint then reports version-mutated at the file). Without a lock
 * file, every entity.
 */
function unreleased(tree: SchemaTree, recorded: Record<string, string> | undefined): { entities?: string[]; scope: string } {
  const lock = quickLock(tree) ?? readLock(tree);
  if (!lock) return { scope: `every entity (no ${LOCK_FILE}; \`lockstep release\` records released versions)` };
  const changed: string[] = [];
  // Shared documents are referenced by many versions: each file is canonicalized once.
  const hashes = new Map<string, string | undefined>();
  const hashOf = (rel: string): string | undefined => {
    if (!hashes.has(rel)) hashes.set(rel, recorded?.[rel] ?? (tree.has(rel) ? hashText(tree.text(rel)!) : undefined));
    return hashes.get(rel);
  };
  for (const [entity, versions] of tree.entities) {
    const released = lock.entities.get(entity);
    const same = released !== undefined && versions.every((v) => {
      const entry = released.get(v.version);
      return entry !== undefined && hashOf(v.rel) === entry.sha256 && Object.entries(entry.refs).every(([ref, hash]) => hashOf(ref) === hash);
    });
    // A released version whose file is gone is reported by lint, too.
    if (!same || [...released.keys()].some((n) => !versions.some((v) => v.version === n))) changed.push(entity);
  }
  return { entities: changed, scope: `entities with versions not in ${LOCK_FILE} or changed since` };
}

/**
 * The lock file read without positions (most runs only compare its hashes); anything unexpected
 * goes to readLock, which reports it at file:line:col.
 */
function quickLock(tree: SchemaTree): Lock | undefined {
  const text = tree.text(LOCK_FILE);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as { lockstep?: unknown; entities?: Record<string, Record<string, { sha256: string; refs?: Record<string, string> }>> };
    if (value.lockstep !== 1 || typeof value.entities !== "object" || value.entities === null) return undefined;
    const entities = new Map<string, Map<number, LockEntry>>();
    for (const [entity, versions] of Object.entries(value.entities)) {
      const map = new Map<number, LockEntry>();
      for (const [key, entry] of Object.entries(versions)) {
        const m = /^v([1-9]\d*)$/.exec(key);
        if (!m || typeof entry?.sha256 !== "string" || (entry.refs !== undefined && typeof entry.refs !== "object")) return undefined;
        map.set(Number(m[1]), { sha256: entry.sha256, refs: entry.refs ?? {} });
      }
      entities.set(entity, map);
    }
    return { entities };
  } catch {
    return undefined;
  }
}

/** Entities with a file changed since `ref` (committed, staged, unstaged or new); a shared file changes them all. */
function changedSince(cwd: string, ref: string, schemas: string, tree: SchemaTree): { entities?: string[]; scope: string } {
  if (ref.startsWith("-")) throw new LockstepError(`--against: not a git revision: ${ref}`);
  const top = git(cwd, ["rev-parse", "--show-toplevel"]);
  if (!top.ok) throw new LockstepError(`--against ${ref}: ${cwd} is not in a git repository (${top.err})`);
  const root = realpathSync(top.out.toString().trim());
  const dir = relative(root, realpathSync(schemas)).split(sep).join("/");
  const prefix = dir === "" ? "" : `${dir}/`;
  const scope = `entities changed since ${ref}`;
  const diff = git(root, ["diff", "--name-only", "-z", "--no-renames", "--end-of-options", ref, "--", prefix || "."]);
  if (!diff.ok) throw new LockstepError(`--against ${ref}: unknown git revision (try a branch, tag or commit, e.g. origin/main; in CI fetch it first): ${diff.err}`);
  const untracked = git(root, ["ls-files", "-z", "--others", "--exclude-standard", "--", prefix || "."]);
  const paths = [...diff.out.toString("utf8").split("\0"), ...untracked.out.toString("utf8").split("\0")].filter((p) => p.startsWith(prefix) && p.endsWith(".json"));
  const changed = new Set<string>();
  for (const p of paths) {
    const rel = p.slice(prefix.length);
    const entity = rel.split("/")[0]!;
    // A shared document, the lock file or a removed entity: lint everything (lint pairs what exists).
    if (!/^[^/]+\/v\d+\.json$/.test(rel) || !tree.entities.has(entity)) return { scope };
    changed.add(entity);
  }
  return { entities: [...changed].sort(), scope };
}
