/**
 * A small JSON Schema validator for concrete values (2020-12 and draft-04..07 keywords), used to
 * test candidate instances: a value one schema accepts and the other rejects proves a change
 * breaks readers. It answers undefined where it cannot tell (a $ref it cannot follow, a keyword
 * it does not know such as $dynamicRef, an unknown format), so a witness is never a guess.
 */
// The format table alone: the package's index requires all of ajv, which lint never runs.
import { fullFormats } from "ajv-formats/dist/formats.js";
import { isObject, isUnresolved, type Resolver, type Schema } from "../resolver.js";
import { canon } from "../values.js";
import { bound, depRequired, depSchemas, num, patternsOf, prefixOf, propertiesOf, regex, requiredOf, restOf, typeOfValue, typesOf } from "./keywords.js";

type FormatCheck = RegExp | ((s: string) => boolean) | { validate: RegExp | ((s: string) => boolean) };
const FORMATS = (name: string): FormatCheck | undefined => (Object.hasOwn(fullFormats, name) ? (fullFormats as Record<string, FormatCheck>)[name] : undefined);

/** Formats lint knows how to check (ajv-formats' full set, plus the internationalised ones it lacks, checked loosely). */
function formatOk(format: string, value: string): boolean | undefined {
  if (format === "idn-email") return /^[^\s@]+@[^\s@]+$/u.test(value);
  if (format === "idn-hostname") return /^[^\s.]+(\.[^\s.]+)*$/u.test(value);
  if (format === "iri" || format === "iri-reference") return !/\s/u.test(value) && (format === "iri-reference" || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value));
  const f = FORMATS(format);
  if (f === undefined) return undefined;
  const check = f instanceof RegExp || typeof f === "function" ? f : f.validate;
  return check instanceof RegExp ? check.test(value) : check(value);
}

export interface Outcome {
  valid: boolean | undefined;
  /** Why valid is undefined. */
  why?: string;
  /** Property names evaluated (for unevaluatedProperties); "all" when additionalProperties ran. */
  props: Set<string>;
  /** Array positions evaluated from the start; Infinity when items ran on the rest. */
  items: number;
}

const unknown = (why: string): Outcome => ({ valid: undefined, why, props: new Set(), items: 0 });
const result = (valid: boolean | undefined): Outcome => ({ valid, props: new Set(), items: 0 });

function and(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === false || b === false) return false;
  return a === undefined || b === undefined ? undefined : true;
}

const UNKNOWN_ASSERTIONS = new Set(["$dynamicRef", "$recursiveRef"]);

/** Canonical forms of an enum's values, computed once per enum (timezone lists have hundreds). */
const enums = new WeakMap<unknown[], Set<string>>();
function enumSet(values: unknown[]): Set<string> {
  let set = enums.get(values);
  if (!set) enums.set(values, (set = new Set(values.map(canon))));
  return set;
}

export function validate(value: unknown, schema: unknown, r: Resolver, depth = 0): Outcome {
  if (depth > 64) return unknown("the schema nests too deeply");
  const s = r.deref(schema);
  if (isUnresolved(s)) return unknown(`a $ref cannot be followed (${s.unresolvedRef}: ${s.reason})`);
  if (s === true || s === undefined) return result(true);
  if (s === false) return result(false);
  if (!isObject(s)) return unknown("the schema is not an object");
  const origin = r.originOf(s);
  if (origin) r.registerChildren(s, origin);
  for (const k in s) if (UNKNOWN_ASSERTIONS.has(k)) return unknown(`${k} resolves through the dynamic scope, which lockstep does not follow`);
  const out: Outcome = { valid: true, props: new Set(), items: 0 };
  const check = (v: boolean | undefined, why?: string) => {
    if (v === undefined && out.valid !== false) out.why ??= why;
    out.valid = and(out.valid, v);
  };
  const sub = (v: unknown, x: unknown) => {
    const o = validate(v, x, r, depth + 1);
    if (o.valid === undefined && o.why) out.why ??= o.why;
    return o;
  };
  const t = typeOfValue(value);
  const types = typesOf(s);
  if (types) check(types.has(t) || (t === "integer" && types.has("number")));
  if ("const" in s) check(canon(s.const) === canon(value));
  if (Array.isArray(s.enum)) check(enumSet(s.enum).has(canon(value)));
  if (typeof value === "number") numeric(value, s, check);
  if (typeof value === "string") {
    const len = [...value].length;
    const [min, max] = [num(s, "minLength"), num(s, "maxLength")];
    if (min !== undefined) check(len >= min);
    if (max !== undefined) check(len <= max);
    if (typeof s.pattern === "string") {
      const re = regex(s.pattern);
      check(re ? re.test(value) : undefined, `pattern /${s.pattern}/ is not a regular expression JavaScript reads`);
    }
    if (typeof s.format === "string") check(formatOk(s.format, value), `format "${s.format}" is not one lockstep knows: each validator checks formats with its own code`);
  }
  // An invalid outcome ends early: no caller reads the evaluated names of one (they merge only valid ones).
  const failed = () => out.valid === false;
  if (failed()) return out;
  if (Array.isArray(value)) array(value, s, r, depth, out, check);
  if (isObject(value)) object(value, s, r, depth, out, check);
  if (failed()) return out;
  // In-place applicators: their evaluated properties and items count for unevaluated*.
  const merge = (o: Outcome) => {
    o.props.forEach((p) => out.props.add(p));
    out.items = Math.max(out.items, o.items);
  };
  if (Array.isArray(s.allOf)) for (const m of s.allOf) { const o = sub(value, m); check(o.valid); if (failed()) return out; if (o.valid) merge(o); }
  if (Array.isArray(s.anyOf)) {
    const os = s.anyOf.map((m) => sub(value, m));
    check(os.some((o) => o.valid === true) ? true : os.every((o) => o.valid === false) ? false : undefined);
    os.filter((o) => o.valid).forEach(merge);
  }
  if (Array.isArray(s.oneOf)) {
    const os = s.oneOf.map((m) => sub(value, m));
    const yes = os.filter((o) => o.valid === true).length;
    check(os.some((o) => o.valid === undefined) ? (yes > 1 ? false : undefined) : yes === 1);
    os.filter((o) => o.valid).forEach(merge);
  }
  if ("not" in s) {
    const o = sub(value, s.not);
    check(o.valid === undefined ? undefined : !o.valid);
  }
  if ("if" in s) {
    const c = sub(value, s.if);
    if (c.valid === undefined) check(undefined);
    else {
      if (c.valid) merge(c);
      const branch = c.valid ? s.then : s.else;
      if (branch !== undefined) { const o = sub(value, branch); check(o.valid); if (o.valid) merge(o); }
    }
  }
  if (isObject(value) && "unevaluatedProperties" in s) {
    for (const k of Object.keys(value)) if (!out.props.has(k)) check(sub(value[k], s.unevaluatedProperties).valid);
    Object.keys(value).forEach((k) => out.props.add(k));
  }
  if (Array.isArray(value) && "unevaluatedItems" in s) {
    for (let i = out.items; i < value.length; i++) check(sub(value[i], s.unevaluatedItems).valid);
    out.items = Infinity;
  }
  return out;
}

function numeric(value: number, s: Schema, check: (v: boolean | undefined) => void): void {
  const lo = bound(s, "min");
  const hi = bound(s, "max");
  if (lo) check(lo.exclusive ? value > lo.value : value >= lo.value);
  if (hi) check(hi.exclusive ? value < hi.value : value <= hi.value);
  const m = num(s, "multipleOf");
  if (m !== undefined && m > 0) {
    const q = value / m;
    check(Math.abs(q - Math.round(q)) < 1e-9);
  }
}

function array(value: unknown[], s: Schema, r: Resolver, depth: number, out: Outcome, check: (v: boolean | undefined) => void): void {
  const sub = (v: unknown, x: unknown) => {
    const o = validate(v, x, r, depth + 1);
    if (o.valid === undefined && o.why) out.why ??= o.why;
    return o;
  };
  const [min, max] = [num(s, "minItems"), num(s, "maxItems")];
  if (min !== undefined) check(value.length >= min);
  if (max !== undefined) check(value.length <= max);
  if (s.uniqueItems === true) check(new Set(value.map(canon)).size === value.length);
  const prefix = prefixOf(s);
  prefix.forEach((p, i) => { if (i < value.length) check(sub(value[i], p).valid); });
  out.items = Math.max(out.items, prefix.length);
  const rest = restOf(s);
  if (rest !== undefined) {
    for (let i = prefix.length; i < value.length; i++) check(sub(value[i], rest).valid);
    out.items = Infinity;
  }
  if ("contains" in s) {
    const hits = value.filter((v) => sub(v, s.contains).valid === true).length;
    const unsure = value.some((v) => sub(v, s.contains).valid === undefined);
    const lo = num(s, "minContains") ?? 1;
    const hi = num(s, "maxContains");
    const ok = hits >= lo && (hi === undefined || hits <= hi);
    check(unsure ? (ok ? undefined : hits >= lo ? false : undefined) : ok);
  }
}

function object(value: Record<string, unknown>, s: Schema, r: Resolver, depth: number, out: Outcome, check: (v: boolean | undefined) => void): void {
  const sub = (v: unknown, x: unknown) => {
    const o = validate(v, x, r, depth + 1);
    if (o.valid === undefined && o.why) out.why ??= o.why;
    return o;
  };
  const keys = Object.keys(value);
  const [min, max] = [num(s, "minProperties"), num(s, "maxProperties")];
  if (min !== undefined) check(keys.length >= min);
  if (max !== undefined) check(keys.length <= max);
  for (const k of requiredOf(s)) check(k in value);
  const props = propertiesOf(s);
  const patterns = patternsOf(s);
  for (const k of keys) {
    if (out.valid === false) return;
    let matched = false;
    if (Object.prototype.hasOwnProperty.call(props, k)) {
      matched = true;
      check(sub(value[k], props[k]).valid);
    }
    for (const [p, ps] of patterns) {
      const re = regex(p);
      if (!re) check(undefined);
      else if (re.test(k)) {
        matched = true;
        check(sub(value[k], ps).valid);
      }
    }
    if (matched) out.props.add(k);
    else if ("additionalProperties" in s) {
      check(sub(value[k], s.additionalProperties).valid);
      out.props.add(k);
    }
    if ("propertyNames" in s) check(sub(k, s.propertyNames).valid);
  }
  for (const [k, deps] of depRequired(s)) if (k in value) for (const d of deps) check(d in value);
  for (const [k, ds] of depSchemas(s)) if (k in value) check(sub(value, ds).valid);
}
