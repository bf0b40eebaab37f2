/** number → integer, or int64 → int32 (by format, or by bounds that now fit 32 bits). */
import { defineRule } from "../rule.js";
import { CODE, impact, source } from "../effects.js";
import { codeAcceptsAll } from "../kinds.js";

export default defineRule({
  meta: {
    id: "integer-narrowed",
    description: "A number became an integer, or a 64-bit integer became 32-bit.",
    severity: "error",
    breaks: ["new-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire", "source"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const { a, b } = pair;
    if (a.union && b.union) return;
    const ka = a.kinds;
    const kb = b.kinds;
    if (ka?.has("number") && kb?.has("integer") && !kb.has("number") && [...ka].every((k) => k === "number" || k === "integer" || kb.has(k))) {
      ctx.report({
        at: "",
        message: `number narrowed to integer in ${pair.new.label}`,
        impacts: [impact("new-readers", [...CODE, "validators"], "reject non-integral numbers"), source("f64/float64/number becomes an integer type")],
        subject: "int",
      });
      return;
    }
    if (a.intBits === 64 && b.intBits === 32 && !codeAcceptsAll(b)) {
      const byFormat = b.schema.format === "int32";
      ctx.report({
        at: byFormat ? "/format" : "",
        message: `integer narrowed from int64 to int32 in ${pair.new.label}${byFormat ? "" : " (its bounds now fit 32 bits)"}`,
        impacts: [
          impact("new-readers", CODE, "reject values outside the int32 range"),
          ...(byFormat ? [impact("new-readers", ["validators"], "reject values outside the int32 range (format int32)")] : []),
          source("i64 → i32, int64 → int32, bigint → number"),
        ],
        subject: "int",
      });
    }
  },
});
