/** A property of an object is gone in the new version (and is not a rename). */
import { pointerFrom } from "../../load/json-file.js";
import { defineRule } from "../rule.js";
import { CODE, missingRequired, q, source, undeclaredProperty } from "../effects.js";
import { governedValidators, plainOpen, undeclaredValidators } from "../compare.js";

export default defineRule({
  meta: {
    id: "property-removed",
    description: "A property was removed from an object.",
    severity: "error",
    breaks: ["old-readers", "new-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire", "source"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const { removed, undeclared } = pair.properties();
    for (const name of removed) {
      if (undeclared.some((r) => r.oldName === name)) continue; // reported as property-renamed
      const required = pair.a.required.has(name);
      const backward = undeclaredValidators(pair, name, name, "backward");
      const impacts = [
        ...(required ? missingRequired("old-readers", name, pair.defaultOld(name) !== undefined) : []),
        ...(pair.b.additional.kind === "typed" && backward.length === 0 ? [] : undeclaredProperty("new-readers", name, pair.b.additional.kind).filter((i) => !i.targets.includes("validators"))),
        ...backward,
        // Where the new schema governs the name, new data may carry it and old validators judge it.
        ...(plainOpen(pair.b) ? governedValidators(pair, name, "forward") : undeclaredValidators(pair, name, name, "forward")),
        source(`the field for ${q(name)} disappears`, CODE),
      ];
      ctx.report({
        at: pointerFrom(["properties", name]),
        message: `property ${q(name)} removed in ${pair.new.label}${required ? ` (required in ${pair.old.label})` : ""}`,
        impacts,
        subject: name,
      });
    }
  },
});
