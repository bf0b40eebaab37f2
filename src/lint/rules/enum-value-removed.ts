/**
 * An enum (or const) value is no longer allowed, or a value became restricted to an enum.
 * Generated readers keep unknown enum values (open enums), so only validators reject old data;
 * the generated constant disappears, which breaks code that names it.
 */
import { defineRule } from "../rule.js";
import { CODE, impact, source } from "../effects.js";
import { canon, valuesKey } from "../values.js";

export default defineRule({
  meta: {
    id: "enum-value-removed",
    description: "An enum value was removed (or an enum restriction was added).",
    severity: "error",
    breaks: ["new-readers", "source"],
    targets: { rust: ["source"], go: ["source"], typescript: ["source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const { a, b } = pair;
    const key = valuesKey(b.schema);
    if (b.values === undefined) return;
    if (a.values === undefined) {
      if (a.kinds !== undefined && b.kinds !== undefined && ![...a.kinds].every((k) => b.kinds!.has(k))) return; // a type change
      ctx.report({
        at: `/${key}`,
        message: `values restricted to ${b.values.map((v) => canon(v)).join(", ")} in ${pair.new.label}`,
        impacts: [impact("new-readers", ["validators"], "reject other values"), ...(b.openEnum ? [source("a string becomes an enum type")] : [])],
        subject: "*",
      });
      return;
    }
    const kept = new Set(b.values.map(canon));
    a.values.forEach((v, i) => {
      if (kept.has(canon(v))) return;
      ctx.report({
        at: `/${key}`,
        oldAt: `/${valuesKey(a.schema)}${valuesKey(a.schema) === "enum" ? `/${i}` : ""}`,
        message: `enum value ${canon(v)} removed in ${pair.new.label}`,
        impacts: [
          impact("new-readers", ["validators"], `reject ${canon(v)}`),
          ...(a.openEnum ? [source(`the enum member for ${canon(v)} disappears`, CODE)] : []),
        ],
        subject: canon(v),
      });
    });
  },
});
