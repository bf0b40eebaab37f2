/** dependencies / dependentRequired / dependentSchemas changed, compared as sets (with `required`, which can already guarantee a dependency). Generated readers do not check them. */
import { keywordRule } from "../compare.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "dependencies-changed",
    description: "A dependency between properties (dependencies, dependentRequired, dependentSchemas) was added, removed, widened or narrowed.",
    severity: "error",
    breaks: ["new-readers", "old-readers"],
    targets: { validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    keywordRule(pair, ctx, ["dependencies", "dependentRequired", "dependentSchemas"], ["type", "required", "properties", "patternProperties", "additionalProperties"]);
  },
});
