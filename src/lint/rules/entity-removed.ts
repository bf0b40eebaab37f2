/** An entity that was released (in the lock file) or exists at the --against revision is gone. */
import { defineRule } from "../rule.js";
import { source } from "../effects.js";
import { LOCK_FILE } from "../lock.js";
import { maxOf } from "../../arrays.js";

export default defineRule({
  meta: {
    id: "entity-removed",
    description: "An entity was removed (its directory is gone).",
    severity: "error",
    breaks: ["source"],
    targets: { rust: ["source"], go: ["source"], typescript: ["source"] },
    kind: "history",
  },
  history(h, ctx) {
    const reported = new Set<string>();
    for (const [entity, versions] of h.before?.entities ?? []) {
      if (h.tree.entities.has(entity)) continue;
      const last = versions[versions.length - 1]!;
      reported.add(entity);
      ctx.report({
        entity, tree: h.before!, origin: { file: last.rel, pointer: "" }, from: last.version,
        message: `entity ${JSON.stringify(entity)} removed (it exists at ${h.before!.label}); services built from it lose their types`,
        impacts: [source(`the generated module for ${entity} disappears`)],
        subject: entity,
      });
    }
    for (const [entity, versions] of h.lock?.entities ?? []) {
      if (h.tree.entities.has(entity) || reported.has(entity)) continue;
      ctx.report({
        entity, tree: h.tree, origin: { file: LOCK_FILE, pointer: `/entities/${entity}` }, from: maxOf(versions.keys()),
        message: `entity ${JSON.stringify(entity)} was released (${LOCK_FILE}) but its directory is gone`,
        impacts: [source(`the generated module for ${entity} disappears`)],
        subject: entity,
      });
    }
  },
});
