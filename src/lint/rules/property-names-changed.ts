/** propertyNames changed: every property name of old data must satisfy the new schema (backward), and the reverse (forward). */
import { keywordRule } from "../compare.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "property-names-changed",
    description: "The propertyNames schema of an object changed.",
    severity: "error",
    breaks: ["new-readers", "old-readers"],
    targets: { validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    keywordRule(pair, ctx, ["propertyNames"], ["type", "properties", "patternProperties", "additionalProperties"]);
  },
});
