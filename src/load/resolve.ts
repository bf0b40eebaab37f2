/**
 * $ref resolution, confined to the schemas root. Every $ref is first checked here, so a refusal
 * names the file, line, column and pointer; json-schema-ref-parser then dereferences the checked
 * documents. The same referenced object keeps one identity (so one IR declaration), and every
 * object remembers where it came from (file and pointer) for naming and messages.
 */
import { $RefParser } from "@apidevtools/json-schema-ref-parser";
import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
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
  /** Root schema of each entity version, in the order given (not dereferenced). */
  roots: Array<{ version: EntityVersion; schema: unknown }>;
  /** Where each schema object was written. */
  origins: WeakMap<object, Origin>;
  /**
   * Follows `$ref` until a schema that is not a reference. Keywords beside a `$ref` other than
   * annotations are merged with the target as an allOf would (2020-12 semantics); annotations
   * (description, title, ...) stay with the referring schema, which the IR reads for field docs.
   */
  deref(schema: unknown): unknown;
  /** Absolute paths of every file this unit read. */
  inputs: string[];
}

/** Keywords beside a $ref that describe the use, not the type. */
const ANNOTATIONS = new Set(["$ref", "$schema", "$id", "$comment", "$defs", "definitions", "title", "description", "deprecated", "default", "examples", "readOnly", "writeOnly", "x-lockstep-renamed-from", "x-lockstep-allow"]);

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

/**
 * Resolves the given entity versions with json-schema-ref-parser (reading only the checked files
 * under the root). Objects keep their identity and their origin; `deref` follows references
 * lazily, so recursive schemas need no circular object graph.
 */
export async function resolveUnit(history: History, versions: EntityVersion[]): Promise<ResolvedUnit> {
  const inputs = new Set<string>();
  for (const v of versions) for (const f of checkRefs(history, v.file)) inputs.add(f);
  const origins = new WeakMap<object, Origin>();
  const toPath = (url: string): string => (url.startsWith("file:") ? fileURLToPath(url) : url);
  const options = {
    resolve: {
      file: false,
      http: false,
      lockstep: {
        order: 1,
        canRead: true,
        read: (info: { url: string }) => {
          const file = history.files.get(toPath(info.url));
          if (!file) throw new LockstepError(`unexpected $ref target ${toPath(info.url)}`);
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
        allowEmpty: true,
        parse: (info: { url: string; data: string | Buffer }) => {
          // The value parsed on load (read-only from here on): a second parse would double memory.
          const value: unknown = history.files.get(toPath(info.url))?.value ?? JSON.parse(String(info.data));
          registerOrigins(value, relPath(history, toPath(info.url)), [], origins);
          docs.set(toPath(info.url), value);
          return value;
        },
      },
    },
  };
  // ref-parser reads and parses every referenced document; pointers are walked here, because
  // its own lookup follows a $ref found on the way (a root that is a $ref would hide its $defs).
  const docs = new Map<string, unknown>();
  for (const version of versions) await new $RefParser().resolve(version.file.path, options as never);
  const roots = versions.map((version) => ({ version, schema: docs.get(version.file.path) }));
  const follow = (schema: Record<string, unknown>): unknown => {
    const origin = origins.get(schema);
    const ref = schema.$ref as string;
    const hash = ref.indexOf("#");
    const location = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? "" : decodeURIComponent(ref.slice(hash));
    const from = resolve(history.root, origin!.file);
    const target = location === "" ? from : resolve(dirname(from), decodeURIComponent(location));
    let node = docs.get(target);
    for (const seg of pointerSegments(fragment.slice(1))) node = (node as Record<string, unknown>)[seg];
    return node;
  };
  const deref = (schema: unknown): unknown => {
    let current = schema;
    for (let hops = 0; isRef(current); hops++) {
      if (hops > 64) throw new LockstepError(`$ref chain longer than 64 hops at ${describe(origins, current)}`);
      const target = follow(current);
      const node = current;
      const extra = Object.keys(node).filter((k) => !ANNOTATIONS.has(k));
      if (extra.length > 0) {
        const siblings = Object.fromEntries(extra.map((k) => [k, node[k]]));
        const merged = { allOf: [target, siblings] };
        const origin = origins.get(node);
        if (origin) origins.set(merged, origin);
        return merged;
      }
      current = target;
    }
    return current;
  };
  return { roots, origins, deref, inputs: [...inputs].sort() };
}

function isRef(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && typeof (value as Record<string, unknown>).$ref === "string";
}

function describe(origins: WeakMap<object, Origin>, node: object): string {
  const o = origins.get(node);
  return o ? `${o.file}#${o.pointer}` : "(unknown)";
}

function registerOrigins(node: unknown, file: string, path: Array<string | number>, origins: WeakMap<object, Origin>): void {
  // Every object of every document: pointers grow by one segment, never rebuilt from a path.
  const visit = (value: unknown, pointer: string): void => {
    if (value === null || typeof value !== "object") return;
    origins.set(value, { file, pointer });
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) visit(value[i], `${pointer}/${i}`);
    else for (const key of Object.keys(value)) visit((value as Record<string, unknown>)[key], `${pointer}/${/[~/]/.test(key) ? key.replace(/~/g, "~0").replace(/\//g, "~1") : key}`);
  };
  visit(node, pointerFrom(path));
}

export { relPath };
