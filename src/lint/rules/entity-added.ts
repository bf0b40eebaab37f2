/** A new entity compared with the --against revision: always compatible; listed by `lockstep diff`. */
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "entity-added",
    description: "An entity was added (compatible).",
    severity: "off",
    breaks: [],
    targets: {},
    kind: "history",
  },
  history(h, ctx) {
    if (!h.before) return;
    for (const [entity, versions] of h.tree.entities) {
      if (h.before.entities.has(entity) || !h.selected(entity)) continue;
      ctx.report({ entity, tree: h.tree, origin: { file: versions[0]!.rel, pointer: "" }, message: `entity ${JSON.stringify(entity)} added`, subject: entity });
    }
  },
});
