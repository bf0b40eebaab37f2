/** View models for structs (objects) and open enums. */
import type { EnumDecl, Field, ObjectDecl } from "../../ir/types.js";
import type { ModuleContext } from "./context.js";
import { defaultExpr } from "./defaults.js";
import { docLines } from "./docs.js";
import { defaultFnName, fromMapView } from "./from-map.js";
import { attribute, fnSignature, indent, matchArm, typed } from "./layout.js";
import { fieldName, snakeName, typeName, unraw, variantName } from "./naming.js";
import { rustString } from "./text.js";
import { append } from "../../arrays.js";

/** Lines above an item: docs, `#[deprecated]`, `#[allow(deprecated)]` when it names deprecated things. */
export function itemHead(docs: string[], deprecated: boolean, allowDeprecated: boolean): string[] {
  return [...docs, ...(deprecated ? ["#[deprecated]"] : []), ...(allowDeprecated ? ["#[allow(deprecated)]"] : [])];
}

/** The default's exact JSON text. */
const defaultText = (field: Field): string => field.defaultJson ?? JSON.stringify(field.default);

interface DefaultFn {
  signature: string[];
  body: string[];
}

/**
 * Appends the field's lines (indented for the struct body) to `body`; true when they name
 * something deprecated. `derives` is `"both"`, or `"serialize"` when the struct's `Deserialize` is
 * written out (./from-map.ts).
 */
function fieldLines(ctx: ModuleContext, owner: string, field: Field, defaults: DefaultFn[], derives: "both" | "serialize", body: string[]): boolean {
  const name = fieldName(field.name);
  const base = ctx.rust(field.type);
  const serde: string[] = [];
  const decode = derives === "both";
  if (field.wireName !== unraw(name)) serde.push(`rename = ${rustString(field.wireName)}`);
  if (decode) for (const alias of field.aliases) serde.push(`alias = ${rustString(alias)}`);
  let deprecated = ctx.mentionsDeprecated(field.type);
  if (field.required && field.default !== undefined) {
    const fn = defaultFnName(field);
    const expr = defaultExpr(ctx, field.type, field.default, defaultText(field));
    deprecated ||= expr.deprecated;
    defaults.push({ signature: fnSignature(4, fn, base), body: expr.lines });
    if (decode) serde.push(`default = ${rustString(`${owner}::${fn}`)}`);
  }
  if (!field.required) {
    if (decode) serde.push("default");
    if (decode && ctx.acceptsNull(field.type)) serde.push(`deserialize_with = ${rustString(ctx.helper("present"))}`);
    serde.push('skip_serializing_if = "Option::is_none"');
  }
  const type = field.required ? base : `Option<${base}>`;
  for (const line of docLines(field.doc, field.default !== undefined ? { default: defaultText(field) } : {})) body.push(`    ${line}`);
  if (field.doc.deprecated) body.push("    #[deprecated]");
  if (serde.length > 0) for (const line of attribute(4, "serde", serde)) body.push(`    ${line}`);
  for (const line of typed(4, `pub ${name}:`, type)) body.push(`    ${line}`);
  return deprecated;
}

/** What the struct does with undeclared properties: exactly one of kept or dropped, as serde does. */
function unknownPropertiesNotes(decl: ObjectDecl): string[] {
  const extra = decl.additional;
  if (extra.kind === "closed") return ["Closed: properties the schema does not declare are dropped on decode."];
  const notes = [`Properties the schema does not declare are kept in \`${unraw(snakeName(extra.name))}\` and written back on encode.`];
  if (extra.kind === "preserve" && extra.closedInSchema === true) {
    notes.push("The schema closes this object, but other keywords (if/then, patternProperties, ...) can add properties.");
  }
  return notes;
}

export function structView(ctx: ModuleContext, decl: ObjectDecl) {
  const name = typeName(decl.name);
  const fromMap = fromMapView(ctx, decl, name);
  const defaults: DefaultFn[] = [];
  const body: string[] = [];
  let allow = false;
  for (const field of decl.fields) {
    if (fieldLines(ctx, name, field, defaults, fromMap ? "serialize" : "both", body)) allow = true;
  }
  if (decl.additional.kind !== "closed") {
    const extra = decl.additional;
    let type = ctx.helper("UnknownProperties");
    if (extra.kind === "typed") {
      type = `BTreeMap<String, ${ctx.rust(extra.type)}>`;
      allow ||= ctx.mentionsDeprecated(extra.type);
      ctx.usesBTreeMap = true;
    }
    const bag = [
      "/// Properties the schema does not declare, kept so they are written back unchanged.",
      "#[serde(flatten)]",
      ...typed(4, `pub ${snakeName(extra.name)}:`, type),
    ];
    append(body, indent(bag, 4));
  }
  const deprecated = decl.doc.deprecated === true;
  const derive = fromMap ? "#[derive(Debug, Clone, PartialEq, Serialize)]" : "#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]";
  const head = [...itemHead(docLines(decl.doc, { notes: unknownPropertiesNotes(decl) }), deprecated, allow), derive];
  const defaultsAllow = deprecated || allow;
  // The impls of ./from-map.ts name every field: a deprecated one too.
  const fromMapAllow = defaultsAllow || decl.fields.some((f) => f.doc.deprecated === true);
  if (fromMap && fromMapAllow) fromMap.allows.unshift("#[allow(deprecated)]");
  const view = { head, name, empty: body.length === 0, body, defaults, allowDeprecated: defaultsAllow, fromMap, fromMapAllow };
  return { template: "struct.rs", view };
}

export function enumView(ctx: ModuleContext, decl: EnumDecl) {
  const name = typeName(decl.name);
  const unknown = variantName(decl.unknownName);
  const body: string[] = [];
  const toWire: string[] = [];
  const fromWire: string[] = [];
  for (const member of decl.members) {
    const variant = variantName(member.name);
    const value = rustString(member.value);
    for (const line of docLines(member.doc)) body.push(`    ${line}`);
    if (member.doc.deprecated) body.push("    #[deprecated]");
    body.push(`    ${variant},`);
    append(toWire, matchArm(12, `Self::${variant}`, value));
    append(fromWire, matchArm(12, value, `Self::${variant}`));
  }
  const deprecated = decl.doc.deprecated === true;
  const allowDeprecated = deprecated || decl.members.some((m) => m.doc.deprecated === true);
  const head = itemHead(docLines(decl.doc), deprecated, allowDeprecated);
  return { template: "enum.rs", view: { head, name, unknown, body, toWire, fromWire, allowDeprecated, runtime: ctx.helper("") } };
}
