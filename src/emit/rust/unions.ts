/** View models for tagged unions, kind unions and aliases. */
import type { AliasDecl, KindUnionDecl, TaggedUnionDecl } from "../../ir/types.js";
import type { ModuleContext } from "./context.js";
import { docLines } from "./docs.js";
import { attribute, indent, matchArm, newtypeStruct, tupleVariant, typed } from "./layout.js";
import { itemHead } from "./objects.js";
import { typeName, variantName } from "./naming.js";
import { rustString } from "./text.js";
import { append } from "../../arrays.js";

export function taggedUnionView(ctx: ModuleContext, decl: TaggedUnionDecl) {
  const name = typeName(decl.name);
  const unknown = variantName(decl.unknownName);
  const body: string[] = [];
  const knownBody: string[] = [];
  const arms: string[] = [];
  const fastArms: string[] = [];
  let allow = decl.variants.some((v) => v.doc.deprecated === true);
  for (const variant of decl.variants) {
    const vname = variantName(variant.name);
    const payload = ctx.name(variant.target);
    allow ||= ctx.decl(variant.target).doc.deprecated === true;
    const rename = (at: number) => attribute(at, "serde", [`rename = ${rustString(variant.tagValue)}`]);
    append(body, indent([...docLines(variant.doc), ...(variant.doc.deprecated ? ["#[deprecated]"] : []), ...rename(4), ...tupleVariant(4, vname, payload)], 4));
    knownBody.push(...rename(12), ...tupleVariant(12, vname, payload));
    arms.push(...matchArm(12, `__Known::${vname}(variant)`, `Ok(Self::${vname}(variant))`));
    fastArms.push(...matchArm(12, rustString(variant.tagValue), `${payload}::deserialize(rest).map(Self::${vname})`));
  }
  const helper = ctx.helper("").replace(/::$/, "");
  fastArms.push(...matchArm(12, "_", `${helper}::unknown_variant(Self::TAG, tag, rest).map(Self::${unknown})`));
  const deprecated = decl.doc.deprecated === true;
  const tag = [`tag = ${rustString(decl.tag)}`];
  return {
    template: "tagged-union.rs",
    view: {
      head: itemHead(docLines(decl.doc), deprecated, allow),
      tagAttr: attribute(0, "serde", tag),
      knownTagAttr: attribute(8, "serde", tag),
      name,
      unknown,
      body,
      knownBody,
      arms,
      fastArms,
      helper,
      tagName: rustString(decl.tag),
      allowDeprecated: allow || deprecated,
    },
  };
}

export function kindUnionView(ctx: ModuleContext, decl: KindUnionDecl) {
  const body: string[] = [];
  let allow = false;
  for (const variant of decl.variants) {
    allow ||= ctx.mentionsDeprecated(variant.type);
    body.push(...indent(tupleVariant(4, variantName(variant.name), ctx.rust(variant.type)), 4));
  }
  const head = itemHead(docLines(decl.doc), decl.doc.deprecated === true, allow);
  return { template: "kind-union.rs", view: { head, name: typeName(decl.name), body } };
}

export function aliasView(ctx: ModuleContext, decl: AliasDecl) {
  const name = typeName(decl.name);
  const type = ctx.rust(decl.type);
  const head = itemHead(docLines(decl.doc), decl.doc.deprecated === true, ctx.mentionsDeprecated(decl.type));
  if (ctx.recursiveAliases.has(decl.id)) return { template: "newtype.rs", view: { head, body: newtypeStruct(name, type) } };
  return { template: "alias.rs", view: { head, body: typed(0, `pub type ${name} =`, type, ";") } };
}
