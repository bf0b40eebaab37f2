/**
 * A union lost a variant: a tag value of a discriminated union, a JSON kind of a union by kind, or
 * a branch of any other oneOf/anyOf.
 */
import { defineRule } from "../rule.js";
import { CODE, impact, source } from "../effects.js";
import { unionDelta } from "../unions.js";

export default defineRule({
  meta: {
    id: "union-variant-removed",
    description: "A oneOf/anyOf variant was removed.",
    severity: "error",
    breaks: ["new-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire", "source"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const d = unionDelta(pair.a, pair.b);
    if (!d) return;
    for (const v of d.removed) {
      const impacts =
        d.kind === "tagged"
          ? [impact("new-readers", CODE, `decode ${d.tag} ${v.label} as the unknown variant`, false), impact("new-readers", ["validators"], `reject ${d.tag} ${v.label}`)]
          : d.kind === "kinds"
            ? [impact("new-readers", [...CODE, "validators"], `reject ${v.label} values`)]
            : [impact("new-readers", ["validators"], "reject values only that variant accepted")];
      ctx.report({
        at: d.at,
        oldAt: v.oldAt,
        message: `union variant ${d.kind === "tagged" ? `${d.tag} ${v.label}` : v.label} removed in ${pair.new.label}`,
        impacts: [...impacts, ...(d.kind === "other" ? [] : [source("the variant disappears")])],
        subject: v.label,
      });
    }
  },
});
