/**
 * One IR module from a resolved unit: the roots built (src/ir/build.ts), the module's type names
 * decided as a whole (src/ir/type-names.ts) and settled (src/ir/settle.ts), the inputs hashed.
 */
import { createHash } from "node:crypto";
import { canonicalize } from "../canonical.js";
import type { ResolvedUnit } from "../load/resolve.js";
import { Builder } from "./build.js";
import { pascalCase, toWords } from "./casing.js";
import { markIndirectRefs } from "./cycles.js";
import { renameDecls } from "./rename.js";
import { isSchemaObject, docOf } from "./schema.js";
import { renameAsRebuilt } from "./settle.js";
import { resolveTypeNames, type TypeClaim } from "./type-names.js";
import type { EntityRoot, IntegerPolicy, Module, NameRecord, SourceRef, Words } from "./types.js";

export interface UnitInput {
  unit: ResolvedUnit;
  path: string[];
  /** Entity name for an entity version file (relative to the root), else undefined. */
  entityOfFile(file: string): string | undefined;
  /** Exact source text at a pointer of a file (relative to the root). */
  textAt(file: string, pointer: string): string | undefined;
  /** Relative path and canonical JSON of each input file, for the hash. */
  inputs: Array<{ rel: string; canonical(): string }>;
  /** Names the previous version of these entities gave, to keep. */
  inherited?: NameRecord;
  /** The project's int64 policy (config "int64"). */
  int64?: IntegerPolicy;
}

/**
 * Builds one IR module from a resolved unit. Type names that collide are decided over the whole
 * module (see type-names.ts); when that renames a type other types were named after, they follow
 * its new name as a new build would name them (src/ir/settle.ts), and only when that cannot be
 * told without building is the module built again with every name fixed.
 */
export function buildModule(input: UnitInput): Module {
  // The same default is read once however many merged copies of its object there are.
  const canonical = new Map<string, string | undefined>();
  const canonicalAt = (file: string, pointer: string): string | undefined => {
    const key = `${file}#${pointer}`;
    if (!canonical.has(key)) {
      const text = input.textAt(file, pointer);
      canonical.set(key, text === undefined ? undefined : canonicalize(text));
    }
    return canonical.get(key);
  };
  const build = (overrides: Map<string, Words>): { builder: Builder; entities: EntityRoot[] } => {
    const builder = new Builder(input.unit.origins, input.unit.deref, input.entityOfFile, canonicalAt, overrides, input.inherited, input.int64);
    const entities = buildRoots(builder, input);
    if (builder.redirects.size > 0) renameDecls(builder.decls, entities, builder.redirects);
    return { builder, entities };
  };
  let { builder, entities } = build(new Map());
  for (let round = 0; ; round++) {
    const { names, collisions } = resolveTypeNames(builder.typeClaims, builder.inherited, builder.record);
    const moved = builder.typeClaims.filter((c) => !sameName(names.get(c.key)!, c.actual));
    // Nothing else is named after the types that move: rename them where they are.
    const named = namedAfter(builder.typeClaims);
    if (moved.length > 0 && !moved.some(named)) {
      renameDecls(builder.decls, entities, new Map(moved.map((c) => [c.actual.join("_"), names.get(c.key)!])));
      for (const c of moved) c.actual = names.get(c.key)!;
    }
    const settled = moved.length === 0 || !moved.some(named);
    if (settled || round === MAX_ROUNDS) {
      const actual = new Map(builder.typeClaims.map((c) => [c.key, c.actual]));
      const named = settled ? collisions : collisions.map((col) => ({ ...col, name: actual.get(col.renamed.key) ?? col.name }));
      builder.reportCollisions(named, { what: "types", display: pascalCase, pin: `pin names with "x-lockstep-name"` });
      return finish(builder, entities, input);
    }
    if (!renameAsRebuilt(builder, entities, names)) ({ builder, entities } = build(names));
  }
}

/**
 * Whether another claim's words start with a claim's name (and have more words): a type named
 * after it. The claims' word prefixes are indexed once, on the first question.
 */
function namedAfter(claims: readonly TypeClaim[]): (c: TypeClaim) => boolean {
  let prefixes: Map<string, TypeClaim[]> | undefined;
  return (c) => {
    if (prefixes === undefined) {
      prefixes = new Map();
      for (const d of claims) {
        // The first `length` words joined, for each length short of all of them.
        let joined = "";
        for (let length = 0; length < d.words.length; length++) {
          if (length > 0) joined = length === 1 ? d.words[0]! : `${joined}_${d.words[length - 1]!}`;
          const key = `${length}\u0000${joined}`;
          const list = prefixes.get(key);
          if (list === undefined) prefixes.set(key, [d]);
          else list.push(d);
        }
      }
    }
    return (prefixes.get(`${c.actual.length}\u0000${c.actual.join("_")}`) ?? []).some((d) => d !== c);
  };
}

/** Names spelled alike (word by word, else joined as a module spells ids). */
function sameName(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length === b.length && a.every((w, i) => w === b[i])) return true;
  return a.join("_") === b.join("_");
}

/** Rebuilds after which a module's type names are taken as they are (each round settles more). */
const MAX_ROUNDS = 6;

function buildRoots(builder: Builder, input: UnitInput): EntityRoot[] {
  const entities: EntityRoot[] = [];
  for (const unitRoot of input.unit.roots) {
    const version = unitRoot.version;
    let schema = unitRoot.schema;
    const at: SourceRef = { file: version.rel, pointer: "" };
    const name = toWords(version.entity, "type");
    schema = builder.deref(schema);
    const type = builder.typeOf(schema, name, at, { rootName: true });
    let root = type.kind === "ref" ? type.target : undefined;
    if (!root) {
      let declName = isSchemaObject(schema) ? builder.declName(schema, name, { rootName: true }) : name;
      // A root that also admits null (no `type`, or `type: [.., "null"]`): its declaration has the name.
      if (type.kind === "nullable" && type.inner.kind === "ref") {
        const own = declName.join("_");
        const same = type.inner.target === own;
        let inner = type.inner.target;
        builder.nameChecks.push((rename) => {
          inner = rename(inner);
          return (inner === own) === same;
        });
        if (same) declName = [...declName, "or", "null"];
      }
      const decl = builder.declare(isSchemaObject(schema) ? { alias: schema } : {}, {
        kind: "alias", id: declName.join("_"), name: declName, doc: isSchemaObject(schema) ? docOf(schema) : { constraints: [] }, source: at, type,
      }, at);
      root = decl.id;
    }
    entities.push({ entity: version.entity, version: version.version, file: version.rel, root });
  }
  return entities;
}

function finish(builder: Builder, entities: EntityRoot[], input: UnitInput): Module {
  const decls = [...builder.decls.values()];
  markIndirectRefs(decls);
  const hash = createHash("sha256");
  for (const { rel, canonical } of [...input.inputs].sort((a, b) => (a.rel < b.rel ? -1 : 1))) {
    hash.update(rel).update("\0").update(canonical()).update("\0");
  }
  return {
    path: input.path,
    entities,
    decls,
    inputsHash: hash.digest("hex"),
    inputs: input.inputs.map((i) => i.rel).sort(),
    warnings: builder.warnings,
    names: builder.record,
  };
}

