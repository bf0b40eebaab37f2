/**
 * Integer widths and wire policies, decided once for every target (emitters only spell them).
 *
 * Width: the narrowest of i8, u8, i16, u16, i32, u32, i64 that holds every value the schema allows
 * (minimum/maximum, exclusive bounds, an integer `format`, enum/const values). `safe` when every
 * such value is within ±(2^53 − 1), so a double (a TypeScript `number`) holds it exactly.
 *
 * Policy (config "int64", `x-lockstep-int64` on a schema node) applies to integers that are not
 * safe: "number" (JSON number, bigint in TypeScript), "string" (JSON string on the wire, numbers
 * accepted on read), "number-lossy" (JSON number, `number` in TypeScript).
 */
import { maxOf, minOf } from "../arrays.js";
import type { IntegerPolicy, Module, TypeExpr } from "./types.js";

export const INTEGER_POLICIES: readonly IntegerPolicy[] = ["number", "string", "number-lossy"];
/** The policy keyword on a schema node. */
export const POLICY_KEYWORD = "x-lockstep-int64";

export const MAX_SAFE = 2 ** 53 - 1;

export interface IntegerWidth {
  bits: 8 | 16 | 32 | 64;
  unsigned: boolean;
  safe: boolean;
}

/** Value range of an integer format (uint64 is read as int64: no target holds its upper half). */
const FORMAT_RANGE: Record<string, [number, number]> = {
  int8: [-(2 ** 7), 2 ** 7 - 1],
  uint8: [0, 2 ** 8 - 1],
  int16: [-(2 ** 15), 2 ** 15 - 1],
  uint16: [0, 2 ** 16 - 1],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
};

const WIDTHS: Array<{ bits: 8 | 16 | 32; unsigned: boolean; lo: number; hi: number }> = [
  { bits: 8, unsigned: true, lo: 0, hi: 2 ** 8 - 1 },
  { bits: 8, unsigned: false, lo: -(2 ** 7), hi: 2 ** 7 - 1 },
  { bits: 16, unsigned: true, lo: 0, hi: 2 ** 16 - 1 },
  { bits: 16, unsigned: false, lo: -(2 ** 15), hi: 2 ** 15 - 1 },
  { bits: 32, unsigned: true, lo: 0, hi: 2 ** 32 - 1 },
  { bits: 32, unsigned: false, lo: -(2 ** 31), hi: 2 ** 31 - 1 },
];

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** The integers a schema node allows, as [lowest, highest] (infinite where unbounded). */
export function integerBounds(schema: { [key: string]: unknown }): [number, number] {
  let lo = -Infinity;
  let hi = Infinity;
  const range = typeof schema.format === "string" ? FORMAT_RANGE[schema.format] : undefined;
  if (range) [lo, hi] = range;
  const min = num(schema.minimum);
  const max = num(schema.maximum);
  const xmin = num(schema.exclusiveMinimum);
  const xmax = num(schema.exclusiveMaximum);
  if (min !== undefined) lo = Math.max(lo, Math.ceil(min));
  if (max !== undefined) hi = Math.min(hi, Math.floor(max));
  if (xmin !== undefined) lo = Math.max(lo, Math.floor(xmin) + 1);
  if (xmax !== undefined) hi = Math.min(hi, Math.ceil(xmax) - 1);
  const values = Array.isArray(schema.enum) ? schema.enum : "const" in schema ? [schema.const] : undefined;
  const ints = values?.filter((v): v is number => typeof v === "number" && Number.isInteger(v));
  if (ints && ints.length > 0 && ints.length === values!.filter((v) => v !== null).length) {
    lo = Math.max(lo, minOf(ints));
    hi = Math.min(hi, maxOf(ints));
  }
  return [lo, hi];
}

/** The narrowest width holding [lo, hi]; i64 when nothing narrower does (or the range is empty). */
export function widthOf([lo, hi]: [number, number]): IntegerWidth {
  const safe = lo >= -MAX_SAFE && hi <= MAX_SAFE && lo <= hi;
  if (lo <= hi) {
    for (const w of WIDTHS) {
      if ((w.unsigned ? lo >= 0 : lo < 0) && lo >= w.lo && hi <= w.hi) return { bits: w.bits, unsigned: w.unsigned, safe };
    }
  }
  return { bits: 64, unsigned: false, safe };
}

/** The policy a node states with `x-lockstep-int64`, if it is one of the policies. */
export function statedPolicy(schema: { [key: string]: unknown }): IntegerPolicy | undefined {
  const p = schema[POLICY_KEYWORD];
  return typeof p === "string" && (INTEGER_POLICIES as readonly string[]).includes(p) ? (p as IntegerPolicy) : undefined;
}

/** The IR integer for a schema node under the project's default policy. */
export function integerType(schema: { [key: string]: unknown }, project: IntegerPolicy = "number"): Extract<TypeExpr, { kind: "integer" }> {
  const w = widthOf(integerBounds(schema));
  const t: Extract<TypeExpr, { kind: "integer" }> = { kind: "integer", bits: w.bits };
  if (w.unsigned) t.unsigned = true;
  if (w.safe) t.safe = true;
  else {
    const policy = statedPolicy(schema) ?? project;
    if (policy !== "number") t.policy = policy;
  }
  return t;
}

/** The TypeScript-facing fact: a double holds every value (bounded, or the team accepts the loss). */
export function isNumberInTypeScript(t: Extract<TypeExpr, { kind: "integer" }>): boolean {
  return t.safe === true || t.policy === "number-lossy";
}

/** Rust spelling of a width (i8 ... i64); Go's is the same with int/uint. */
export function widthName(t: { bits: number; unsigned?: boolean }): string {
  return `${t.unsigned ? "u" : "i"}${t.bits}`;
}

/** The values a width holds, exactly; a safe or lossy 64-bit integer holds ±(2^53 − 1). */
export function integerRange(t: { bits: number; unsigned?: boolean; safe?: boolean; policy?: string }): [bigint, bigint] {
  if (t.bits === 64) return t.safe || t.policy === "number-lossy" ? [-BigInt(MAX_SAFE), BigInt(MAX_SAFE)] : [-(2n ** 63n), 2n ** 63n - 1n];
  const bits = BigInt(t.bits);
  return t.unsigned ? [0n, 2n ** bits - 1n] : [-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n];
}

function typesOf(t: TypeExpr): TypeExpr[] {
  switch (t.kind) {
    case "array":
      return [t, ...typesOf(t.items)];
    case "map":
      return [t, ...typesOf(t.values)];
    case "nullable":
      return [t, ...typesOf(t.inner)];
    case "tuple":
      return [t, ...t.items.flatMap(typesOf)];
    default:
      return [t];
  }
}

/** True when some type of the modules is an integer under the string policy (its runtime helper is then emitted). */
export function usesStringPolicy(modules: readonly Module[]): boolean {
  const isString = (t: TypeExpr) => typesOf(t).some((x) => x.kind === "integer" && x.policy === "string");
  return modules.some((m) =>
    m.decls.some((d) => {
      switch (d.kind) {
        case "object":
          return d.fields.some((f) => isString(f.type)) || (d.additional.kind === "typed" && isString(d.additional.type));
        case "alias":
          return isString(d.type);
        case "kind-union":
          return d.variants.some((v) => isString(v.type));
        default:
          return false;
      }
    }),
  );
}
