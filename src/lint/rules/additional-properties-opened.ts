/** A closed object now allows undeclared properties: old readers drop them, old validators reject them. */
import { defineRule } from "../rule.js";
import { CODE, impact, source } from "../effects.js";

export default defineRule({
  meta: {
    id: "additional-properties-opened",
    description: "A closed object (additionalProperties: false) now allows undeclared properties.",
    severity: "warning",
    breaks: ["old-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire"], typescript: ["wire"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    // unevaluatedProperties: false with nothing else to evaluate closes the object just the same.
    if (pair.b.schema.unevaluatedProperties === false && !("additionalProperties" in pair.b.schema)) return;
    if (pair.a.additional.kind !== "closed" || pair.b.additional.kind === "closed") return;
    ctx.report({
      at: pair.b.additional.kind === "typed" ? "/additionalProperties" : "",
      oldAt: "/additionalProperties",
      message: `object opened to undeclared properties in ${pair.new.label}`,
      impacts: [
        impact("old-readers", CODE, "drop undeclared properties (a rewrite loses them)", false),
        impact("old-readers", ["validators"], "reject undeclared properties"),
        source("a field for unknown properties is added (Rust struct literals must set it)", ["rust"]),
      ],
      subject: "additionalProperties",
    });
  },
});
