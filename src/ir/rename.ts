/**
 * Renames declarations of a built module in place, for when the module's type names were decided
 * after a build and no other type was named after the renamed ones (a rebuild would change
 * nothing else, so it is skipped).
 */
import type { Decl, EntityRoot, TypeExpr, Words } from "./types.js";

export function renameDecls(decls: Map<string, Decl>, entities: EntityRoot[], renames: ReadonlyMap<string, Words>): void {
  const id = (old: string): string => renames.get(old)?.join("_") ?? old;
  // A new expression only where something in it is renamed (most are not).
  const expr = (t: TypeExpr): TypeExpr => {
    switch (t.kind) {
      case "ref":
        return renames.has(t.target) ? { ...t, target: id(t.target) } : t;
      case "array": {
        const items = expr(t.items);
        return items === t.items ? t : { ...t, items };
      }
      case "map": {
        const values = expr(t.values);
        return values === t.values ? t : { ...t, values };
      }
      case "tuple": {
        const items = t.items.map(expr);
        return items.every((item, i) => item === t.items[i]) ? t : { ...t, items };
      }
      case "nullable": {
        const inner = expr(t.inner);
        return inner === t.inner ? t : { ...t, inner };
      }
      default:
        return t;
    }
  };
  const all = [...decls.values()];
  decls.clear();
  for (const d of all) {
    const name = renames.get(d.id);
    if (name) {
      d.name = name;
      d.id = name.join("_");
    }
    switch (d.kind) {
      case "object":
        for (const f of d.fields) f.type = expr(f.type);
        if (d.additional.kind === "typed") d.additional = { ...d.additional, type: expr(d.additional.type) };
        if (d.variantOf !== undefined) d.variantOf = id(d.variantOf);
        break;
      case "tagged-union":
        for (const v of d.variants) v.target = id(v.target);
        break;
      case "kind-union":
        // A variant that is a reference is named after its declaration.
        for (const v of d.variants) {
          if (v.type.kind === "ref" && renames.has(v.type.target) && v.name.join("_") === v.type.target) v.name = renames.get(v.type.target)!;
          v.type = expr(v.type);
        }
        break;
      case "alias":
        d.type = expr(d.type);
        break;
      case "enum":
        break;
    }
    decls.set(d.id, d);
  }
  for (const e of entities) e.root = id(e.root);
}
