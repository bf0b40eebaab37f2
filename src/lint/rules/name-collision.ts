/**
 * Two names that become the same identifier after case conversion in some target (firstName and
 * first_name are both first_name in Rust): `lockstep generate` tells them apart with a suffix
 * (src/ir/disambiguate.ts) and warns; this reports the same places, from the IR's warnings.
 */
import { defineRule } from "../rule.js";
import { source } from "../effects.js";

export default defineRule({
  meta: {
    id: "name-collision",
    description: "Two names collide after case conversion in some target; one gets a suffix in the generated code.",
    severity: "warning",
    breaks: ["source"],
    targets: { rust: ["source"], go: ["source"], typescript: ["source"] },
    kind: "hazard",
  },
  version(v, ctx) {
    const module = v.module();
    if (!module) return;
    const files = new Set(v.nodes().map((n) => n.origin.file));
    for (const w of module.warnings) {
      if (w.code !== "name-collision" || !files.has(w.file)) continue;
      ctx.report({
        entity: v.entity, tree: v.side.tree, origin: { file: w.file, pointer: w.pointer }, to: v.side.version, message: w.message,
        impacts: [source("the generated name carries a suffix (`lockstep generate --strict-names` refuses it)")],
        subject: `${w.file}#${w.pointer}`,
      });
    }
  },
});
