/**
 * A validation keyword got stricter: maxLength/maxItems/maximum lower, minLength/minItems/minimum
 * higher, pattern or format added or changed, multipleOf changed, uniqueItems added. Generated
 * readers do not enforce these, so the break is for JSON Schema validators of the new version.
 */
import { defineRule } from "../rule.js";
import { impact } from "../effects.js";
import { constraintChanges } from "../constraints.js";
import { canon } from "../values.js";

export default defineRule({
  meta: {
    id: "constraint-tightened",
    description: "A validation constraint became stricter (old data may be invalid under the new schema).",
    severity: "error",
    breaks: ["new-readers"],
    targets: { validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    for (const c of constraintChanges(pair.a, pair.b)) {
      if (c.direction !== "tightened") continue;
      const was = c.old === undefined ? "added" : `changed from ${canon(c.old)}`;
      ctx.report({
        at: `/${c.keyword}`,
        message: `${c.keyword} ${was} to ${canon(c.new)} in ${pair.new.label} (tighter)`,
        impacts: [impact("new-readers", ["validators"], `reject ${pair.old.label} data outside the new ${c.keyword} (generated readers do not check it)`)],
        subject: c.keyword,
      });
    }
  },
});
