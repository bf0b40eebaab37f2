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

/**
 * A reference closes a cycle when its target reaches back to the declaration holding it, that is
 * when both are in one strongly connected component (Tarjan's algorithm, iterative: one pass over
 * the graph however many references there are).
 */
export function markIndirectRefs(decls: readonly Decl[]): void {
  const edges = new Map(decls.map((d) => [d.id, edgesOf(d)]));
  const component = components(edges);
  for (const decl of decls) {
    for (const ref of edges.get(decl.id)!.refs) {
      const c = component.get(ref.target);
      if (c !== undefined && c === component.get(decl.id)) ref.indirect = true;
    }
  }
}

function components(edges: ReadonlyMap<string, { targets: string[] }>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let next = 0;
  let count = 0;
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ id: string; i: number }> = [{ id: start, i: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const targets = edges.get(top.id)!.targets;
      if (top.i < targets.length) {
        const t = targets[top.i++]!;
        if (!edges.has(t)) continue;
        if (!index.has(t)) {
          index.set(t, next);
          low.set(t, next++);
          stack.push(t);
          onStack.add(t);
          work.push({ id: t, i: 0 });
        } else if (onStack.has(t)) {
          low.set(top.id, Math.min(low.get(top.id)!, index.get(t)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(top.id)!));
      if (low.get(top.id) === index.get(top.id)) {
        let id: string;
        do {
          id = stack.pop()!;
          onStack.delete(id);
          component.set(id, count);
        } while (id !== top.id);
        count++;
      }
    }
  }
  return component;
}
