/**
 * `<name>ToText(x): string` for each declaration: the JSON text of a typed value, written directly
 * (no intermediate JSON value, no search for bigints). The text is exactly what
 * stringifyJson(<name>ToJson(x)) writes, property order included; where JSON.stringify would move
 * array-index names first, the writer hands over to that path.
 */
import type { AliasDecl, KindUnionDecl, KindVariant, ObjectDecl, TaggedUnionDecl, TypeExpr } from "../../ir/types.js";
import { isNumberInTypeScript } from "../../ir/integers.js";
import { declOf, type DeclIndex } from "./codec.js";
import { encoderName, propertyName, tagPropertyName, tsString, writerName } from "./naming.js";

/** An expression of type string: the JSON text of value (an expression of t's type, evaluated at most twice). */
export function writeExpr(t: TypeExpr, value: string, decls: DeclIndex): string {
  switch (t.kind) {
    case "string":
      return `rt.writeString(${value})`;
    case "integer":
      if (isNumberInTypeScript(t)) return `rt.writeNumber(${value})`;
      return t.policy === "string" ? `${tsString('"')} + rt.writeInteger(${value}) + ${tsString('"')}` : `rt.writeInteger(${value})`;
    case "number":
      return `rt.writeNumber(${value})`;
    case "boolean":
      return `(${value} ? "true" : "false")`;
    case "raw":
      return `rt.writeJson(${value})`;
    case "ref": {
      const target = declOf(decls, t.target);
      return target.kind === "enum" ? `rt.writeString(${value})` : `${writerName(target.name)}(${value})`;
    }
    case "nullable":
      return `(${value} === null ? "null" : ${writeExpr(t.inner, value, decls)})`;
    case "array":
      return `rt.writeArray(${value}, ${writerFn(t.items, decls)})`;
    case "map":
      return `rt.writeMap(${value}, ${writerFn(t.values, decls)})`;
    case "tuple":
      if (t.items.length === 0) return "\"[]\"";
      return `"[" + ${t.items.map((item, i) => writeExpr(item, `${value}[${i}]`, decls)).join(" + \",\" + ")} + "]"`;
  }
}

/** A one-argument function value writing t. */
function writerFn(t: TypeExpr, decls: DeclIndex): string {
  if (t.kind === "string") return "rt.writeString";
  if (t.kind === "number" || (t.kind === "integer" && isNumberInTypeScript(t))) return "rt.writeNumber";
  if (t.kind === "raw") return "rt.writeJson";
  if (t.kind === "ref") {
    const target = declOf(decls, t.target);
    return target.kind === "enum" ? "rt.writeString" : writerName(target.name);
  }
  return `(item) => ${writeExpr(t, "item", decls)}`;
}

/** An array-index name ("0", "17"): JSON.stringify writes those before an object's other names. */
function isIndexName(wire: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(wire) && Number(wire) < 4294967295;
}

/**
 * Past this many fields a writer's chain of `s += ...` is more than tsc follows ("too large for
 * control flow analysis", at about 700): such an object is written through its JSON value.
 */
const WRITER_FIELD_LIMIT = 250;

/** True when the writer of decl defers to stringifyJson(<name>ToJson(x)) for every value. */
function defers(decl: ObjectDecl): boolean {
  return decl.fields.length > WRITER_FIELD_LIMIT || decl.fields.some((f) => isIndexName(f.wireName));
}

/** `,"wire":` (or `{"wire":` first) as a string literal. */
const memberHead = (wire: string, first: boolean): string => tsString(`${first ? "{" : ","}${JSON.stringify(wire)}:`);

const head = (name: string, decl: { name: ObjectDecl["name"] }, used: boolean): string =>
  `export function ${writerName(decl.name)}(${used ? "x" : "_x"}: ${name}): string {`;

export function objectWriter(decl: ObjectDecl, decls: DeclIndex, name: string, keys: string | undefined, lines: string[]): void {
  const bag = keys !== undefined && decl.additional.kind !== "closed" ? `x.${propertyName(decl.additional.name)}` : undefined;
  if (decl.fields.length === 0 && bag === undefined) {
    lines.push(head(name, decl, false), "  return \"{}\";", "}");
    return;
  }
  lines.push(head(name, decl, true));
  const fallback = `rt.stringifyJson(${encoderName(decl.name)}(x))`;
  if (defers(decl)) {
    lines.push(`  return ${fallback};`, "}");
    return;
  }
  if (bag !== undefined) lines.push(`  if (${bag} !== undefined && rt.hasIndexKey(${bag})) return ${fallback};`);
  const first: string[] = [];
  for (const f of decl.fields) if (f.required) first.push(`${memberHead(f.wireName, first.length === 0)} + ${writeExpr(f.type, `x.${propertyName(f.name)}`, decls)}`);
  if (first.length === decl.fields.length && bag === undefined) {
    lines.push(`  return ${first.join(" + ")} + "}";`, "}");
    return;
  }
  lines.push(`  let s = ${first.length === 0 ? "\"\"" : first.join(" + ")};`);
  for (const f of decl.fields) {
    if (f.required) continue;
    const prop = `x.${propertyName(f.name)}`;
    lines.push(`  if (${prop} !== undefined) s += ${memberHead(f.wireName, false)} + ${writeExpr(f.type, prop, decls)};`);
  }
  if (bag !== undefined && keys !== undefined) {
    const write = decl.additional.kind === "typed" ? writerFn(decl.additional.type, decls) : "rt.writeJson";
    lines.push(`  if (${bag} !== undefined) s += rt.writeExtra(${bag}, ${keys}, ${write});`);
  }
  lines.push(first.length === 0 ? "  return s === \"\" ? \"{}\" : \"{\" + s.slice(1) + \"}\";" : "  return s + \"}\";", "}");
}

export function taggedUnionWriter(decl: TaggedUnionDecl, decls: DeclIndex, name: string, lines: string[]): void {
  const tag = tagPropertyName(decl.tag);
  const fallback = `rt.stringifyJson(${encoderName(decl.name)}(x))`;
  lines.push(head(name, decl, true), `  switch (x.${tag}) {`);
  for (const v of decl.variants) {
    const target = declOf(decls, v.target);
    const text = `rt.withHead(${tsString(`{${JSON.stringify(decl.tag)}:${JSON.stringify(v.tagValue)}`)}, ${writerName(target.name)}(x))`;
    let write = text;
    if (isIndexName(decl.tag) || (target.kind === "object" && defers(target))) write = fallback;
    else if (target.kind === "object" && target.additional.kind !== "closed") {
      const bag = `x.${propertyName(target.additional.name)}`;
      write = `${bag} !== undefined && rt.hasIndexKey(${bag}) ? ${fallback} : ${text}`;
    }
    lines.push(`    case ${tsString(v.tagValue)}:`, `      return ${write};`);
  }
  lines.push("    default:", "      return rt.writeJson(x.$unknown);", "  }", "}");
}

export function aliasWriter(decl: AliasDecl, decls: DeclIndex, name: string, lines: string[]): void {
  lines.push(head(name, decl, true), `  return ${writeExpr(decl.type, "x", decls)};`, "}");
}

export function enumWriter(decl: { name: ObjectDecl["name"] }, name: string, lines: string[]): void {
  lines.push(head(name, decl, true), "  return rt.writeString(x);", "}");
}

/** As the kind union's encoder: each converting variant by its guard, the rest as plain JSON. */
export function kindUnionWriter(decl: KindUnionDecl, decls: DeclIndex, name: string, guarded: ReadonlyArray<readonly [KindVariant, string]>, lines: string[]): void {
  lines.push(head(name, decl, true));
  for (const [v, guard] of guarded) lines.push(`  if (${guard}) return ${writeExpr(v.type, "x", decls)};`);
  lines.push("  return rt.writeJson(x);", "}");
}
