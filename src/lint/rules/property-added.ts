/**
 * A property added to an object. Safe for open objects (old readers keep it as an unknown
 * property), so only reported for closed or typed-additionalProperties objects, and in `diff`.
 */
import { pointerFrom } from "../../load/json-file.js";
import { defineRule } from "../rule.js";
import { q, undeclaredProperty } from "../effects.js";
import { governedValidators, plainOpen, undeclaredValidators } from "../compare.js";
import { accepts } from "../view.js";

export default defineRule({
  meta: {
    id: "property-added",
    description: "A property was added to an object whose old version is closed or types its additional properties.",
    severity: "off",
    breaks: ["old-readers"],
    targets: { rust: ["wire"], go: ["wire"], typescript: ["wire"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const { added, undeclared } = pair.properties();
    for (const name of added) {
      if (undeclared.some((r) => r.newName === name) || pair.b.required.has(name)) continue; // required: required-property-added
      let kind = pair.a.additional.kind;
      if (pair.a.additional.kind === "typed") {
        // Old readers decode it with their additionalProperties schema: fine if that admits it.
        const extra = pair.viewOld(pair.a.additional.schema, "/additionalProperties");
        const prop = pair.viewNew(pair.b.properties.get(name), pointerFrom(["properties", name]));
        if (extra.kinds && prop.kinds && [...prop.kinds].every((k) => accepts(extra.kinds, k)) && (!prop.nullable || extra.nullable)) kind = "open";
      }
      // Where the old schema governs the name (patterns, typed or unevaluated properties, a conditional), data of both versions may carry it.
      const validators = plainOpen(pair.a) ? governedValidators(pair, name, "backward") : [...undeclaredValidators(pair, name, name, "forward"), ...undeclaredValidators(pair, name, name, "backward")];
      if (kind === "open" && validators.length === 0 && ctx.quiet) continue;
      const impacts = [...undeclaredProperty("old-readers", name, kind).filter((i) => !i.targets.includes("validators")), ...validators];
      ctx.report({
        at: pointerFrom(["properties", name]),
        oldAt: "",
        message:
          kind === "open"
            ? `property ${q(name)} added in ${pair.new.label}${validators.length > 0 ? ` where ${pair.old.label} already governs it (${plainOpen(pair.a) ? "in a subschema" : "patternProperties or unevaluatedProperties"})` : ""}`
            : `property ${q(name)} added in ${pair.new.label} to an object that ${pair.old.label} ${kind === "closed" ? "closes (additionalProperties: false)" : "types additional properties of"}`,
        impacts,
        subject: name,
        severity: validators.some((i) => i.side === "new-readers" && !i.unproven) ? "error" : kind === "open" && validators.length === 0 ? "off" : "warning",
      });
    }
  },
});
