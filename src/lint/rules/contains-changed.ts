/** contains / minContains / maxContains changed, compared as sets. Generated readers do not check them. */
import { keywordRule } from "../compare.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "contains-changed",
    description: "The contains, minContains or maxContains of an array changed.",
    severity: "error",
    breaks: ["new-readers", "old-readers"],
    targets: { validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    keywordRule(pair, ctx, ["contains", "minContains", "maxContains"], ["type", "items", "prefixItems", "minItems"]);
  },
});
