/**
 * allOf / anyOf / oneOf restructured: a combinator replaced by another (allOf → anyOf, oneOf →
 * anyOf), or branches added or removed from a union the generated types keep as raw JSON. The
 * whole node is compared as a set; a `$ref` replaced by its own content is no change at all.
 */
import { compareSchemas, reportSetChange } from "../compare.js";
import { defineRule } from "../rule.js";
import { isMade } from "../merge.js";
import { isObject } from "../resolver.js";
import { canon } from "../values.js";
import type { View } from "../view.js";

const KEYS = ["allOf", "anyOf", "oneOf"] as const;

function signature(v: View): string {
  // An allOf lint made of what several members say of one keyword (merge.ts) was not written as one.
  const node = isMade(v.node) ? {} : v.node;
  if (!isObject(node)) return "";
  return KEYS.map((k) => (Array.isArray(node[k]) ? `${k}:${node[k].length}` : "")).join("|");
}

/** Unions the variant rules compare (tagged or by kind) when the key stays the same. */
function variantsCompared(a: View, b: View): boolean {
  return a.union !== undefined && b.union !== undefined && a.union.key === b.union.key && (a.union.kind !== "other" || b.union.kind !== "other");
}

export default defineRule({
  meta: {
    id: "combinator-changed",
    description: "The allOf, anyOf or oneOf of a schema were restructured (one replaced by another, or branches of an untyped union added or removed).",
    severity: "error",
    breaks: ["new-readers", "old-readers"],
    targets: { validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const { a, b } = pair;
    const [sa, sb] = [signature(a), signature(b)];
    if (sa === sb) {
      // Same structure: only opaque (constraint-only) unions are not compared branch by branch elsewhere.
      const opaque = ["anyOf", "oneOf"].filter((k) => (a.opaque.has(k) || b.opaque.has(k)) && canon(a.opaque.get(k)) !== canon(b.opaque.get(k)));
      if (opaque.length === 0) return;
    } else if (variantsCompared(a, b) && sa.replace(/\d+/g, "") === sb.replace(/\d+/g, "")) return;
    const name = (s: string) => s.split("|").filter((x) => x !== "").map((x) => x.replace(/:(\d+)/, " of $1")).join(" + ") || "no combinator";
    const what = sa === sb ? `${name(sb)} changed` : `${name(sa)} became ${name(sb)}`;
    const key = KEYS.find((k) => isObject(b.node) && k in b.node);
    reportSetChange(pair, ctx, compareSchemas(pair, a.node, b.node), { what, at: key ? `/${key}` : "", subject: "combinator" });
  },
});
