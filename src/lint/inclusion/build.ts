/**
 * Valid instances built goal-directed, where blind sampling rarely lands (a configuration whose
 * objects nest allOf members with if/then/else and oneOf): the schemas that hold at a place are
 * kept together as a conjunction; each `if` is met or failed on purpose (its then or else joins
 * the conjunction), each union contributes one branch, values come from `const`/`enum`, then
 * `default`/`examples`, then samples; an object gets its required properties first and then, one
 * at a time, each optional property whose value keeps it valid. Every result is checked with
 * validate(): a wrong guess costs time, never a wrong witness. Bounded by a step budget.
 */
import { omit } from "../../ir/schema.js";
import { isObject, isUnresolved, type Resolver, type Schema } from "../resolver.js";
import { canon } from "../values.js";
import { ANNOTATION_KEYWORDS, depRequired, depSchemas, patternsOf, prefixOf, propertiesOf, regex, requiredOf, restOf, typesOf, type JsonType } from "./keywords.js";
import { samples } from "./sample.js";
import { validate } from "./validate.js";

const FAIL = Symbol("fail");
type Built = unknown | typeof FAIL;

/** Validations and generation steps per build, at most: a hostile schema ends the build, not lint. */
const STEPS = 4000;
const MAX_DEPTH = 10;
/** Schemas in one conjunction, at most (nested allOf). */
const MAX_MEMBERS = 64;
/** Branch combinations tried per conjunction. */
const MAX_COMBOS = 16;

interface Ctx {
  r: Resolver;
  steps: number;
  /** Optional properties too (a rich instance, with inner objects to mutate) or only what is required. */
  rich: boolean;
  /** Try `else` before `then` (another instance). */
  flip: boolean;
}

/** Built once per written schema (transitive lint compares one node with many versions). */
const built = new WeakMap<Resolver, WeakMap<object, unknown[]>>();

/** Up to four valid instances of the schema: rich or minimal, with `then` or `else` first. */
export function buildValid(schema: unknown, r: Resolver): unknown[] {
  if (!isObject(schema) || r.originOf(schema) === undefined) return buildFresh(schema, r);
  let mine = built.get(r);
  if (!mine) built.set(r, (mine = new WeakMap()));
  let out = mine.get(schema);
  if (!out) mine.set(schema, (out = buildFresh(schema, r)));
  return out;
}

function buildFresh(schema: unknown, r: Resolver): unknown[] {
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (const [rich, flip] of [[true, false], [true, true], [false, false], [false, true]] as const) {
    const ctx: Ctx = { r, steps: STEPS, rich, flip };
    const v = build([schema], ctx, 0);
    if (v === FAIL) continue;
    const key = canon(v);
    if (!seen.has(key) && validate(v, schema, r).valid === true) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}

function spend(ctx: Ctx, n = 1): boolean {
  ctx.steps -= n;
  return ctx.steps > 0;
}

function validAll(v: unknown, list: Schema[], ctx: Ctx): boolean {
  // A wide object costs more to validate: the budget bounds time, not calls.
  const width = isObject(v) ? Object.keys(v).length : Array.isArray(v) ? v.length : 0;
  if (!spend(ctx, list.length * (1 + Math.floor(width / 4)))) return false;
  return list.every((s) => validate(v, s, ctx.r).valid === true);
}

/** The conjunction as flat schema objects (allOf expanded, $refs followed); undefined when one is false. */
function flatten(list: unknown[], ctx: Ctx, out: Schema[] = [], depth = 0): Schema[] | undefined {
  for (const x of list) {
    const s = ctx.r.deref(x);
    if (s === false) return undefined;
    if (!isObject(s) || isUnresolved(s) || depth > MAX_DEPTH || out.length >= MAX_MEMBERS) continue;
    const origin = ctx.r.originOf(s);
    if (origin) ctx.r.registerChildren(s, origin);
    if (Array.isArray(s.allOf)) {
      if (!flatten(s.allOf as unknown[], ctx, out, depth + 1)) return undefined;
      const rest = omit(s, "allOf");
      if (Object.keys(rest).length > 0) out.push(rest);
    } else out.push(s);
  }
  return out;
}

/** The choices a conjunction leaves open: each `if` (met or failed) and each union (one branch). */
function choicesOf(flat: Schema[], ctx: Ctx): Array<{ index: number; options: Array<{ drop: string[]; add: unknown[] }> }> {
  const out: Array<{ index: number; options: Array<{ drop: string[]; add: unknown[] }> }> = [];
  flat.forEach((s, index) => {
    if ("if" in s && !("then" in s) && !("else" in s)) out.push({ index, options: [{ drop: ["if"], add: [] }] }); // a lone if asserts nothing
    else if ("if" in s) {
      const yes = { drop: ["if", "then", "else"], add: [s.if, "then" in s ? s.then : true] };
      const no = { drop: ["if", "then", "else"], add: [{ not: s.if }, "else" in s ? s.else : true] };
      out.push({ index, options: ctx.flip ? [no, yes] : [yes, no] });
    }
    for (const k of ["oneOf", "anyOf"]) {
      if (!Array.isArray(s[k])) continue;
      const branches = s[k] as unknown[];
      // A oneOf branch must fail the others; validate() checks that at the end.
      out.push({ index, options: branches.slice(0, 8).map((b) => ({ drop: [k], add: [b] })) });
    }
  });
  return out;
}

/** `guard`: the same instance's enclosing conjunctions, whose unions and conditions the choices made here must not break. */
function build(list: unknown[], ctx: Ctx, depth: number, guard: Schema[] = []): Built {
  if (depth > MAX_DEPTH || !spend(ctx)) return FAIL;
  const flat = flatten(list, ctx);
  if (!flat) return FAIL;
  const choices = choicesOf(flat, ctx);
  if (choices.length === 0) return plain(flat, ctx, depth, guard);
  // Combinations in order, the first choice varying slowest, at most MAX_COMBOS.
  const sizes = choices.map((c) => c.options.length);
  const pick = sizes.map(() => 0);
  for (let n = 0; n < MAX_COMBOS && ctx.steps > 0; n++) {
    const chosen = choices.map((c, i) => ({ index: c.index, ...c.options[pick[i]!]! }));
    const conj: unknown[] = flat.map((s, i) => {
      const drop = chosen.filter((c) => c.index === i).flatMap((c) => c.drop);
      return drop.length > 0 ? omit(s, ...drop) : s;
    });
    for (const c of chosen) conj.push(...c.add);
    const v = build(conj, ctx, depth + 1, [...guard, ...flat]);
    if (v !== FAIL && validAll(v, flat, ctx)) return v;
    let i = sizes.length - 1;
    while (i >= 0 && ++pick[i]! >= sizes[i]!) pick[i--] = 0;
    if (i < 0) break;
  }
  return FAIL;
}

/** A conjunction without open choices. */
function plain(flat: Schema[], ctx: Ctx, depth: number, guard: Schema[]): Built {
  // Listed values: the only candidates.
  const listed = flat.filter((s) => "const" in s || Array.isArray(s.enum));
  if (listed.length > 0) {
    const first = listed[0]!;
    const values = "const" in first ? [first.const] : (first.enum as unknown[]);
    for (const v of values.slice(0, 64)) if (validAll(v, flat, ctx)) return v;
    return FAIL;
  }
  // Values the schema's author wrote down.
  for (const s of flat) {
    for (const v of [...("default" in s ? [s.default] : []), ...(Array.isArray(s.examples) ? s.examples.slice(0, 4) : [])]) {
      if (validAll(v, flat, ctx)) return v;
    }
  }
  for (const t of typeOrder(flat)) {
    const v = t === "object" ? object(flat, ctx, depth, guard) : t === "array" ? array(flat, ctx, depth) : scalar(flat, t, ctx);
    if (v !== FAIL && validAll(v, flat, ctx)) return v;
  }
  return FAIL;
}

function typeOrder(flat: Schema[]): JsonType[] {
  let types: JsonType[] = ["object", "array", "string", "integer", "number", "boolean", "null"];
  for (const s of flat) {
    const t = typesOf(s);
    if (t) types = types.filter((x) => t.has(x) || (x === "integer" && t.has("number")));
  }
  const has = (keys: string[]) => flat.some((s) => keys.some((k) => k in s));
  const first: JsonType[] = has(["properties", "required", "patternProperties", "additionalProperties"]) ? ["object"] : has(["items", "prefixItems", "contains"]) ? ["array"] : [];
  return [...first.filter((t) => types.includes(t)), ...types.filter((t) => !first.includes(t))];
}

function scalar(flat: Schema[], t: JsonType, ctx: Ctx): Built {
  const seen = new Set<string>();
  for (const s of flat) {
    const typed = { ...s, type: t };
    for (const v of samples(typed, ctx.r).slice(0, 24)) {
      const key = canon(v);
      if (seen.has(key)) continue;
      seen.add(key);
      if (validAll(v, flat, ctx)) return v;
    }
  }
  for (const v of t === "string" ? ["a", ""] : t === "integer" || t === "number" ? [0, 1] : t === "boolean" ? [true, false] : [null]) if (validAll(v, flat, ctx)) return v;
  return FAIL;
}

function array(flat: Schema[], ctx: Ctx, depth: number): Built {
  let prefix: unknown[][] = [];
  const rest: unknown[] = [];
  let min = 0;
  for (const s of flat) {
    prefixOf(s).forEach((p, i) => (prefix[i] = [...(prefix[i] ?? []), p]));
    const r = restOf(s);
    if (r !== undefined && !Array.isArray(r)) rest.push(r);
    if (typeof s.minItems === "number") min = Math.max(min, s.minItems);
    if ("contains" in s) rest.push({ anyOf: [s.contains, true] });
  }
  prefix = Array.from(prefix, (p) => p ?? []);
  const contains = flat.filter((s) => "contains" in s).map((s) => s.contains);
  const length = Math.min(Math.max(min, prefix.length, ctx.rich || contains.length > 0 ? 1 : 0), 8);
  const out: unknown[] = [];
  for (let i = 0; i < length; i++) {
    const at = i < prefix.length ? [...prefix[i]!, ...(i === 0 ? contains : [])] : [...rest, ...(i === 0 ? contains : [])];
    const v = build(at, ctx, depth + 1);
    if (v === FAIL) return length > min && i >= min ? out : FAIL;
    out.push(v);
  }
  return out;
}

function object(flat: Schema[], ctx: Ctx, depth: number, guard: Schema[]): Built {
  const props = new Map<string, unknown[]>();
  const required = new Set<string>();
  const forbidden = new Set<string>();
  for (const s of flat) {
    for (const [n, p] of Object.entries(propertiesOf(s))) props.set(n, [...(props.get(n) ?? []), p]);
    for (const n of requiredOf(s)) required.add(n);
    // `not` read positively where it is simple: names it requires stay absent; one property it constrains gets the opposite.
    const not = ctx.r.deref(s.not);
    if (isObject(not) && !isUnresolved(not)) {
      const names = requiredOf(not);
      if (names.length > 0) names.forEach((n) => forbidden.add(n));
      else {
        const np = Object.entries(propertiesOf(not));
        if (np.length === 1 && Object.keys(not).every((k) => k === "properties" || k === "type" || ANNOTATION_KEYWORDS.has(k))) {
          const [n, p] = np[0]!;
          required.add(n);
          props.set(n, [...(props.get(n) ?? []), { not: p }]);
        }
      }
    }
  }
  for (const n of required) if (forbidden.has(n)) return FAIL;
  const schemasFor = (n: string): unknown[] => {
    const own = props.get(n);
    const out = own ? [...own] : [];
    for (const s of flat) {
      let matched = Object.prototype.hasOwnProperty.call(propertiesOf(s), n);
      for (const [p, ps] of patternsOf(s)) if (regex(p)?.test(n)) { out.push(ps); matched = true; }
      if (!matched && "additionalProperties" in s) out.push(s.additionalProperties);
      if ("propertyNames" in s && validate(n, s.propertyNames, ctx.r).valid !== true) out.push(false);
    }
    return out;
  };
  const obj: Record<string, unknown> = {};
  const pending = [...required];
  const done = new Set<string>();
  // Dependencies pull in more names (and schemas) as names are added.
  for (let k = 0; k < pending.length && k < 64; k++) {
    const n = pending[k]!;
    if (done.has(n)) continue;
    done.add(n);
    const v = build(schemasFor(n), ctx, depth + 1);
    if (v === FAIL) return FAIL;
    put(obj, n, v);
    for (const s of flat) for (const d of depRequired(s).get(n) ?? []) pending.push(d);
  }
  // Schemas that depend on present names join the conjunction, and the object is built again.
  const deps = flat.flatMap((s) => [...depSchemas(s)].filter(([n]) => n in obj).map(([, d]) => d));
  if (deps.length > 0 && !validAll(obj, flat, ctx)) return build([...flat.map(withoutDepSchemas), ...deps, { required: Object.keys(obj) }], ctx, depth + 1);
  const all = [...flat, ...guard];
  if (!ctx.rich || !validAll(obj, all, ctx)) return obj;
  // Optional properties, one at a time, kept while the object stays valid.
  for (const n of props.keys()) {
    if (n in obj || forbidden.has(n) || ctx.steps <= 0) continue;
    const v = build(schemasFor(n), ctx, depth + 1);
    if (v === FAIL) continue;
    put(obj, n, v);
    if (!validAll(obj, all, ctx)) delete obj[n];
  }
  return obj;
}

/** The schema without its dependent schemas (the names they depend on are present), dependentRequired kept. */
function withoutDepSchemas(s: Schema): Schema {
  const out = omit(s, "dependentSchemas", "dependencies");
  const req = depRequired(s);
  if (req.size > 0) out.dependentRequired = Object.fromEntries(req);
  return out;
}

/** An own property whatever its name (`__proto__` too). */
function put(o: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(o, name, { value, enumerable: true, writable: true, configurable: true });
}
