/**
 * A tuple (prefixItems, or draft-04 `items: [..]`) changed shape: a position added or removed, the
 * schema for further items (items / additionalItems) added, removed or changed, or minItems /
 * maxItems moved. Compared as sets; a closed tuple is a fixed-length type in the generated code,
 * so its readers reject arrays of another length.
 */
import { CODE, impact, source } from "../effects.js";
import { reportSetChange, setChange } from "../compare.js";
import { prefixOf, restOf } from "../inclusion/keywords.js";
import { defineRule } from "../rule.js";
import type { Impact } from "../types.js";
import type { View } from "../view.js";

const KEYWORDS = ["prefixItems", "items", "additionalItems", "unevaluatedItems", "minItems", "maxItems"];

function shape(v: View): { n: number; rest: string; min: number; max: number } {
  const rest = restOf(v.schema) ?? v.schema.unevaluatedItems;
  const kind = rest === false ? "no further items" : rest === undefined || rest === true ? "further items of any kind" : "further items matching a schema";
  return { n: prefixOf(v.schema).length, rest: kind, min: Number(v.schema.minItems ?? 0), max: Number(v.schema.maxItems ?? Infinity) };
}

const closed = (v: View) => prefixOf(v.schema).length > 0 && restOf(v.schema) === false;
const text = (s: ReturnType<typeof shape>) => `${s.n} position${s.n === 1 ? "" : "s"}, ${s.rest}`;

export default defineRule({
  meta: {
    id: "tuple-changed",
    description: "A tuple gained or lost a position, or the schema for its further items or its length bounds changed.",
    severity: "error",
    breaks: ["new-readers", "old-readers", "source"],
    targets: { rust: ["wire", "source"], go: ["wire", "source"], typescript: ["wire", "source"], validators: ["wire"] },
    kind: "pair",
  },
  content(pair, ctx) {
    const { a, b } = pair;
    if (prefixOf(a.schema).length === 0 && prefixOf(b.schema).length === 0) return;
    const [sa, sb] = [shape(a), shape(b)];
    const key = (s: typeof sa) => `${s.n}|${s.rest}|${s.min}|${s.max}`;
    if (key(sa) === key(sb)) return; // positions and further items are compared as pairs by the walk
    const change = setChange(pair, KEYWORDS, ["type"]);
    const code: Impact[] = [];
    const lengthMoved = sa.n !== sb.n || closed(a) !== closed(b);
    if (closed(a) && lengthMoved) code.push(impact("old-readers", CODE, `reject arrays that are not exactly ${sa.n} long (a fixed-length tuple type)`));
    if (closed(b) && lengthMoved) code.push(impact("new-readers", CODE, `reject arrays that are not exactly ${sb.n} long (a fixed-length tuple type)`));
    if ((closed(a) || closed(b)) && lengthMoved) code.push(source(closed(a) && closed(b) ? "the generated tuple type changes" : closed(b) ? "a raw JSON array becomes a tuple type" : "a tuple type becomes raw JSON"));
    const what = key(sa) === key(sb) ? "tuple items changed" : `tuple changed from ${text(sa)} to ${text(sb)}`;
    reportSetChange(pair, ctx, change, { what, at: "prefixItems" in b.schema ? "/prefixItems" : Array.isArray(b.schema.items) ? "/items" : "", subject: "tuple", code, relaxed: code.some((i) => i.side === "old-readers") ? "warning" : "off" });
  },
});
