/**
 * Random JSON values for a schema, independent of lockstep's fixture synthesizer: drawn from the
 * schema's keywords loosely (any kind where the schema has no `type`, optional properties present
 * or not, unknown properties, edge numbers), so that ajv, not lockstep, decides which are
 * instances. Deterministic for a seed. Returns JSON text (big integers exact).
 */
import { LosslessNumber, stringify } from "lossless-json";
import { prng as rng, setOwn, type Value } from "../../src/fixtures/values.js";

type Rng = () => number;

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const INTEGERS = ["0", "1", "-1", "7", "42", "2147483647", "-2147483648", "9007199254740993", "-9223372036854775808"];
const NUMBERS = ["0.5", "-2.25", "1.5", "1e300", "3.0"];
const STRINGS = ["", "a", "x y", "ünï😀", "quote\"back\\slash", "2024-01-02", "2024-01-02T03:04:05Z", "123e4567-e89b-12d3-a456-426614174000", "line\nbreak"];
const KINDS = ["null", "boolean", "integer", "number", "string", "array", "object"] as const;
type Kind = (typeof KINDS)[number];

type Schema = Record<string, unknown>;
const isObj = (v: unknown): v is Schema => v !== null && typeof v === "object" && !Array.isArray(v);

/** Own properties, even one named `__proto__` (plain assignment would set the prototype). */
const put = (o: Record<string, unknown>, k: string, v: unknown): void => setOwn(o as Record<string, Value>, k, v as Value);

class Gen {
  constructor(private readonly r: Rng, private readonly root: unknown) {}

  private deref(s: unknown): unknown {
    for (let i = 0; i < 8 && isObj(s) && typeof s.$ref === "string" && s.$ref.startsWith("#"); i++) {
      let at: unknown = this.root;
      for (const part of s.$ref.slice(1).split("/").filter(Boolean)) {
        const key = decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~");
        at = isObj(at) || Array.isArray(at) ? (at as Record<string, unknown>)[key] : undefined;
      }
      s = at;
    }
    return s;
  }

  value(input: unknown, depth: number): unknown {
    const s = this.deref(input);
    if (!isObj(s) || depth > 5) return this.any(depth);
    if ("const" in s && this.r() < 0.9) return s.const;
    if (Array.isArray(s.enum) && s.enum.length > 0 && this.r() < 0.9) return pick(this.r, s.enum);
    const branches = (s.oneOf ?? s.anyOf) as unknown;
    if (Array.isArray(branches) && branches.length > 0 && this.r() < 0.8) {
      const branch = this.deref(pick(this.r, branches));
      const merged = isObj(branch) ? { ...s, ...branch, properties: { ...(s.properties as object), ...(branch.properties as object) }, oneOf: undefined, anyOf: undefined } : s;
      return this.value(merged, depth + 1);
    }
    if (Array.isArray(s.allOf)) {
      const merged: Schema = { ...s, allOf: undefined };
      for (const m of s.allOf.map((x) => this.deref(x)).filter(isObj)) Object.assign(merged, m, { properties: { ...(merged.properties as object), ...(m.properties as object) } });
      return this.value(merged, depth + 1);
    }
    const types = typeof s.type === "string" ? [s.type] : Array.isArray(s.type) ? (s.type as string[]) : undefined;
    let kind: Kind;
    if (types && types.length > 0) kind = pick(this.r, types) as Kind;
    else if (this.r() < 0.5 && ("properties" in s || "required" in s || "additionalProperties" in s)) kind = "object";
    else if (this.r() < 0.5 && ("items" in s || "prefixItems" in s)) kind = "array";
    else kind = pick(this.r, KINDS);
    return this.ofKind(s, kind, depth);
  }

  private ofKind(s: Schema, kind: Kind, depth: number): unknown {
    switch (kind) {
      case "null":
        return null;
      case "boolean":
        return this.r() < 0.5;
      case "integer":
        return new LosslessNumber(typeof s.minimum === "number" && this.r() < 0.5 ? String(s.minimum) : pick(this.r, INTEGERS));
      case "number":
        // Integers beyond 2^53 in a `number` are doubles in every language (a documented limit).
        return new LosslessNumber(pick(this.r, this.r() < 0.5 ? NUMBERS : INTEGERS.filter((i) => Math.abs(Number(i)) <= Number.MAX_SAFE_INTEGER)));
      case "string":
        return pick(this.r, STRINGS);
      case "array": {
        const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : [];
        const n = prefix.length > 0 ? Math.floor(this.r() * (prefix.length + 1)) : Math.floor(this.r() * 4);
        return Array.from({ length: n }, (_, i) => this.value(i < prefix.length ? prefix[i] : Array.isArray(s.items) ? s.additionalItems : s.items, depth + 1));
      }
      case "object": {
        const out: Record<string, unknown> = {};
        const props = isObj(s.properties) ? s.properties : {};
        const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
        for (const [name, prop] of Object.entries(props)) {
          if (required.has(name) || this.r() < 0.5) put(out, name, this.value(prop, depth + 1));
        }
        for (const name of required) if (!Object.hasOwn(out, name)) put(out, name, this.any(depth + 1));
        if (this.r() < 0.3) put(out, pick(this.r, ["x_unknown", "k", "ünï", "__proto__"]), isObj(s.additionalProperties) ? this.value(s.additionalProperties, depth + 1) : this.any(depth + 1));
        return out;
      }
    }
  }

  private any(depth: number): unknown {
    const kind = pick(this.r, depth > 3 ? KINDS.slice(0, 5) : KINDS);
    return this.ofKind({}, kind, depth + 1);
  }
}

/** `n` random values for `schema` (duplicates removed), as JSON text. */
export function randomInstances(schema: unknown, seed: number, n: number): string[] {
  const gen = new Gen(rng(seed), schema);
  const out = new Set<string>();
  for (let i = 0; i < n; i++) out.add(stringify(gen.value(schema, 0))!);
  return [...out];
}
