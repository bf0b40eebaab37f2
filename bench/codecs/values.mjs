// The large batch of bench/codecs.bench.mjs: values of an entity's IR types, drawn with a seeded
// generator to look like application data rather than edge cases (words and sentences, small
// integers and prices, most optional properties set, a few nulls and undeclared properties), written
// directly as compact JSON text so that 64-bit integers stay exact. One integer in 200 of a 64-bit
// field is beyond 2^53, so the TypeScript decoders' exact-integer path is part of the measure.
import { prng } from "../../dist/index.js";

const WORDS = ["order", "paid", "shipping", "alpha", "north", "garden", "blue", "river", "ticket", "lamp", "école", "straße",
  "market", "silver", "quick", "delta", "harbor", "maple", "note", "value", "東京", "signal", "orbit", "copper"];

export function valueWriter(module, seed) {
  const decls = new Map(module.decls.map((d) => [d.id, d]));
  const rnd = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const chance = (p) => rnd() < p;
  const pick = (list) => list[int(0, list.length - 1)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(" ");

  const string = (t) => {
    const min = t.checks?.minLength ?? 0;
    const max = Math.min(t.checks?.maxLength ?? 60, 60);
    let s = t.format === "date-time" ? "2026-03-14T09:26:53Z" : t.format === "date" ? "2026-03-14"
      : t.format === "email" ? `${pick(WORDS)}@example.com` : t.format === "uuid" ? "0f8fad5b-d9cb-469f-a165-70867728950e"
      : words(int(1, 5));
    while (s.length < min) s += "x";
    if ([...s].length > max) s = [...s].slice(0, Math.max(max, min)).join("");
    return JSON.stringify(s);
  };
  const integer = (t) => {
    const lo = Math.max(t.checks?.minimum ?? -1000, t.bits === 32 ? -2147483648 : -1e15);
    const hi = Math.min(t.checks?.maximum ?? 100000, t.bits === 32 ? 2147483647 : 1e15);
    if (t.bits === 64 && t.checks?.maximum === undefined && chance(0.005)) return (9007199254740993n + BigInt(int(0, 1e6))).toString();
    return String(int(Math.ceil(lo), Math.floor(hi)));
  };
  const number = () => (Math.round(rnd() * 100000) / 100).toString();

  const value = (t, depth) => {
    switch (t.kind) {
      case "string": return string(t);
      // The string policy writes decimal strings.
      case "integer": return t.policy === "string" ? `"${integer(t)}"` : integer(t);
      case "number": return number();
      case "boolean": return chance(0.5) ? "true" : "false";
      case "raw": return `{"source":${JSON.stringify(pick(WORDS))},"n":${int(0, 99)}}`;
      case "array": {
        const min = t.checks?.minItems ?? 0;
        const n = depth > 3 ? min : Math.max(min, Math.min(t.checks?.maxItems ?? 4, int(0, 4)));
        return `[${Array.from({ length: n }, () => value(t.items, depth + 1)).join(",")}]`;
      }
      case "map": {
        const n = depth > 3 ? 0 : int(0, 3);
        return `{${Array.from({ length: n }, (_, i) => `"${pick(WORDS)}_${i}":${value(t.values, depth + 1)}`).join(",")}}`;
      }
      case "tuple": return `[${t.items.map((i) => value(i, depth + 1)).join(",")}]`;
      case "nullable": return chance(0.1) ? "null" : value(t.inner, depth);
      case "ref": return decl(decls.get(t.target), depth + 1);
    }
  };
  const props = (d, depth) => {
    const out = [];
    for (const f of d.fields) {
      if (!f.required && (depth > 3 || chance(0.3))) continue;
      out.push(`${JSON.stringify(f.wireName)}:${value(f.type, depth)}`);
    }
    if (d.additional.kind !== "closed" && chance(0.1)) {
      const t = d.additional.kind === "typed" ? d.additional.type : { kind: "string" };
      out.push(`"x_${pick(WORDS)}":${value(t, depth)}`);
    }
    return out;
  };
  const decl = (d, depth) => {
    switch (d.kind) {
      case "object": return `{${props(d, depth).join(",")}}`;
      case "enum": return JSON.stringify(d.members.length > 0 ? pick(d.members).value : words(1));
      case "tagged-union": {
        const v = pick(d.variants);
        return `{${[`${JSON.stringify(d.tag)}:${JSON.stringify(v.tagValue)}`, ...props(decls.get(v.target), depth)].join(",")}}`;
      }
      case "kind-union": return value(pick(d.variants).type, depth);
      case "alias": return value(d.type, depth);
    }
  };
  /** One value of the declaration `root`, as compact JSON text. */
  return (root) => decl(decls.get(root), 0);
}
