/**
 * Validation keywords the generated code does not enforce (docs/semantics.md), compared
 * keyword by keyword: each change is tighter (old data may now be invalid) or looser.
 */
import type { Schema } from "./resolver.js";
import { canon } from "./values.js";
import type { View } from "./view.js";

export interface ConstraintChange {
  keyword: string;
  direction: "tightened" | "relaxed";
  old: unknown;
  new: unknown;
}

/** A smaller value is tighter. */
const UPPER = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains"];
/** A larger value is tighter; absent counts as 0 for the counting ones. */
const LOWER = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains"];
const COUNTING = new Set(["minLength", "minItems", "minProperties", "minContains"]);
/** Any change or addition is tighter (lockstep cannot compare two patterns), removal looser. */
const OTHER = ["pattern", "format", "contentEncoding", "contentMediaType", "propertyNames", "contains", "dependentRequired", "dependencies", "uniqueItems", "multipleOf"];

const INT_FORMATS = new Set(["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]);

export function constraintChanges(a: View, b: View): ConstraintChange[] {
  const sa = a.schema;
  const sb = b.schema;
  const out: ConstraintChange[] = [];
  const push = (keyword: string, direction: ConstraintChange["direction"]) => out.push({ keyword, direction, old: sa[keyword], new: sb[keyword] });
  for (const k of UPPER) {
    const [x, y] = [num(sa, k), num(sb, k)];
    if (x === y) continue;
    if (x === undefined || y === undefined) {
      if (typeof (x === undefined ? sb[k] : sa[k]) === "boolean") continue; // draft-04 exclusiveMaximum: true
      push(k, y !== undefined ? "tightened" : "relaxed");
    } else push(k, y < x ? "tightened" : "relaxed");
  }
  for (const k of LOWER) {
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
    push(k, y === undefined ? "relaxed" : "tightened");
  }
  return out;
}

function num(s: Schema, k: string): number | undefined {
  return typeof s[k] === "number" ? (s[k] as number) : undefined;
}
