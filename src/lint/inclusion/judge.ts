/**
 * Set inclusion between two schemas: does every instance the first accepts validate under the
 * second? A structural proof answers "yes"; otherwise a witness (a candidate instance one accepts
 * and the other rejects, see sample.ts) answers "no"; otherwise the answer is "unknown", with the
 * reason (two different patterns or formats, whose inclusion lockstep cannot decide). The two
 * schemas may come from different trees (--against), so each side has its own resolver.
 */
import { omit } from "../../ir/schema.js";
import { isObject, isUnresolved, type Resolver, type Schema } from "../resolver.js";
import { canon } from "../values.js";
import { mergeForLint, type Merged } from "../merge.js";
import { sameSubtree } from "../walk.js";
import { arrays, governing, numbers, objects, strings } from "./families.js";
import { admits, isTrivial, JSON_TYPES, typeOfValue, typesOf, valuesOf, type JsonType } from "./keywords.js";
import { casesOf, factsSchema, hasLogic, reduce } from "./cases.js";
import { buildValid } from "./build.js";
import { mutations, shrink, valuePool } from "./mutate.js";
import { fromPattern, GENERIC, samples } from "./sample.js";
import { validate } from "./validate.js";

export type Verdict = { kind: "yes" } | { kind: "no"; witness: unknown } | { kind: "unknown"; why: string };

/** Why a proof failed: `undecidable` when lockstep cannot decide it in principle (patterns, formats). */
export interface Gap {
  why: string;
  undecidable: boolean;
}
export type Proof = true | Gap;

export const gap = (why: string, undecidable = false): Gap => ({ why, undecidable });

/** The first gap, preferring an undecidable one (its reason is what the user needs). */
export function both(...proofs: Array<() => Proof>): Proof {
  for (const p of proofs) {
    const r = p();
    if (r !== true) return r;
  }
  return true;
}

export interface Node {
  s: unknown;
  r: Resolver;
}

const at = (s: unknown, r: Resolver): Node => ({ s, r });

export class Judge {
  private readonly active = new Map<unknown, Set<unknown>>();
  private splits = 0;

  /** Every instance of `a` is valid under `b`. */
  includes(a: Node, b: Node): Verdict {
    const proof = this.prove(a, b, 0);
    if (proof === true) return { kind: "yes" };
    // Mutating valid data is costly: only where a witness may exist and lockstep can check it.
    const w = this.witness(a, b, !proof.undecidable);
    if (w !== undefined) return { kind: "no", witness: w.value };
    return { kind: "unknown", why: proof.why };
  }

  /**
   * Candidates come from the old side and from the parts of the new side that reject data (its
   * `not`, `if`, dependent schemas), merged when both are objects; shortest first, so the data
   * shown is the simplest found.
   */
  witness(a: Node, b: Node, deep = true): { value: unknown } | undefined {
    const own = samples(a.s, a.r);
    const sa = this.deref(a);
    const sb = this.deref(b);
    const other = [...probes(sb).flatMap((p) => samples(p, b.r).slice(0, 24)), ...probes(sa).flatMap((p) => samples(p, a.r).slice(0, 24))];
    const objs = own.filter(isObject).slice(0, 6);
    const merged = other.flatMap((o) => (isObject(o) ? objs.map((x) => ({ ...x, ...o })) : []));
    // Each name either side knows, with values of every kind, on the old side's objects.
    const names = [...new Set([...namesOf(sa, a.r), ...namesOf(sb, b.r)])].slice(0, 32);
    const named = names.flatMap((n) => GENERIC.flatMap((v) => [{ [n]: v }, ...objs.slice(0, 3).map((x) => ({ ...x, [n]: v }))]));
    const [ia, ib] = [itemSchemas(sa, a.r), itemSchemas(sb, b.r)];
    const items = [...ia, ...ib].flatMap((x, i) => samples(x, i < ia.length ? a.r : b.r).slice(0, 8));
    const arrays = [...items, ...GENERIC.slice(0, 4)].flatMap((v) => [1, 2, 3, 4, 6].map((n) => Array<unknown>(n).fill(v)));
    // A name neither side declares, with values either side's additionalProperties admits.
    const extra = [...additionalSamples(sa, a.r), ...additionalSamples(sb, b.r)].flatMap((v) => [{ [UNDECLARED]: v }, ...objs.slice(0, 3).map((x) => ({ ...x, [UNDECLARED]: v }))]);
    const seen = new Set<string>();
    const candidates = [...own, ...other, ...merged, ...named, ...arrays, ...extra]
      .map((v) => ({ v, key: canon(v) }))
      .filter((c) => !seen.has(c.key) && seen.add(c.key))
      .sort((x, y) => x.key.length - y.key.length);
    const valid: Array<{ v: unknown; key: string }> = [];
    for (const c of candidates) {
      if (validate(c.v, a.s, a.r).valid !== true) continue;
      if (validate(c.v, b.s, b.r).valid === false) return { value: c.v };
      valid.push(c);
    }
    // Deeper: valid instances built for the old side (build.ts) and the richest sampled ones,
    // each with one property of one inner object changed; the witness found is then shrunk.
    if (!deep) return undefined;
    const breaks = (m: unknown) => validate(m, a.s, a.r).valid === true && validate(m, b.s, b.r).valid === false;
    const built = buildValid(a.s, a.r);
    for (const v of built) if (validate(v, b.s, b.r).valid === false) return { value: shrink(v, breaks) };
    const bases = [...built, ...valid.sort((x, y) => y.key.length - x.key.length).slice(0, 3).map((c) => c.v)];
    let budget = MUTATIONS;
    for (const m of mutations(bases, valuePool([a, b]))) {
      if (budget-- <= 0) return undefined;
      if (breaks(m)) return { value: shrink(m, breaks) };
    }
    return undefined;
  }

  deref(n: Node): unknown {
    const s = n.r.deref(n.s);
    if (isObject(s) && !isUnresolved(s)) {
      const o = n.r.originOf(s);
      if (o) n.r.registerChildren(s, o);
    }
    return s;
  }

  prove(a: Node, b: Node, depth: number): Proof {
    if (depth > 40) return gap("the schemas nest too deeply to compare");
    const sa = this.deref(a);
    const sb = this.deref(b);
    if (isUnresolved(sa) || isUnresolved(sb)) {
      const u = (isUnresolved(sa) ? sa : sb) as { unresolvedRef: string; reason: string };
      return gap(`a $ref cannot be followed (${u.unresolvedRef}: ${u.reason})`, true);
    }
    if (sa === false || isTrivial(sb) || sb === undefined) return true;
    if (sb === false) return this.empty(sa, a.r, depth) ? true : gap("the schema is false");
    if (!isObject(sb)) return gap("the schema is not an object"); // a number or string where a schema belongs
    const A: Schema = isObject(sa) ? sa : {};
    const B = sb;
    if (A === B && a.r === b.r) return true;
    if (sameSubtree(A, B, a.r.tree !== b.r.tree)) return true;
    let seen = this.active.get(A);
    if (seen?.has(B)) return true; // recursive schemas: assume inclusion while proving it (coinduction)
    if (!seen) this.active.set(A, (seen = new Set()));
    seen.add(B);
    try {
      const p = this.proveObjects(A, a.r, B, b.r, depth);
      // Split only written schemas (not the judge's own conjunctions), two levels deep at most.
      if (p === true || p.undecidable || this.splits >= 2 || (depth > 0 && a.r.originOf(A) === undefined)) return p;
      return this.split(A, a.r, B, b.r, depth) ?? p;
    } finally {
      seen.delete(B);
    }
  }

  /** No instance is valid (sound, not complete): a `not` that the rest of the schema always meets. */
  private empty(s: unknown, r: Resolver, depth: number): boolean {
    const x = r.deref(s);
    if (x === false) return true;
    if (!isObject(x) || isUnresolved(x) || depth > 40) return false;
    const d = depth + 1;
    for (const key of ["anyOf", "oneOf"] as const) {
      if (!Array.isArray(x[key])) continue;
      const branches = x[key] as unknown[];
      // A oneOf branch also excludes the others.
      const others = (i: number) => (key === "oneOf" && branches.length > 1 ? [{ not: { anyOf: branches.filter((_, j) => j !== i) } }] : []);
      return branches.every((br, i) => this.empty({ allOf: [omit(x, key), br, ...others(i)] }, r, d));
    }
    if ("not" in x && this.prove(at(omit(x, "not"), r), at(x.not, r), d) === true) return true;
    if (!Array.isArray(x.allOf)) return false;
    const members = [omit(x, "allOf"), ...(x.allOf as unknown[])].map((m) => r.deref(m));
    if (members.some((m) => m === false)) return true;
    return members.some((m, i) => isObject(m) && !isUnresolved(m) && (Array.isArray(m.oneOf) || Array.isArray(m.anyOf) || "not" in m) && this.empty({ ...m, allOf: members.filter((_, j) => j !== i) }, r, d));
  }

  /** Objects whose logic turns on presence or a tag: proved case by case (cases.ts), once per proof. */
  private split(A: Schema, ra: Resolver, B: Schema, rb: Resolver, depth: number): true | undefined {
    if (!hasLogic(A) && !hasLogic(B)) return undefined;
    const k = kinds(A);
    if (k.size !== 1 || !k.has("object")) return undefined;
    const cases = casesOf(A, ra, B, rb);
    if (!cases) return undefined;
    this.splits++;
    try {
      for (const f of cases) {
        const a = reduce(A, f, ra);
        if (a === false) continue;
        const b = reduce(B, f, rb);
        if (b === true) continue;
        if (b === false && !this.empty({ allOf: [factsSchema(f), a] }, ra, depth + 1)) return undefined;
        if (b === false) continue;
        if (this.prove(at({ allOf: [factsSchema(f), a] }, ra), at(b, rb), depth + 1) !== true) return undefined;
      }
      return true;
    } finally {
      this.splits--;
    }
  }

  private proveObjects(A: Schema, ra: Resolver, B: Schema, rb: Resolver, depth: number): Proof {
    const d = depth + 1;
    const sub = (x: unknown, y: unknown) => this.prove(at(x, ra), at(y, rb), d);
    // A union on the old side: each branch (with the rest of A) must be included.
    for (const key of ["anyOf", "oneOf"] as const) {
      if (!Array.isArray(A[key])) continue;
      const rest = omit(A, key);
      const branches = A[key] as unknown[];
      for (let i = 0; i < branches.length; i++) {
        // A oneOf branch also excludes the others.
        const others = key === "oneOf" && branches.length > 1 ? [{ not: { anyOf: branches.filter((_, j) => j !== i) } }] : [];
        const p = sub({ allOf: [rest, branches[i], ...others] }, B);
        if (p !== true) return p;
      }
      return true;
    }
    if (Array.isArray(A.allOf)) return this.allOfOld(A, ra, B, rb, d);
    const values = valuesOf(A);
    if (values) return this.valuesIn(values, A, ra, B, rb);
    // An old `not` that every other old instance matches: the old schema is empty.
    if ("not" in A && sub(omit(A, "not"), A.not) === true) return true;
    if ("if" in A && ("then" in A || "else" in A)) {
      // A = (A ∧ if ∧ then) ∪ (A ∧ ¬if ∧ else).
      const rest = omit(A, "if", "then", "else");
      const yes = sub({ allOf: [rest, A.if, "then" in A ? A.then : true] }, B) === true;
      if (yes && sub({ allOf: [rest, { not: A.if }, "else" in A ? A.else : true] }, B) === true) return true;
    }
    const parts: Array<() => Proof> = [];
    if (Array.isArray(B.allOf)) for (const m of B.allOf) parts.push(() => sub(A, m));
    if (Array.isArray(B.anyOf)) parts.push(() => this.anyOf(A, ra, B.anyOf as unknown[], rb, d));
    if (Array.isArray(B.oneOf)) parts.push(() => this.oneOf(A, ra, B.oneOf as unknown[], rb, d));
    if ("not" in B) parts.push(() => (this.disjoint(at(A, ra), at(B.not, rb), d) ? true : gap("lockstep cannot show that no instance of one schema matches the other's `not`")));
    if ("if" in B) parts.push(() => this.conditional(A, ra, B, rb, d));
    parts.push(() => this.plain(A, ra, B, rb, d));
    return both(...parts);
  }

  /**
   * An old allOf: merged (merge.ts; a keyword one value cannot merge keeps its first value, which
   * only widens the old side, so proofs stay sound), plus one variant per member carrying that member's conditional,
   * `not` or union, for the part of the new schema that needs it.
   */
  private allOfOld(A: Schema, ra: Resolver, B: Schema, rb: Resolver, d: number): Proof {
    const sub = (x: unknown, y: unknown) => this.prove(at(x, ra), at(y, rb), d);
    const { schema: merged, inexact } = conjoin(A, ra);
    const variants: Schema[] = [merged];
    // Where members disagree (two patterns) the merge kept one value, and a member the merge cannot
    // read (a $ref not followed) is lost: each member alone still includes A, for a new allOf's parts.
    const parted = Array.isArray(B.allOf) || inexact.size > 0;
    const sure = omit(merged, ...inexact, ...LOGIC);
    if (parted) for (const m of A.allOf as unknown[]) if (isObject(ra.deref(m))) variants.push(ra.deref(m) as Schema, { ...sure, ...(ra.deref(m) as Schema) });
    for (const m of A.allOf as unknown[]) {
      const x = ra.deref(m);
      if (!isObject(x) || !LOGIC.some((k) => k in x)) continue;
      const v: Schema = omit(merged, ...LOGIC);
      for (const k of LOGIC) if (k in x) v[k] = x[k];
      variants.push(v);
    }
    if (variants.length === 1) return sub(merged, B);
    const parts = Array.isArray(B.allOf) ? [omit(B, "allOf"), ...(B.allOf as unknown[])] : [B];
    for (const part of parts) {
      let first: Proof | undefined;
      for (const v of variants) {
        const p = sub(v, part);
        if (p === true) {
          first = true;
          break;
        }
        first ??= p;
      }
      if (first !== true) return first ?? gap("no part of the old allOf includes the other schema");
    }
    return true;
  }

  private valuesIn(values: unknown[], A: Schema, ra: Resolver, B: Schema, rb: Resolver): Proof {
    for (const v of values) {
      const own = validate(v, omit(A, "enum", "const"), ra).valid;
      if (own === false) continue;
      const o = validate(v, B, rb);
      if (o.valid === false) return gap(`${canon(v)} is rejected`);
      if (o.valid === undefined) return gap(`${canon(v)}: ${o.why ?? "lockstep cannot check it"}`, o.why !== undefined);
    }
    return true;
  }

  private anyOf(A: Schema, ra: Resolver, branches: unknown[], rb: Resolver, d: number): Proof {
    let last: Proof = gap("no single branch of anyOf includes the other schema");
    for (const br of branches) {
      const p = this.prove(at(A, ra), at(br, rb), d);
      if (p === true) return true;
      if (p.undecidable) last = p;
    }
    // Split the old schema by type: each kind may be covered by a different branch.
    const types = typesOf(A);
    if (types && types.size > 1) {
      for (const t of types) {
        const slice = { ...A, type: t };
        let covered = false;
        for (const br of branches) {
          const p = this.prove(at(slice, ra), at(br, rb), d);
          if (p === true) {
            covered = true;
            break;
          }
          if (p.undecidable) last = p;
        }
        if (!covered) return last;
      }
      return true;
    }
    return last;
  }

  private oneOf(A: Schema, ra: Resolver, branches: unknown[], rb: Resolver, d: number): Proof {
    let undecided: Gap | undefined;
    for (let i = 0; i < branches.length; i++) {
      const p = this.prove(at(A, ra), at(branches[i], rb), d);
      if (p !== true) {
        if (p.undecidable) undecided ??= p;
        continue;
      }
      const others = branches.filter((_, j) => j !== i);
      if (others.every((o) => this.disjoint(at(A, ra), at(o, rb), d))) return true;
      return gap("instances may match more than one branch of oneOf");
    }
    const types = typesOf(A);
    if (types && types.size > 1) {
      const slices = [...types].map((t) => ({ ...A, type: t }));
      if (slices.every((sl) => this.oneOf(sl, ra, branches, rb, d) === true)) return true;
    }
    return undecided ?? gap("no single branch of oneOf includes the other schema");
  }

  private conditional(A: Schema, ra: Resolver, B: Schema, rb: Resolver, d: number): Proof {
    const then = "then" in B ? B.then : true;
    const els = "else" in B ? B.else : true;
    const sub = (x: unknown, y: unknown) => this.prove(at(x, ra), at(y, rb), d);
    if ("if" in A && sameSubtree(A.if, B.if, ra.tree !== rb.tree)) {
      const rest = omit(A, "if", "then", "else");
      return both(() => sub({ allOf: [rest, A.if, "then" in A ? A.then : true] }, then), () => sub({ allOf: [rest, "else" in A ? A.else : true] }, els));
    }
    if (sub(A, then) === true && sub(A, els) === true) return true;
    if (sub(A, B.if) === true) return sub(A, then);
    if (this.disjoint(at(A, ra), at(B.if, rb), d)) return sub(A, els);
    if (ra === rb) {
      // Same tree: A ∧ if ⊆ then and A ∧ ¬if ⊆ else, read directly.
      const t = sub({ allOf: [A, B.if] }, then);
      if (t === true && sub({ allOf: [A, { not: B.if }] }, els) === true) return true;
    }
    return gap("lockstep cannot tell which instances meet `if`");
  }

  /** No instance is valid under both (sound, not complete). */
  disjoint(a: Node, c: Node, depth: number): boolean {
    if (depth > 40) return false;
    const sa = this.deref(a);
    const sc = this.deref(c);
    if (sa === false || sc === false) return true;
    if (!isObject(sa) || !isObject(sc) || isUnresolved(sa) || isUnresolved(sc)) return false;
    const d = depth + 1;
    for (const key of ["anyOf", "oneOf"] as const) {
      if (Array.isArray(sa[key])) return (sa[key] as unknown[]).every((br) => this.disjoint(at({ allOf: [omit(sa, key), br] }, a.r), c, d));
      if (Array.isArray(sc[key])) return (sc[key] as unknown[]).every((br) => this.disjoint(a, at({ allOf: [omit(sc, key), br] }, c.r), d));
    }
    const A = conjoin(sa, a.r).schema;
    const C = conjoin(sc, c.r).schema;
    if ("not" in A && this.prove(at(C, c.r), at(A.not, a.r), d) === true) return true;
    if ("not" in C && this.prove(at(A, a.r), at(C.not, c.r), d) === true) return true;
    if (a.r === c.r) {
      // A = A' ∧ ¬N: A and C are disjoint when A' ∧ C ⊆ N (and the same for C).
      if ("not" in A && this.prove(at({ allOf: [omit(A, "not"), C] }, a.r), at(A.not, a.r), d) === true) return true;
      if ("not" in C && this.prove(at({ allOf: [omit(C, "not"), A] }, a.r), at(C.not, a.r), d) === true) return true;
    }
    const ka = kinds(A);
    const kc = kinds(C);
    if (![...ka].some((t) => kc.has(t) || (t === "integer" && kc.has("number")) || (t === "number" && kc.has("integer")))) return true;
    const va = valuesOf(A);
    if (va && va.every((v) => validate(v, C, c.r).valid === false)) return true;
    const vc = valuesOf(C);
    if (vc && vc.every((v) => validate(v, A, a.r).valid === false)) return true;
    if (!ka.has("object") || !kc.has("object")) return false;
    const reqA = new Set(Array.isArray(A.required) ? A.required : []);
    const reqC = new Set(Array.isArray(C.required) ? C.required : []);
    const pa = isObject(A.properties) ? A.properties : {};
    const pc = isObject(C.properties) ? C.properties : {};
    for (const n of reqC) if (governing(C, n) === false || governing(A, n) === false) return true;
    for (const n of reqA) if (governing(A, n) === false) return true;
    for (const n of reqC) if (!(n in pa) && A.additionalProperties === false && !isObject(A.patternProperties)) return true;
    for (const n of reqA) if (!(n in pc) && C.additionalProperties === false && !isObject(C.patternProperties)) return true;
    for (const n of Object.keys(pc)) {
      // One side always has n, and the values n may take on each side do not meet.
      if (!(n in pa) || !(reqA.has(n) || reqC.has(n))) continue;
      if (pc[n] === false || pa[n] === false || this.disjoint(at(pa[n], a.r), at(pc[n], c.r), d)) return true;
    }
    return false;
  }

  private plain(A: Schema, ra: Resolver, B: Schema, rb: Resolver, d: number): Proof {
    const ta = kinds(A);
    const tb = typesOf(B);
    for (const t of ta) if (!admits(tb, t)) return gap(`instances may be ${t === "integer" ? "an integer" : t === "array" || t === "object" ? `an ${t}` : `a ${t}`}`);
    const vb = valuesOf(B);
    if (vb) {
      if ([...ta].every((t) => t === "boolean" || t === "null")) {
        const all = [...(ta.has("boolean") ? [true, false] : []), ...(ta.has("null") ? [null] : [])];
        return this.valuesIn(all, A, ra, B, rb);
      }
      return gap("one schema lists its values and the other does not");
    }
    const ctx = { judge: this, ra, rb, depth: d };
    return both(
      () => (ta.has("integer") || ta.has("number") ? numbers(A, B, !ta.has("number")) : true),
      () => (ta.has("string") ? strings(A, B) : true),
      () => (ta.has("array") ? arrays(A, B, ctx) : true),
      () => (ta.has("object") ? objects(A, B, ctx) : true),
    );
  }
}

/** Mutated candidates tried per witness search, at most. */
const MUTATIONS = 2000;

/** Property names a schema mentions or generates: declared, required, pattern and propertyNames samples, dependencies. */
function namesOf(s: unknown, r: Resolver): string[] {
  if (!isObject(s)) return [];
  const x = conjoin(s, r).schema;
  const out = [...Object.keys(isObject(x.properties) ? x.properties : {}), ...(Array.isArray(x.required) ? x.required.map(String) : [])];
  if (isObject(x.patternProperties)) for (const p of Object.keys(x.patternProperties)) out.push(...fromPattern(p, 3));
  if ("propertyNames" in x) out.push(...samples(x.propertyNames, r).filter((v): v is string => typeof v === "string").slice(0, 16));
  for (const m of [x.dependentRequired, x.dependentSchemas, x.dependencies]) if (isObject(m)) for (const [k, v] of Object.entries(m)) out.push(k, ...(Array.isArray(v) ? v.map(String) : []));
  return out;
}

const UNDECLARED = "x";

function additionalSamples(s0: unknown, r: Resolver): unknown[] {
  if (!isObject(s0)) return [];
  const ap = conjoin(s0, r).schema.additionalProperties;
  return isObject(ap) ? samples(ap, r).slice(0, 8) : [];
}

function itemSchemas(s0: unknown, r: Resolver): unknown[] {
  if (!isObject(s0)) return [];
  const s = conjoin(s0, r).schema;
  return ["contains", "items", "additionalItems", "unevaluatedItems"].filter((k) => isObject(s[k])).map((k) => s[k]);
}

/** Subschemas of a schema whose instances are likely to be rejected by it, or to tell its branches apart. */
function probes(s: unknown): unknown[] {
  if (!isObject(s)) return [];
  const out: unknown[] = [];
  for (const k of ["not", "if", "then", "else", "contains", "propertyNames"]) if (k in s) out.push(s[k]);
  for (const k of ["anyOf", "oneOf", "allOf"]) if (Array.isArray(s[k])) out.push(...(s[k] as unknown[]));
  const has = (k: string) => ({ type: "object", required: [k], properties: { [k]: true } });
  for (const m of [s.dependentSchemas, s.dependencies, s.dependentRequired]) if (isObject(m)) for (const [k, v] of Object.entries(m)) out.push(has(k), ...(Array.isArray(v) ? [] : [{ allOf: [has(k), v] }]));
  if (isObject(s.patternProperties)) out.push({ patternProperties: s.patternProperties, type: "object" });
  return out;
}

/** The JSON types a schema admits, from `type` and `enum`/`const`. */
export function kinds(s: Schema): Set<JsonType> {
  const declared = typesOf(s);
  const values = valuesOf(s);
  const fromValues = values ? new Set(values.map(typeOfValue)) : undefined;
  const base = declared ?? fromValues ?? new Set(JSON_TYPES);
  if (!fromValues) return base;
  return new Set([...base].filter((t) => fromValues.has(t) || (t === "number" && fromValues.has("integer"))));
}

/** allOf members read as one schema (merge.ts): exact, or wider where one value cannot say what members say, so proofs stay sound. */
function conjoin(s: Schema, r: Resolver): Omit<Merged, "from"> {
  return Array.isArray(s.allOf) ? mergeForLint(s, (x) => r.deref(x)) : { schema: s, inexact: new Set() };
}

/** Keywords an old allOf member may carry that merging would lose. */
const LOGIC = ["if", "then", "else", "not", "oneOf", "anyOf"];

export { at };
