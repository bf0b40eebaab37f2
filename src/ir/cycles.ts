/**
 * Marks the references that close a cycle of by-value containment (a struct that holds itself
 * through fields, options or union variants). Only these need a Box in Rust or a pointer in Go;
 * arrays and maps are already indirect.
 */
import type { Decl, TypeExpr } from "./types.js";
import { append } from "../arrays.js";

type RefExpr = Extract<TypeExpr, { kind: "ref" }>;

function byValueRefs(type: TypeExpr, out: RefExpr[]): void {
  switch (type.kind) {
    case "ref":
      out.push(type);
      break;
    case "nullable":
      byValueRefs(type.inner, out);
      break;
    case "tuple":
      type.items.forEach((t) => byValueRefs(t, out));
      break;
    default:
      break; // arrays, maps and scalars hold nothing by value
  }
}

function edgesOf(decl: Decl): { refs: RefExpr[]; targets: string[] } {
  const refs: RefExpr[] = [];
  const targets: string[] = [];
  switch (decl.kind) {
    case "object":
      decl.fields.forEach((f) => byValueRefs(f.type, refs));
      break;
    case "kind-union":
      decl.variants.forEach((v) => byValueRefs(v.type, refs));
      break;
    case "alias":
      byValueRefs(decl.type, refs);
      break;
    case "tagged-union":
      append(targets, decl.variants.map((v) => v.target));
      break;
    case "enum":
      break;
  }
  return { refs, targets: [...targets, ...refs.map((r) => r.target)] };
}

export function markIndirectRefs(decls: readonly Decl[]): void {
  const edges = new Map(decls.map((d) => [d.id, edgesOf(d)]));
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === to) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      append(stack, edges.get(id)?.targets ?? []);
    }
    return false;
  };
  for (const decl of decls) {
    for (const ref of edges.get(decl.id)!.refs) if (reaches(ref.target, decl.id)) ref.indirect = true;
  }
}
