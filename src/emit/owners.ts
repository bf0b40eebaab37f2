/**
 * Which generated file a declaration goes in: the Go and Rust emitters give every entity of a
 * module its own file, so a project of hundreds of entities is hundreds of readable files, not
 * one. A declaration written in an entity's own schema file belongs to that entity; one from a
 * shared file belongs to the single entity that reaches it, or to the shared file when several
 * (or none) do. Only the layout depends on this: names and public paths do not.
 */
import type { Decl, Module, TypeExpr } from "../ir/types.js";

/** Owner of each declaration: an entity name (as in `EntityRoot.entity`), or undefined for shared. */
export type Owners = Map<string, string | undefined>;

function typeRefs(type: TypeExpr, out: string[]): void {
  switch (type.kind) {
    case "ref":
      out.push(type.target);
      break;
    case "array":
      typeRefs(type.items, out);
      break;
    case "map":
      typeRefs(type.values, out);
      break;
    case "nullable":
      typeRefs(type.inner, out);
      break;
    case "tuple":
      for (const t of type.items) typeRefs(t, out);
      break;
    default:
      break;
  }
}

/** Ids of the declarations `decl` names (fields, variants, extra-property types, aliased type). */
export function declRefs(decl: Decl): string[] {
  const out: string[] = [];
  switch (decl.kind) {
    case "object":
      for (const f of decl.fields) typeRefs(f.type, out);
      if (decl.additional.kind === "typed") typeRefs(decl.additional.type, out);
      break;
    case "tagged-union":
      for (const v of decl.variants) out.push(v.target);
      break;
    case "kind-union":
      for (const v of decl.variants) typeRefs(v.type, out);
      break;
    case "alias":
      typeRefs(decl.type, out);
      break;
    case "enum":
      break;
  }
  return out;
}

/** The owner of every declaration of a module (see the file comment). */
export function declOwners(module: Module): Owners {
  const byFile = new Map(module.entities.map((e) => [e.file, e.entity]));
  const decls = new Map(module.decls.map((d) => [d.id, d]));
  // The first entity that reaches each declaration from its root, and those a second one reaches.
  // What a declaration reached by two entities reaches is reached by both: not walked again.
  const first = new Map<string, string>();
  const several = new Set<string>();
  const walkedBy = new Map<string, number>();
  module.entities.forEach((e, walk) => {
    const stack = [e.root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      const decl = decls.get(id);
      if (decl === undefined || walkedBy.get(id) === walk) continue;
      walkedBy.set(id, walk);
      const reached = first.get(id);
      if (reached === undefined) first.set(id, e.entity);
      else if (reached !== e.entity) {
        if (several.has(id)) continue;
        several.add(id);
      }
      for (const next of declRefs(decl)) if (walkedBy.get(next) !== walk) stack.push(next);
    }
  });
  const owners: Owners = new Map();
  for (const d of module.decls) {
    const own = byFile.get(d.source.file);
    owners.set(d.id, own ?? (several.has(d.id) ? undefined : first.get(d.id)));
  }
  return owners;
}

/**
 * The declarations of a module grouped by owner, in module order: entities in the order of
 * `module.entities` (each listed once), then the shared group (key undefined) when not empty.
 */
export function groupByOwner(module: Module, owners: Owners = declOwners(module)): Array<{ entity: string | undefined; decls: Decl[] }> {
  const groups = new Map<string | undefined, Decl[]>();
  for (const e of module.entities) if (!groups.has(e.entity)) groups.set(e.entity, []);
  const shared: Decl[] = [];
  for (const d of module.decls) {
    const owner = owners.get(d.id);
    (owner === undefined ? shared : groups.get(owner)!).push(d);
  }
  const out = [...groups].filter(([, ds]) => ds.length > 0).map(([entity, decls]) => ({ entity, decls }));
  if (shared.length > 0) out.push({ entity: undefined, decls: shared });
  return out;
}
