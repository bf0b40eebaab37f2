/**
 * The cargo workspace for the generated round-trip harness, under .cache/rust-harness/: the
 * bundled schemas' crate (all versions, harness on), a deliberately broken copy, and the fixtures
 * the harness reads. One target dir for all, so dependencies build once and a warm run only
 * re-runs the tests. Files are written only when their contents change (cargo's fingerprints
 * use mtimes).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { GeneratedFile } from "../../src/emit/types.js";
import type { VersionFixtures } from "../../src/fixtures/index.js";
import { REPO } from "./rust-workspace.js";

export const HARNESS_WORKSPACE = join(REPO, ".cache/rust-harness");
export const HARNESS_TARGET = join(HARNESS_WORKSPACE, "target");
export const HARNESS_FIXTURES = join(HARNESS_WORKSPACE, "fixtures");
/** Where crates live; the fixtures path baked into each harness is relative to its crate. */
export const CRATES = join(HARNESS_WORKSPACE, "crates");
export const FIXTURES_FROM_CRATE = "../../fixtures";

function writeIfChanged(path: string, contents: string): void {
  if (existsSync(path) && readFileSync(path, "utf8") === contents) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
}

/** Writes `files` under `dir` and removes any other file there (paths relative to dir). */
export function syncTree(dir: string, files: readonly GeneratedFile[]): void {
  const keep = new Set(files.map((f) => f.path));
  for (const f of files) writeIfChanged(join(dir, f.path), f.contents);
  prune(dir, keep, "");
}

function prune(dir: string, keep: Set<string>, rel: string): void {
  if (!existsSync(join(dir, rel))) return;
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const path = rel === "" ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      prune(dir, keep, path);
      if (readdirSync(join(dir, path)).length === 0) rmSync(join(dir, path), { recursive: true });
    } else if (!keep.has(path)) rmSync(join(dir, path));
  }
}

/** Fixtures as `lockstep fixtures` lays them out: `<entity>/v<N>/<name>.json`. */
export function fixtureFiles(sets: readonly VersionFixtures[]): GeneratedFile[] {
  return sets.flatMap((set) => set.fixtures.map((f) => ({ path: `${set.entity}/v${set.version}/${f.name}.json`, contents: f.json })));
}

/** Writes the workspace manifest, the crates (each a file list) and the fixtures. */
export function writeHarnessWorkspace(crates: ReadonlyMap<string, readonly GeneratedFile[]>, fixtures: readonly GeneratedFile[]): void {
  mkdirSync(HARNESS_WORKSPACE, { recursive: true });
  writeIfChanged(join(HARNESS_WORKSPACE, "Cargo.toml"), `[workspace]\nresolver = "2"\nmembers = ["crates/*"]\n`);
  for (const [name, files] of crates) syncTree(join(CRATES, name), files);
  for (const name of existsSync(CRATES) ? readdirSync(CRATES) : []) if (!crates.has(name)) rmSync(join(CRATES, name), { recursive: true });
  syncTree(HARNESS_FIXTURES, fixtures);
}

/**
 * What a generator that forgets open enums would write: `name` as a closed serde enum (the known
 * values only, no `Unknown(String)` variant), replacing the generated enum and its impls in `source`.
 * Throws when the generated shape is not found, so a change to the emitter cannot silently make
 * this a no-op.
 */
export function closeEnum(source: string, name: string): string {
  const start = source.indexOf(`#[derive(Debug, Clone, PartialEq, Eq, Hash)]\npub enum ${name} {\n`);
  const deserialize = `impl<'de> Deserialize<'de> for ${name} {\n`;
  const implAt = source.indexOf(deserialize, start);
  const end = source.indexOf("\n}\n", implAt);
  if (start < 0 || implAt < 0 || end < 0) throw new Error(`no generated open enum ${name}`);
  const item = source.slice(start, end + 3);
  // Each listed value once (the From<String> and From<&str> impls both list them).
  const arms = [...new Map([...item.matchAll(/^ {12}("(?:[^"\\]|\\.)*") => Self::(\w+),$/gm)].map((m) => [m[2], m])).values()];
  if (arms.length === 0 || !/^ {4}Unknown\(String\),$/m.test(item)) throw new Error(`enum ${name} has no known values or no Unknown(String)`);
  const closed = [
    "#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]",
    `pub enum ${name} {`,
    ...arms.flatMap(([, value, variant]) => [`    #[serde(rename = ${value})]`, `    ${variant},`]),
    "}",
    "",
  ].join("\n");
  return source.slice(0, start) + closed + source.slice(end + 3);
}
