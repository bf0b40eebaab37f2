/** The `not` keyword changed. Compared as sets: a new `not` that old data may match is tighter; generated readers do not check `not`. */
import { keywordRule } from "../compare.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "not-changed",
    description: "A `not` subschema was added, removed or changed, so the set of valid instances changed.",
    severity: "error",
    breaks: ["new-readers", "old-readers"],
    targets: { validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    keywordRule(pair, ctx, ["not"], ["type"]);
  },
});
