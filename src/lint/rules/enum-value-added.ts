/**
 * A new enum value. Generated enums are open (an unknown value decodes to the Unknown variant and
 * is written back unchanged), so old generated readers are fine; old validators reject the value,
 * and exhaustive matches (Rust match, TypeScript never checks) need a new arm: a source note.
 */
import { defineRule } from "../rule.js";
import { CODE, impact, source } from "../effects.js";
import { canon, valuesKey } from "../values.js";

export default defineRule({
  meta: {
    id: "enum-value-added",
    description: "An enum value was added (compatible: generated enums are open) or the enum restriction was lifted.",
    severity: "info",
    breaks: ["old-readers", "source"],
    targets: { rust: ["source"], typescript: ["source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const { a, b } = pair;
    if (a.values === undefined) return;
    if (b.values === undefined) {
      if (a.kinds !== undefined && b.kinds !== undefined && ![...b.kinds].every((k) => a.kinds!.has(k))) return; // a type change
      ctx.report({
        at: "",
        oldAt: `/${valuesKey(a.schema)}`,
        message: `no longer restricted to ${a.values.map((v) => canon(v)).join(", ")} in ${pair.new.label}`,
        impacts: [impact("old-readers", ["validators"], "reject the other values"), ...(a.openEnum ? [source("an enum type becomes a string", CODE)] : [])],
        subject: "*",
        severity: "warning",
      });
      return;
    }
    // One finding per enum and comparison (a long list of new codes is one change to review).
    const had = new Set(a.values.map(canon));
    const key = valuesKey(b.schema);
    const added = b.values.filter((v) => !had.has(canon(v)));
    if (added.length === 0) return;
    const first = key === "enum" && Array.isArray(b.schema.enum) ? b.schema.enum.indexOf(added[0]) : -1;
    const shown = added.slice(0, 8).map((v) => canon(v)).join(", ") + (added.length > 8 ? `, … (${added.length - 8} more)` : "");
    const what = added.length === 1 ? `enum value ${shown}` : `${added.length} enum values (${shown})`;
    ctx.report({
      at: key === "enum" ? `/enum/${first}` : "/const",
      oldAt: `/${valuesKey(a.schema)}`,
      message: `${what} added in ${pair.new.label}${a.openEnum ? ` (${pair.old.label} readers keep unknown values)` : ""}`,
      impacts: [
        impact("old-readers", ["validators"], `reject ${added.length === 1 ? shown : "them"}`),
        ...(a.openEnum && b.openEnum ? [source("exhaustive matches need a new arm (Rust match, TypeScript never checks)", ["rust", "typescript"])] : []),
      ],
      subject: "added",
    });
  },
});
