/** A definition added to an entity file: always compatible; listed by `lockstep diff`. */
import { pointerFrom } from "../../load/json-file.js";
import { defineRule } from "../rule.js";
import { isObject } from "../resolver.js";

export default defineRule({
  meta: {
    id: "definition-added",
    description: "A definition ($defs/definitions) was added (compatible).",
    severity: "off",
    breaks: [],
    targets: {},
    kind: "pair",
  },
  documents(pair, ctx) {
    if (ctx.quiet || !isObject(pair.b)) return;
    for (const key of ["$defs", "definitions"]) {
      const da = isObject(pair.a) ? pair.a[key] : undefined;
      const db = pair.b[key];
      if (!isObject(db)) continue;
      for (const name of Object.keys(db)) {
        if (isObject(da) && name in da) continue;
        ctx.report({ at: pointerFrom([key, name]), oldAt: "", message: `definition ${JSON.stringify(name)} added in ${pair.new.label}`, impacts: [], subject: name });
      }
    }
  },
});
