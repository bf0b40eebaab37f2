/** null is no longer allowed. Readers built from the new version meet nulls in old data. */
import { defineRule } from "../rule.js";
import { nullReaders, source } from "../effects.js";

export default defineRule({
  meta: {
    id: "nullable-removed",
    description: "A schema no longer allows null.",
    severity: "error",
    breaks: ["new-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire", "source"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  entry(pair, ctx) {
    if (pair.level !== "node" || !pair.a.nullable || pair.b.nullable) return;
    if (pair.b.view.kinds === undefined && !pair.b.view.never) return;
    ctx.report({
      at: "",
      message: `null no longer allowed in ${pair.new.label}`,
      impacts: [...nullReaders("new-readers", pair.via, "new"), source("the generated type loses its null (Option, pointer, | null)")],
      subject: "null",
    });
  },
});
