/**
 * A property renamed. Declared with x-lockstep-renamed-from, new readers accept the old name, so
 * only old readers of new data notice (they look for the old name). Undeclared (a removal plus an
 * addition of the same schema), it is reported with the fix: declare the rename.
 */
import { pointerFrom } from "../../load/json-file.js";
import { defineRule } from "../rule.js";
import { CODE, impact, missingRequired, q, source } from "../effects.js";
import type { Impact } from "../types.js";

export default defineRule({
  meta: {
    id: "property-renamed",
    description: "A property was renamed (undeclared: an error with the fix; declared with x-lockstep-renamed-from: a note).",
    severity: "error",
    breaks: ["old-readers", "new-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire", "source"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const match = pair.properties();
    for (const { oldName, newName } of match.undeclared) {
      ctx.report({
        at: pointerFrom(["properties", newName]),
        oldAt: pointerFrom(["properties", oldName]),
        message: `property ${q(oldName)} looks renamed to ${q(newName)} in ${pair.new.label} (removed, and added with the same schema); if it is a rename, declare it with "x-lockstep-renamed-from": ${q(oldName)} on ${q(newName)}, so new readers accept the old name`,
        impacts: [
          ...(pair.a.required.has(oldName) ? missingRequired("old-readers", oldName, pair.defaultOld(oldName) !== undefined) : []),
          ...(pair.b.required.has(newName) ? missingRequired("new-readers", newName, pair.defaultNew(newName) !== undefined) : []),
          source(`the field ${q(oldName)} becomes ${q(newName)}`, CODE),
        ],
        subject: newName,
      });
    }
    for (const { oldName, newName, renamed } of match.both) {
      if (!renamed) continue;
      const oldRequired = pair.a.required.has(oldName) && pair.defaultOld(oldName) === undefined;
      const impacts: Impact[] = oldRequired
        ? missingRequired("old-readers", oldName, false)
        : [impact("old-readers", CODE, `see ${q(oldName)} as absent (the value is kept as the unknown property ${q(newName)})`, false), impact("old-readers", ["validators"], `ignore ${q(newName)}`, false)];
      ctx.report({
        at: pointerFrom(["properties", newName]),
        oldAt: pointerFrom(["properties", oldName]),
        message: `property ${q(oldName)} renamed to ${q(newName)} in ${pair.new.label} (declared: new readers also accept ${q(oldName)})`,
        impacts: [...impacts, source(`the field ${q(oldName)} becomes ${q(newName)}`, CODE)],
        subject: newName,
        severity: "info",
      });
    }
  },
});
