/** A new property that is required: old data does not have it. With a default it is allowed. */
import { pointerFrom } from "../../load/json-file.js";
import { defineRule } from "../rule.js";
import { missingRequired, q, source } from "../effects.js";

export default defineRule({
  meta: {
    id: "required-property-added",
    description: "A new required property without a default was added.",
    severity: "error",
    breaks: ["new-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const { added, undeclared } = pair.properties();
    for (const name of added) {
      if (!pair.b.required.has(name) || undeclared.some((r) => r.newName === name)) continue;
      const hasDefault = pair.defaultNew(name) !== undefined;
      ctx.report({
        at: pointerFrom(["properties", name]),
        oldAt: "",
        message: hasDefault
          ? `required property ${q(name)} added in ${pair.new.label} with a default (generated readers fill it in for ${pair.old.label} data)`
          : `required property ${q(name)} added in ${pair.new.label} without a default; give it a "default" or make it optional`,
        impacts: [...missingRequired("new-readers", name, hasDefault), source(`code building the type must set ${q(name)}`, ["rust", "typescript"])],
        subject: name,
        severity: hasDefault ? "info" : "error",
      });
    }
  },
});
