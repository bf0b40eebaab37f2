/**
 * IR type expressions → Go type expressions, and the facts about them that field encoding needs
 * (can the Go value be nil, is it a slice or a map, is null part of the type).
 */
import type { Decl, TypeExpr } from "../../ir/types.js";

/** No declaration seen yet (a default without a Set per call). */
const NONE: ReadonlySet<string> = new Set();

/** What a Go type is, as far as nil and encoding are concerned. */
export type Shape = "slice" | "map" | "raw" | "pointer" | "value";

export class TypeMapper {
  /** Arities of the TupleN helper types the package needs. */
  readonly tupleArities = new Set<number>();
  /** Set once a type spelled json.RawMessage: types.go then imports encoding/json. */
  usesJson = false;

  /**
   * @param helper the package's name for an exported helper type ("Nullable", "Tuple2"): claimed
   *   on first use, so it can step aside for a declaration of the same name.
   */
  constructor(
    private readonly decls: ReadonlyMap<string, Decl>,
    private readonly declNames: ReadonlyMap<string, string>,
    readonly helper: (base: string) => string,
  ) {}

  decl(id: string): Decl {
    const d = this.decls.get(id);
    if (!d) throw new Error(`reference to unknown declaration ${id}`);
    return d;
  }

  name(id: string): string {
    this.decl(id);
    return this.declNames.get(id)!;
  }

  /** The Go type of an expression in any position (array item, map value, alias, variant). */
  go(t: TypeExpr): string {
    switch (t.kind) {
      case "string":
        return "string";
      case "integer":
        // uint8 is byte, and encoding/json reads and writes []byte as base64: bytes are uint16 in Go.
        return t.policy === "string" ? this.helper("Int64AsString") : `${t.unsigned ? "uint" : "int"}${t.unsigned && t.bits === 8 ? 16 : t.bits}`;
      case "number":
        return "float64";
      case "boolean":
        return "bool";
      case "raw":
        this.usesJson = true;
        return "json.RawMessage";
      case "array":
        return `[]${this.go(t.items)}`;
      case "map":
        return `map[string]${this.go(t.values)}`;
      case "tuple":
        return this.tuple(t.items);
      case "nullable": {
        // nil slices, maps and RawMessage already mean null; other types need a pointer.
        const inner = this.go(t.inner);
        return this.nilable(t.inner) ? inner : `*${inner}`;
      }
      case "ref":
        return t.indirect ? `*${this.name(t.target)}` : this.name(t.target);
    }
  }

  /** Homogeneous tuples are Go arrays; mixed ones the generic TupleN helper. */
  private tuple(items: TypeExpr[]): string {
    const types = items.map((i) => this.genericArg(i));
    if (types.length === 0) return `[0]${this.go({ kind: "raw" })}`;
    if (types.every((x) => x === types[0])) return `[${types.length}]${types[0]}`;
    this.tupleArities.add(types.length);
    return `${this.helper(`Tuple${types.length}`)}[${types.join(", ")}]`;
  }

  /** Shape of the Go type `go(t)`. */
  shape(t: TypeExpr, seen: ReadonlySet<string> = NONE): Shape {
    switch (t.kind) {
      case "array":
        return "slice";
      case "map":
        return "map";
      case "raw":
        return "raw";
      case "nullable": {
        const inner = this.shape(t.inner, seen);
        return inner === "value" ? "pointer" : inner;
      }
      case "ref": {
        if (t.indirect) return "pointer";
        const d = this.decl(t.target);
        if (d.kind !== "alias" || seen.has(d.id)) return "value";
        return this.shape(d.type, new Set([...seen, d.id]));
      }
      default:
        return "value";
    }
  }

  nilable(t: TypeExpr): boolean {
    return this.shape(t) !== "value";
  }

  /** True when null is one of the type's values (nullable, or an alias of a nullable type). */
  nullable(t: TypeExpr, seen: ReadonlySet<string> = NONE): boolean {
    if (t.kind === "nullable") return true;
    if (t.kind !== "ref") return false;
    const d = this.decl(t.target);
    if (d.kind !== "alias" || seen.has(d.id)) return false;
    return this.nullable(d.type, new Set([...seen, d.id]));
  }

  /** Go type inside Nullable[...] for an optional nullable field. */
  nullableInner(t: TypeExpr): string {
    if (t.kind === "nullable") return this.nullableInner(t.inner);
    // The outer pointer already breaks reference cycles, so no second pointer.
    if (t.kind === "ref") return this.genericArg({ ...t, indirect: false });
    return this.genericArg(t);
  }

  /**
   * A type argument of a generic helper (Nullable[T], TupleN[...]): an alias declared `type X = T`
   * is spelled as T there, also under a pointer, slice or map, because Go's compiler crashes on
   * alias cycles through generic types (types2 "panic: nil" with `type A = *S` where S holds
   * Nullable[A] or Tuple2[*A, string]). Defined types end the spelling, so it is finite.
   */
  genericArg(t: TypeExpr, seen: ReadonlySet<string> = NONE): string {
    switch (t.kind) {
      case "array":
        return `[]${this.genericArg(t.items, seen)}`;
      case "map":
        return `map[string]${this.genericArg(t.values, seen)}`;
      case "nullable": {
        const inner = this.genericArg(t.inner, seen);
        return this.nilable(t.inner) ? inner : `*${inner}`;
      }
      case "ref": {
        if (seen.has(t.target)) return this.go(t);
        const d = this.decl(t.target);
        if (d.kind !== "alias" || this.definedAlias(d.type)) return this.go(t);
        const target = this.genericArg(d.type, new Set([...seen, t.target]));
        return t.indirect ? `*${target}` : target;
      }
      default:
        return this.go(t);
    }
  }

  /** An alias declaration is a defined type (type X []T) when that keeps its behaviour; methods of
   * named types (MarshalJSON of structs, RawMessage, TupleN) survive only through `type X = T`. */
  definedAlias(t: TypeExpr): boolean {
    switch (t.kind) {
      case "integer":
        // `type X Int64AsString` would drop its JSON methods.
        return t.policy !== "string";
      case "string":
      case "number":
      case "boolean":
      case "array":
      case "map":
        return true;
      case "tuple":
        return this.go(t).startsWith("[");
      case "nullable":
        // A nullable slice or map is the same Go type (nil is null); pointers stay aliases.
        return this.nilable(t.inner) && this.definedAlias(t.inner);
      default:
        return false;
    }
  }
}
