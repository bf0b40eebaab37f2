/**
 * A schemas tree as lint sees it: the working directory, a git revision or an in-memory map (the
 * rule tests). Files are parsed lazily with positions; version gaps are recorded, not thrown, so
 * lint can report them as findings and go on comparing what exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { LockstepError } from "../errors.js";
import { parseJsonFile, type JsonFile } from "../load/json-file.js";
import { wellKnownAt } from "../load/well-known.js";

export interface VersionFile {
  entity: string;
  version: number;
  /** Relative to the schemas root: "user/v3.json". */
  rel: string;
}

export interface VersionGap {
  entity: string;
  missing: number[];
  /** The first file after the gap. */
  next: VersionFile;
}

export interface SchemaTree {
  /** "working tree", or the git revision it was read from. */
  label: string;
  /** True for the git revision given with --against. */
  isRef: boolean;
  /** Every JSON file under the root, relative, forward slashes, sorted. */
  paths: string[];
  /** Entities by name; versions ascending (possibly with gaps). */
  entities: Map<string, VersionFile[]>;
  gaps: VersionGap[];
  has(rel: string): boolean;
  /** Parses (once) a file of the tree; malformed JSON is a LockstepError. */
  file(rel: string): JsonFile | undefined;
  /** Raw text of a file. */
  text(rel: string): string | undefined;
  /** How a path of the tree is shown to users. */
  display(rel: string): string;
}

const VERSION_FILE = /^([^/]+)\/v(\d+)\.json$/;
const ENTITY_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

export interface TreeSource {
  label: string;
  isRef: boolean;
  paths: string[];
  read(rel: string): string | undefined;
  display(rel: string): string;
}

export function makeTree(source: TreeSource): SchemaTree {
  const parsed = new Map<string, JsonFile>();
  const texts = new Map<string, string | undefined>();
  const pathSet = new Set(source.paths);
  // A meta-schema lockstep knows stands in for a vendored copy the tree lacks, as in src/load/resolve.ts.
  const known = (rel: string) => (pathSet.has(rel) ? undefined : wellKnownAt(rel));
  const text = (rel: string): string | undefined => {
    if (!texts.has(rel)) texts.set(rel, pathSet.has(rel) ? source.read(rel) : known(rel)?.text);
    return texts.get(rel);
  };
  const display = (rel: string): string => {
    const k = known(rel);
    return k ? `${k.uri} (built in)` : source.display(rel);
  };
  const file = (rel: string): JsonFile | undefined => {
    let f = parsed.get(rel);
    if (f) return f;
    const t = text(rel);
    if (t === undefined) return undefined;
    f = lazyJsonFile(rel, display(rel), t);
    parsed.set(rel, f);
    return f;
  };
  const { entities, gaps } = scanVersions(source.paths, source.display);
  return { label: source.label, isRef: source.isRef, paths: [...source.paths].sort(), entities, gaps, has: (rel) => pathSet.has(rel) || known(rel) !== undefined, file, text, display };
}

/** A JsonFile whose position tree is built only when a finding needs a position (parseJsonFile does that). */
export function lazyJsonFile(path: string, display: string, text: string): JsonFile {
  return parseJsonFile(path, display, text);
}

function scanVersions(paths: string[], display: (rel: string) => string): { entities: Map<string, VersionFile[]>; gaps: VersionGap[] } {
  const entities = new Map<string, VersionFile[]>();
  for (const rel of paths) {
    const m = VERSION_FILE.exec(rel);
    if (!m) continue;
    const [, entity, digits] = m as unknown as [string, string, string];
    if (digits.startsWith("0")) {
      throw new LockstepError(`version file names are v1.json, v2.json, ...: found ${rel.split("/")[1]}`, { file: display(rel) });
    }
    if (!ENTITY_NAME.test(entity)) {
      throw new LockstepError("entity directory names start with a letter and use letters, digits, - and _", { file: display(rel) });
    }
    const list = entities.get(entity) ?? [];
    list.push({ entity, version: Number(digits), rel });
    entities.set(entity, list);
  }
  const gaps: VersionGap[] = [];
  const sorted = new Map([...entities].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  for (const [entity, list] of sorted) {
    list.sort((a, b) => a.version - b.version);
    let expected = 1;
    for (const v of list) {
      if (v.version > expected) {
        const missing: number[] = [];
        for (let n = expected; n < v.version; n++) missing.push(n);
        gaps.push({ entity, missing, next: v });
      }
      expected = v.version + 1;
    }
  }
  return { entities: sorted, gaps };
}

/** Every .json file under root (hidden and node_modules directories skipped). */
function listJson(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.name.startsWith(".") || d.name === "node_modules") continue;
      const abs = join(dir, d.name);
      if (d.isDirectory()) walk(abs);
      else if (d.isFile() && d.name.endsWith(".json")) out.push(relative(root, abs).split(sep).join("/"));
    }
  };
  walk(root);
  return out.sort();
}

/** The schemas directory on disk. */
export function fsTree(root: string, cwd: string = process.cwd()): SchemaTree {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new LockstepError(`schemas directory not found: ${relative(cwd, root) || "."}`);
  }
  return makeTree({
    label: "working tree",
    isRef: false,
    paths: listJson(root),
    read: (rel) => readFileSync(join(root, ...rel.split("/")), "utf8"),
    display: (rel) => relative(cwd, join(root, ...rel.split("/"))) || rel,
  });
}

/**
 * An in-memory tree (tests, the API): files by relative path. With a label other than "memory" it
 * stands for a git revision (shown as `<label>:schemas/...`, like --against).
 */
export function memoryTree(files: Record<string, string>, label = "memory", prefix = "schemas/"): SchemaTree {
  const isRef = label !== "memory";
  return makeTree({
    label,
    isRef,
    paths: Object.keys(files),
    read: (rel) => files[rel],
    display: (rel) => `${isRef ? `${label}:` : ""}${prefix}${rel}`,
  });
}
