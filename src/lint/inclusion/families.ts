/**
 * Inclusion proofs keyword family by keyword family (numbers, strings, arrays, objects), for the
 * part of the new schema that is not a combinator. Each answers true (proved) or the gap.
 */
import { isObject, type Resolver, type Schema } from "../resolver.js";
import { validate } from "./validate.js";
import { both, gap, type Judge, type Proof } from "./judge.js";
import { bound, depRequired, depSchemas, isTrivial, num, patternsOf, prefixOf, propertiesOf, regex, requiredOf, restOf, universalPattern, type Bound } from "./keywords.js";

export interface Ctx {
  judge: Judge;
  ra: Resolver;
  rb: Resolver;
  depth: number;
}

const sub = (c: Ctx, x: unknown, y: unknown): Proof => c.judge.prove({ s: x, r: c.ra }, { s: y, r: c.rb }, c.depth);

/** Integer bounds as inclusive integers. */
function intBound(b: Bound | undefined, side: "min" | "max"): Bound | undefined {
  if (!b) return undefined;
  if (side === "min") return { value: b.exclusive ? Math.floor(b.value) + 1 : Math.ceil(b.value), exclusive: false };
  return { value: b.exclusive ? Math.ceil(b.value) - 1 : Math.floor(b.value), exclusive: false };
}

function within(a: Bound | undefined, b: Bound | undefined, side: "min" | "max"): boolean {
  if (!b) return true;
  if (!a) return false;
  if (a.value !== b.value) return side === "min" ? a.value > b.value : a.value < b.value;
  return a.exclusive || !b.exclusive;
}

export function numbers(A: Schema, B: Schema, integer: boolean): Proof {
  for (const side of ["min", "max"] as const) {
    let [x, y] = [bound(A, side), bound(B, side)];
    if (integer) [x, y] = [intBound(x, side), intBound(y, side)];
    if (!within(x, y, side)) return gap(`numbers may be ${side === "min" ? "below" : "above"} ${y!.exclusive ? "exclusive " : ""}${side === "min" ? "minimum" : "maximum"} ${y!.value}`);
  }
  const mb = num(B, "multipleOf");
  if (mb !== undefined && mb > 0) {
    const ma = num(A, "multipleOf");
    const divides = (x: number) => Math.abs(x / mb - Math.round(x / mb)) < 1e-9;
    if (!(integer && divides(1)) && !(ma !== undefined && divides(ma))) return gap(`numbers may not be multiples of ${mb}`);
  }
  return true;
}

/** format → formats whose valid strings include all of its valid strings. */
const WIDER_FORMATS: Record<string, string[]> = {
  email: ["idn-email"], hostname: ["idn-hostname"], uri: ["iri", "uri-reference", "iri-reference"], iri: ["iri-reference"],
  "uri-reference": ["iri-reference"], ipv4: [], ipv6: [], int32: ["int64"],
};

export function strings(A: Schema, B: Schema): Proof {
  if ((num(A, "minLength") ?? 0) < (num(B, "minLength") ?? 0)) return gap(`strings may be shorter than minLength ${num(B, "minLength")}`);
  const mb = num(B, "maxLength");
  if (mb !== undefined && (num(A, "maxLength") ?? Infinity) > mb) return gap(`strings may be longer than maxLength ${mb}`);
  if (typeof B.pattern === "string" && !universalPattern(B.pattern) && A.pattern !== B.pattern) {
    if (typeof A.pattern === "string") {
      return gap(`lockstep cannot decide whether every string matching /${A.pattern}/ also matches /${B.pattern}/ (inclusion between regular expressions is not computed)`, true);
    }
    if (typeof A.format !== "string") return gap(`strings need not match /${B.pattern}/`);
    return gap(`lockstep cannot decide whether every "${A.format}" string matches /${B.pattern}/`, true);
  }
  if (typeof B.format === "string" && A.format !== B.format && !WIDER_FORMATS[String(A.format)]?.includes(B.format)) {
    if (typeof A.format === "string") return gap(`format "${A.format}" changed to "${B.format}": each validator checks formats with its own code, so lockstep cannot prove one accepts all the other does`, true);
    return gap(`strings need not be "${B.format}"`);
  }
  return true;
}

/** Most items an instance can have. */
function maxLength(s: Schema): number {
  const max = num(s, "maxItems") ?? Infinity;
  return restOf(s) === false || (restOf(s) === undefined && s.unevaluatedItems === false) ? Math.min(max, prefixOf(s).length) : max;
}

function itemAt(s: Schema, i: number): unknown {
  const prefix = prefixOf(s);
  if (i < prefix.length) return prefix[i];
  const rest = restOf(s);
  return rest !== undefined ? rest : "unevaluatedItems" in s && !("contains" in s) ? s.unevaluatedItems : true;
}

export function arrays(A: Schema, B: Schema, c: Ctx): Proof {
  const aMin = num(A, "minItems") ?? 0;
  const aMax = maxLength(A);
  if (aMin < (num(B, "minItems") ?? 0)) return gap(`arrays may have fewer than ${num(B, "minItems")} items`);
  if (aMax > maxLength(B)) return gap(`arrays may have more than ${maxLength(B)} items`);
  const n = Math.max(prefixOf(A).length, prefixOf(B).length);
  for (let i = 0; i <= n && i < aMax; i++) {
    const p = sub(c, itemAt(A, i), itemAt(B, i));
    if (p !== true) return p;
  }
  if (B.uniqueItems === true && A.uniqueItems !== true && aMax > 1) return gap("arrays may repeat items");
  if ("contains" in B) return contains(A, B, c, aMin, aMax);
  return true;
}

function contains(A: Schema, B: Schema, c: Ctx, aMin: number, aMax: number): Proof {
  const m = num(B, "minContains") ?? 1;
  const M = num(B, "maxContains");
  const aM = num(A, "minContains") ?? 1;
  let atLeast = m === 0;
  if (!atLeast && "contains" in A && aM >= m && sub(c, A.contains, B.contains) === true) atLeast = true;
  if (!atLeast) {
    // Positions every old array has whose schema lies inside the new contains.
    let count = 0;
    for (let i = 0; i < Math.min(aMin, 64); i++) if (sub(c, itemAt(A, i), B.contains) === true) count++;
    if (count >= m) atLeast = true;
  }
  if (!atLeast) return gap(`arrays need not contain ${m === 1 ? "an item" : `${m} items`} matching contains`);
  if (M === undefined || aMax <= M) return true;
  const aMaxC = num(A, "maxContains");
  if ("contains" in A && aMaxC !== undefined && aMaxC <= M && c.judge.prove({ s: B.contains, r: c.rb }, { s: A.contains, r: c.ra }, c.depth) === true) return true;
  return gap(`arrays may contain more than ${M} items matching contains`);
}

/** The schemas a property named `name` is validated against (properties, patternProperties, else additional). */
export function governing(s: Schema, name: string, extra: Evaluated = NONE): unknown {
  const props = propertiesOf(s);
  const list: unknown[] = [];
  if (Object.prototype.hasOwnProperty.call(props, name)) list.push(props[name]);
  for (const [p, ps] of patternsOf(s)) if (regex(p)?.test(name)) list.push(ps);
  if (list.length === 0 && (extra.names.has(name) || extra.patterns.some((p) => regex(p)?.test(name)))) return true;
  if (list.length === 0) return additionalOf(s) ?? true;
  return list.length === 1 ? list[0] : { allOf: list };
}

/** additionalProperties, or unevaluatedProperties where nothing else evaluates the rest. */
export function additionalOf(s: Schema): unknown {
  if ("additionalProperties" in s) return s.additionalProperties;
  if ("unevaluatedProperties" in s) return s.unevaluatedProperties;
  return undefined;
}

export interface Evaluated {
  names: Set<string>;
  patterns: string[];
}
const NONE: Evaluated = { names: new Set(), patterns: [] };

/** Names and patterns subschemas in allOf/anyOf/oneOf/then/else evaluate (for unevaluatedProperties). */
function evaluatedBy(s: Schema, r: Resolver, depth = 0): Evaluated {
  const out: Evaluated = { names: new Set(), patterns: [] };
  if (!("unevaluatedProperties" in s) && depth === 0) return out;
  const members = [...(["allOf", "anyOf", "oneOf"] as const).flatMap((k) => (Array.isArray(s[k]) ? (s[k] as unknown[]) : [])), s.then, s.else, s.if];
  for (const m of members) {
    const x = r.deref(m);
    if (!isObject(x) || depth > 8) continue;
    Object.keys(propertiesOf(x)).forEach((n) => out.names.add(n));
    patternsOf(x).forEach(([p]) => out.patterns.push(p));
    if ("additionalProperties" in x || "unevaluatedProperties" in x) out.patterns.push("");
    const deeper = evaluatedBy(x, r, depth + 1);
    deeper.names.forEach((n) => out.names.add(n));
    out.patterns.push(...deeper.patterns);
  }
  return out;
}

function asSchema(x: unknown): Schema {
  return isObject(x) ? x : {};
}

export function objects(A: Schema, B: Schema, c: Ctx): Proof {
  const reqA = new Set(requiredOf(A));
  for (const r of requiredOf(B)) if (!reqA.has(r)) return gap(`objects may lack ${JSON.stringify(r)}`);
  const extraB = evaluatedBy(B, c.rb);
  const names = new Set([...Object.keys(propertiesOf(A)), ...Object.keys(propertiesOf(B)), ...requiredOf(B), ...depRequired(B).keys(), ...depSchemas(B).keys()]);
  const parts: Array<() => Proof> = [];
  for (const n of names) {
    const gb = governing(B, n, extraB);
    if (isTrivial(gb)) continue;
    parts.push(() => sub(c, governing(A, n), gb));
  }
  parts.push(() => undeclared(A, B, c, extraB));
  parts.push(() => propertyNames(A, B, c));
  parts.push(() => counts(A, B));
  parts.push(() => dependencies(A, B, c));
  return both(...parts);
}

/** Properties neither side declares: governed by patternProperties, else additionalProperties. */
function undeclared(A: Schema, B: Schema, c: Ctx, extraB: Evaluated): Proof {
  const pa = new Map(patternsOf(A));
  const addA = additionalOf(A) ?? true;
  const addB = additionalOf(B);
  const parts: Array<() => Proof> = [];
  for (const [q, bq] of patternsOf(B)) {
    if (isTrivial(bq)) continue;
    parts.push(() => {
      if (pa.has(q)) return sub(c, pa.get(q), bq);
      const p0 = sub(c, addA, bq);
      if (p0 !== true) return p0;
      for (const [p, ap] of pa) if (!disjointPatterns(p, q) && sub(c, ap, bq) !== true) return gap(`lockstep cannot decide whether names matching /${p}/ also match /${q}/ (inclusion between regular expressions is not computed)`, true);
      return true;
    });
  }
  if (addB !== undefined && !isTrivial(addB)) {
    const covered = (p: string) => extraB.patterns.includes("") || extraB.patterns.includes(p) || patternsOf(B).some(([q]) => q === p);
    parts.push(() => {
      const p0 = sub(c, addA, addB);
      if (p0 !== true && !extraB.patterns.includes("")) return gap("objects may have properties the other schema does not declare");
      for (const [p, ap] of pa) {
        if (covered(p) || sub(c, ap, addB) === true) continue;
        if (patternsOf(B).length === 0 && extraB.patterns.length === 0) return gap(`objects may have properties matching /${p}/, which the other schema does not declare`);
        return gap(`lockstep cannot decide whether names matching /${p}/ match one of the new patterns (inclusion between regular expressions is not computed)`, true);
      }
      return true;
    });
  }
  return both(...parts);
}

function propertyNames(A: Schema, B: Schema, c: Ctx): Proof {
  if (!("propertyNames" in B) || isTrivial(B.propertyNames)) return true;
  if ("propertyNames" in A && sub(c, A.propertyNames, B.propertyNames) === true) return true;
  const closed = additionalOf(A) === false && patternsOf(A).length === 0;
  if (closed && Object.keys(propertiesOf(A)).every((n) => validate(n, B.propertyNames, c.rb).valid === true)) return true;
  if ("propertyNames" in A) return sub(c, A.propertyNames, B.propertyNames);
  return gap("property names need not satisfy propertyNames");
}

function counts(A: Schema, B: Schema): Proof {
  const bMin = num(B, "minProperties") ?? 0;
  if (Math.max(num(A, "minProperties") ?? 0, requiredOf(A).length) < bMin) return gap(`objects may have fewer than ${bMin} properties`);
  const bMax = num(B, "maxProperties");
  if (bMax === undefined) return true;
  const closed = additionalOf(A) === false && patternsOf(A).length === 0;
  const aMax = Math.min(num(A, "maxProperties") ?? Infinity, closed ? Object.keys(propertiesOf(A)).length : Infinity);
  return aMax <= bMax ? true : gap(`objects may have more than ${bMax} properties`);
}

function dependencies(A: Schema, B: Schema, c: Ctx): Proof {
  const reqA = new Set(requiredOf(A));
  const depA = depRequired(A);
  const never = (k: string) => governing(A, k) === false;
  for (const [k, deps] of depRequired(B)) {
    if (never(k)) continue;
    const viaSchema = new Set(requiredOf(asSchema(c.ra.deref(depSchemas(A).get(k)))));
    for (const d of deps) if (!reqA.has(d) && !depA.get(k)?.includes(d) && !viaSchema.has(d)) return gap(`objects may have ${JSON.stringify(k)} without ${JSON.stringify(d)}`);
  }
  const schA = depSchemas(A);
  const parts: Array<() => Proof> = [];
  for (const [k, sb] of depSchemas(B)) {
    if (never(k) || isTrivial(sb)) continue;
    parts.push(() => {
      if (schA.has(k) && sub(c, schA.get(k), sb) === true) return true;
      const guaranteed = { allOf: [A, { required: [...reqA, ...(depA.get(k) ?? [])] }, ...(schA.has(k) ? [schA.get(k)] : [])] };
      return sub(c, guaranteed, sb);
    });
  }
  return both(...parts);
}

/** The literal text an anchored pattern starts with ("^x-" → "x-"), if any. */
function literalPrefix(p: string): string | undefined {
  if (!p.startsWith("^")) return undefined;
  const m = /^[^\\.*+?()[\]{}|^$]*/.exec(p.slice(1));
  const lit = m?.[0] ?? "";
  // A quantifier after the last literal character makes it optional.
  const next = p.charAt(1 + lit.length);
  return next === "*" || next === "?" || next === "{" ? lit.slice(0, -1) : lit;
}

/** Two anchored patterns whose literal prefixes differ match no common name. */
export function disjointPatterns(p: string, q: string): boolean {
  const [a, b] = [literalPrefix(p), literalPrefix(q)];
  if (!a || !b) return false;
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) !== b.slice(0, n);
}
