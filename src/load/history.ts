/**
 * The schemas tree: `<root>/<entity>/v<N>.json`, one file per released version. Other JSON files
 * under the root are shared documents, loaded only when a `$ref` names them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { LockstepError } from "../errors.js";
import { parseJsonFile, positionAt, type JsonFile } from "./json-file.js";
import { anchorOffsets } from "./locate.js";

export interface EntityVersion {
  entity: string;
  version: number;
  /** Relative to the schemas root, with forward slashes: "user/v3.json". */
  rel: string;
  /** Absolute path. */
  path: string;
  /** The parsed file; parsed on first use, so commands that need only the newest versions stay fast. */
  readonly file: JsonFile;
}

export interface History {
  /** Absolute schemas root. */
  root: string;
  /** Entities by name, versions ascending (1..N, no gaps). */
  entities: Map<string, EntityVersion[]>;
  /** Every JSON file read so far, by absolute path (entity versions and shared documents). */
  files: Map<string, JsonFile>;
  /** Display path for a file: relative to the working directory. */
  display(absPath: string): string;
  /**
   * `path:line:col` for each pointer in a file relative to the root (`path` alone if unknown), as
   * locate() places it; each file's text is read once for all its pointers (src/load/locate.ts).
   */
  locateDisplays(places: ReadonlyArray<{ file: string; pointer: string }>): string[];
  /** Local copies of remote documents (config `remotes`): URI → absolute path. */
  remotes: ReadonlyMap<string, string>;
}

const VERSION_FILE = /^v(\d+)\.json$/;
const ENTITY_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

export function loadHistory(root: string, cwd: string = process.cwd(), remotes: Record<string, string> = {}): History {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new LockstepError(`schemas directory not found: ${relative(cwd, root) || "."}`);
  }
  const display = (abs: string): string => relative(cwd, abs) || abs;
  const files = new Map<string, JsonFile>();
  const entities = new Map<string, EntityVersion[]>();
  for (const dirent of readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!dirent.isDirectory()) continue;
    const dir = join(root, dirent.name);
    const versions: EntityVersion[] = [];
    for (const name of readdirSync(dir)) {
      const m = VERSION_FILE.exec(name);
      if (!m) continue;
      const abs = join(dir, name);
      if (m[1]!.startsWith("0")) {
        throw new LockstepError(`version file names are v1.json, v2.json, ...: found ${name}`, { file: display(abs) });
      }
      versions.push({
        entity: dirent.name,
        version: Number(m[1]),
        rel: `${dirent.name}/${name}`,
        path: abs,
        get file(): JsonFile {
          let file = files.get(abs);
          if (!file) {
            file = parseJsonFile(abs, display(abs), readFileSync(abs, "utf8"));
            files.set(abs, file);
          }
          return file;
        },
      });
    }
    if (versions.length === 0) continue;
    if (!ENTITY_NAME.test(dirent.name)) {
      throw new LockstepError(`entity directory names start with a letter and use letters, digits, - and _`, {
        file: display(dir),
      });
    }
    versions.sort((a, b) => a.version - b.version);
    versions.forEach((v, i) => {
      if (v.version !== i + 1) {
        const missing = i + 1;
        throw new LockstepError(
          `version gap: ${dirent.name} has ${versions.map((x) => `v${x.version}`).join(", ")} but no v${missing}.json (versions are numbered 1, 2, 3, ... without gaps)`,
          { file: display(v.path) },
        );
      }
    });
    entities.set(dirent.name, versions);
  }
  const locateDisplays = (places: ReadonlyArray<{ file: string; pointer: string }>): string[] => {
    const out = places.map((p) => display(join(root, p.file)));
    const byFile = new Map<string, number[]>();
    places.forEach((p, i) => byFile.set(p.file, [...(byFile.get(p.file) ?? []), i]));
    for (const [rel, indexes] of byFile) {
      const file = files.get(join(root, ...rel.split("/")));
      if (!file) continue;
      const offsets = anchorOffsets(file.text, indexes.map((i) => places[i]!.pointer));
      indexes.forEach((i, k) => {
        const { line, column } = positionAt(file.text, offsets[k]!);
        out[i] = `${file.display}:${line}:${column}`;
      });
    }
    return out;
  };
  return { root, entities, files, display, locateDisplays, remotes: new Map(Object.entries(remotes)) };
}

/** Reads (once) a JSON file under the root; used for shared documents named by $ref. */
export function readSchemaFile(history: History, abs: string): JsonFile {
  let file = history.files.get(abs);
  if (!file) {
    file = parseJsonFile(abs, history.display(abs), readFileSync(abs, "utf8"));
    history.files.set(abs, file);
  }
  return file;
}

export function newest(history: History, entity: string): EntityVersion {
  const versions = history.entities.get(entity)!;
  return versions[versions.length - 1]!;
}
