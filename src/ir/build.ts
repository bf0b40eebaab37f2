/**
 * Resolved schemas → IR declarations (src/ir/module.ts makes the module). One Builder per module: it owns the module's type names (so two
 * schemas that would share a name are an error) and maps each schema object to one declaration.
 */
import { canonicalValue } from "../canonical.js";
import type { Origin } from "../load/resolve.js";
import { pointerFrom } from "../load/json-file.js";
import { camelCase, pascalCase, toWords } from "./casing.js";
import { Derivations, applySteps, type Derivation } from "./derive.js";
import { freeName, resolveNames, Taken, type Candidate, type CasePreference, type Collision } from "./disambiguate.js";
import { memberPin, NameScope, originName, pinText, pinnedName } from "./naming.js";
import type { TypeClaim } from "./type-names.js";
import { buildObject, type ObjectShape } from "./build-object.js";
import { buildUnion, untypedUnion, valuesUnion } from "./build-union.js";
import {
  UNREPRESENTABLE, declaredTypes, docOf, hasKindKeywords, isSchemaObject, kindOfValue, mergeAllOf, omit, type Schema,
} from "./schema.js";
import type { AliasDecl, ByKind, Checks, Decl, EnumDecl, IntegerPolicy, JsonValue, JsonKind, NameRecord, SourceRef, TypeExpr, Warning, Words } from "./types.js";
import { integerType } from "./integers.js";


export interface NameOptions {
  /** Name a declaration made here by the hint, ignoring where the schema was written (entity roots). */
  rootName?: boolean;
}

export class Builder {
  readonly decls = new Map<string, Decl>();
  /** Declaration of a schema, keyed by where it was written (else by object identity). */
  private readonly declIds = new Map<unknown, string>();
  readonly warnings: Warning[] = [];
  /** Every type name claimed in this build, in order; the module resolves them as a whole. */
  readonly typeClaims: TypeClaim[] = [];
  /**
   * Names claimed at a first reference back for an alias that was then declared as something
   * else (an allOf merged into an object): references spelled with the claimed name go to the
   * declaration (applied by buildModule before names are decided).
   */
  readonly redirects = new Map<string, Words>();
  private readonly typesTaken = new Taken();
  private readonly claimCount = new Map<string, number>();
  /** Names given here (fields, members, variants; types are added by buildModule). */
  readonly record: NameRecord = new Map();
  /** Names made from other names (fields' types from their object's name, ...), to follow renames. */
  readonly derived = new Derivations<TypeClaim>();
  /** Every type claim in the order made, also those dropped from typeClaims (a redirected alias). */
  readonly claimLog: ClaimMade[] = [];
  /**
   * Conditions on names that decided the shape of what was built; each must give the same answer
   * after a rename (src/ir/settle.ts), else the module is built again.
   */
  readonly nameChecks: Array<(rename: (id: string) => string) => boolean> = [];
  /** Collision warnings whose text names a declaration: written again after a rename. */
  readonly namedWarnings: Array<() => void> = [];

  constructor(
    private readonly origins: WeakMap<object, Origin>,
    readonly deref: (schema: unknown) => unknown,
    readonly entityOfFile: (file: string) => string | undefined,
    /** Canonical JSON text at a pointer of a file. */
    private readonly canonicalAt: (file: string, pointer: string) => string | undefined,
    /** Type names decided by the previous build of this module (by claim key). */
    private readonly overrides: ReadonlyMap<string, Words> = new Map(),
    /** Names the previous version gave. */
    readonly inherited: NameRecord = new Map(),
    /** The project's int64 policy (config "int64"); a node's `x-lockstep-int64` overrides it. */
    readonly int64: IntegerPolicy = "number",
  ) {}

  /** A place with entity version files spelled `<entity>/v*.json`, the same in every version. */
  stablePlace(at: SourceRef): string {
    const entity = this.entityOfFile(at.file);
    return `${entity !== undefined ? `${entity}/v*.json` : at.file}#${at.pointer}`;
  }

  /**
   * Names every member of a scope (an object's properties, an enum's values, a union's variants)
   * at once, keeping what the previous version named; collisions become warnings.
   */
  nameScope(kind: "field" | "member" | "variant", owner: SourceRef, candidates: Candidate[], how: ScopeNaming, reserved: Candidate[] = []): Map<string, Words> {
    // Scopes are many and large: the place is spelled once per scope, each key once per candidate.
    const prefix = `${kind} ${this.stablePlace(owner)} `;
    const keys = candidates.map((c) => prefix + JSON.stringify(c.key));
    if (this.inherited.size > 0) {
      candidates.forEach((c, i) => {
        const prev = this.inherited.get(keys[i]!);
        if (prev && prev.base.join("_") === c.words.join("_")) c.keep = prev.final;
      });
    }
    const { names, collisions } = resolveNames(candidates, how.prefer, reserved.map((c) => ({ words: c.words, candidate: c })));
    candidates.forEach((c, i) => this.record.set(keys[i]!, { base: c.words, final: names.get(c.key)! }));
    this.reportCollisions(collisions, how);
    return names;
  }

  reportCollisions(collisions: Collision[], how: Omit<ScopeNaming, "prefer">): void {
    for (const collision of collisions) {
      const { renamed: r } = collision;
      const warning: Warning = { file: r.at.file, pointer: r.at.pointer, code: "name-collision", message: collisionMessage(collision, how) };
      this.warnings.push(warning);
      this.collisionWarnings.push(warning);
      if (typeof how.what === "function") this.namedWarnings.push(() => (warning.message = collisionMessage(collision, how)));
    }
  }

  /** Canonical JSON text of `schema[key]` as written (numbers exact), when its origin is known. */
  sourceText(schema: object, key: string): string | undefined {
    // The parsed value is exact unless it holds a big integer; only then is the text read again.
    const exact = canonicalValue((schema as Record<string, unknown>)[key]);
    if (exact !== undefined) return exact;
    const origin = this.origins.get(schema);
    return origin && this.canonicalAt(origin.file, origin.pointer + pointerFrom([key]));
  }

  warn(at: SourceRef, message: string): void {
    const key = JSON.stringify([at.file, at.pointer, message]);
    if (this.warned.has(key) || this.collisionWarnings.some((w) => w.file === at.file && w.pointer === at.pointer && w.message === message)) return;
    this.warned.add(key);
    this.warnings.push({ file: at.file, pointer: at.pointer, message });
  }

  /** What warn() wrote (file, pointer, message), to write each once. */
  private readonly warned = new Set<string>();
  /** The warnings reportCollisions wrote: warn() does not write one again either. */
  private readonly collisionWarnings: Warning[] = [];

  /** Where a schema object was written, else the path by which it was reached. */
  here(schema: unknown, fallback: SourceRef): SourceRef {
    return (isSchemaObject(schema) && this.origins.get(schema)) || fallback;
  }

  private declKey(schema: object): unknown {
    const origin = this.origins.get(schema);
    if (!origin) return schema;
    // Spelled once per place: a key made again for every lookup is a new string to hash each time.
    let key = placeKeys.get(origin);
    if (key === undefined) placeKeys.set(origin, (key = `${origin.file}#${origin.pointer}`));
    return key;
  }

  declOf(schema: object): string | undefined {
    return this.declIds.get(this.declKey(schema));
  }

  /** The name a declaration made from `schema` gets. */
  declName(schema: Schema, hint: Words, opts: NameOptions = {}): Words {
    const pinned = pinnedName(schema);
    if (pinned) return pinned;
    if (opts.rootName) return hint;
    const origin = this.origins.get(schema);
    if (origin && origin.pointer === "") {
      const entity = this.entityOfFile(origin.file);
      if (entity) return toWords(entity, "type");
    }
    return originName(origin, (f) => this.entityOfFile(f) !== undefined) ?? hint;
  }

  /**
   * Registers a declaration for `schema` before its body is built (recursion). Its name is the one
   * the module settled on (`overrides`), else its own; a name already taken in this build gets a
   * provisional alternative, and buildModule builds again with every collision decided at once.
   */
  declare<D extends Decl>(schema: object, decl: D, where: SourceRef, claimed?: Words): D {
    const name = claimed ?? this.claimType(schema, decl.name, where);
    decl.name = name;
    decl.id = name.join("_");
    this.declIds.set(this.declKey(schema), decl.id);
    this.decls.set(decl.id, decl);
    return decl;
  }

  /** Claims a type name (see declare); returns the name to use. */
  private claimType(schema: object, base: Words, where: SourceRef): Words {
    const place = this.stablePlace(where);
    let key = `${place}|${base.join("_")}`;
    const n = (this.claimCount.get(key) ?? 0) + 1;
    this.claimCount.set(key, n);
    if (n > 1) key += `|${n}`;
    const claim = this.typeClaim(schema, key, base, where);
    let name = this.overrides.get(key) ?? base;
    if (this.typesTaken.clash(name)) name = freeName({ ...claim, words: name }, this.typesTaken);
    this.typesTaken.add(name, claim);
    // A copy: the type's name is never the very array of the hint it came from (see derive.ts).
    name = [...name];
    claim.actual = name;
    this.typeClaims.push(claim);
    this.claimLog.push({ claim, place, from: this.derived.of(base) });
    this.derived.own(name, claim);
    return name;
  }

  /** `base` (a type's name or a name made from one) followed by `more`: a name to give a type inside. */
  extend(base: Words, more: Words): Words {
    return this.derived.extend(base, more);
  }

  /** `base` with its last word singular: the name of array items, map values. */
  singular(base: Words): Words {
    return this.derived.singular(base);
  }

  /** A name as this build would make it with the type names it was made from as they are now. */
  remade(words: Words): Words {
    const from = this.derived.of(words);
    return from?.owner ? applySteps(from.owner.actual, from.steps) : words;
  }

  private typeClaim(schema: object, key: string, base: Words, where: SourceRef): TypeClaim {
    const pin = isSchemaObject(schema) ? pinText(schema) : undefined;
    const def = /^\/(?:\$defs|definitions)\/([^/]+)$/.exec(where.pointer);
    const entity = this.entityOfFile(where.file);
    const written = pin !== undefined || def !== null || where.pointer === "";
    const text = pin ?? (def ? def[1]!.replace(/~1/g, "/").replace(/~0/g, "~") : where.pointer === "" ? (entity ?? where.file.split("/").pop()!.replace(/\.json$/, "")) : pascalCase(base));
    return {
      key, words: base, text, at: where, rank: pin !== undefined ? 0 : written ? 1 : 2, actual: base,
      ...(written ? {} : { suffix: ["inline"] }),
      ...(entity !== undefined ? { entity } : {}),
      root: where.pointer === "" && entity !== undefined,
    };
  }

  typeOf(input: unknown, hint: Words, reached: SourceRef, opts: NameOptions = {}): TypeExpr {
    const schema = this.deref(input);
    if (schema === true || schema === undefined) return { kind: "raw" };
    if (schema === false) {
      this.warn(reached, "schema `false` admits no value; typed as raw JSON");
      return { kind: "raw" };
    }
    if (!isSchemaObject(schema)) {
      this.warn(reached, "not a schema object; typed as raw JSON");
      return { kind: "raw" };
    }
    const at = this.here(schema, reached);
    const key = this.declKey(schema);
    const known = this.declOf(schema);
    if (known) {
      const ref: TypeExpr = { kind: "ref", target: known, indirect: false };
      return this.nullableDecls.has(key) ? { kind: "nullable", inner: ref } : ref;
    }
    // A schema that contains itself without passing through an object or union declaration (an
    // array of itself, an allOf that refers back): name it as an alias when its type is known.
    const pending = this.inProgress.get(key);
    if (pending) {
      // The first reference back claims the alias's name, so every reference spells the final one.
      if (!pending.claimed) {
        pending.claimed = this.claimType(schema, pending.name, at);
        pending.claim = this.typeClaims[this.typeClaims.length - 1];
      }
      pending.recursive = true;
      return { kind: "ref", target: pending.claimed.join("_"), indirect: false };
    }
    const entry: PendingType = { name: this.declName(schema, hint, opts), recursive: false };
    this.inProgress.set(key, entry);
    try {
      const type = this.typeOfSchema(schema, hint, at, opts);
      // A union with a null branch declares the union and wraps it: later uses must wrap it too.
      if (type.kind === "nullable" && type.inner.kind === "ref" && type.inner.target === this.declOf(schema)) this.nullableDecls.add(key);
      const declared = this.declOf(schema);
      if (declared !== undefined && entry.claimed && entry.claimed.join("_") !== declared) {
        this.redirects.set(entry.claimed.join("_"), this.decls.get(declared)!.name);
        this.typeClaims.splice(this.typeClaims.indexOf(entry.claim!), 1);
      }
      if (!entry.recursive || declared !== undefined) return type;
      const name = entry.claimed ?? entry.name;
      if (type.kind === "ref" && type.target === name.join("_")) return { kind: "raw", at };
      const alias = this.declare<AliasDecl>(schema, { kind: "alias", id: name.join("_"), name, doc: docOf(schema), source: at, type }, at, entry.claimed);
      return { kind: "ref", target: alias.id, indirect: false };
    } finally {
      this.inProgress.delete(key);
    }
  }

  /**
   * Types inside `schema` are named from `name`, as if `schema` had it: an object variant names
   * its fields' types like its union. `named`: the name is the schema's own, not its path's.
   */
  nameNestedFrom(schema: object, name: Words, named: boolean): void {
    this.nestedNames.set(schema, { name, named });
  }

  nestedName(schema: object): { name: Words; named: boolean } | undefined {
    return this.nestedNames.get(schema);
  }

  private readonly nestedNames = new WeakMap<object, { name: Words; named: boolean }>();

  /** Uses of `schema`'s declaration are wrapped in nullable, from now on (before its body is built, for recursion). */
  markNullable(schema: object): void {
    this.nullableDecls.add(this.declKey(schema));
  }

  private readonly inProgress = new Map<unknown, PendingType>();
  /** Schemas whose declaration is used wrapped in nullable (a null branch beside the union). */
  private readonly nullableDecls = new Set<unknown>();

  private typeOfSchema(schema: Schema, hint: Words, at: SourceRef, opts: NameOptions): TypeExpr {
    if (Array.isArray(schema.allOf)) {
      const { merged, conflicts } = mergeAllOf(schema, this.deref);
      for (const c of conflicts) this.warn(at, `allOf members disagree on ${c}; the first member's definition is used`);
      const result = this.typeOf(merged, this.declName(schema, hint, opts), at, { rootName: true });
      const target = result.kind === "ref" ? result.target : result.kind === "nullable" && result.inner.kind === "ref" ? result.inner.target : undefined;
      if (target) this.declIds.set(this.declKey(schema), target);
      return result;
    }

    const unrepresentable = UNREPRESENTABLE.filter((k) => k in schema);
    const hasShape = ["type", "properties", "items", "prefixItems", "enum", "const", "oneOf", "anyOf", "additionalProperties"].some((k) => k in schema);
    if (unrepresentable.length > 0 && !hasShape) {
      this.warn(at, `${unrepresentable.join(", ")} cannot be expressed as a type in every target; typed as raw JSON`);
      return { kind: "raw", at };
    }
    for (const k of unrepresentable) {
      this.warn(at, `${k} is not checked by the generated types (the value is typed by its other keywords${k === "not" ? "" : "; properties it adds are kept as unknown properties"})`);
    }

    const branches = (schema.oneOf ?? schema.anyOf) as unknown;
    if (Array.isArray(branches)) {
      const union = buildUnion(this, schema, branches, hint, at, opts);
      if (union) return union;
    }
    if (Array.isArray(schema.enum) || "const" in schema) return this.enumType(schema, hint, at, opts);

    const declared = declaredTypes(schema);
    // No `type`: keywords apply only to their kind, so the schema accepts every kind.
    if (!declared && hasKindKeywords(schema)) return untypedUnion(this, schema, hint, at, opts);
    const types = declared ?? [];
    const nullable = types.includes("null");
    const nonNull = types.filter((t) => t !== "null");
    let inner: TypeExpr;
    if (nonNull.length === 0) {
      if (!Object.keys(schema).some((k) => !ANNOTATION_KEYS.has(k))) return { kind: "raw" };
      const byKind = byKindOf(schema);
      return byKind ? { kind: "raw", at, byKind } : { kind: "raw", at };
    }
    if (nonNull.length > 1) inner = this.multiType(schema, nonNull, hint, at, opts);
    else inner = this.singleType(schema, nonNull[0]!, hint, at, opts, unrepresentable.length > 0);
    return nullable ? nullable_(inner) : inner;
  }

  private singleType(schema: Schema, type: string, hint: Words, at: SourceRef, opts: NameOptions, open: boolean): TypeExpr {
    const checks = checksOf(schema, type);
    const withChecks = <T extends TypeExpr>(t: T): T => (checks ? { ...t, checks } : t);
    switch (type) {
      case "string":
        return withChecks(typeof schema.format === "string" ? { kind: "string", format: schema.format } : { kind: "string" });
      case "integer":
        return withChecks(integerType(schema, this.int64));
      case "number":
        return withChecks({ kind: "number" });
      case "boolean":
        return withChecks({ kind: "boolean" });
      case "array": {
        const array = this.arrayType(schema, hint, at);
        return array.kind === "array" ? withChecks(array) : array;
      }
      case "object": {
        const object = buildObject(this, schema as ObjectShape, hint, at, opts, open);
        return object.kind === "map" ? withChecks(object) : object;
      }
      default:
        this.warn(at, `unknown type "${type}"; typed as raw JSON`);
        return { kind: "raw" };
    }
  }

  private arrayType(schema: Schema, hint: Words, at: SourceRef): TypeExpr {
    const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : undefined;
    if (prefix) {
      const closed = Array.isArray(schema.prefixItems) ? schema.items === false : schema.additionalItems === false;
      const key = Array.isArray(schema.prefixItems) ? "prefixItems" : "items";
      if (!closed) {
        this.warn(at, `tuple (${key}) without a closing items: false allows extra items; typed as raw JSON`);
        return { kind: "raw", at };
      }
      // Items are positional, not required: without minItems, [] and [a] are accepted too.
      if (!(typeof schema.minItems === "number" && schema.minItems >= prefix.length)) {
        this.warn(at, `tuple (${key}) without minItems: ${prefix.length} accepts shorter arrays; typed as raw JSON`);
        return { kind: "raw", at };
      }
      return {
        kind: "tuple",
        items: prefix.map((item, i) => this.typeOf(item, this.extend(this.singular(hint), [String(i)]), sub(at, key, i))),
      };
    }
    return { kind: "array", items: this.typeOf(schema.items, this.singular(hint), sub(at, "items")) };
  }

  /** `type: ["string", "integer", ...]`: a union by JSON kind over the same keywords. */
  private multiType(schema: Schema, types: string[], hint: Words, at: SourceRef, opts: NameOptions): TypeExpr {
    const branches = types.map((t) => ({ ...omit(schema, "type", "title", "x-lockstep-name", "description"), type: t }));
    return buildUnion(this, omit(schema, "type"), branches, hint, at, opts) ?? { kind: "raw" };
  }

  private enumType(schema: Schema, hint: Words, at: SourceRef, opts: NameOptions): TypeExpr {
    const values: unknown[] = Array.isArray(schema.enum) ? schema.enum : [schema.const];
    const nullable = values.includes(null);
    const rest = values.filter((v) => v !== null);
    const kinds = new Set(rest.map(kindOfValue));
    let inner: TypeExpr;
    // const: null / enum: [null]: null is the only value.
    if (rest.length === 0) return { kind: "raw", byKind: { checks: { values: [null] } } };
    if (kinds.size === 1 && kinds.has("string") && Array.isArray(schema.enum)) {
      inner = this.enumDecl(schema, rest as string[], hint, at, opts);
    } else if (kinds.size === 1 && kinds.has("string")) {
      inner = { kind: "string", checks: { values: rest as JsonValue[] } };
    } else if ([...kinds].every((k) => k === "integer")) {
      inner = { ...integerType(schema, this.int64), checks: { values: rest as JsonValue[] } };
    } else if ([...kinds].every((k) => k === "integer" || k === "number")) {
      inner = { kind: "number", checks: { values: rest as JsonValue[] } };
    } else if (kinds.size === 1 && kinds.has("boolean")) {
      inner = { kind: "boolean", checks: { values: rest as JsonValue[] } };
    } else {
      const union = valuesUnion(this, schema, rest as JsonValue[], hint, at, opts);
      if (!union) {
        this.warn(at, "enum/const of structured values (arrays or objects); typed as raw JSON");
        return { kind: "raw", at };
      }
      inner = union;
    }
    return nullable ? nullable_(inner) : inner;
  }

  private enumDecl(schema: Schema, values: string[], hint: Words, at: SourceRef, opts: NameOptions): TypeExpr {
    const name = this.declName(schema, hint, opts);
    const decl = this.declare<EnumDecl>(schema, { kind: "enum", id: name.join("_"), name, doc: docOf(schema), source: at, members: [], unknownName: [] }, at);
    const candidates = new Map<string, Candidate>();
    const all = Array.isArray(schema.enum) ? schema.enum : values;
    all.forEach((value, i) => {
      if (typeof value !== "string" || candidates.has(value)) return;
      const pin = memberPin(schema, value, i);
      candidates.set(value, { key: value, words: toWords(pin ?? value, "value"), text: pin ?? value, at: sub(at, "enum", i), rank: pin !== undefined ? 0 : 1 });
    });
    const names = this.nameScope("member", at, [...candidates.values()], {
      prefer: "upper", what: () => `values of enum ${pascalCase(decl.name)}`, display: pascalCase, pin: `pin names with "x-enum-varnames" (an array beside "enum") or "x-lockstep-names" (value → name)`,
    });
    for (const value of candidates.keys()) decl.members.push({ name: names.get(value)!, value, doc: { constraints: [] } });
    decl.unknownName = new NameScope(names.values()).firstFree([["unknown"], ["other"], ["unknown", "value"]]);
    return { kind: "ref", target: decl.id, indirect: false };
  }
}

/** Declaration keys by origin (see Builder.declKey). */
const placeKeys = new WeakMap<Origin, string>();

/** How a scope's names are chosen and reported. */
export interface ScopeNaming {
  prefer: CasePreference;
  /** What the scope holds, for messages: "properties of User" (a function when it names a type). */
  what: string | (() => string);
  /** A name as the user sees it in code. */
  display: (words: Words) => string;
  /** How to choose names instead, for messages. */
  pin: string;
}

function collisionMessage({ renamed: r, owner: o, name, target, cased }: Collision, how: Omit<ScopeNaming, "prefer">): string {
  const what = typeof how.what === "function" ? how.what() : how.what;
  return `${what} ${JSON.stringify(r.text)} and ${JSON.stringify(o.text)} both become ${cased} in ${target}: ` +
    `${r.at.file}#${r.at.pointer} and ${o.at.file}#${o.at.pointer}; the first is named ${how.display(name)}; ${how.pin}`;
}

/** A type claim as made: its place, and how its name was made from another type's (if it was). */
export interface ClaimMade {
  claim: TypeClaim;
  place: string;
  from: Derivation<TypeClaim> | undefined;
}

export const FIELD_NAMING = { prefer: "lower", display: camelCase, pin: `pin names with "x-lockstep-name" on the property` } as const;

export function nullable_(inner: TypeExpr): TypeExpr {
  return inner.kind === "nullable" || inner.kind === "raw" ? inner : { kind: "nullable", inner };
}

export function sub(at: SourceRef, ...segments: Array<string | number>): SourceRef {
  return { file: at.file, pointer: at.pointer + pointerFrom(segments) };
}

/** Keywords that do not constrain a value: a schema with only these admits any JSON. */
const ANNOTATION_KEYS = new Set(["title", "description", "$comment", "examples", "default", "deprecated", "readOnly", "writeOnly", "$schema", "$id", "$defs", "definitions", "x-lockstep-name", "x-lockstep-renamed-from", "x-lockstep-allow", "x-lockstep-int64"]);

const NUMBER_CHECKS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"];
/** Validation keywords by the type they apply to (each is ignored for values of other kinds). */
const CHECK_KEYWORDS: Record<string, string[]> = {
  integer: NUMBER_CHECKS,
  number: NUMBER_CHECKS,
  string: ["minLength", "maxLength", "pattern"],
  array: ["minItems", "maxItems", "uniqueItems"],
  object: ["minProperties", "maxProperties"],
};

function checksOf(schema: Schema, type: string): Checks | undefined {
  let checks: Record<string, unknown> | undefined;
  for (const key of CHECK_KEYWORDS[type] ?? []) {
    const value = schema[key];
    if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") (checks ??= {})[key] = value;
  }
  // Required names of an object without properties (a map, or an untyped schema).
  if (type === "object" && Array.isArray(schema.required)) {
    const required = schema.required.filter((r): r is string => typeof r === "string");
    const declared = isSchemaObject(schema.properties) ? schema.properties : {};
    const undeclared = [...new Set(required)].filter((r) => !Object.hasOwn(declared, r));
    if (undeclared.length > 0) (checks ??= {}).required = undeclared;
  }
  return checks as Checks | undefined;
}

/** The checks of every kind of an untyped schema (each keyword applies to one kind only). */
function byKindOf(schema: Schema): ByKind | undefined {
  const checks = Object.assign({}, ...["string", "number", "array", "object"].map((t) => checksOf(schema, t))) as Checks;
  const byKind: ByKind = {};
  if (Object.keys(checks).length > 0) byKind.checks = checks;
  if (typeof schema.format === "string") byKind.format = schema.format;
  return Object.keys(byKind).length > 0 ? byKind : undefined;
}

/** A schema whose type is being built; `claimed` is the name taken at its first reference back. */
interface PendingType {
  name: Words;
  recursive: boolean;
  claimed?: Words;
  claim?: TypeClaim;
}

export type { JsonKind };
