/** patternProperties changed. Compared as sets together with `properties` and `additionalProperties`, which decide the names a pattern governs (a partially open object). Generated readers keep matching properties as unknown ones. */
import { keywordRule } from "../compare.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "pattern-properties-changed",
    description: "The patternProperties of an object changed, so undeclared properties matching them are judged differently.",
    severity: "error",
    breaks: ["new-readers", "old-readers"],
    targets: { validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    keywordRule(pair, ctx, ["patternProperties"], ["type", "properties", "additionalProperties"]);
  },
});
