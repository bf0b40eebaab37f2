/** A suppression that matched no finding: the change it allowed is gone, or it sits on the wrong node. */
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "suppression-unused",
    description: "A suppression matched no finding (stale, or on the wrong node).",
    severity: "warning",
    breaks: [],
    targets: {},
    kind: "framework",
  },
});
