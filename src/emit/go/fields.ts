/**
 * How one object property becomes a Go struct field: its type, its (documentary) json tag, and
 * the lines that encode and decode it. The generated MarshalJSON/UnmarshalJSON are what give the
 * exact semantics; the tags say the same thing for readers and reflection-based tools.
 *
 *   required            T                 always written (nil slice/map written as [] / {})
 *   required + null     *T  (or []T/map)  always written, nil ↔ null
 *   optional            *T  (or []T/map)  nil ↔ absent; an empty slice or map is written
 *   optional + null     *Nullable[T]      nil ↔ absent, Valid false ↔ null
 */
import type { Field, TypeExpr } from "../../ir/types.js";
import { docComment } from "./docs.js";
import type { TypeMapper } from "./gotypes.js";
import { goQuote } from "./text.js";
import { readAny, reader } from "./readers.js";

export interface FieldPlan {
  goName: string;
  goType: string;
  tag: string;
  doc: string[];
  /** Statement(s) of encodeFields, one per line, without the function's indentation. */
  encode: string[];
  /** Call expression returning an error, used as `if err := <decode>; err != nil`. */
  decode: string;
  /** The one-pass reader (read.go): the bool expression reading the value, and what it needs (`quoted`: names as Go strings, ", " between). */
  read: { names: string[]; quoted: string; expr: string; required: boolean; default?: string };
}

/** encoding/json accepts these tag names (isValidTag), minus the space `go vet` flags. */
const TAG_SAFE = /^[\p{L}\p{Nd}!#$%&()*+\-./:;<=>?@[\]^_{|}~]+$/u;

export function jsonTag(wireName: string | undefined, option: string): string {
  if (wireName === undefined || !TAG_SAFE.test(wireName)) return '`json:"-"`';
  // json:"-" skips a field; "-," (or "-,omitempty") names it "-".
  const opts = option === "" ? (wireName === "-" ? "," : "") : `,${option}`;
  return `\`json:"${wireName}${opts}"\``;
}

/**
 * The objectWriter call that writes a property of type t from the Go expression value without
 * boxing it in an interface (strings, enums, integers, booleans, numbers), or undefined.
 */
function typedProp(t: TypeExpr, wire: string, value: string, types: TypeMapper): string | undefined {
  switch (t.kind) {
    case "string":
      return `w.propString(${wire}, ${value})`;
    case "boolean":
      return `w.propBool(${wire}, ${value})`;
    case "number":
      return `w.propFloat(${wire}, ${value})`;
    case "integer": {
      if (t.policy === "string") return `propValue(w, ${wire}, ${value})`;
      const [method, wide] = t.unsigned ? ["propUint", "uint64"] : ["propInt", "int64"];
      return `w.${method}(${wire}, ${types.go(t) === wide ? value : `${wide}(${value})`})`;
    }
    case "ref":
      if (t.indirect) return undefined;
      if (types.decl(t.target).kind === "enum") return `w.propString(${wire}, string(${value}))`;
      return generated(t, types) ? `propValue(w, ${wire}, ${value})` : undefined;
    case "array": {
      if (generated(t.items, types)) return `propItems(w, ${wire}, ${value})`;
      const add = appender(t.items, types);
      return add === undefined ? undefined : `propItemsOf(w, ${wire}, ${value}, ${add})`;
    }
    case "map": {
      if (generated(t.values, types)) return `propMap(w, ${wire}, ${value})`;
      const add = appender(t.values, types);
      return add === undefined ? undefined : `propMapOf(w, ${wire}, ${value}, ${add})`;
    }
    default:
      return undefined;
  }
}

/** The runtime's func([]byte, T) []byte writing a scalar of t (strings, enums, integers, booleans), or undefined. */
function appender(t: TypeExpr, types: TypeMapper): string | undefined {
  switch (t.kind) {
    case "string":
      return "appendText[string]";
    case "boolean":
      return "appendBool";
    case "integer":
      return t.policy === "string" ? undefined : `${t.unsigned ? "appendUint" : "appendInt"}[${types.go(t)}]`;
    case "ref":
      return !t.indirect && types.decl(t.target).kind === "enum" ? `appendText[${types.name(t.target)}]` : undefined;
    default:
      return undefined;
  }
}

/** True for a generated type held by value: it writes itself (appendJSON). */
function generated(t: TypeExpr, types: TypeMapper): boolean {
  return t.kind === "ref" && !t.indirect && ["object", "tagged-union", "kind-union"].includes(types.decl(t.target).kind);
}

export function planField(field: Field, goName: string, types: TypeMapper): FieldPlan {
  const wire = goQuote(field.wireName);
  const allNames = field.aliases.length === 0 ? [field.wireName] : [field.wireName, ...field.aliases];
  const names = field.aliases.length === 0 ? wire : allNames.map(goQuote).join(", ");
  const dst = `&x.${goName}`;
  const nullable = types.nullable(field.type);
  const shape = types.shape(field.type);
  const nilable = shape !== "value";
  const notes: string[] = [];
  if (!TAG_SAFE.test(field.wireName)) notes.push(`Property name: ${wire} (written by MarshalJSON; no json tag can spell it).`);
  if (field.aliases.length > 0) notes.push(`Also read from the former name(s) ${field.aliases.map(goQuote).join(", ")}.`);
  // defaultJson keeps big integers exact; default is the parsed value.
  const defaultJson = field.defaultJson ?? (field.default !== undefined ? JSON.stringify(field.default) : undefined);
  const hasDefault = defaultJson !== undefined;
  const doc = (filled: boolean): string[] =>
    docComment(field.doc, { ...(hasDefault ? { default: { json: defaultJson, filled } } : {}), notes, type: field.type }, "");

  if (field.required) {
    const goType = types.go(field.type);
    const value =
      nullable ? `x.${goName}` : shape === "slice" ? `orEmptySlice(x.${goName})` : shape === "map" ? `orEmptyMap(x.${goName})` : `x.${goName}`;
    const decode = hasDefault
      ? `decodeDefault(obj, ${dst}, ${goQuote(defaultJson)}, ${names})`
      : `decodeRequired(obj, ${dst}, ${names})`;
    // A required array or map is written as [] or {} when nil, which propItems and propMap do.
    const encode = (nullable ? undefined : typedProp(field.type, wire, `x.${goName}`, types)) ?? `w.prop(${wire}, ${value})`;
    const expr = (nullable ? undefined : reader(field.type, types)?.call(`x.${goName}`)) ?? `readAny(r, ${dst})`;
    const read = { names: allNames, quoted: names, expr, required: !hasDefault, ...(hasDefault ? { default: goQuote(defaultJson) } : {}) };
    return { goName, goType, tag: jsonTag(field.wireName, ""), doc: doc(true), encode: [encode], decode, read };
  }

  const add = nullable && field.type.kind === "nullable" ? appender(field.type.inner, types) : undefined;
  const typed = nullable
    ? add && `propNullable(w, ${wire}, x.${goName}, ${add})`
    : typedProp(field.type, wire, shape === "value" ? `*x.${goName}` : `x.${goName}`, types);
  const ifSet = [`if x.${goName} != nil {`, `\t${typed ?? `w.prop(${wire}, x.${goName})`}`, "}"];
  if (nullable) {
    const goType = `*${types.helper("Nullable")}[${types.nullableInner(field.type)}]`;
    const inner = types.nullableInner(field.type);
    const fn = (field.type.kind === "nullable" ? reader(valueOf(field.type.inner), types)?.fn : undefined) ?? readAny(inner);
    const read = { names: allNames, quoted: names, expr: `readNullable(r, ${dst}, ${fn})`, required: false };
    return { goName, goType, tag: jsonTag(field.wireName, "omitempty"), doc: doc(false), encode: ifSet, decode: `decodeNullable(obj, ${dst}, ${names})`, read };
  }
  const base = types.go(field.type);
  // Nil slices, maps and RawMessage mean absent, like the omitzero tag option (Go 1.24).
  const goType = nilable ? base : `*${base}`;
  const option = shape === "pointer" || !nilable ? "omitempty" : "omitzero";
  const own = reader(field.type, types);
  const expr = (nilable ? own?.call(`x.${goName}`) : own?.fn && `readNew(r, ${dst}, ${own.fn})`) ?? `readAny(r, ${dst})`;
  const read = { names: allNames, quoted: names, expr, required: false };
  return { goName, goType, tag: jsonTag(field.wireName, option), doc: doc(false), encode: ifSet, decode: `decodeOptional(obj, ${dst}, ${names})`, read };
}

/** The type inside nullable layers, a reference held by value (as Nullable[T] holds it). */
function valueOf(t: TypeExpr): TypeExpr {
  if (t.kind === "nullable") return valueOf(t.inner);
  return t.kind === "ref" ? { ...t, indirect: false } : t;
}
