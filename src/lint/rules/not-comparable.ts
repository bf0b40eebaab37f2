/**
 * A change lockstep can neither prove compatible nor show breaking ("cannot prove"): two different
 * patterns or formats, a `$dynamicRef` (resolved through the dynamic scope, which lockstep does not
 * follow), or an old side that could not be read. Other rules report their undecided cases under
 * this id, with the reason. A warning; with --strict it fails the mode.
 */
import { defineRule } from "../rule.js";
import { impact } from "../effects.js";
import { canon } from "../values.js";

const DYNAMIC = ["$dynamicRef", "$recursiveRef"];

export default defineRule({
  meta: {
    id: "not-comparable",
    description: "A change lockstep can neither prove compatible nor show breaking; the message says why.",
    severity: "warning",
    breaks: ["old-readers", "new-readers"],
    targets: { validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    for (const k of DYNAMIC) {
      if (canon(pair.a.opaque.get(k)) === canon(pair.b.opaque.get(k))) continue;
      const how = !pair.a.opaque.has(k) ? "added" : !pair.b.opaque.has(k) ? "removed" : "changed";
      ctx.report({
        at: `/${k}`,
        message: `${k} ${how} in ${pair.new.label}: cannot prove either direction: ${k} resolves through the dynamic scope of the instance's evaluation, which lockstep does not follow`,
        impacts: [{ ...impact("old-readers", ["validators"], "may reject new data"), unproven: true }, { ...impact("new-readers", ["validators"], "may reject old data"), unproven: true }],
        subject: k,
      });
    }
  },
});
