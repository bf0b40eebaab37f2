/**
 * Pairs old and new schema nodes by location, after $ref resolution, and calls each rule once per
 * pair. Pairs are remembered by where both nodes are written, so a shared definition reached along
 * many paths is compared (and reported) once, where it is written; an inline subschema replaced by
 * a $ref to an identical definition compares equal.
 */
import { pointerFrom } from "../load/json-file.js";
import type { Origin } from "../load/resolve.js";
import type { ContentPair, DocumentPair, EntryPair, PropertyMatch, RuleModule, Side, Via } from "./rule.js";
import { isObject, isUnresolved, type Resolver } from "./resolver.js";
import type { Report } from "./types.js";
import { singleVariant } from "./unions.js";
import { analyze, type View } from "./view.js";

export interface Emitted {
  rule: RuleModule;
  report: Report;
  entity: string;
  side: Side;
  origin: Origin;
  /** Pointer of the node a suppression must sit on. */
  anchor: Origin;
  oldSide?: Side;
  oldOrigin?: Origin;
}

const ANNOTATIONS = new Set(["$ref", "$schema", "$id", "id", "$comment", "$defs", "definitions", "title", "description", "deprecated", "default", "examples", "readOnly", "writeOnly", "x-lockstep-renamed-from", "x-lockstep-allow"]);

export const RENAMED_FROM = "x-lockstep-renamed-from";

function isPureRef(node: unknown): node is Record<string, unknown> {
  return isObject(node) && typeof node.$ref === "string" && Object.keys(node).every((k) => ANNOTATIONS.has(k));
}

const key = (o: Origin): string => `${o.file}#${o.pointer}`;
const below = (o: Origin, ...segs: Array<string | number>): Origin => ({ file: o.file, pointer: o.pointer + pointerFrom(segs) });

/** Views are pure functions of a node; cache them per resolver. */
const viewCache = new WeakMap<Resolver, Map<object, View>>();
export function viewOf(resolver: Resolver, node: unknown, fallback: Origin): View {
  if (node === null || typeof node !== "object") return analyze(resolver, node, fallback);
  let cache = viewCache.get(resolver);
  if (!cache) viewCache.set(resolver, (cache = new Map()));
  let v = cache.get(node);
  if (!v) cache.set(node, (v = analyze(resolver, node, fallback)));
  return v;
}

interface Peeled {
  view: View;
  nullable: boolean;
  default?: { value: unknown };
}

/** Follows $refs and single-branch unions down to the node that holds the content. */
function peel(resolver: Resolver, raw: unknown, fallback: Origin): Peeled {
  let node = raw;
  let at = fallback;
  let nullable = false;
  let def: { value: unknown } | undefined;
  for (let depth = 0; ; depth++) {
    if (isObject(node) && "default" in node && !def) def = { value: node.default };
    const target = resolver.deref(node);
    if (isObject(target) && !isUnresolved(target) && "default" in target && !def) def = { value: target.default };
    const view = viewOf(resolver, target, resolver.originOf(target) ?? at);
    nullable ||= view.nullable;
    if (view.wrapper === undefined || depth > 32) return { view, nullable, ...(def ? { default: def } : {}) };
    at = view.origin;
    node = view.wrapper;
  }
}

export class Walker {
  private readonly seenContent = new Set<string>();
  private readonly seenEntry = new Set<string>();

  constructor(
    readonly entity: string,
    readonly old: Side,
    readonly new_: Side,
    private readonly rules: readonly RuleModule[],
    private readonly emit: (e: Emitted) => void,
    /** Rule ids whose silent (off, impact-free) reports are dropped. */
    private readonly quiet: (ruleId: string) => boolean = () => false,
  ) {}

  /** Compares the two version documents: the root schemas, then definitions by name. */
  run(): void {
    const a = this.old.resolver.doc(this.old.rel);
    const b = this.new_.resolver.doc(this.new_.rel);
    const rootA: Origin = { file: this.old.rel, pointer: "" };
    const rootB: Origin = { file: this.new_.rel, pointer: "" };
    this.entry(a, rootA, b, rootB, { kind: "root" });
    const docs: DocumentPair = { entity: this.entity, old: this.old, new: this.new_, via: { kind: "root" }, a, b };
    for (const rule of this.rules) rule.documents?.(docs, this.context(rule, rootB, rootA, rootB));
    for (const defsKey of ["$defs", "definitions"]) {
      const da = isObject(a) ? a[defsKey] : undefined;
      const db = isObject(b) ? b[defsKey] : undefined;
      if (!isObject(da) || !isObject(db)) continue;
      for (const name of Object.keys(db)) {
        if (name in da) this.entry(da[name], below(rootA, defsKey, name), db[name], below(rootB, defsKey, name), { kind: "def", name });
      }
    }
  }

  private context(rule: RuleModule, at: Origin, oldAt: Origin, anchor: Origin) {
    return {
      quiet: this.quiet(rule.meta.id),
      report: (report: Report) =>
        this.emit({ rule, report, entity: this.entity, side: this.new_, origin: at, anchor, oldSide: this.old, oldOrigin: oldAt }),
    };
  }

  entry(a: unknown, fa: Origin, b: unknown, fb: Origin, via: Via): void {
    // Identical subtrees hold no change (their $ref targets are compared where they are written).
    if (sameSubtree(a, b, this.old.tree !== this.new_.tree)) return;
    const oa = this.old.resolver.originOf(a) ?? fa;
    const ob = this.new_.resolver.originOf(b) ?? fb;
    const k = `${key(oa)}|${key(ob)}`;
    if (this.seenEntry.has(k)) return;
    this.seenEntry.add(k);
    if (isPureRef(a) && isPureRef(b)) {
      // Plain references on both sides: what changed is in the targets, compared (once) where written.
      const ta = this.old.resolver.deref(a);
      const tb = this.new_.resolver.deref(b);
      const va = viewOf(this.old.resolver, ta, oa);
      const vb = viewOf(this.new_.resolver, tb, ob);
      if (isUnresolved(ta) || isUnresolved(tb)) return this.unresolved(va, vb, oa, ob);
      const pair: EntryPair = {
        entity: this.entity, old: this.old, new: this.new_, via, level: "ref",
        a: { origin: oa, raw: a, nullable: false, ...("default" in a ? { default: { value: a.default } } : {}), view: va },
        b: { origin: ob, raw: b, nullable: false, ...("default" in b ? { default: { value: b.default } } : {}), view: vb },
      };
      for (const rule of this.rules) rule.entry?.(pair, this.context(rule, ob, oa, ob));
      this.entry(ta, va.origin, tb, vb.origin, via);
      return;
    }
    const pa = peel(this.old.resolver, a, oa);
    const pb = peel(this.new_.resolver, b, ob);
    if (pa.view.unresolved || pb.view.unresolved) return this.unresolved(pa.view, pb.view, oa, ob);
    const pair: EntryPair = {
      entity: this.entity, old: this.old, new: this.new_, via, level: "node",
      a: { origin: oa, raw: a, nullable: pa.nullable, ...(pa.default ? { default: pa.default } : {}), view: pa.view },
      b: { origin: ob, raw: b, nullable: pb.nullable, ...(pb.default ? { default: pb.default } : {}), view: pb.view },
    };
    for (const rule of this.rules) rule.entry?.(pair, this.context(rule, ob, oa, ob));
    this.content(pa.view, pb.view, via);
  }

  /** A side that could not be resolved is not compared; a changed reference is reported as such. */
  private unresolved(va: View, vb: View, oa: Origin, ob: Origin): void {
    const ra = va.unresolved?.unresolvedRef;
    const rb = vb.unresolved?.unresolvedRef;
    if (ra !== undefined && ra === rb) return;
    if (vb.unresolved) return; // the newest tree's own problem: reported by unresolved-ref
    const notComparable = this.rules.find((r) => r.meta.id === "not-comparable");
    if (!notComparable) return;
    this.emit({
      rule: notComparable, entity: this.entity, side: this.new_, origin: ob, anchor: ob, oldSide: this.old, oldOrigin: oa,
      report: { message: `${this.old.label} has a $ref here that cannot be followed (${ra}: ${va.unresolved!.reason}); the change cannot be judged`, subject: "$ref" },
    });
  }

  private content(a: View, b: View, via: Via): void {
    const k = `${key(a.origin)}|${key(b.origin)}`;
    if (this.seenContent.has(k)) return;
    this.seenContent.add(k);
    let match: PropertyMatch | undefined;
    const pair: ContentPair = {
      entity: this.entity, old: this.old, new: this.new_, via, a, b,
      properties: () => (match ??= matchProperties(this.old.resolver, a, this.new_.resolver, b)),
      viewOld: (raw, at) => peel(this.old.resolver, raw, below(a.origin, ...atSegs(at))).view,
      viewNew: (raw, at) => peel(this.new_.resolver, raw, below(b.origin, ...atSegs(at))).view,
      // (views are cached by node: a property the merge built must get its own place, not its parent's)
      defaultOld: (name) => peel(this.old.resolver, a.properties.get(name), below(a.origin, "properties", name)).default,
      defaultNew: (name) => peel(this.new_.resolver, b.properties.get(name), below(b.origin, "properties", name)).default,
    };
    for (const rule of this.rules) rule.content?.(pair, this.context(rule, b.origin, a.origin, b.origin));
    this.children(pair);
  }

  private children(pair: ContentPair): void {
    const { a, b } = pair;
    const pa = (...s: Array<string | number>) => below(a.origin, ...s);
    const pb = (...s: Array<string | number>) => below(b.origin, ...s);
    if (a.properties.size > 0 || b.properties.size > 0) {
      for (const { oldName, newName } of pair.properties().both) {
        if (sameSubtree(a.properties.get(oldName), b.properties.get(newName), this.old.tree !== this.new_.tree)) continue;
        const info = (v: View, name: string, side: "old" | "new") => ({
          name, required: v.required.has(name), hasDefault: (side === "old" ? pair.defaultOld(name) : pair.defaultNew(name)) !== undefined,
        });
        this.entry(a.properties.get(oldName), pa("properties", oldName), b.properties.get(newName), pb("properties", newName), {
          kind: "property", old: info(a, oldName, "old"), new: info(b, newName, "new"),
        });
      }
    }
    if (a.items !== undefined || b.items !== undefined) {
      if (mayBe(a, "array") && mayBe(b, "array")) this.entry(a.items ?? true, pa("items"), b.items ?? true, pb("items"), { kind: "items" });
    }
    const n = Math.min(a.prefixItems?.length ?? 0, b.prefixItems?.length ?? 0);
    for (let i = 0; i < n; i++) this.entry(a.prefixItems![i], pa("prefixItems", i), b.prefixItems![i], pb("prefixItems", i), { kind: "items" });
    const ta = a.additional.kind === "typed" ? a.additional.schema : a.additional.kind === "open" ? true : undefined;
    const tb = b.additional.kind === "typed" ? b.additional.schema : b.additional.kind === "open" ? true : undefined;
    if (ta !== undefined && tb !== undefined && (ta !== true || tb !== true)) {
      this.entry(ta, pa("additionalProperties"), tb, pb("additionalProperties"), { kind: "additional" });
    }
    this.variants(a, b);
  }

  private variants(a: View, b: View): void {
    const ua = a.union;
    const ub = b.union;
    const va = (x: unknown, i: number | string) => this.old.resolver.originOf(x) ?? below(a.origin, ua?.key ?? "oneOf", i);
    const vb = (x: unknown, i: number | string) => this.new_.resolver.originOf(x) ?? below(b.origin, ub?.key ?? "oneOf", i);
    if (ua?.kind === "tagged" && ub?.kind === "tagged" && ua.tag === ub.tag) {
      for (const [tag, x] of ub.variants) {
        const y = ua.variants.get(tag);
        if (y !== undefined) this.entry(y, va(y, tag), x, vb(x, tag), { kind: "variant", name: tag });
      }
    } else if (ua?.kind === "kinds" && ub?.kind === "kinds") {
      for (const [kind, x] of ub.variants) {
        const y = ua.variants.get(kind);
        if (y !== undefined) this.entry(y, va(y, kind), x, vb(x, kind), { kind: "variant", name: kind });
      }
    } else if (ua?.kind === "other" && ub?.kind === "other" && ua.branches.length === ub.branches.length) {
      ub.branches.forEach((x, i) => this.entry(ua.branches[i], va(ua.branches[i], i), x, vb(x, i), { kind: "variant", name: String(i) }));
    } else if (ua?.kind === "tagged" && !ub) {
      const tag = singleVariant(b, ua.tag);
      const y = tag === undefined ? undefined : ua.variants.get(tag);
      if (y !== undefined) this.content(peel(this.old.resolver, y, va(y, tag!)).view, b, { kind: "variant", name: tag! });
    } else if (ub?.kind === "tagged" && !ua) {
      const tag = singleVariant(a, ub.tag);
      const x = tag === undefined ? undefined : ub.variants.get(tag);
      if (x !== undefined) this.contentOf(a, x, vb(x, tag!), tag!);
    } else if (ub?.kind === "kinds" && !ua && a.kinds?.size === 1) {
      const kind = [...a.kinds][0]!;
      const x = ub.variants.get(kind);
      if (x !== undefined) this.contentOf(a, x, vb(x, kind), kind);
    } else if (ua?.kind === "kinds" && !ub && b.kinds?.size === 1) {
      const kind = [...b.kinds][0]!;
      const y = ua.variants.get(kind);
      if (y !== undefined) this.content(peel(this.old.resolver, y, va(y, kind)).view, b, { kind: "variant", name: kind });
    }
  }

  private contentOf(a: View, x: unknown, at: Origin, kind: string): void {
    this.content(a, peel(this.new_.resolver, x, at).view, { kind: "variant", name: kind });
  }
}

/**
 * Deep equality of two JSON values; across two trees (--against) a subtree with a $ref to another
 * file is never "the same", since that file may differ between the trees.
 */
export function sameSubtree(a: unknown, b: unknown, crossTree: boolean): boolean {
  if (a === b) return !crossTree || !hasFileRef(a);
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameSubtree(a[i], b[i], crossTree)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const ob = b as Record<string, unknown>;
  if (ka.length !== Object.keys(ob).length) return false;
  for (const k of ka) {
    if (!(k in ob)) return false;
    const va = (a as Record<string, unknown>)[k];
    if (k === "$ref" && crossTree && typeof va === "string" && !va.startsWith("#")) return false;
    if (!sameSubtree(va, ob[k], crossTree)) return false;
  }
  return true;
}

function hasFileRef(x: unknown): boolean {
  if (Array.isArray(x)) return x.some(hasFileRef);
  if (!isObject(x)) return false;
  return Object.entries(x).some(([k, v]) => (k === "$ref" && typeof v === "string" && !v.startsWith("#")) || hasFileRef(v));
}

function atSegs(at: string): string[] {
  return at === "" ? [] : at.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function mayBe(v: View, kind: "array"): boolean {
  return v.kinds === undefined || v.kinds.has(kind);
}

/** Canonical JSON of a schema without its annotations, for spotting undeclared renames. */
function shape(resolver: Resolver, raw: unknown): string {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (!isObject(x)) return x;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x).sort()) if (!["title", "description", "examples", "$comment", "deprecated", RENAMED_FROM, "x-lockstep-allow"].includes(k)) out[k] = strip(x[k]);
    return out;
  };
  return JSON.stringify(strip(resolver.deref(raw)));
}

export function renamedFrom(raw: unknown): string[] {
  if (!isObject(raw)) return [];
  const v = raw[RENAMED_FROM];
  if (typeof v === "string") return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

export function matchProperties(ra: Resolver, a: View, rb: Resolver, b: View): PropertyMatch {
  const both: PropertyMatch["both"] = [];
  // A union against a non-union: the properties are compared with the matching variant instead.
  if (!!a.union !== !!b.union) return { both, removed: [], added: [], undeclared: [] };
  // Not an object on one side: the type rules report that; listing every property would be noise.
  if ((a.kinds && !a.kinds.has("object")) || (b.kinds && !b.kinds.has("object"))) return { both, removed: [], added: [], undeclared: [] };
  const matchedOld = new Set<string>();
  const added: string[] = [];
  for (const name of b.properties.keys()) {
    if (a.properties.has(name)) {
      both.push({ oldName: name, newName: name, renamed: false });
      matchedOld.add(name);
      continue;
    }
    const former = renamedFrom(b.properties.get(name)).find((f) => a.properties.has(f) && !b.properties.has(f) && !matchedOld.has(f));
    if (former !== undefined) {
      both.push({ oldName: former, newName: name, renamed: true });
      matchedOld.add(former);
    } else added.push(name);
  }
  const removed = [...a.properties.keys()].filter((n) => !matchedOld.has(n));
  const undeclared: PropertyMatch["undeclared"] = [];
  if (removed.length > 0 && added.length > 0) {
    const shapesOld = new Map(removed.map((n) => [n, shape(ra, a.properties.get(n))]));
    const shapesNew = new Map(added.map((n) => [n, shape(rb, b.properties.get(n))]));
    for (const [oldName, s] of shapesOld) {
      const candidates = added.filter((n) => shapesNew.get(n) === s);
      const rivals = removed.filter((n) => shapesOld.get(n) === s);
      if (candidates.length === 1 && rivals.length === 1) undeclared.push({ oldName, newName: candidates[0]! });
    }
  }
  return { both, removed, added, undeclared };
}
