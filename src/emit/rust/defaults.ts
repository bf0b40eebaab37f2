/**
 * Rust expressions for schema defaults: a literal where the type is simple, otherwise the JSON
 * text decoded at run time (exact for any type, and still escaped as a normal string literal).
 */
import type { JsonValue, TypeExpr } from "../../ir/types.js";
import type { ModuleContext } from "./context.js";
import { integerRange } from "../../ir/integers.js";
import { callWithLiteral } from "./layout.js";
import { typeName, variantName } from "./naming.js";
import { rustString } from "./text.js";

export interface DefaultExpr {
  /** Body lines of the default function (relative to its body's indentation). */
  lines: string[];
  /** Names a deprecated enum member. */
  deprecated: boolean;
}


/** `text` is the value's exact JSON text (the IR's defaultJson), so big integers keep their digits. */
function literal(ctx: ModuleContext, type: TypeExpr, value: JsonValue, text: string): { expr: string; deprecated: boolean } | undefined {
  const plain = (expr: string) => ({ expr, deprecated: false });
  const t = ctx.resolve(type);
  switch (t.kind) {
    case "string":
      return typeof value === "string" ? plain(`${rustString(value)}.to_owned()`) : undefined;
    case "boolean":
      return typeof value === "boolean" ? plain(String(value)) : undefined;
    case "integer": {
      // Under the string policy the default is decoded from its JSON text (a number reads leniently).
      if (t.policy === "string") return undefined;
      const [min, max] = integerRange({ bits: t.bits, unsigned: t.unsigned });
      if (!/^-?(0|[1-9]\d*)$/.test(text)) return undefined;
      return BigInt(text) >= min && BigInt(text) <= max ? plain(text) : undefined;
    }
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
      if (Number.isInteger(value) && Math.abs(value) < 1e15) return plain(`${value}.0`);
      const text = String(value);
      return /^-?\d+\.\d+$/.test(text) ? plain(text) : undefined;
    }
    case "nullable": {
      if (value === null) return plain("None");
      const inner = literal(ctx, t.inner, value, text);
      return inner && { expr: `Some(${inner.expr})`, deprecated: inner.deprecated };
    }
    case "ref": {
      const decl = ctx.decl(t.target);
      if (t.indirect || decl.kind !== "enum" || typeof value !== "string") return undefined;
      const member = decl.members.find((m) => m.value === value);
      const name = typeName(decl.name);
      if (!member) return plain(`${name}::${variantName(decl.unknownName)}(${rustString(value)}.to_owned())`);
      return { expr: `${name}::${variantName(member.name)}`, deprecated: member.doc.deprecated === true || decl.doc.deprecated === true };
    }
    default:
      return undefined;
  }
}

/** The body of `fn default_x() -> T`. */
export function defaultExpr(ctx: ModuleContext, type: TypeExpr, value: JsonValue, text: string): DefaultExpr {
  const simple = literal(ctx, type, value, text);
  if (simple) return { lines: [simple.expr], deprecated: simple.deprecated };
  return { lines: callWithLiteral(ctx.helper("json_default"), rustString(text)), deprecated: false };
}
