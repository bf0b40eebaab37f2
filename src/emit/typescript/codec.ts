/**
 * Type expressions → TypeScript type text, decoder calls and encoder expressions. Decoders are
 * runtime helpers (`rt.decodeX`) or generated `<name>FromJson` functions, both `rt.Decoder<T>`.
 */
import type { Decl, TypeExpr } from "../../ir/types.js";
import { isNumberInTypeScript } from "../../ir/integers.js";
import { decoderName, encoderName, typeName } from "./naming.js";

/** Declarations of the module being emitted, by id. */
export type DeclIndex = ReadonlyMap<string, Decl>;

export function declOf(decls: DeclIndex, id: string): Decl {
  const decl = decls.get(id);
  if (!decl) throw new Error(`lockstep TypeScript emitter: reference to unknown declaration ${id}`);
  return decl;
}

export function tsType(t: TypeExpr, decls: DeclIndex): string {
  switch (t.kind) {
    case "string":
      return "string";
    case "integer":
      return isNumberInTypeScript(t) ? "number" : "bigint";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "raw":
      return "rt.JsonValue";
    case "array": {
      const items = tsType(t.items, decls);
      return t.items.kind === "nullable" ? `(${items})[]` : `${items}[]`;
    }
    case "map":
      return `{ [key: string]: ${tsType(t.values, decls)} }`;
    case "tuple":
      return `[${t.items.map((i) => tsType(i, decls)).join(", ")}]`;
    case "nullable":
      return `${tsType(t.inner, decls)} | null`;
    case "ref":
      return typeName(declOf(decls, t.target).name);
  }
}

function integerDecoder(t: Extract<TypeExpr, { kind: "integer" }>): string {
  if (t.safe) return t.bits === 64 ? "rt.decodeInt53" : `rt.decode${t.unsigned ? "Uint" : "Int"}${t.bits}`;
  return t.policy === "string" ? "rt.decodeInt64String" : t.policy === "number-lossy" ? "rt.decodeInt64Lossy" : "rt.decodeInt64";
}

/** A function value of type rt.Decoder<T> for t. */
export function decoderFn(t: TypeExpr, decls: DeclIndex): string {
  switch (t.kind) {
    case "string":
      return "rt.decodeString";
    case "integer":
      return integerDecoder(t);
    case "number":
      return "rt.decodeNumber";
    case "boolean":
      return "rt.decodeBoolean";
    case "raw":
      return "rt.decodeRaw";
    case "ref":
      return decoderName(declOf(decls, t.target).name);
    default:
      return `(v, p) => ${decodeCall(t, "v", "p", decls)}`;
  }
}

/** An expression decoding value (a JsonValue expression) found at pointer (a string expression). */
export function decodeCall(t: TypeExpr, value: string, pointer: string, decls: DeclIndex): string {
  switch (t.kind) {
    case "array":
      return `rt.decodeArray(${value}, ${pointer}, ${decoderFn(t.items, decls)})`;
    case "map":
      return `rt.decodeMap(${value}, ${pointer}, ${decoderFn(t.values, decls)})`;
    case "nullable":
      return `rt.decodeNullable(${value}, ${pointer}, ${decoderFn(t.inner, decls)})`;
    case "tuple":
      return `rt.decodeTuple<${tsType(t, decls)}>(${value}, ${pointer}, [${t.items.map((i) => decoderFn(i, decls)).join(", ")}])`;
    default:
      return `${decoderFn(t, decls)}(${value}, ${pointer})`;
  }
}

/** Tests that local (a JsonValue identifier) already is a decoded safe integer of each width. */
const INTEGER_AS_IS: { [bits: number]: [signed: (l: string) => string, unsigned: (l: string) => string] } = {
  8: [(l) => `(${l} << 24) >> 24 === ${l}`, (l) => `(${l} & 255) === ${l}`],
  16: [(l) => `(${l} << 16) >> 16 === ${l}`, (l) => `(${l} & 65535) === ${l}`],
  32: [(l) => `(${l} | 0) === ${l}`, (l) => `${l} >>> 0 === ${l}`],
  64: [(l) => `Number.isSafeInteger(${l})`, (l) => `Number.isSafeInteger(${l})`],
};

/**
 * A test that local (a JsonValue identifier) already is the decoded value of t, so the decoder
 * call (and the pointer it is given) can be skipped; undefined when t is decoded otherwise.
 */
export function decodedAsIs(t: TypeExpr, local: string, decls: DeclIndex): string | undefined {
  switch (t.kind) {
    case "string":
    case "boolean":
    case "number":
      return `typeof ${local} === "${t.kind}"`;
    case "integer": {
      const test = t.safe ? INTEGER_AS_IS[t.bits]?.[t.unsigned ? 1 : 0] : undefined;
      return test === undefined ? undefined : `typeof ${local} === "number" && ${test(local)}`;
    }
    case "ref":
      return declOf(decls, t.target).kind === "enum" ? `typeof ${local} === "string"` : undefined;
    case "nullable": {
      const inner = decodedAsIs(t.inner, local, decls);
      return inner === undefined ? undefined : `${local} === null || (${inner})`;
    }
    default:
      return undefined;
  }
}

/** True when a value of t already is the JSON value to write (no conversion, no copy needed). */
export function encodesAsIs(t: TypeExpr, decls: DeclIndex): boolean {
  switch (t.kind) {
    case "array":
      return encodesAsIs(t.items, decls);
    case "map":
      return encodesAsIs(t.values, decls);
    case "nullable":
      return encodesAsIs(t.inner, decls);
    case "tuple":
      return t.items.every((i) => encodesAsIs(i, decls));
    case "ref":
      return declOf(decls, t.target).kind === "enum";
    case "integer":
      // A bigint is written by rt.encodeInt64 (a number when exact, so JSON.stringify takes it).
      return isNumberInTypeScript(t);
    default:
      return true;
  }
}

/** An expression of type rt.JsonValue for value (an expression of t's type). */
export function encodeExpr(t: TypeExpr, value: string, decls: DeclIndex): string {
  if (encodesAsIs(t, decls)) return value;
  switch (t.kind) {
    case "array":
      return `${value}.map(${encoderFn(t.items, decls)})`;
    case "map":
      return `rt.mapValues(${value}, ${encoderFn(t.values, decls)})`;
    case "nullable":
      return `${value} === null ? null : ${encodeExpr(t.inner, value, decls)}`;
    case "tuple":
      return `[${t.items.map((item, i) => encodeExpr(item, `${value}[${i}]`, decls)).join(", ")}]`;
    case "ref":
      return `${encoderName(declOf(decls, t.target).name)}(${value})`;
    case "integer":
      return t.policy === "string" ? `String(${value})` : `rt.encodeInt64(${value})`;
    default:
      return value;
  }
}

/** A one-argument function value encoding t. */
function encoderFn(t: TypeExpr, decls: DeclIndex): string {
  if (t.kind === "ref") return encoderName(declOf(decls, t.target).name);
  return `(item) => ${encodeExpr(t, "item", decls)}`;
}
