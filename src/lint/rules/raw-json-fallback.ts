/**
 * A construct no target can express as a type (not, if/then/else, an undiscriminated union, ...)
 * is generated as a raw JSON value (serde_json::Value, json.RawMessage, JsonValue): it round-trips,
 * but nothing is typed or checked there.
 */
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "raw-json-fallback",
    description: "A construct is generated as a raw JSON value instead of a type.",
    severity: "warning",
    breaks: [],
    targets: { rust: ["source"], go: ["source"], typescript: ["source"] },
    kind: "hazard",
  },
  version(v, ctx) {
    const module = v.module();
    if (!module) return;
    const files = new Set(v.nodes().map((n) => n.origin.file));
    for (const w of module.warnings) {
      if (!files.has(w.file) || !/raw JSON/.test(w.message)) continue;
      ctx.report({ entity: v.entity, tree: v.side.tree, origin: { file: w.file, pointer: w.pointer }, to: v.side.version, message: w.message, subject: w.message });
    }
  },
});
