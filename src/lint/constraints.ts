/**
 * Validation keywords the generated code does not enforce (docs/semantics.md), compared
 * keyword by keyword: each change is tighter (old data may now be invalid) or looser.
 */
import { compareSchemas, provedWhole, setChange, witnessText } from "./compare.js";
import { prefixOf } from "./inclusion/keywords.js";
import type { Schema } from "./resolver.js";
import type { ContentPair } from "./rule.js";
import { canon } from "./values.js";
import type { View } from "./view.js";

export interface ConstraintChange {
  keyword: string;
  /** unproven: two different patterns or formats, with no data found that tells them apart. */
  direction: "tightened" | "relaxed" | "unproven";
  old: unknown;
  new: unknown;
  /** Data one side accepts and the other rejects, or why inclusion cannot be decided. */
  detail?: string;
  /** For unproven changes: the readers that may break. */
  side?: "new-readers" | "old-readers" | "both";
}

/** A smaller value is tighter. */
const UPPER = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];
/** A larger value is tighter; absent counts as 0 for the counting ones. */
const LOWER = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];
const COUNTING = new Set(["minLength", "minItems", "minProperties"]);
/** Addition is tighter, removal looser; two different values are compared as sets (pattern, format). */
const OTHER = ["pattern", "format", "uniqueItems", "multipleOf"];
/** Judged by tuple-changed when either side is a tuple. */
const TUPLE_BOUNDS = new Set(["minItems", "maxItems"]);

const INT_FORMATS = new Set(["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]);

/** The rules sharing the changes are called one after the other on the same pair object. */
let last: { pair: ContentPair; changes: ConstraintChange[] } | undefined;

/** The constraint changes of a pair, computed once for the rules that share them. */
export function pairConstraintChanges(pair: ContentPair): ConstraintChange[] {
  if (last?.pair === pair) return last.changes;
  let out = constraintChanges(pair.a, pair.b, pair);
  if (out.length > 0) {
    // A keyword read alone can look tighter while the node as a whole accepts the same data
    // (exclusiveMinimum 0 → minimum 1 on integers, maxProperties on a closed object).
    const whole = provedWhole(pair);
    out = out.filter((c) => !(whole.backward && (c.direction === "tightened" || c.side === "new-readers")) && !(whole.forward && (c.direction === "relaxed" || c.side === "old-readers")));
    if (whole.backward !== whole.forward) for (const c of out) if (c.side === "both") c.side = whole.backward ? "old-readers" : "new-readers";
    out = out.flatMap((c) => (pair.a.inexact.has(c.keyword) || pair.b.inexact.has(c.keyword) ? judged(pair, c) : [c]));
  }
  last = { pair, changes: out };
  return out;
}

export function constraintChanges(a: View, b: View, pair?: ContentPair): ConstraintChange[] {
  const sa = a.schema;
  const sb = b.schema;
  const out: ConstraintChange[] = [];
  const push = (keyword: string, direction: ConstraintChange["direction"], detail?: string, side?: ConstraintChange["side"]) =>
    out.push({ keyword, direction, old: sa[keyword], new: sb[keyword], ...(detail ? { detail } : {}), ...(side ? { side } : {}) });
  const tuple = prefixOf(sa).length > 0 || prefixOf(sb).length > 0;
  for (const k of UPPER) {
    if (tuple && TUPLE_BOUNDS.has(k)) continue;
    const [x, y] = [num(sa, k), num(sb, k)];
    if (x === y) continue;
    if (x === undefined || y === undefined) {
      if (typeof (x === undefined ? sb[k] : sa[k]) === "boolean") continue; // draft-04 exclusiveMaximum: true
      push(k, y !== undefined ? "tightened" : "relaxed");
    } else push(k, y < x ? "tightened" : "relaxed");
  }
  for (const k of LOWER) {
    if (tuple && TUPLE_BOUNDS.has(k)) continue;
    const zero = COUNTING.has(k) ? 0 : undefined;
    const [x, y] = [num(sa, k) ?? zero, num(sb, k) ?? zero];
    if (x === y) continue;
    if (x === undefined || y === undefined) {
      if (typeof (x === undefined ? sb[k] : sa[k]) === "boolean") continue;
      push(k, y !== undefined ? "tightened" : "relaxed");
    } else push(k, y > x ? "tightened" : "relaxed");
  }
  for (const k of ["exclusiveMaximum", "exclusiveMinimum"]) {
    const [x, y] = [sa[k] === true, sb[k] === true];
    if (x !== y && (typeof sa[k] === "boolean" || typeof sb[k] === "boolean")) push(k, y ? "tightened" : "relaxed");
  }
  const numeric = (v: View) => v.kinds !== undefined && [...v.kinds].every((k) => k === "integer" || k === "number");
  for (const k of OTHER) {
    const [x, y] = [sa[k], sb[k]];
    if (canon(x) === canon(y)) continue;
    if (k === "format" && (INT_FORMATS.has(String(x)) || INT_FORMATS.has(String(y))) && numeric(a) && numeric(b)) continue; // integer rules
    if (k === "uniqueItems") {
      if ((x === true) !== (y === true)) push(k, y === true ? "tightened" : "relaxed");
      continue;
    }
    if (k === "multipleOf" && typeof x === "number" && typeof y === "number") {
      push(k, Number.isInteger(x / y) ? "relaxed" : "tightened");
      continue;
    }
    if ((k === "pattern" || k === "format") && x !== undefined && y !== undefined && pair) {
      setCompare(pair, k, x, y, push);
      continue;
    }
    push(k, y === undefined ? "relaxed" : "tightened");
  }
  return out;
}

/**
 * A keyword some allOf members give different values (merge.ts) is not read off the merged value:
 * the whole nodes decide, and data shows each direction that breaks.
 */
function judged(pair: ContentPair, c: ConstraintChange): ConstraintChange[] {
  const { backward, forward } = setChange(pair, [c.keyword]);
  const out: ConstraintChange[] = [];
  const base = { keyword: c.keyword, old: c.old, new: c.new };
  if (backward.kind === "no") out.push({ ...base, direction: "tightened", detail: `such as ${witnessText(backward.witness)}` });
  if (forward.kind === "no") out.push({ ...base, direction: "relaxed", detail: `such as ${witnessText(forward.witness)}` });
  const open = [backward.kind === "unknown" ? backward.why : undefined, forward.kind === "unknown" ? forward.why : undefined];
  if (open[0] !== undefined || open[1] !== undefined) {
    const side = open[0] !== undefined && open[1] !== undefined ? "both" : open[0] !== undefined ? "new-readers" : "old-readers";
    out.push({ ...base, direction: "unproven", detail: [...new Set(open.filter((x) => x !== undefined))].join("; "), side });
  }
  return out;
}

function num(s: Schema, k: string): number | undefined {
  return typeof s[k] === "number" ? (s[k] as number) : undefined;
}

/** Two patterns or formats: data that tells them apart decides; otherwise "cannot prove". */
function setCompare(pair: ContentPair, k: string, x: unknown, y: unknown, push: (k: string, d: ConstraintChange["direction"], detail?: string, side?: ConstraintChange["side"]) => void): void {
  const { backward, forward } = compareSchemas(pair, { type: "string", [k]: x }, { type: "string", [k]: y });
  if (backward.kind === "no") push(k, "tightened", `such as ${witnessText(backward.witness)}`);
  if (forward.kind === "no") push(k, "relaxed", `such as ${witnessText(forward.witness)}`);
  if (backward.kind === "unknown" && forward.kind === "unknown") push(k, "unproven", backward.why, "both");
  else if (backward.kind === "unknown") push(k, "unproven", backward.why, "new-readers");
  else if (forward.kind === "unknown") push(k, "unproven", forward.why, "old-readers");
}
