/**
 * $ref resolution, confined to the schemas root (src/load/refs.ts resolves URIs). Every reference
 * reachable from the entity versions is checked first, so a refusal names the file, line, column
 * and pointer. The same referenced object keeps one identity (so one IR declaration), every object
 * remembers where it was written (file and pointer) for naming and messages, and `deref` hands the
 * IR each schema in the 2020-12 model whatever its document's dialect (src/load/dialect.ts).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { LockstepError } from "../errors.js";
import { normalize } from "./dialect.js";
import type { EntityVersion, History } from "./history.js";
import { readSchemaFile } from "./history.js";
import { errorAt, parseJsonFile, pointerSegment, type JsonFile } from "./json-file.js";
import { ROOT_URI, RefIndex, declaredIds, refOf, resolveUri, type RefHost, type Resolution } from "./refs.js";
import { wellKnownAt } from "./well-known.js";

/** A configured URI as references resolve it (scheme and host lower-case, no fragment). */
function normalizeUri(uri: string): string {
  return (resolveUri(uri, ROOT_URI) ?? uri).replace(/#.*$/, "");
}

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
  /** Every `format` keyword of a schema in those files. */
  formats?: Array<Origin & { format: string }>;
}

/** Keywords beside a $ref that describe the use, not the type. */
const ANNOTATIONS = new Set(["$ref", "$dynamicRef", "$recursiveRef", "$schema", "$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$comment", "$defs", "definitions", "title", "description", "deprecated", "default", "examples", "readOnly", "writeOnly", "x-lockstep-renamed-from", "x-lockstep-allow"]);

function relPath(history: History, abs: string): string {
  return relative(history.root, abs).split(sep).join("/");
}

/** JSON files under a directory, relative, forward slashes, sorted (dot directories skipped). */
export function jsonFilesUnder(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, prefix: string): void => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.name.startsWith(".") || d.name === "node_modules") continue;
      if (d.isDirectory()) visit(join(dir, d.name), `${prefix}${d.name}/`);
      else if (d.name.endsWith(".json")) out.push(`${prefix}${d.name}`);
    }
  };
  visit(root, "");
  return out.sort();
}

/** Scanning every file for its `$id` is done once per history, not once per unit. */
const idsByHistory = new WeakMap<History, Map<string, string>>();

function isFile(abs: string): boolean {
  try {
    return statSync(abs).isFile();
  } catch {
    return false;
  }
}

/** A file's text, or undefined when there is no such file. */
function read(abs: string): string | undefined {
  return isFile(abs) ? readFileSync(abs, "utf8") : undefined;
}

/**
 * JSON.parse of a file's text (null when there is no such file): the value loaded already when
 * the text is the same (a file read with a byte order mark is parsed again, and so refused).
 */
function parsedAgain(history: History, abs: string): unknown {
  const text = read(abs);
  if (text === undefined) return null;
  const loaded = history.files.get(abs);
  return loaded !== undefined && loaded.text === text ? loaded.value : JSON.parse(text);
}

/**
 * A RefIndex over the files of a history: each document is the value parsed on load (read only);
 * identities and origins are kept per unit by the index and the unit, not on the objects.
 */
export function historyIndex(history: History): { index: RefIndex; fileOf(rel: string): JsonFile | undefined } {
  const values = new Map<string, unknown>();
  // Read through the history: parsed once, nesting bounded, malformed JSON refused at its place.
  const fileOf = (rel: string): JsonFile | undefined => {
    const abs = join(history.root, ...rel.split("/"));
    return history.files.get(abs) ?? (isFile(abs) ? readSchemaFile(history, abs) : wellKnownFile(history, rel, abs));
  };
  let paths: string[] | undefined;
  const host: RefHost = {
    read(rel) {
      if (!values.has(rel)) {
        const file = fileOf(rel);
        // The value parsed on load, shared and never changed: a second parse would double memory.
        values.set(rel, file?.value);
      }
      return values.get(rel);
    },
    paths: () => (paths ??= jsonFilesUnder(history.root)),
    remotes: new Map([...history.remotes].map(([uri, abs]) => [normalizeUri(uri), relPath(history, abs)])),
    display: (rel) => history.display(join(history.root, ...rel.split("/"))),
    declaredIds() {
      let ids = idsByHistory.get(history);
      if (!ids) idsByHistory.set(history, (ids = declaredIds({ paths: host.paths, read: (rel) => parsedAgain(history, join(history.root, ...rel.split("/"))) })));
      return ids;
    },
  };
  return { index: new RefIndex(host), fileOf };
}

/** A meta-schema lockstep knows (src/load/well-known.ts), kept as if vendored at `rel`. */
function wellKnownFile(history: History, rel: string, abs: string): JsonFile | undefined {
  const known = wellKnownAt(rel);
  if (!known) return undefined;
  const file = parseJsonFile(abs, `${known.uri} (built in)`, known.text);
  history.files.set(abs, file);
  return file;
}

/**
 * Resolves the given entity versions: checks every reference reachable from them (a refusal is a
 * LockstepError at the $ref), records where each object was written, and follows references
 * lazily, so recursive schemas need no circular object graph.
 */
export async function resolveUnit(history: History, versions: EntityVersion[]): Promise<ResolvedUnit> {
  const { index, fileOf } = historyIndex(history);
  const origins = new WeakMap<object, Origin>();
  const inputs = new Set<string>();
  const formats: Array<Origin & { format: string }> = [];
  const queue: string[] = [];
  const enqueue = (rel: string): void => {
    const doc = index.doc(rel);
    if (!doc || inputs.has(rel)) return;
    inputs.add(rel);
    fileOf(rel);
    queue.push(rel);
  };
  for (const v of versions) enqueue(relPath(history, v.path));
  while (queue.length > 0) {
    const rel = queue.shift()!;
    const doc = index.doc(rel)!;
    checkDocument(doc.value, rel, origins, (node, pointer) => {
      if (typeof node.format === "string") formats.push({ file: rel, pointer, format: node.format });
      if (!refOf(node)) return;
      const r = index.resolve(node);
      if (r.ok) return enqueue(r.place.doc.rel);
      const written = refOf(node)!;
      throw errorAt(fileOf(rel)!, `${pointer}/${written.keyword}`, refusal(history, written.ref, r));
    }, (node) => index.placeOf(node) !== undefined);
  }
  const roots = versions.map((version) => ({ version, schema: index.doc(relPath(history, version.path))!.value }));
  const views = new WeakMap<object, unknown>();
  const view = (node: unknown): unknown => {
    const place = index.placeOf(node);
    if (!place || node === null || typeof node !== "object" || Array.isArray(node)) return node;
    let out = views.get(node);
    if (out === undefined) {
      out = normalize(node as Record<string, unknown>, place.dialect);
      if (out !== node) origins.set(out as object, origins.get(node)!);
      views.set(node, out);
    }
    return out;
  };
  // Each reference is resolved once: the IR follows the same ones over and over. (Every document
  // it reaches was read by the checks above, so what a reference names no longer changes.)
  const followed = new WeakMap<object, { target: unknown; extra: string[] }>();
  const follow = (node: Record<string, unknown>): { target: unknown; extra: string[] } => {
    let hop = followed.get(node);
    if (hop === undefined) {
      const r = index.resolve(node);
      if (!r.ok) throw new LockstepError(`unresolved $ref at ${describe(origins, node)}: ${r.reason}`);
      hop = { target: r.node, extra: Object.keys(view(node) as object).filter((k) => !ANNOTATIONS.has(k)) };
      followed.set(node, hop);
    }
    return hop;
  };
  const deref = (schema: unknown): unknown => {
    let current = schema;
    for (let hops = 0; refOf(current) && !index.isDynamic(current); hops++) {
      if (hops > 64) throw new LockstepError(`$ref chain longer than 64 hops at ${describe(origins, current as object)}`);
      const node = current as Record<string, unknown>;
      const { target, extra } = follow(node);
      if (extra.length > 0) {
        const normalized = view(node) as Record<string, unknown>;
        const siblings = Object.fromEntries(extra.map((k) => [k, normalized[k]]));
        const merged = { allOf: [target, siblings] };
        const origin = origins.get(node);
        if (origin) origins.set(merged, origin);
        return merged;
      }
      current = target;
    }
    return view(current);
  };
  return { roots, origins, deref, inputs: [...inputs].sort().map((rel) => join(history.root, ...rel.split("/"))), formats };
}

function refusal(history: History, ref: string, r: Extract<Resolution, { ok: false }>): string {
  if (r.kind === "remote") return `remote $ref "${ref}" is not allowed: ${r.reason}`;
  if (r.kind === "outside") return `$ref "${ref}" points outside the schemas root ${history.display(history.root)}`;
  return `$ref "${ref}": ${r.reason}`;
}

/**
 * One walk over a document: records where each of its objects was written (every object, data
 * too) and calls `onSchema` for every schema object (schema positions only: not inside enum,
 * const, ...) with its pointer.
 */
function checkDocument(root: unknown, file: string, origins: WeakMap<object, Origin>, onSchema: (node: Record<string, unknown>, pointer: string) => void, isSchema: (node: unknown) => boolean): void {
  const visit = (value: unknown, pointer: string, schemas: boolean): void => {
    if (value === null || typeof value !== "object") return;
    origins.set(value, { file, pointer });
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i], `${pointer}/${i}`, schemas);
      return;
    }
    const n = value as Record<string, unknown>;
    if (schemas && isSchema(n)) onSchema(n, pointer);
    for (const key of Object.keys(n)) visit(n[key], `${pointer}/${pointerSegment(key)}`, schemas && !DATA_KEYWORDS.has(key));
  };
  visit(root, "", true);
}

/** Keywords whose values are data, not schemas: never look for $ref inside them. */
const DATA_KEYWORDS = new Set(["const", "default", "enum", "examples", "example"]);

function describe(origins: WeakMap<object, Origin>, node: object): string {
  const o = origins.get(node);
  return o ? `${o.file}#${o.pointer}` : "(unknown)";
}

export { relPath };
