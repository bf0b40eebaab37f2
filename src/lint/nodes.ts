/** Every schema object reachable from an entity version file (following $ref), once each. */
import { pointerFrom } from "../load/json-file.js";
import type { Origin } from "../load/resolve.js";
import { LISTS, MAPS, SINGLE, isObject, isUnresolved, type Resolver, type Schema } from "./resolver.js";

export function schemaNodes(resolver: Resolver, rel: string): Array<{ node: Schema; origin: Origin }> {
  const out: Array<{ node: Schema; origin: Origin }> = [];
  const seen = new Set<object>();
  const visit = (node: unknown, origin: Origin): void => {
    if (!isObject(node) || seen.has(node) || isUnresolved(node)) return;
    seen.add(node);
    const at = resolver.originOf(node) ?? origin;
    out.push({ node, origin: at });
    const below = (...segs: Array<string | number>): Origin => ({ file: at.file, pointer: at.pointer + pointerFrom(segs) });
    if (typeof node.$ref === "string") {
      const target = follow(resolver, node, at);
      const to = resolver.originOf(target);
      if (to) visit(target, to);
    }
    for (const k of SINGLE) visit(node[k], below(k));
    for (const k of MAPS) {
      const m = node[k];
      if (isObject(m)) for (const name of Object.keys(m)) visit(m[name], below(k, name));
    }
    for (const k of LISTS) {
      const l = node[k];
      if (Array.isArray(l)) l.forEach((x, i) => visit(x, below(k, i)));
    }
  };
  visit(resolver.doc(rel), { file: rel, pointer: "" });
  return out;
}

/** The node a $ref points at (without the allOf merge of sibling keywords). */
function follow(resolver: Resolver, node: Schema, origin: Origin): unknown {
  const bare = { $ref: node.$ref };
  resolver.origins.set(bare, origin);
  return resolver.deref(bare);
}
