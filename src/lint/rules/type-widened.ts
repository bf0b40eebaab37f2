/**
 * The type admits more than before: new kinds (string → string | integer, integer → number) or a
 * wider integer (int32 → int64). Readers built from the old version reject the new values.
 */
import { defineRule } from "../rule.js";
import { ALL, impact, source } from "../effects.js";
import { codeAcceptsAll, kindDelta, kindsText, rejectKinds } from "../kinds.js";

export default defineRule({
  meta: {
    id: "type-widened",
    description: "A schema admits more kinds or a wider integer than before: old readers reject the new values.",
    severity: "error",
    breaks: ["old-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire", "source"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const { a, b } = pair;
    const d = kindDelta(a, b);
    if (d && d.added.length > 0 && d.removed.length === 0) {
      ctx.report({
        at: "",
        message: `type widened from ${kindsText(a)} to ${kindsText(b)} in ${pair.new.label}`,
        impacts: [...rejectKinds("old-readers", a, d.added), source("the generated type changes")],
        subject: "type",
      });
      return;
    }
    if (a.intBits === 32 && b.intBits === 64 && !codeAcceptsAll(a)) {
      ctx.report({
        at: b.schema.format !== undefined ? "/format" : "",
        message: `integer widened from int32 to int64 in ${pair.new.label}`,
        impacts: [
          impact("old-readers", ALL.filter((t) => t !== "validators"), "reject values outside the int32 range"),
          source("i32 → i64, int32 → int64, number → bigint"),
        ],
        subject: "int",
      });
    }
  },
});
