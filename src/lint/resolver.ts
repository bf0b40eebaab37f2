/**
 * $ref following for lint, over any SchemaTree (the working tree, a git revision, memory). The
 * same resolution as src/load/resolve.ts (src/load/refs.ts: confined to the root, $id bases,
 * anchors; keywords beside a $ref merged as an allOf), but tolerant: a $ref that cannot be followed becomes an
 * opaque node that lint reports (unresolved-ref) instead of aborting the whole run.
 */
import { pointerFrom } from "../load/json-file.js";
import { normalize } from "../load/dialect.js";
import { RefIndex } from "../load/refs.js";
import type { Origin } from "../load/resolve.js";
import type { SchemaTree } from "./tree.js";

/** Keywords beside a $ref that describe the use, not the type (as in src/load/resolve.ts). */
const ANNOTATIONS = new Set(["$ref", "$schema", "$id", "id", "$comment", "$defs", "definitions", "title", "description", "deprecated", "default", "examples", "readOnly", "writeOnly", "x-lockstep-renamed-from", "x-lockstep-allow"]);

/** Stands for the target of a $ref that could not be followed. */
export interface Unresolved {
  readonly unresolvedRef: string;
  readonly reason: string;
}

export function isUnresolved(value: unknown): value is Unresolved {
  return value !== null && typeof value === "object" && typeof (value as Unresolved).unresolvedRef === "string";
}

export type Schema = Record<string, unknown>;

/** Keywords holding one subschema, a map of them, or a list of them. */
export const SINGLE = ["items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "additionalItems", "unevaluatedItems", "unevaluatedProperties"];
export const MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"];
export const LISTS = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];

export function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export class Resolver {
  /** A Map, not a WeakMap: lint is short-lived, and Map lookups are much faster. */
  readonly origins = new Map<object, Origin>() as unknown as WeakMap<object, Origin>;
  /** $refs that could not be followed, by "file#pointer" of the $ref keyword's object. */
  readonly unresolved = new Map<string, { origin: Origin; ref: string; reason: string }>();
  private readonly registered = new Set<string>();
  private readonly merged = new Map<object, object>();
  private readonly views = new Map<object, Schema>();

  private readonly index: RefIndex;

  constructor(readonly tree: SchemaTree) {
    this.index = new RefIndex({ read: (rel) => (tree.has(rel) ? tree.file(rel)?.value : undefined), paths: () => tree.paths });
  }

  /**
   * The parsed document at a path of the tree, or undefined. Only its root's origin is recorded
   * here; the walk records children as it meets them (registerChildren), since most of a
   * document is identical to the other version and never visited.
   */
  doc(rel: string): unknown {
    const file = this.tree.file(rel);
    if (!file) return undefined;
    const v = file.value;
    if (v !== null && typeof v === "object" && !this.origins.has(v)) this.origins.set(v, { file: rel, pointer: "" });
    return v;
  }

  /** Records the origin of every object in a document (the IR builder names types by origin). */
  registerAll(rel: string): void {
    if (this.registered.has(rel)) return;
    this.registered.add(rel);
    const v = this.doc(rel);
    if (v !== null && typeof v === "object") register(v, rel, "", this.origins);
  }

  /** Records the origins of a schema's subschemas (one level; allOf members' too). */
  registerChildren(node: Schema, origin: Origin): void {
    for (const k of SINGLE) this.note(node[k], origin, k);
    for (const k of MAPS) {
      const m = node[k];
      if (isObject(m)) for (const name in m) this.note(m[name], origin, k, name);
    }
    for (const k of LISTS) {
      const l = node[k];
      if (Array.isArray(l)) for (let i = 0; i < l.length; i++) this.note(l[i], origin, k, i);
    }
    if (Array.isArray(node.allOf)) {
      for (const m of node.allOf) {
        const t = this.deref(m);
        const o = this.origins.get(t as object);
        if (isObject(t) && !isUnresolved(t) && o) this.registerChildren(t, o);
      }
    }
  }

  private note(child: unknown, origin: Origin, key: string, sub?: string | number): void {
    if (child === null || typeof child !== "object" || this.origins.has(child)) return;
    let pointer = `${origin.pointer}/${key}`;
    if (sub !== undefined) pointer += typeof sub === "number" || !(sub.includes("~") || sub.includes("/")) ? `/${sub}` : pointerFrom([sub]);
    this.origins.set(child, { file: origin.file, pointer });
  }

  /** A schema as the IR reads it: in the 2020-12 model whatever its document's dialect. */
  normalized(node: unknown): unknown {
    if (!isObject(node)) return node;
    let out = this.views.get(node);
    if (out === undefined) {
      const origin = this.origins.get(node);
      const dialect = this.index.placeOf(node)?.dialect ?? (origin && this.index.doc(origin.file)?.dialect);
      out = dialect ? normalize(node, dialect) : node;
      if (out !== node && origin) this.origins.set(out, origin);
      this.views.set(node, out);
    }
    return out;
  }

  originOf(node: unknown): Origin | undefined {
    return node !== null && typeof node === "object" ? this.origins.get(node) : undefined;
  }

  /** Follows $ref until a schema that is not a reference (or an Unresolved marker). */
  deref(schema: unknown): unknown {
    let current = schema;
    for (let hops = 0; isRef(current); hops++) {
      const node = current;
      const origin = this.origins.get(node);
      if (hops > 64) return this.fail(node, "a $ref chain longer than 64 hops (a cycle of references)");
      const target = this.follow(node, origin);
      if (isUnresolved(target)) return target;
      const extra = Object.keys(node).filter((k) => !ANNOTATIONS.has(k));
      if (extra.length > 0) {
        let merged = this.merged.get(node);
        if (!merged) {
          merged = { allOf: [target, Object.fromEntries(extra.map((k) => [k, node[k]]))] };
          if (origin) this.origins.set(merged, origin);
          this.merged.set(node, merged);
        }
        return merged;
      }
      current = target;
    }
    return current;
  }

  private follow(node: Schema, origin: Origin | undefined): unknown {
    const r = this.index.resolveAt(node, origin?.file ?? "", origin?.pointer ?? "");
    if (!r.ok) {
      if (r.kind === "remote") return this.fail(node, "remote references are not followed (lockstep reads only files under the schemas root)");
      if (r.kind === "outside") return this.fail(node, "it points outside the schemas root");
      if (r.kind === "missing") return this.fail(node, `${r.rel} does not exist`);
      return this.fail(node, r.reason);
    }
    const value = r.node;
    if (value !== null && typeof value === "object" && !this.origins.has(value)) this.origins.set(value, { file: r.place.doc.rel, pointer: r.place.pointer });
    return value;
  }

  private fail(node: Schema, reason: string): Unresolved {
    const origin = this.origins.get(node) ?? { file: "?", pointer: "" };
    const ref = String(node.$ref);
    this.unresolved.set(`${origin.file}#${origin.pointer}`, { origin, ref, reason });
    return { unresolvedRef: ref, reason };
  }
}

function isRef(value: unknown): value is Schema {
  return isObject(value) && typeof value.$ref === "string";
}

function register(node: unknown, file: string, pointer: string, origins: WeakMap<object, Origin>): void {
  origins.set(node as object, { file, pointer });
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      if (item !== null && typeof item === "object") register(item, file, `${pointer}/${i}`, origins);
    }
    return;
  }
  for (const key in node as Record<string, unknown>) {
    const child = (node as Record<string, unknown>)[key];
    if (child === null || typeof child !== "object") continue;
    register(child, file, pointer + (key.includes("~") || key.includes("/") ? pointerFrom([key]) : `/${key}`), origins);
  }
}
