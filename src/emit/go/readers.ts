/**
 * Which reader of templates/go/read.go.hbs reads a value of a type in one pass. A type without
 * one is read by readAny (decodeValue's path on the value's text), so every type is covered.
 */
import type { TypeExpr } from "../../ir/types.js";
import type { TypeMapper } from "./gotypes.js";

export interface GoReader {
  /** A Go function value of type func(*reader, *T) bool, when one can be named. */
  fn?: string;
  /** The call reading into the addressable Go expression `place`: a bool expression. */
  call: (place: string) => string;
}

const direct = (name: string, typeArg: string): GoReader => ({
  fn: typeArg === "" ? name : `${name}[${typeArg}]`,
  call: (place) => `${name}(r, &${place})`,
});

/** The reader of values of Go type `go` (the spelling of t, or of an alias naming it). */
export function reader(t: TypeExpr, types: TypeMapper, go: string = types.go(t)): GoReader | undefined {
  switch (t.kind) {
    case "string":
      return direct("readText", go);
    case "integer":
      if (t.policy === "string") return { fn: `readGen[${go}]`, call: (place) => `${place}.readJSON(r)` };
      return direct(t.unsigned ? "readUint" : "readInt", go);
    case "number":
      return go === "float64" ? direct("readFloat", "") : undefined;
    case "boolean":
      return go === "bool" ? direct("readBool", "") : undefined;
    case "raw":
      return go === "json.RawMessage" ? direct("readRaw", "") : undefined;
    case "array": {
      const item = reader(t.items, types)?.fn;
      return item === undefined ? undefined : { call: (place) => `readSlice(r, &${place}, ${item})` };
    }
    case "map": {
      const value = reader(t.values, types)?.fn;
      return value === undefined ? undefined : { call: (place) => `readMap(r, &${place}, ${value})` };
    }
    case "ref":
      return refReader(t, types, go);
    default:
      return undefined;
  }
}

function refReader(t: Extract<TypeExpr, { kind: "ref" }>, types: TypeMapper, go: string): GoReader | undefined {
  const d = types.decl(t.target);
  const name = types.name(t.target);
  if (d.kind === "object" || d.kind === "tagged-union" || d.kind === "kind-union") {
    if (t.indirect) return { call: (place) => `readNew(r, &${place}, readGen[${name}])` };
    return { fn: `readGen[${name}]`, call: (place) => `${place}.readJSON(r)` };
  }
  if (t.indirect) return undefined;
  if (d.kind === "enum") return direct("readText", name);
  if (d.kind !== "alias") return undefined;
  // `type X T` of a scalar reads as T with X's name; `type X = T` is T itself.
  if (!types.definedAlias(d.type)) return reader(d.type, types);
  return ["string", "integer", "number", "boolean"].includes(d.type.kind) ? reader(d.type, types, name) : undefined;
}

/** readAny's function value for the Go type go. */
export const readAny = (go: string): string => `readAny[${go}]`;
