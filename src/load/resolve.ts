/**
 * $ref resolution, confined to the schemas root. Every $ref is first checked here, so a refusal
 * names the file, line, column and pointer; json-schema-ref-parser then dereferences the checked
 * documents. The same referenced object keeps one identity (so one IR declaration), and every
 * object remembers where it came from (file and pointer) for naming and messages.
 */
import { $RefParser } from "@apidevtools/json-schema-ref-parser";
import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { LockstepError } from "../errors.js";
import type { EntityVersion, History } from "./history.js";
import { readSchemaFile } from "./history.js";
import { errorAt, pointerFrom, pointerSegments, type JsonFile } from "./json-file.js";

export interface Origin {
  /** Relative to the schemas root, forward slashes. */
  file: string;
  pointer: string;
}

export interface ResolvedUnit {
  /** Dereferenced root schema of each entity version, in the order given. */
  roots: Array<{ version: EntityVersion; schema: unknown }>;
  /** Where each schema object of the dereferenced graph was written. */
  origins: WeakMap<object, Origin>;
  /** Absolute paths of every file this unit read. */
  inputs: string[];
}

/** Keywords whose values are data, not schemas: never look for $ref inside them. */
const DATA_KEYWORDS = new Set(["const", "default", "enum", "examples", "example"]);

function relPath(history: History, abs: string): string {
  return relative(history.root, abs).split(sep).join("/");
}

/** Checks every $ref reachable from `start`; returns the absolute paths of all files involved. */
export function checkRefs(history: History, start: JsonFile): string[] {
  const seen = new Set<string>([start.path]);
  const queue: JsonFile[] = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    visit(file.value, []);
    function visit(node: unknown, path: Array<string | number>): void {
      if (Array.isArray(node)) return node.forEach((item, i) => visit(item, [...path, i]));
      if (node === null || typeof node !== "object") return;
      for (const [key, child] of Object.entries(node)) {
        if (DATA_KEYWORDS.has(key)) continue;
        if (key === "$ref" && typeof child === "string") {
          const target = checkRef(history, file, pointerFrom([...path, key]), child);
          if (target && !seen.has(target.path)) {
            seen.add(target.path);
            queue.push(target);
          }
          continue;
        }
        visit(child, [...path, key]);
      }
    }
  }
  return [...seen];
}

function checkRef(history: History, file: JsonFile, at: string, ref: string): JsonFile | undefined {
  const hash = ref.indexOf("#");
  const location = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? "" : decodeURIComponent(ref.slice(hash + 1));
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(location) || location.startsWith("//")) {
    throw errorAt(file, at, `remote $ref "${ref}" is not allowed: lockstep reads only files under the schemas root (no network)`);
  }
  let target = file;
  if (location !== "") {
    const abs = resolve(dirname(file.path), decodeURIComponent(location));
    const rel = relative(history.root, abs);
    if (rel.startsWith("..") || isAbsolute(rel)) {
      throw errorAt(file, at, `$ref "${ref}" points outside the schemas root ${history.display(history.root)}`);
    }
    if (!existsSync(abs) || !statSync(abs).isFile()) {
      throw errorAt(file, at, `$ref "${ref}": file ${history.display(abs)} does not exist`);
    }
    target = readSchemaFile(history, abs);
  }
  if (fragment !== "" && !fragment.startsWith("/")) {
    throw errorAt(file, at, `$ref "${ref}": only JSON pointer fragments (#/...) are supported, not anchors`);
  }
  let node: unknown = target.value;
  for (const seg of pointerSegments(fragment)) {
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[seg] : undefined;
    if (node === undefined) {
      throw errorAt(file, at, `$ref "${ref}": ${target.display} has nothing at #${fragment}`);
    }
  }
  return target;
}

/** Resolves the given entity versions together, so documents they share are shared objects. */
export async function resolveUnit(history: History, versions: EntityVersion[]): Promise<ResolvedUnit> {
  const inputs = new Set<string>();
  for (const v of versions) for (const f of checkRefs(history, v.file)) inputs.add(f);
  const origins = new WeakMap<object, Origin>();
  const virtualPath = join(history.root, "__lockstep_unit__.json");
  const virtualRoot = {
    $defs: Object.fromEntries(versions.map((v, i) => [String(i), { $ref: `./${v.rel}` }])),
  };
  const toPath = (url: string): string => (url.startsWith("file:") ? fileURLToPath(url) : url);
  const parser = new $RefParser();
  const result = (await parser.dereference(virtualPath, {
    resolve: {
      file: false,
      http: false,
      lockstep: {
        order: 1,
        canRead: true,
        read: (info: { url: string }) => {
          const path = toPath(info.url);
          if (path === virtualPath) return JSON.stringify(virtualRoot);
          const file = history.files.get(path);
          if (!file) throw new LockstepError(`unexpected $ref target ${path}`);
          return file.text;
        },
      },
    },
    parse: {
      json: false,
      yaml: false,
      text: false,
      binary: false,
      lockstep: {
        order: 1,
        canParse: true,
        parse: (info: { url: string; data: string | Buffer }) => {
          const path = toPath(info.url);
          const value: unknown = JSON.parse(String(info.data));
          if (path !== virtualPath) registerOrigins(value, relPath(history, path), [], origins);
          return value;
        },
      },
    },
    dereference: { circular: true },
  } as never)) as unknown as { $defs: Record<string, unknown> };
  return {
    roots: versions.map((version, i) => ({ version, schema: result.$defs[String(i)] })),
    origins,
    inputs: [...inputs].sort(),
  };
}

function registerOrigins(node: unknown, file: string, path: Array<string | number>, origins: WeakMap<object, Origin>): void {
  if (node === null || typeof node !== "object") return;
  origins.set(node, { file, pointer: pointerFrom(path) });
  if (Array.isArray(node)) node.forEach((item, i) => registerOrigins(item, file, [...path, i], origins));
  else for (const [key, child] of Object.entries(node)) registerOrigins(child, file, [...path, key], origins);
}

export { relPath };
