/** The type admits fewer kinds than before (string | integer → string; any → object). */
import { defineRule } from "../rule.js";
import { source } from "../effects.js";
import { kindDelta, kindsText, rejectKinds } from "../kinds.js";

export default defineRule({
  meta: {
    id: "type-narrowed",
    description: "A schema admits fewer JSON kinds than before: old data may be rejected.",
    severity: "error",
    breaks: ["new-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire", "source"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const d = kindDelta(pair.a, pair.b);
    if (!d || d.removed.length === 0 || d.added.length > 0) return;
    // number → integer is integer-narrowed's.
    if (d.removed.length === 1 && d.removed[0] === "number" && pair.b.kinds?.has("integer")) return;
    ctx.report({
      at: "",
      message: `type narrowed from ${kindsText(pair.a)} to ${kindsText(pair.b)} in ${pair.new.label}`,
      impacts: [...rejectKinds("new-readers", pair.b, d.removed), source("the generated type changes")],
      subject: "type",
    });
  },
});
