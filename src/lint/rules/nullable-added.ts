/** null became allowed. Readers built from the old version meet a null they have no place for. */
import { defineRule } from "../rule.js";
import { nullReaders, source } from "../effects.js";

export default defineRule({
  meta: {
    id: "nullable-added",
    description: "A schema now allows null.",
    severity: "error",
    breaks: ["old-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire", "source"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  entry(pair, ctx) {
    if (pair.level !== "node" || pair.a.nullable || !pair.b.nullable) return;
    if (pair.a.view.kinds === undefined && !pair.a.view.never) return; // any value already included null
    ctx.report({
      at: "",
      message: `null allowed in ${pair.new.label}`,
      impacts: [...nullReaders("old-readers", pair.via, "old"), source("the generated type becomes optional/nullable (Option, pointer, | null)")],
      subject: "null",
    });
  },
});
