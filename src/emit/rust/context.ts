/** Facts about one module that several declarations need: names, Rust types, null and deprecation. */
import type { Decl, Module, TypeExpr } from "../../ir/types.js";
import { widthName } from "../../ir/integers.js";
import { typeName } from "./naming.js";

export class ModuleContext {
  readonly decls = new Map<string, Decl>();
  /** Aliases whose type refers back to themselves: emitted as transparent newtypes. */
  readonly recursiveAliases = new Set<string>();
  /** Set when a rendered type used `BTreeMap` (so the file imports it). */
  usesBTreeMap = false;

  constructor(readonly module: Module, readonly runtime: string) {
    for (const decl of module.decls) this.decls.set(decl.id, decl);
    for (const decl of module.decls) {
      if (decl.kind === "alias" && this.aliasReaches(decl.type, decl.id, new Set())) this.recursiveAliases.add(decl.id);
    }
  }

  decl(id: string): Decl {
    const decl = this.decls.get(id);
    if (!decl) throw new Error(`module ${this.module.path.join("/") || "(root)"} has no declaration ${id}`);
    return decl;
  }

  private readonly names = new Map<string, string>();

  /** The Rust name of a declaration. */
  name(id: string): string {
    let name = this.names.get(id);
    if (name === undefined) {
      name = typeName(this.decl(id).name);
      this.names.set(id, name);
    }
    return name;
  }

  /** Path of a runtime helper, usable from any module. */
  helper(name: string): string {
    return `crate::${this.runtime}::${name}`;
  }

  /** The Rust type for a type expression. */
  rust(type: TypeExpr): string {
    switch (type.kind) {
      case "string":
        return "String";
      case "integer":
        return type.policy === "string" ? this.helper("Int64AsString") : widthName(type);
      case "number":
        return "f64";
      case "boolean":
        return "bool";
      case "raw":
        return "serde_json::Value";
      case "array":
        return `Vec<${this.rust(type.items)}>`;
      case "map":
        this.usesBTreeMap = true;
        return `BTreeMap<String, ${this.rust(type.values)}>`;
      case "tuple":
        // `()` would be JSON null; an empty array type keeps `[]`.
        if (type.items.length === 0) return "[serde_json::Value; 0]";
        return type.items.length === 1 ? `(${this.rust(type.items[0]!)},)` : `(${type.items.map((t) => this.rust(t)).join(", ")})`;
      case "nullable":
        return `Option<${this.rust(type.inner)}>`;
      case "ref":
        return type.indirect ? `Box<${this.name(type.target)}>` : this.name(type.target);
    }
  }

  /** True when JSON null is a value of the type (so an optional field needs `present`). */
  acceptsNull(type: TypeExpr, seen?: Set<string>): boolean {
    if (type.kind === "nullable" || type.kind === "raw") return true;
    if (type.kind !== "ref" || seen?.has(type.target)) return false;
    const decl = this.decl(type.target);
    if (decl.kind !== "alias") return false;
    return this.acceptsNull(decl.type, (seen ?? new Set()).add(type.target));
  }

  /** True when the type names a deprecated declaration (so the item using it needs `allow(deprecated)`). */
  mentionsDeprecated(type: TypeExpr): boolean {
    switch (type.kind) {
      case "array":
        return this.mentionsDeprecated(type.items);
      case "map":
        return this.mentionsDeprecated(type.values);
      case "tuple":
        return type.items.some((t) => this.mentionsDeprecated(t));
      case "nullable":
        return this.mentionsDeprecated(type.inner);
      case "ref":
        return this.decl(type.target).doc.deprecated === true;
      default:
        return false;
    }
  }

  /** The type with aliases (not recursive ones) looked through, for picking default literals. */
  resolve(type: TypeExpr): TypeExpr {
    let current = type;
    const seen = new Set<string>();
    while (current.kind === "ref" && !seen.has(current.target)) {
      seen.add(current.target);
      const decl = this.decl(current.target);
      if (decl.kind !== "alias" || this.recursiveAliases.has(decl.id)) break;
      current = decl.type;
    }
    return current;
  }

  /** Does `type` reach alias `target` through aliases and type constructors (a recursive type alias)? */
  private aliasReaches(type: TypeExpr, target: string, seen: Set<string>): boolean {
    switch (type.kind) {
      case "array":
        return this.aliasReaches(type.items, target, seen);
      case "map":
        return this.aliasReaches(type.values, target, seen);
      case "tuple":
        return type.items.some((t) => this.aliasReaches(t, target, seen));
      case "nullable":
        return this.aliasReaches(type.inner, target, seen);
      case "ref": {
        if (type.target === target) return true;
        if (seen.has(type.target)) return false;
        seen.add(type.target);
        const decl = this.decls.get(type.target);
        return decl?.kind === "alias" && this.aliasReaches(decl.type, target, seen);
      }
      default:
        return false;
    }
  }
}
