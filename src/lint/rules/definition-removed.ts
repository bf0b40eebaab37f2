/** A definition under $defs (or definitions) of the entity file is gone. */
import { pointerFrom } from "../../load/json-file.js";
import { defineRule } from "../rule.js";
import { source } from "../effects.js";
import { isObject } from "../resolver.js";
import { refsIn } from "../lock.js";

export default defineRule({
  meta: {
    id: "definition-removed",
    description: "A definition ($defs/definitions) was removed from an entity file.",
    severity: "error",
    breaks: ["source"],
    targets: { rust: ["source"], go: ["source"], typescript: ["source"] },
    kind: "pair",
  },
  documents(pair, ctx) {
    if (!isObject(pair.a) || !isObject(pair.b)) return;
    let refs: Set<string> | undefined;
    for (const key of ["$defs", "definitions"]) {
      const da = pair.a[key];
      const db = pair.b[key];
      if (!isObject(da)) continue;
      for (const name of Object.keys(da)) {
        if (isObject(db) && name in db) continue;
        const ref = `#${pointerFrom([key, name])}`;
        refs ??= new Set(refsIn(pair.a).filter((r) => r.startsWith("#/")));
        const used = [...refs].some((r) => r === ref || r.startsWith(`${ref}/`));
        ctx.report({
          at: pointerFrom([key, name]),
          message: `definition ${JSON.stringify(name)} removed in ${pair.new.label}${used ? "" : ` (unreferenced in ${pair.old.label})`}`,
          impacts: used ? [source(`the generated type for ${JSON.stringify(name)} disappears`)] : [],
          subject: name,
          ...(used ? {} : { severity: "warning" as const }),
        });
      }
    }
  },
});
