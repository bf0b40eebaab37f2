/**
 * Reference resolution without the network: a URI → schema index over the documents under the
 * schemas root. Each document is read at a retrieval URI under a fixed file: base; `$id` (draft-04
 * `id`) changes the base below it, `$anchor`, `$dynamicAnchor` and plain-name `$id`s ("#item")
 * name fragments. A `$ref` resolves against its base; an absolute URI that no loaded document
 * declares is looked up among the `$id`s of every document under the root, then in vendored
 * copies (`_remote/<host>/<path>` under the root, or the configured `remotes` map). Anything else
 * is remote, and refused. Used by the loader (src/load/resolve.ts), lint (src/lint/resolver.ts)
 * and the ajv oracle, so all three resolve alike.
 */
import { pointerFrom, pointerSegments } from "./json-file.js";
import { dialectOf, forEachSubschema, idKeyword, isClassic, type Dialect } from "./dialect.js";

/** Retrieval URI of the schemas root: a document at `a/b.json` is read as `<ROOT_URI>a/b.json`. */
export const ROOT_URI = "file:///lockstep-schemas/";

/** Where the index reads documents: paths relative to the schemas root, forward slashes. */
export interface RefHost {
  /** The parsed document at a path, or undefined when there is none (malformed JSON throws). */
  read(rel: string): unknown;
  /** Every JSON file under the root, for finding a document by its `$id`. */
  paths(): string[];
  /** Configured local copies of remote documents: URI (no fragment) → path relative to the root. */
  remotes?: ReadonlyMap<string, string>;
  /** How a path relative to the root is shown in messages. */
  display?(rel: string): string;
  /** `declaredIds(this)`, when the host keeps it across indexes. */
  declaredIds?(): ReadonlyMap<string, string>;
}

/**
 * The absolute `$id` of every document under the root. Several versions of an entity often share
 * one: a shared document wins, else the newest version.
 */
export function declaredIds(host: Pick<RefHost, "read" | "paths">): Map<string, string> {
  const rank = (rel: string): number => {
    const m = /^[^/]+\/v(\d+)\.json$/.exec(rel);
    return m ? Number(m[1]) : Infinity;
  };
  const byId = new Map<string, string>();
  for (const rel of host.paths()) {
    let value: unknown;
    try {
      value = host.read(rel);
    } catch {
      continue;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) continue;
    const v = value as Record<string, unknown>;
    const id = v[idKeyword(dialectOf(v.$schema))];
    if (typeof id !== "string" || !SCHEME.test(id)) continue;
    const uri = splitFragment(resolveUri(id, ROOT_URI) ?? id)[0];
    const prev = byId.get(uri);
    if (prev === undefined || rank(rel) > rank(prev)) byId.set(uri, rel);
  }
  return byId;
}

export interface IndexedDoc {
  rel: string;
  uri: string;
  value: unknown;
  dialect: Dialect;
  /** Its schema objects that make a reference (in schema positions). */
  refs: object[];
}

/** Where a schema object is: its document, JSON pointer, base URI and dialect. */
export interface Place {
  doc: IndexedDoc;
  pointer: string;
  base: string;
  dialect: Dialect;
}

export type Resolution =
  | { ok: true; node: unknown; place: Place }
  /** kind: a remote document, a path outside the root, a missing file (rel), else a bad target. */
  | { ok: false; reason: string; kind?: "remote" | "outside" | "missing"; rel?: string };

/** The reference a schema object makes: `$ref`, else `$dynamicRef` / `$recursiveRef`. */
export function refOf(node: unknown): { keyword: "$ref" | "$dynamicRef" | "$recursiveRef"; ref: string } | undefined {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
  const n = node as Record<string, unknown>;
  if (typeof n.$ref === "string") return { keyword: "$ref", ref: n.$ref };
  if (typeof n.$dynamicRef === "string") return { keyword: "$dynamicRef", ref: n.$dynamicRef };
  if (typeof n.$recursiveRef === "string") return { keyword: "$recursiveRef", ref: n.$recursiveRef };
  return undefined;
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

function splitFragment(uri: string): [string, string | undefined] {
  const hash = uri.indexOf("#");
  return hash < 0 ? [uri, undefined] : [uri.slice(0, hash), uri.slice(hash + 1)];
}

/** `ref` resolved against `base` (RFC 3986, as WHATWG URL does it); undefined if it cannot be. */
export function resolveUri(ref: string, base: string): string | undefined {
  if (ref.startsWith("#")) return splitFragment(base)[0] + ref;
  try {
    return new URL(ref, base).href;
  } catch {
    return SCHEME.test(ref) ? ref : undefined;
  }
}

export class RefIndex {
  private readonly docs = new Map<string, IndexedDoc>();
  private readonly places = new WeakMap<object, Place>();
  /** Resource URI → schema object, first declared wins (documents of the unit are read first). */
  private readonly resources = new Map<string, object>();
  /** The same, per document: a document's own $id names itself even when another declares it too. */
  private readonly own = new Map<IndexedDoc, Map<string, object>>();
  /** Per document, "uri#name" → schema object, for $anchor, $dynamicAnchor and plain-name ids. */
  private readonly anchors = new Map<IndexedDoc, Map<string, object>>();
  /** How many resources declare each $dynamicAnchor name / $recursiveAnchor: true. */
  private readonly dynamicAnchors = new Map<string, number>();
  private recursiveAnchors = 0;
  private byId: ReadonlyMap<string, string> | undefined;

  constructor(private readonly host: RefHost) {}

  /**
   * Reads and indexes a document (once); undefined when the host has none. `uri` is where it was
   * asked for (a vendored copy stands for its remote URI), `dialect` the referrer's: a document
   * without `$schema` is read in the dialect of the document that refers to it.
   */
  doc(rel: string, uri = ROOT_URI + rel.split("/").map(encodeURIComponent).join("/"), dialect?: Dialect): IndexedDoc | undefined {
    const known = this.docs.get(rel);
    if (known) return known;
    const value = this.host.read(rel);
    if (value === undefined) return undefined;
    const doc: IndexedDoc = { rel, uri, value, dialect: dialectOf((value as { $schema?: unknown } | null)?.$schema, dialect), refs: [] };
    this.docs.set(rel, doc);
    this.own.set(doc, new Map());
    this.anchors.set(doc, new Map());
    if (value !== null && typeof value === "object") this.resource(uri, value, doc);
    this.walk(value, doc, "", uri, doc.dialect);
    return doc;
  }

  /** The dialects of a document and of every document its references reach. */
  dialectsReached(rel: string): Set<Dialect> {
    const dialects = new Set<Dialect>();
    const seen = new Set<string>([rel]);
    const queue = [rel];
    while (queue.length > 0) {
      const doc = this.doc(queue.shift()!);
      if (!doc) continue;
      dialects.add(doc.dialect);
      for (const node of doc.refs) {
        const r = this.resolve(node);
        if (!r.ok) continue;
        dialects.add(r.place.dialect);
        if (!seen.has(r.place.doc.rel)) {
          seen.add(r.place.doc.rel);
          queue.push(r.place.doc.rel);
        }
      }
    }
    return dialects;
  }

  /** Every document read so far. */
  documents(): IndexedDoc[] {
    return [...this.docs.values()];
  }

  placeOf(node: unknown): Place | undefined {
    return node !== null && typeof node === "object" ? this.places.get(node) : undefined;
  }

  private resource(uri: string, node: object, doc: IndexedDoc): void {
    if (!this.resources.has(uri)) this.resources.set(uri, node);
    const own = this.own.get(doc)!;
    if (!own.has(uri)) own.set(uri, node);
  }

  private walk(node: unknown, doc: IndexedDoc, pointer: string, base: string, dialect: Dialect): void {
    if (node === null || typeof node !== "object" || Array.isArray(node) || this.places.has(node)) return;
    const n = node as Record<string, unknown>;
    if (pointer !== "" && typeof n.$schema === "string" && typeof n[idKeyword(dialect)] === "string") dialect = dialectOf(n.$schema, dialect);
    const classic = isClassic(dialect);
    const anchors = this.anchors.get(doc)!;
    const id = n[idKeyword(dialect)];
    // Up to draft-07 a $ref hides its siblings, an id among them.
    if (typeof id === "string" && !(classic && "$ref" in n)) {
      const abs = resolveUri(id, base);
      if (abs !== undefined) {
        const [uri, fragment] = splitFragment(abs);
        if (!id.startsWith("#")) {
          base = uri;
          this.resource(uri, node, doc);
        }
        if (classic && fragment && !anchors.has(`${uri}#${fragment}`)) anchors.set(`${uri}#${fragment}`, node);
      }
    }
    this.places.set(node, { doc, pointer, base, dialect });
    const anchor = (name: unknown): void => {
      if (typeof name === "string" && !anchors.has(`${base}#${name}`)) anchors.set(`${base}#${name}`, node);
    };
    if (!classic) anchor(n.$anchor);
    if (dialect === "2020-12" && typeof n.$dynamicAnchor === "string") {
      anchor(n.$dynamicAnchor);
      this.dynamicAnchors.set(n.$dynamicAnchor, (this.dynamicAnchors.get(n.$dynamicAnchor) ?? 0) + 1);
    }
    if (dialect === "2019-09" && n.$recursiveAnchor === true) this.recursiveAnchors += 1;
    if (refOf(n)) doc.refs.push(n);
    forEachSubschema(n, (child, below) => this.walk(child, doc, pointer + below, base, dialect));
  }

  /**
   * Whether a `$dynamicRef` / `$recursiveRef` may land somewhere else than where it points
   * statically (another resource declares the same dynamic anchor): then it is not followed.
   */
  isDynamic(node: unknown): boolean {
    const r = refOf(node);
    if (!r || r.keyword === "$ref") return false;
    if (r.keyword === "$recursiveRef") return this.recursiveAnchors > 1;
    const [, fragment] = splitFragment(r.ref);
    return fragment !== undefined && (this.dynamicAnchors.get(fragment) ?? 0) > 1;
  }

  /** Resolves the reference a schema object makes (the object must come from an indexed document). */
  resolve(node: object): Resolution {
    const r = refOf(node);
    const place = this.places.get(node);
    if (!r || !place) return { ok: false, reason: "not a reference from an indexed document" };
    return this.lookup(r.ref, place);
  }

  /**
   * Resolves the reference of a schema object known only by where it was written (lint meets
   * objects under keywords the index does not walk): its place, else its document's root base.
   */
  resolveAt(node: object, rel: string, pointer: string): Resolution {
    const r = refOf(node);
    const known = this.places.get(node);
    if (r && known) return this.lookup(r.ref, known);
    const doc = this.doc(rel);
    if (!r || !doc) return { ok: false, reason: "not a reference from an indexed document" };
    const place = { ...(this.places.get(doc.value as object) ?? { doc, base: doc.uri, dialect: doc.dialect }), pointer };
    return this.lookup(r.ref, place);
  }

  /** Resolves a reference written at `place`. */
  lookup(ref: string, place: Place): Resolution {
    const abs = resolveUri(ref, place.base);
    let found = abs === undefined ? undefined : this.find(abs, place);
    // A relative reference in a document with an absolute $id, when that URI names nothing
    // here: as written, relative to the file (what a reader of the file expects).
    if ((!found || !found.ok) && !SCHEME.test(ref) && !ref.startsWith("#") && place.base !== place.doc.uri) {
      const local = this.find(resolveUri(ref, place.doc.uri)!, place);
      if (local?.ok) found = local;
    }
    if (found) return found;
    return abs === undefined ? { ok: false, reason: "it is not a valid URI reference" } : this.missing(splitFragment(abs)[0]);
  }

  private find(abs: string, from: Place): Resolution | undefined {
    const [uri, rawFragment] = splitFragment(abs);
    let fragment: string;
    try {
      fragment = decodeUri(rawFragment ?? "");
    } catch {
      return { ok: false, reason: "its fragment is not valid percent-encoding" };
    }
    const resource = this.resourceAt(uri, from);
    if (!resource) return undefined;
    const at = this.places.get(resource);
    if (!at) return { ok: false, reason: `${this.show(uri)} is not a schema (its root is not an object or boolean)` };
    if (fragment === "") return { ok: true, node: resource, place: at };
    if (!fragment.startsWith("/")) {
      const a = this.anchors.get(at.doc)!.get(`${uri}#${fragment}`);
      if (!a) return { ok: false, reason: `${this.show(uri)} has no anchor "${fragment}"` };
      return { ok: true, node: a, place: this.places.get(a)! };
    }
    let node: unknown = resource;
    const segments = pointerSegments(fragment);
    let walked = 0;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      // "other.json#/": a trailing empty segment names the document itself, as ajv reads it.
      if (seg === "" && i === segments.length - 1 && !(node !== null && typeof node === "object" && "" in node)) break;
      node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[seg] : undefined;
      if (node === undefined) return { ok: false, reason: `${this.show(uri)} has nothing at #${fragment}` };
      walked++;
    }
    // Spelled only where it is needed: most targets were indexed when their document was.
    const pointer = (): string => at.pointer + pointerFrom(segments.slice(0, walked));
    if (node !== null && typeof node === "object" && !this.places.has(node)) {
      // A schema under a keyword lockstep does not know: indexed when first named.
      this.walk(node, at.doc, pointer(), at.base, at.dialect);
    }
    return { ok: true, node, place: this.placeOf(node) ?? { ...at, pointer: pointer() } };
  }

  /** The schema object a resource URI (no fragment) names, reading documents as needed. */
  private resourceAt(uri: string, from: Place): object | undefined {
    const own = this.own.get(from.doc)?.get(uri);
    if (own) return own;
    const known = this.resources.get(uri);
    if (known) return known;
    const rel = this.localPath(uri);
    const doc = rel !== undefined ? this.doc(rel, uri.startsWith(ROOT_URI) ? undefined : uri, from.dialect) : undefined;
    return doc ? this.resources.get(uri) ?? this.own.get(doc)!.get(doc.uri) : undefined;
  }

  /** The file under the root that holds a URI: its own path, a vendored copy, or a declared $id. */
  private localPath(uri: string): string | undefined {
    if (uri.startsWith(ROOT_URI)) {
      const rel = decodeUri(uri.slice(ROOT_URI.length));
      return this.host.read(rel) === undefined ? undefined : rel;
    }
    const mapped = this.host.remotes?.get(uri);
    if (mapped !== undefined) return mapped;
    const declared = this.declaredIds().get(uri);
    if (declared !== undefined) return declared;
    for (const rel of vendoredPaths(uri)) if (this.host.read(rel) !== undefined) return rel;
    return undefined;
  }

  private declaredIds(): ReadonlyMap<string, string> {
    return (this.byId ??= this.host.declaredIds ? this.host.declaredIds() : declaredIds(this.host));
  }

  private missing(uri: string): Resolution {
    if (uri.startsWith(ROOT_URI)) {
      const rel = decodeUri(uri.slice(ROOT_URI.length));
      return { ok: false, kind: "missing", rel, reason: `file ${this.show(uri)} does not exist` };
    }
    if (uri.startsWith("file:")) return { ok: false, kind: "outside", reason: "it points outside the schemas root" };
    const vendored = vendoredPaths(uri)[0];
    const reason = "lockstep reads only files under the schemas root (no network), and none declares this $id; " +
      (vendored ? `vendor a copy as ${vendored} under the schemas root, or map the URI to a local file in lockstep.config.json "remotes"` : `map the URI to a local file in lockstep.config.json "remotes"`);
    return { ok: false, kind: "remote", reason };
  }

  private show(uri: string): string {
    if (!uri.startsWith(ROOT_URI)) return uri;
    const rel = decodeUri(uri.slice(ROOT_URI.length));
    return this.host.display ? this.host.display(rel) : rel;
  }
}

/** Where a vendored copy of a remote document lives under the root: `_remote/<host>/<path>`. */
export function vendoredPaths(uri: string): string[] {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return [];
  }
  if (url.host === "" || url.pathname === "" || url.pathname === "/") return [];
  const path = `_remote/${url.host}${decodeUri(url.pathname)}`;
  if (path.split("/").some((s) => s === "..")) return [];
  return path.endsWith(".json") ? [path] : [path, `${path}.json`];
}

/** decodeURIComponent, but a malformed escape (`%`, `%zz`) stays as written: it then resolves to nothing, a clear error. */
function decodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
