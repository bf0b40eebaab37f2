/**
 * A suppression lint cannot accept: no reason (a suppression must say why, for the reviewer), an
 * unknown rule id, or a malformed entry. The finding it meant to allow stays reported.
 */
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "suppression-invalid",
    description: "A suppression (x-lockstep-allow or config) without a reason, or naming an unknown rule.",
    severity: "error",
    breaks: [],
    targets: {},
    kind: "framework",
  },
});
