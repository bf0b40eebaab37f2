/** A discriminated union changed its tag property, or a type became or stopped being one. */
import { defineRule } from "../rule.js";
import { CODE, impact, source } from "../effects.js";
import { singleVariant } from "../unions.js";

export default defineRule({
  meta: {
    id: "discriminator-changed",
    description: "The tag property of a discriminated union changed, or a type became or stopped being a discriminated union.",
    severity: "error",
    breaks: ["old-readers", "new-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire", "source"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const ua = pair.a.union;
    const ub = pair.b.union;
    const ta = ua?.kind === "tagged" ? ua : undefined;
    const tb = ub?.kind === "tagged" ? ub : undefined;
    if ((ta && !ub && singleVariant(pair.b, ta.tag) !== undefined) || (tb && !ua && singleVariant(pair.a, tb.tag) !== undefined)) return; // one variant left or first: union-variant-*
    let message: string | undefined;
    if (ta && tb && ta.tag !== tb.tag) message = `discriminator changed from ${JSON.stringify(ta.tag)} to ${JSON.stringify(tb.tag)} in ${pair.new.label}`;
    else if (ta && !tb && pair.b.kinds?.has("object")) message = `no longer a union discriminated by ${JSON.stringify(ta.tag)} in ${pair.new.label}`;
    else if (!ta && tb && pair.a.kinds?.has("object")) message = `became a union discriminated by ${JSON.stringify(tb.tag)} in ${pair.new.label}`;
    if (!message) return;
    const why = "decode values as the unknown variant (the tag is not where they look)";
    ctx.report({
      at: ub ? `/${ub.key}` : "",
      oldAt: ua ? `/${ua.key}` : "",
      message,
      impacts: [
        impact("old-readers", CODE, why),
        impact("new-readers", CODE, why),
        impact("old-readers", ["validators"], "reject the new shape"),
        impact("new-readers", ["validators"], "reject the old shape"),
        source("the generated union type changes"),
      ],
      subject: "tag",
    });
  },
});
