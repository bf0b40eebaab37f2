/**
 * The generated type name changed: a different `x-lockstep-name`, or an identifier-like `title`
 * (which pins names). Data is unaffected; code naming the type must follow.
 */
import { defineRule } from "../rule.js";
import { pascalCase } from "../../ir/casing.js";
import { pinnedName } from "../../ir/naming.js";
import { source } from "../effects.js";

export default defineRule({
  meta: {
    id: "type-renamed",
    description: "The generated type name changed (x-lockstep-name or an identifier-like title).",
    severity: "info",
    breaks: ["source"],
    targets: { rust: ["source"], go: ["source"], typescript: ["source"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const a = pinnedName(pair.a.schema);
    const b = pinnedName(pair.b.schema);
    if (!a || !b) return;
    const [na, nb] = [pascalCase(a), pascalCase(b)];
    if (na === nb) return;
    const key = "x-lockstep-name" in pair.b.schema ? "/x-lockstep-name" : "/title";
    ctx.report({ at: key, message: `generated type ${na} renamed to ${nb} in ${pair.new.label}`, impacts: [source(`code naming ${na} must use ${nb}`)], subject: "name" });
  },
});
