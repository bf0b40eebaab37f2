/**
 * schemas/lockstep.lock.json: a SHA-256 of the canonical form (src/canonical.ts) of each released
 * version file and of every file it references, written by `lockstep release`. A released version
 * whose hash no longer matches was edited in place (version-mutated).
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { canonicalize } from "../canonical.js";
import { errorAt, type JsonFile } from "../load/json-file.js";
import { isObject } from "./resolver.js";
import type { SchemaTree } from "./tree.js";

export const LOCK_FILE = "lockstep.lock.json";

export interface LockEntry {
  sha256: string;
  /** Other files the version references ($ref), relative to the schemas root, with their hashes. */
  refs: Record<string, string>;
}

export interface Lock {
  file?: JsonFile;
  /** entity → version → entry */
  entities: Map<string, Map<number, LockEntry>>;
}

const HEX = /^[0-9a-f]{64}$/;

export function readLock(tree: SchemaTree): Lock | undefined {
  const file = tree.file(LOCK_FILE);
  if (!file) return undefined;
  const v = file.value;
  const bad = (pointer: string, what: string) => errorAt(file, pointer, `${LOCK_FILE}: ${what} (the file is written by \`lockstep release\`)`);
  if (!isObject(v) || v.lockstep !== 1) throw bad("", 'expected {"lockstep": 1, "entities": {...}}');
  if (!isObject(v.entities)) throw bad("/entities", "expected an object of entities");
  const entities = new Map<string, Map<number, LockEntry>>();
  for (const [entity, versions] of Object.entries(v.entities)) {
    if (!isObject(versions)) throw bad(`/entities/${entity}`, "expected an object of versions");
    const map = new Map<number, LockEntry>();
    for (const [key, entry] of Object.entries(versions)) {
      const m = /^v([1-9]\d*)$/.exec(key);
      if (!m) throw bad(`/entities/${entity}/${key}`, `version keys are v1, v2, ...: found ${JSON.stringify(key)}`);
      if (!isObject(entry) || typeof entry.sha256 !== "string" || !HEX.test(entry.sha256)) throw bad(`/entities/${entity}/${key}`, "expected {\"sha256\": <64 hex digits>, \"refs\": {...}}");
      const refs: Record<string, string> = {};
      if (entry.refs !== undefined) {
        if (!isObject(entry.refs)) throw bad(`/entities/${entity}/${key}/refs`, "expected an object");
        for (const [rel, hash] of Object.entries(entry.refs)) {
          if (typeof hash !== "string" || !HEX.test(hash)) throw bad(`/entities/${entity}/${key}/refs`, `bad hash for ${rel}`);
          refs[rel] = hash;
        }
      }
      map.set(Number(m[1]), { sha256: entry.sha256, refs });
    }
    entities.set(entity, map);
  }
  return { file, entities };
}

export function hashText(text: string): string {
  return createHash("sha256").update(canonicalize(text)).digest("hex");
}

/** Files a file references through $ref, transitively (not including itself). */
export function referencedFiles(tree: SchemaTree, rel: string): string[] {
  const seen = new Set<string>([rel]);
  const queue = [rel];
  while (queue.length > 0) {
    const current = queue.shift()!;
    const file = tree.file(current);
    if (!file) continue;
    for (const ref of refsIn(file.value)) {
      const target = refTarget(current, ref);
      if (target && tree.has(target) && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  seen.delete(rel);
  return [...seen].sort();
}

/** The file a $ref string names, relative to the root (undefined for local and remote ones). */
export function refTarget(from: string, ref: string): string | undefined {
  const location = ref.split("#")[0]!;
  if (location === "" || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(location) || location.startsWith("//")) return undefined;
  const parts = from.split("/").slice(0, -1);
  let decoded = location;
  try {
    decoded = decodeURIComponent(location);
  } catch {
    // a malformed escape names no file; kept as written
  }
  for (const seg of decoded.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

const DATA = new Set(["const", "default", "enum", "examples", "example"]);

export function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (DATA.has(k)) continue;
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

export function fingerprint(tree: SchemaTree, rel: string): LockEntry {
  const refs: Record<string, string> = {};
  for (const r of referencedFiles(tree, rel)) refs[r] = hashText(tree.text(r)!);
  return { sha256: hashText(tree.text(rel)!), refs };
}

export function renderLock(entities: Map<string, Map<number, LockEntry>>): string {
  const out: Record<string, Record<string, LockEntry>> = {};
  for (const entity of [...entities.keys()].sort()) {
    const versions = entities.get(entity)!;
    out[entity] = {};
    for (const n of [...versions.keys()].sort((a, b) => a - b)) {
      const e = versions.get(n)!;
      out[entity]![`v${n}`] = { sha256: e.sha256, refs: Object.fromEntries(Object.entries(e.refs).sort(([a], [b]) => (a < b ? -1 : 1))) };
    }
  }
  return `${JSON.stringify({ $comment: "Written by `lockstep release`: SHA-256 of each released version's canonical form. Released versions are immutable.", lockstep: 1, entities: out }, null, 2)}\n`;
}

export function writeLock(root: string, entities: Map<string, Map<number, LockEntry>>): string {
  const path = join(root, LOCK_FILE);
  writeFileSync(path, renderLock(entities));
  return path;
}
