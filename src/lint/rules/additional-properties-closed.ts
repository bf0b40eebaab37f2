/**
 * An open object was closed (additionalProperties: false). Readers built from the new version drop
 * the unknown properties that old readers kept and wrote back; validators reject them.
 */
import { defineRule } from "../rule.js";
import { CODE, impact, source } from "../effects.js";

export default defineRule({
  meta: {
    id: "additional-properties-closed",
    description: "An object that allowed undeclared properties became closed (additionalProperties: false).",
    severity: "error",
    breaks: ["new-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire", "source"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    // unevaluatedProperties: false with nothing else to evaluate closes the object just the same.
    if (pair.a.schema.unevaluatedProperties === false && !("additionalProperties" in pair.a.schema)) return;
    if (pair.b.additional.kind !== "closed" || pair.a.additional.kind === "closed") return;
    if (pair.a.kinds && !pair.a.kinds.has("object")) return;
    ctx.report({
      at: "/additionalProperties",
      message: `object closed with additionalProperties: false in ${pair.new.label}`,
      impacts: [
        impact("new-readers", CODE, "drop undeclared properties (a rewrite loses them)", false),
        impact("new-readers", ["validators"], "reject undeclared properties"),
        source("the field holding unknown properties disappears"),
      ],
      subject: "additionalProperties",
    });
  },
});
