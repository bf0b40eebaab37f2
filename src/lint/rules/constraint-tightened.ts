/**
 * A validation keyword got stricter: maxLength/maxItems/maximum lower, minLength/minItems/minimum
 * higher, pattern or format added (or changed, when data tells the two apart), multipleOf changed,
 * uniqueItems added. Generated readers do not enforce these, so the break is for JSON Schema
 * validators of the new version. Two patterns or formats nothing tells apart are reported as
 * not-comparable ("cannot prove").
 */
import { defineRule } from "../rule.js";
import { impact } from "../effects.js";
import { pairConstraintChanges } from "../constraints.js";
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
    for (const c of pairConstraintChanges(pair)) {
      if (c.direction === "unproven") {
        const sides = c.side === "both" ? (["new-readers", "old-readers"] as const) : [c.side!];
        const which = c.side === "both" ? "either direction" : c.side === "new-readers" ? "that old data stays valid" : "that new data is valid for old validators";
        ctx.report({
          rule: "not-comparable", at: `/${c.keyword}`, subject: c.keyword, severity: "warning",
          message: `${c.keyword} changed from ${canon(c.old)} to ${canon(c.new)} in ${pair.new.label}: cannot prove ${which}: ${c.detail}`,
          impacts: sides.map((side) => ({ ...impact(side, ["validators"], `may reject ${side === "new-readers" ? pair.old.label : pair.new.label} data`), unproven: true })),
        });
        continue;
      }
      if (c.direction !== "tightened") continue;
      const was = c.old === undefined ? "added" : `changed from ${canon(c.old)}`;
      const data = c.detail ? `${pair.old.label} data ${c.detail}` : `${pair.old.label} data outside the new ${c.keyword}`;
      ctx.report({
        at: `/${c.keyword}`,
        message: `${c.keyword} ${was} to ${canon(c.new)} in ${pair.new.label} (tighter)`,
        impacts: [impact("new-readers", ["validators"], `reject ${data} (generated readers do not check it)`)],
        subject: c.keyword,
      });
    }
  },
});
