/** An optional property became required. */
import { pointerFrom } from "../../load/json-file.js";
import { defineRule } from "../rule.js";
import { alwaysHas } from "../compare.js";
import { CODE, missingRequired, q, source } from "../effects.js";

export default defineRule({
  meta: {
    id: "property-became-required",
    description: "An existing optional property became required.",
    severity: "error",
    breaks: ["new-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire", "source"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    for (const { oldName, newName } of pair.properties().both) {
      if (pair.a.required.has(oldName) || !pair.b.required.has(newName)) continue;
      const hasDefault = pair.defaultNew(newName) !== undefined;
      // Required before under every condition (if/then/else, allOf, oneOf): old data always has it.
      const always = alwaysHas(pair, "old", oldName);
      ctx.report({
        at: pointerFrom(["required"]),
        oldAt: pointerFrom(["properties", oldName]),
        message: `property ${q(newName)} became required in ${pair.new.label}${hasDefault ? " (with a default)" : ""}${always ? ` (${pair.old.label} data always has it: its conditions required it in every case)` : ""}`,
        impacts: [...(always ? [] : missingRequired("new-readers", newName, hasDefault)), source(`the field ${q(newName)} is no longer optional (Option/pointer/?)`, CODE)],
        subject: newName,
        severity: hasDefault || always ? "warning" : "error",
      });
    }
  },
});
