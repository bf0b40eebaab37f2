/** An entity's versions skip a number (v1, v3): lint reports it and compares the neighbours it has. */
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "version-gap",
    description: "An entity's version files skip a number (v1.json, v3.json without v2.json).",
    severity: "error",
    breaks: [],
    targets: {},
    kind: "history",
  },
  history(h, ctx) {
    for (const gap of h.tree.gaps) {
      if (!h.selected(gap.entity)) continue;
      const have = h.tree.entities.get(gap.entity)!.map((v) => `v${v.version}`).join(", ");
      const missing = gap.missing.map((n) => `v${n}.json`).join(", ");
      ctx.report({
        entity: gap.entity, tree: h.tree, origin: { file: gap.next.rel, pointer: "" }, to: gap.next.version,
        message: `version gap: ${gap.entity} has ${have} but no ${missing} (versions are numbered 1, 2, 3, ... without gaps); v${gap.next.version} is compared with the version before the gap`,
        subject: missing,
      });
    }
  },
});
