/**
 * A union gained a variant. Discriminated unions are open in generated code (an unknown tag keeps
 * the whole object), so that is a note; a new JSON kind in a union by kind is rejected by old readers.
 */
import { defineRule } from "../rule.js";
import { CODE, impact, source } from "../effects.js";
import { unionDelta } from "../unions.js";

export default defineRule({
  meta: {
    id: "union-variant-added",
    description: "A oneOf/anyOf variant was added (compatible for discriminated unions, which are open).",
    severity: "info",
    breaks: ["old-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const d = unionDelta(pair.a, pair.b);
    if (!d) return;
    for (const v of d.added) {
      const tagged = d.kind === "tagged";
      const impacts = tagged
        ? [
            impact("old-readers", CODE, `keep ${d.tag} ${v.label} as the unknown variant`, false),
            impact("old-readers", ["validators"], `reject ${d.tag} ${v.label}`),
            source("exhaustive matches need a new arm (Rust match, TypeScript never checks)", ["rust", "typescript"]),
          ]
        : d.kind === "kinds"
          ? [impact("old-readers", [...CODE, "validators"], `reject ${v.label} values`), source("the union gets a new variant")]
          : [impact("old-readers", ["validators"], "reject values only the new variant accepts")];
      ctx.report({
        at: v.at,
        oldAt: pair.a.union ? `/${pair.a.union.key}` : "",
        message: `union variant ${tagged ? `${d.tag} ${v.label}` : v.label} added in ${pair.new.label}${tagged ? ` (${pair.old.label} readers keep it as the unknown variant)` : ""}`,
        impacts,
        subject: v.label,
        severity: tagged ? "info" : d.kind === "kinds" ? "error" : "warning",
      });
    }
  },
});
