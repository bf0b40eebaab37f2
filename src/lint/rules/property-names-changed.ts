/** propertyNames changed: every property name of old data must satisfy the new schema (backward), and the reverse (forward). */
import { keywordRule } from "../compare.js";
import { isObject, type Schema } from "../resolver.js";
import { defineRule } from "../rule.js";

/** Which names each schema of a map admits at all: a schema becomes `true` (`false` stays). */
const names = (m: unknown): unknown => (isObject(m) ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v !== false])) : m);

/**
 * The names an object may carry, without what their values must be: declared names and patterns
 * decide which names `additionalProperties: false` leaves (so they stay), but a property's type
 * changed beside `propertyNames` must not be shown as a propertyNames break.
 */
function namesOnly(cut: Schema): Schema {
  const out = { ...cut };
  if ("properties" in out) out.properties = names(out.properties);
  if ("patternProperties" in out) out.patternProperties = names(out.patternProperties);
  if ("additionalProperties" in out && out.additionalProperties !== false) out.additionalProperties = true;
  return out;
}

export default defineRule({
  meta: {
    id: "property-names-changed",
    description: "The propertyNames schema of an object changed.",
    severity: "error",
    breaks: ["new-readers", "old-readers"],
    targets: { validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    keywordRule(pair, ctx, ["propertyNames"], ["type", "properties", "patternProperties", "additionalProperties"], namesOnly);
  },
});
