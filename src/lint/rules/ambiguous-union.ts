/**
 * A union without a discriminator whose variants can match the same value: decoding would depend
 * on variant order (the IR types it as raw JSON), and for oneOf such values are invalid.
 */
import { defineRule } from "../rule.js";
import { viewOf } from "../walk.js";
import { accepts, type Kind } from "../view.js";

export default defineRule({
  meta: {
    id: "ambiguous-union",
    description: "An untagged union has variants that can match the same value (decoding would depend on order).",
    severity: "warning",
    breaks: ["old-readers", "new-readers"],
    targets: { rust: ["wire"], go: ["wire"], typescript: ["wire"], validators: ["wire"] },
    kind: "hazard",
  },
  version(v, ctx) {
    const r = v.side.resolver;
    for (const { node, origin } of v.nodes()) {
      if (!Array.isArray(node.oneOf) && !Array.isArray(node.anyOf)) continue;
      const view = viewOf(r, r.deref(node), origin);
      const u = view.union;
      if (!u) continue;
      const key = u.key;
      const report = (i: number, j: number, what: string) =>
        ctx.report({
          entity: v.entity, tree: v.side.tree, origin: { file: origin.file, pointer: `${origin.pointer}/${key}/${j}` }, to: v.side.version,
          message: `${key} variants #${i} and #${j} can both match ${what}: decoding would depend on variant order${key === "oneOf" ? " (and oneOf rejects values matching both)" : ""}; add a discriminator (a required property with a const value) or make their JSON kinds differ`,
          subject: `${i}/${j}`,
        });
      if (u.kind === "kinds") {
        if (u.variants.has("integer") && u.variants.has("number") && key === "oneOf") report(u.index.get("number")!, u.index.get("integer")!, "integral numbers");
        continue;
      }
      if (u.kind !== "other") continue;
      const kinds = u.branches.map((b) => {
        const bv = viewOf(r, r.deref(b), origin);
        return bv.wrapper !== undefined ? viewOf(r, r.deref(bv.wrapper), origin).kinds : bv.kinds;
      });
      let found = false;
      for (let j = 1; j < kinds.length && !found; j++) {
        for (let i = 0; i < j && !found; i++) {
          const shared = overlap(kinds[i], kinds[j]);
          if (shared) {
            report(u.index[i]!, u.index[j]!, shared === "any" ? "the same values" : `${shared} values`);
            found = true;
          }
        }
      }
    }
  },
});

function overlap(a: Set<Kind> | undefined, b: Set<Kind> | undefined): string | undefined {
  if (!a || !b) return "any";
  for (const k of a) if (accepts(b, k)) return k;
  for (const k of b) if (accepts(a, k)) return k;
  return undefined;
}
