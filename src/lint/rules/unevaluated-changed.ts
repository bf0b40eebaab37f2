/** unevaluatedProperties / unevaluatedItems changed, compared as sets with the keywords that evaluate properties and items (allOf members merged in). */
import { keywordRule } from "../compare.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "unevaluated-changed",
    description: "An unevaluatedProperties or unevaluatedItems schema changed.",
    severity: "error",
    breaks: ["new-readers", "old-readers"],
    targets: { validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    keywordRule(pair, ctx, ["unevaluatedProperties", "unevaluatedItems"], ["type", "properties", "patternProperties", "additionalProperties", "prefixItems", "items", "additionalItems"]);
  },
});
