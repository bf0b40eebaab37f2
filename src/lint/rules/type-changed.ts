/** The type changed so that each side admits kinds the other rejects (string → integer). */
import { defineRule } from "../rule.js";
import { source } from "../effects.js";
import { kindDelta, kindsText, rejectKinds } from "../kinds.js";

export default defineRule({
  meta: {
    id: "type-changed",
    description: "A schema's type changed incompatibly in both directions (e.g. string → integer).",
    severity: "error",
    breaks: ["old-readers", "new-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire", "source"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const d = kindDelta(pair.a, pair.b);
    if (!d || d.removed.length === 0 || d.added.length === 0) return;
    ctx.report({
      at: "",
      message: `type changed from ${kindsText(pair.a)} to ${kindsText(pair.b)} in ${pair.new.label}`,
      impacts: [...rejectKinds("old-readers", pair.a, d.added), ...rejectKinds("new-readers", pair.b, d.removed), source("the generated type changes")],
      subject: "type",
    });
  },
});
