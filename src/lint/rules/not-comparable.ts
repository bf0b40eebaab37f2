/**
 * A keyword lockstep does not model (not, if/then/else, patternProperties, ...) changed, or the old
 * side could not be read. Lockstep cannot tell which data the change accepts: review it by hand.
 */
import { defineRule } from "../rule.js";
import { impact } from "../effects.js";
import { canon } from "../values.js";

export default defineRule({
  meta: {
    id: "not-comparable",
    description: "A change lockstep cannot judge (a keyword the generated types do not model); review it by hand.",
    severity: "warning",
    breaks: ["old-readers", "new-readers"],
    targets: { validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const keys = new Set([...pair.a.opaque.keys(), ...pair.b.opaque.keys()]);
    for (const k of keys) {
      if (canon(pair.a.opaque.get(k)) === canon(pair.b.opaque.get(k))) continue;
      const how = !pair.a.opaque.has(k) ? "added" : !pair.b.opaque.has(k) ? "removed" : "changed";
      ctx.report({
        at: `/${k}`,
        message: `${k} ${how} in ${pair.new.label}; lockstep cannot tell which data this accepts (the generated types do not model ${k}): review by hand`,
        impacts: [impact("old-readers", ["validators"], "may reject new data"), impact("new-readers", ["validators"], "may reject old data")],
        subject: k,
      });
    }
  },
});
