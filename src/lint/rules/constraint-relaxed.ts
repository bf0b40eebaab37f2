/**
 * A validation keyword got looser. Every generated reader accepts the wider data (constraints are
 * not enforced), so the additive policy allows it; validators of the old version reject it.
 */
import { defineRule } from "../rule.js";
import { impact } from "../effects.js";
import { pairConstraintChanges } from "../constraints.js";
import { canon } from "../values.js";

export default defineRule({
  meta: {
    id: "constraint-relaxed",
    description: "A validation constraint became looser (old validators may reject new data).",
    severity: "off",
    breaks: ["old-readers"],
    targets: { validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    for (const c of pairConstraintChanges(pair)) {
      if (c.direction !== "relaxed") continue;
      ctx.report({
        at: `/${c.keyword}`,
        message: c.new === undefined ? `${c.keyword} ${canon(c.old)} removed in ${pair.new.label} (looser)` : `${c.keyword} changed from ${canon(c.old)} to ${canon(c.new)} in ${pair.new.label} (looser)`,
        impacts: [impact("old-readers", ["validators"], `reject ${pair.new.label} data ${c.detail ?? `outside the old ${c.keyword}`}`)],
        subject: c.keyword,
      });
    }
  },
});
