/** if/then/else changed, compared as sets (same `if`: the branches pairwise). Generated readers do not check conditionals. */
import { keywordRule } from "../compare.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "conditional-changed",
    description: "An if/then/else conditional was added, removed or changed.",
    severity: "error",
    breaks: ["new-readers", "old-readers"],
    targets: { validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    keywordRule(pair, ctx, ["if", "then", "else"], ["type"]);
  },
});
