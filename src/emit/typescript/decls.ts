/**
 * One IR declaration → its TypeScript: the type, then `<name>FromJson` / `<name>ToJson`. Lines are
 * built already formatted (2-space indent, double quotes, semicolons) and appended to the module's
 * list of lines (`out`), which is joined once: no list per declaration to make, copy and join.
 */
import type { AliasDecl, EnumDecl, KindUnionDecl, KindVariant, ObjectDecl, TaggedUnionDecl } from "../../ir/types.js";
import { declOf, decodeCall, decodedAsIs, decoderFn, encodeExpr, encodesAsIs, tsType, type DeclIndex } from "./codec.js";
import { fieldDocLines, pushDoc } from "./docs.js";
import {
  decoderName, encoderName, fieldLocal, keyLocal, keysName, memberName, pointerTo, propertyName, pushDocBlock,
  tagPropertyName, tsLiteral, tsString, typeName, wireKey,
} from "./naming.js";
import { append } from "../../arrays.js";
import { isNumberInTypeScript } from "../../ir/integers.js";
import { aliasWriter, enumWriter, kindUnionWriter, objectWriter, taggedUnionWriter } from "./writers.js";

const FROM = "(v: rt.JsonValue, pointer = \"\")";

export function emitEnum(decl: EnumDecl, out: string[]): void {
  const name = typeName(decl.name);
  const literals = decl.members.map((m) => tsString(m.value));
  pushDoc(out, decl.doc, { notes: ["Open: a value not listed here decodes and encodes unchanged."] });
  literals.push("(string & {})");
  out.push(`export type ${name} = ${literals.join(" | ")};`, "", `/** The values of {@link ${name}} this version knows. */`);
  if (decl.members.length === 0) out.push(`export const ${name} = {} as const;`);
  else {
    out.push(`export const ${name} = {`);
    decl.members.forEach((m, i) => {
      pushDoc(out, m.doc, undefined, "  ");
      out.push(`  ${memberName(m.name)}: ${literals[i]!},`);
    });
    out.push("} as const;");
  }
  out.push(
    "",
    `export function ${decoderName(decl.name)}${FROM}: ${name} {`,
    "  return rt.decodeString(v, pointer);",
    "}",
    "",
    `export function ${encoderName(decl.name)}(x: ${name}): rt.JsonValue {`,
    "  return x;",
    "}",
    "",
  );
  enumWriter(decl, name, out);
}

export function emitAlias(decl: AliasDecl, decls: DeclIndex, out: string[]): void {
  const name = typeName(decl.name);
  pushDoc(out, decl.doc);
  out.push(
    `export type ${name} = ${tsType(decl.type, decls)};`,
    "",
    `export function ${decoderName(decl.name)}${FROM}: ${name} {`,
    `  return ${decodeCall(decl.type, "v", "pointer", decls)};`,
    "}",
    "",
    `export function ${encoderName(decl.name)}(x: ${name}): rt.JsonValue {`,
    `  return ${encodeExpr(decl.type, "x", decls)};`,
    "}",
    "",
  );
  aliasWriter(decl, decls, name, out);
}

/** Wire names an object decoder must not put in its bag: fields, former names, the union tag. */
function knownKeys(decl: ObjectDecl, decls: DeclIndex): string[] {
  const keys = decl.fields.flatMap((f) => [f.wireName, ...f.aliases]);
  if (decl.variantOf !== undefined) {
    const union = declOf(decls, decl.variantOf);
    if (union.kind === "tagged-union") keys.push(union.tag);
  }
  return [...new Set(keys)];
}

export function emitObject(decl: ObjectDecl, decls: DeclIndex, out: string[]): void {
  const name = typeName(decl.name);
  const bag = decl.additional.kind === "closed" ? undefined : { prop: propertyName(decl.additional.name), additional: decl.additional };
  const keys = keysName(decl.name);
  const notes: string[] = [];
  // Exactly one of "kept" or "dropped", as the decoder below does.
  if (bag) notes.push(`Properties the schema does not declare are kept in \`${bag.prop}\` and written back on encode.`);
  else notes.push("Closed: properties the schema does not declare are dropped on decode.");
  if (decl.additional.kind === "preserve" && decl.additional.closedInSchema === true) {
    notes.push("The schema closes this object, but other keywords (if/then, patternProperties, ...) can add properties.");
  }
  if (decl.variantOf !== undefined) notes.push("A variant of a tagged union: the tag is not a field here; the union adds it.");
  pushDoc(out, decl.doc, { notes });
  out.push(`export interface ${name} {`);
  const bodyStart = out.length;
  for (const f of decl.fields) {
    const prop = propertyName(f.name);
    pushDocBlock(out, fieldDocLines(f, prop), "  ");
    out.push(`  ${prop}${f.required ? "" : "?"}: ${tsType(f.type, decls)};`);
  }
  if (bag) {
    const valueType = bag.additional.kind === "typed" ? tsType(bag.additional.type, decls) : "rt.JsonValue";
    out.push("  /** Properties not declared by the schema, by wire name. */", `  ${bag.prop}?: { [key: string]: ${valueType} };`);
  }
  // An empty body as a type alias: `interface X {}` is spelled differently by prettier and tsc's formatter.
  if (out.length === bodyStart) out[out.length - 1] = `export type ${name} = {};`;
  else out.push("}");
  out.push("");
  if (bag) {
    keySetConst(keys, knownKeys(decl, decls), out);
    out.push("");
  }
  const known = bag ? keys : undefined;
  objectDecoder(decl, decls, name, known, out);
  out.push("");
  objectEncoder(decl, decls, name, known, out);
  out.push("");
  objectWriter(decl, decls, name, known, out);
}

function objectDecoder(decl: ObjectDecl, decls: DeclIndex, name: string, keys: string | undefined, lines: string[]): void {
  const head = `export function ${decoderName(decl.name)}${FROM}: ${name} {`;
  if (decl.fields.length === 0 && keys === undefined) {
    lines.push(head, "  rt.expectObject(v, pointer);", "  return {};", "}");
    return;
  }
  lines.push(head, "  const o = rt.expectObject(v, pointer);");
  const required: string[] = [];
  const optional: string[] = [];
  for (const f of decl.fields) {
    const local = fieldLocal(f.name);
    let at: string;
    if (f.aliases.length === 0) {
      lines.push(`  const ${local} = rt.get(o, ${tsString(f.wireName)});`);
      at = pointerTo("pointer", f.wireName);
    } else {
      const keyVar = keyLocal(f.name);
      const names = [f.wireName, ...f.aliases].map(tsString).join(", ");
      lines.push(`  const [${keyVar}, ${local}] = rt.getAliased(o, [${names}]);`);
      at = `rt.child(pointer, ${keyVar})`;
    }
    const prop = propertyName(f.name);
    // A value that already is what its decoder returns is taken as is (no call, no pointer built).
    const asIs = decodedAsIs(f.type, local, decls);
    const orAsIs = (decode: string): string => (asIs === undefined ? decode : `${asIs} ? ${local} : ${decode}`);
    if (!f.required) {
      optional.push(`  if (${local} !== undefined) result.${prop} = ${orAsIs(decodeCall(f.type, local, at, decls))};`);
    } else if (f.default !== undefined) {
      const fallback = tsLiteral(f.defaultJson ?? JSON.stringify(f.default));
      required.push(`    ${prop}: ${decodeCall(f.type, `${local} === undefined ? ${fallback} : ${local}`, at, decls)},`);
    } else {
      required.push(`    ${prop}: ${orAsIs(decodeCall(f.type, `rt.present(${local}, pointer, ${tsString(f.wireName)})`, at, decls))},`);
    }
  }
  const direct = optional.length === 0 && keys === undefined;
  const open = direct ? "  return {" : `  const result: ${name} = {`;
  if (required.length === 0) lines.push(`${open}};`);
  else {
    lines.push(open);
    append(lines, required);
    lines.push("  };");
  }
  if (direct) {
    lines.push("}");
    return;
  }
  append(lines, optional);
  if (keys !== undefined && decl.additional.kind !== "closed") {
    const prop = propertyName(decl.additional.name);
    const collect = decl.additional.kind === "typed"
      ? `rt.restTyped(o, ${keys}, pointer, ${decoderFn(decl.additional.type, decls)})`
      : `rt.rest(o, ${keys})`;
    lines.push(`  const bag = ${collect};`, `  if (bag !== undefined) result.${prop} = bag;`);
  }
  lines.push("  return result;", "}");
}

function objectEncoder(decl: ObjectDecl, decls: DeclIndex, name: string, keys: string | undefined, lines: string[]): void {
  const used = decl.fields.length > 0 || keys !== undefined;
  lines.push(`export function ${encoderName(decl.name)}(${used ? "x" : "_x"}: ${name}): rt.JsonObject {`);
  const required = decl.fields.filter((f) => f.required);
  const direct = required.length === decl.fields.length && keys === undefined;
  const open = direct ? "  return {" : "  const out: rt.JsonObject = {";
  if (required.length === 0) lines.push(`${open}};`);
  else {
    lines.push(open);
    for (const f of required) lines.push(`    ${wireKey(f.wireName)}: ${encodeExpr(f.type, `x.${propertyName(f.name)}`, decls)},`);
    lines.push("  };");
  }
  if (direct) {
    lines.push("}");
    return;
  }
  for (const f of decl.fields) {
    if (f.required) continue;
    const value = encodeExpr(f.type, `x.${propertyName(f.name)}`, decls);
    const write = f.wireName === "__proto__" ? `rt.put(out, ${tsString(f.wireName)}, ${value})` : `out[${tsString(f.wireName)}] = ${value}`;
    lines.push(`  if (x.${propertyName(f.name)} !== undefined) ${write};`);
  }
  if (keys !== undefined && decl.additional.kind !== "closed") {
    const prop = `x.${propertyName(decl.additional.name)}`;
    const t = decl.additional.kind === "typed" ? decl.additional.type : undefined;
    const extra = t === undefined || encodesAsIs(t, decls) ? prop : `rt.mapValues(${prop}, (y) => ${encodeExpr(t, "y", decls)})`;
    lines.push(`  if (${prop} !== undefined) rt.putExtra(out, ${extra}, ${keys});`);
  }
  lines.push("  return out;", "}");
}

export function emitTaggedUnion(decl: TaggedUnionDecl, decls: DeclIndex, lines: string[]): void {
  const name = typeName(decl.name);
  const tag = tagPropertyName(decl.tag);
  const members = decl.variants.map((v) => `({ ${tag}: ${tsString(v.tagValue)} } & ${typeName(declOf(decls, v.target).name)})`);
  members.push(`{ ${tag}?: never; $unknown: rt.JsonObject }`);
  const notes = [
    [
      `Tagged by the wire property ${tsString(decl.tag)} (\`${tag}\` here). A tag this version does not know`,
      `decodes to \`{ $unknown: <the whole object> }\`, which has no \`${tag}\`: checking \`${tag}\` narrows`,
      "to the known variants, and encoding writes the unknown object back unchanged.",
    ].join("\n"),
  ];
  const described = decl.variants.filter((v) => v.doc.description !== undefined);
  if (described.length > 0) notes.push(described.map((v) => `- ${tsString(v.tagValue)}: ${v.doc.description ?? ""}`).join("\n"));
  const tagAt = pointerTo("pointer", decl.tag);
  pushDoc(lines, decl.doc, { notes });
  lines.push(`export type ${name} =`);
  members.forEach((m, i) => lines.push(`  | ${m}${i === members.length - 1 ? ";" : ""}`));
  lines.push(
    "",
    `export function ${decoderName(decl.name)}${FROM}: ${name} {`,
    "  const o = rt.expectObject(v, pointer);",
    `  switch (rt.decodeString(rt.present(rt.get(o, ${tsString(decl.tag)}), pointer, ${tsString(decl.tag)}), ${tagAt})) {`,
  );
  for (const v of decl.variants) {
    const target = declOf(decls, v.target);
    lines.push(`    case ${tsString(v.tagValue)}:`, `      return { ${tag}: ${tsString(v.tagValue)}, ...${decoderName(target.name)}(o, pointer) };`);
  }
  lines.push("    default:", "      return { $unknown: o };", "  }", "}", "");
  lines.push(`export function ${encoderName(decl.name)}(x: ${name}): rt.JsonValue {`, `  switch (x.${tag}) {`);
  for (const v of decl.variants) {
    const target = declOf(decls, v.target);
    lines.push(
      `    case ${tsString(v.tagValue)}:`,
      `      return { ${wireKey(decl.tag)}: ${tsString(v.tagValue)}, ...${encoderName(target.name)}(x) };`,
    );
  }
  lines.push("    default:", "      return x.$unknown;", "  }", "}", "");
  taggedUnionWriter(decl, decls, name, lines);
}

/** `const NAME = rt.keySet([...]);`, one key per line when long. */
function keySetConst(name: string, keys: readonly string[], out: string[]): void {
  const quoted = keys.map(tsString);
  const line = `const ${name} = rt.keySet([${quoted.join(", ")}]);`;
  if (line.length <= MAX_LINE) {
    out.push(line);
    return;
  }
  out.push(`const ${name} = rt.keySet([`);
  for (const k of quoted) out.push(`  ${k},`);
  out.push("]);");
}

const MAX_LINE = 120;

const KIND_ARTICLE: Record<KindVariant["kind"], string> = {
  boolean: "a boolean", integer: "an integer", number: "a number", string: "a string", array: "an array", object: "an object",
};

/** Runtime test telling this variant's TS values apart (undefined when none is needed). */
function kindGuard(v: KindVariant, arraysHandled: boolean): string {
  switch (v.kind) {
    case "array":
      return "Array.isArray(x)";
    case "object":
      return arraysHandled ? "typeof x === \"object\"" : "typeof x === \"object\" && !Array.isArray(x)";
    case "integer":
      return v.type.kind === "integer" && isNumberInTypeScript(v.type) ? "typeof x === \"number\"" : "typeof x === \"bigint\"";
    default:
      return `typeof x === "${v.kind === "number" ? "number" : v.kind}"`;
  }
}

export function emitKindUnion(decl: KindUnionDecl, decls: DeclIndex, lines: string[]): void {
  const name = typeName(decl.name);
  const types = [...new Set(decl.variants.map((v) => tsType(v.type, decls)))];
  const byKind = new Map(decl.variants.map((v) => [v.kind, v]));
  pushDoc(lines, decl.doc, { notes: ["Decoded by the JSON kind of the value."] });
  lines.push(
    `export type ${name} = ${types.map((t) => (t.includes(" | ") ? `(${t})` : t)).join(" | ")};`,
    "",
    `export function ${decoderName(decl.name)}${FROM}: ${name} {`,
    "  switch (rt.kindOf(v)) {",
  );
  const number = byKind.get("number");
  for (const v of decl.variants) {
    if (v.kind === "number" && !byKind.has("integer")) lines.push("    case \"integer\":");
    let decode = decodeCall(v.type, "v", "pointer", decls);
    if (v.kind === "integer" && number) {
      // As an untagged Rust enum does: an integer out of the integer variant's range is a number.
      const width = v.type.kind === "integer" ? `${v.type.bits}${v.type.unsigned ? ", true" : ""}` : "64";
      decode = `rt.fitsInteger(v, ${width}) ? ${decode} : ${decodeCall(number.type, "v", "pointer", decls)}`;
    }
    lines.push(`    case "${v.kind}":`, `      return ${decode};`);
  }
  const articles = decl.variants.map((v) => KIND_ARTICLE[v.kind]);
  const expected = articles.length <= 1 ? articles.join("") : `${articles.slice(0, -1).join(", ")} or ${articles[articles.length - 1]}`;
  lines.push("    default:", `      throw rt.mismatch(pointer, ${tsString(expected)}, v);`, "  }", "}", "");
  const converting = decl.variants.filter((v) => !encodesAsIs(v.type, decls));
  lines.push(`export function ${encoderName(decl.name)}(x: ${name}): rt.JsonValue {`);
  const arrays = converting.some((c) => c.kind === "array");
  const guarded = [...converting].sort((a, b) => (a.kind === "object" ? 1 : 0) - (b.kind === "object" ? 1 : 0)).map((v) => [v, kindGuard(v, arrays)] as const);
  for (const [v, guard] of guarded) lines.push(`  if (${guard}) return ${encodeExpr(v.type, "x", decls)};`);
  lines.push("  return x;", "}", "");
  kindUnionWriter(decl, decls, name, guarded, lines);
}
