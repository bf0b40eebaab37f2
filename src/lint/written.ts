/**
 * Where a pointer read through merged allOfs is written. Rules see a node with its allOf members
 * merged (merge.ts), so a finding's pointer may name a keyword the node only has through a member
 * (`/items/maxLength` of `allOf: [{items}, {items: {maxLength}}]`), or a node the merge built of
 * several members. Each such step is taken into the member merge.ts says holds the value: the one
 * whose value won (the tightest bound), the first member giving it otherwise. Steps the file has as
 * written (`/allOf/1`, `$defs`) are taken as written; a step neither names ends the walk there: the
 * location names the missing keyword (or map entry) under the last node the file has.
 */
import { pointerFrom, pointerSegments } from "../load/json-file.js";
import type { Origin } from "../load/resolve.js";
import { isMade, mergeForLint } from "./merge.js";
import { isObject, isUnresolved, type Resolver } from "./resolver.js";
import { canon } from "./values.js";

export function writtenAt(resolver: Resolver, origin: Origin, at: string): Origin {
  const segs = pointerSegments(origin.pointer + at);
  let node: unknown = resolver.doc(origin.file);
  let place: Origin = { file: origin.file, pointer: "" };
  let i = 0;
  const deref = (x: unknown) => resolver.deref(x);
  const below = (o: Origin, ...s: string[]): Origin => ({ file: o.file, pointer: o.pointer + pointerFrom(s) });
  for (let steps = 0; i < segs.length && isObject(node) && steps < 4 * segs.length + 64; steps++) {
    const seg = segs[i]!;
    const target = Object.hasOwn(node, seg) ? node : deref(node);
    if (target !== node) {
      // a $ref (with keywords beside it, an allOf of the target and them) read as its target
      const o = resolver.originOf(target);
      if (!isObject(target) || isUnresolved(target) || !o) break;
      [node, place] = [target, o];
      continue;
    }
    if (Array.isArray(node.allOf) && seg !== "allOf") {
      // Members' origins (a node the merge built has none of its own: its members are registered where written).
      if (!isMade(node)) resolver.registerChildren(node, resolver.originOf(node) ?? place);
      else for (const m of node.allOf) {
        const t = deref(m);
        const o = resolver.originOf(t);
        if (isObject(t) && !isUnresolved(t) && o) resolver.registerChildren(t, o);
      }
      const merged = mergeForLint(node, deref);
      const from = merged.from();
      const two = i + 1 < segs.length ? pointerFrom([seg, segs[i + 1]!]) : undefined;
      const key = two !== undefined && from.has(two) ? two : from.has(pointerFrom([seg])) ? pointerFrom([seg]) : undefined;
      const first = key === undefined ? undefined : from.get(key)![0]!;
      const at = first === undefined || first === node ? undefined : resolver.originOf(first);
      if (key !== undefined && first !== undefined && at !== undefined) {
        const n = key === two ? 2 : 1;
        const value = n === 2 ? (merged.schema[seg] as Record<string, unknown> | undefined)?.[segs[i + 1]!] : merged.schema[seg];
        if (isMade(value) && i + n < segs.length) {
          // Several members' values read as one: the walk goes on in the node the merge built,
          // placed (should it end there) at the first member's value.
          [node, place] = [value, below(at, ...segs.slice(i, i + n))];
          i += n;
          continue;
        }
        // An index into merged values: the same value's index in the member's list.
        if (seg === "enum" && n === 1 && i + 1 < segs.length && Array.isArray(merged.schema.enum) && Array.isArray(first.enum)) {
          const v = merged.schema.enum[Number(segs[i + 1])];
          const j = first.enum.findIndex((w) => canon(w) === canon(v));
          if (j >= 0) segs[i + 1] = String(j);
        }
        [node, place] = [first, at]; // the member holds the step as written
        continue;
      }
    }
    if (!Object.hasOwn(node, seg)) break;
    node = node[seg];
    place = below(place, seg);
    i++;
    // arrays (allOf, enum, prefixItems) are stepped through as written
    while (i < segs.length && Array.isArray(node) && Object.hasOwn(node, segs[i]!)) {
      node = (node as unknown[])[Number(segs[i])];
      place = below(place, segs[i]!);
      i++;
    }
  }
  // What the file lacks is named by its first step (the keyword, or the map entry, one side does
  // not have): deeper steps would be inside a node not written at all (items read as `true`).
  const rest = segs.slice(i, i + (ENTRIES.has(segs[i]!) ? 2 : 1));
  return { file: place.file, pointer: place.pointer + pointerFrom(rest) };
}

const ENTRIES = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependentRequired"]);
