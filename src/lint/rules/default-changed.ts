/**
 * A default changed, was added or was removed. Generated readers fill in the default of a missing
 * required property, so readers of two versions then read different values from the same data.
 */
import { defineRule } from "../rule.js";
import { CODE, impact } from "../effects.js";
import type { Impact } from "../types.js";
import { canon, sameValue } from "../values.js";

export default defineRule({
  meta: {
    id: "default-changed",
    description: "A default value changed, was added or was removed.",
    severity: "warning",
    breaks: ["old-readers", "new-readers"],
    targets: { rust: ["wire"], go: ["wire"], typescript: ["wire"] },
    kind: "pair",
  },
  entry(pair, ctx) {
    const da = pair.a.default;
    const db = pair.b.default;
    if (!da && !db) return;
    if (da && db && sameValue(da.value, db.value)) return;
    const via = pair.via;
    const impacts: Impact[] = [];
    if (via.kind === "property" && via.new.required && db) {
      impacts.push(impact("new-readers", CODE, `fill in ${canon(db.value)} where ${pair.old.label} data omits the property`, false));
    }
    if (via.kind === "property" && via.old.required && da) {
      impacts.push(impact("old-readers", CODE, `fill in ${canon(da.value)} where ${pair.new.label} data omits the property`, false));
    }
    const message = !da
      ? `default ${canon(db!.value)} added in ${pair.new.label}`
      : !db
        ? `default ${canon(da.value)} removed in ${pair.new.label}`
        : `default changed from ${canon(da.value)} to ${canon(db.value)} in ${pair.new.label}`;
    const own = (raw: unknown) => raw !== null && typeof raw === "object" && "default" in raw;
    ctx.report({ at: own(pair.b.raw) ? "/default" : "", oldAt: own(pair.a.raw) ? "/default" : "", message, impacts, subject: "default" });
  },
});
