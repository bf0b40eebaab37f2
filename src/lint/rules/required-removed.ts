/**
 * A required property became optional. New writers may omit it, and readers built from the old
 * version reject the absence (Rust, Go and TypeScript alike) unless the old schema had a default.
 */
import { pointerFrom } from "../../load/json-file.js";
import { defineRule } from "../rule.js";
import { CODE, missingRequired, q, source } from "../effects.js";

export default defineRule({
  meta: {
    id: "required-removed",
    description: "A required property became optional.",
    severity: "error",
    breaks: ["old-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire", "source"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    for (const { oldName, newName } of pair.properties().both) {
      if (!pair.a.required.has(oldName) || pair.b.required.has(newName)) continue;
      ctx.report({
        at: pointerFrom(["properties", newName]),
        oldAt: pointerFrom(["required"]),
        message: `property ${q(newName)} is no longer required in ${pair.new.label}`,
        impacts: [...missingRequired("old-readers", oldName, pair.defaultOld(oldName) !== undefined), source(`the field ${q(newName)} becomes optional (Option<T>, *T, ${newName}?)`, CODE)],
        subject: newName,
      });
    }
  },
});
