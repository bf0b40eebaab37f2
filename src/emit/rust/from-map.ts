/**
 * `Deserialize` for structs that keep undeclared properties, read one property at a time through
 * the runtime's `FromMap` (no `#[serde(flatten)]`: serde buffers every property of a flattened
 * struct before reading any, and the generated codecs then ran 1.4–1.6x plain serde derive on
 * objects with unknown properties). Each field reads as derived `Deserialize` reads it.
 */
import type { Field, ObjectDecl } from "../../ir/types.js";
import type { ModuleContext } from "./context.js";
import { implHeader, MAX_WIDTH } from "./layout.js";
import { fieldName, snakeName, unraw } from "./naming.js";
import { rustString } from "./text.js";

/** The function that gives a required field's schema default (`Self::default_x`). */
export const defaultFnName = (field: Field): string => `default_${unraw(fieldName(field.name))}`;

/**
 * rustfmt keeps a line of this impl as printed when it is this wide at most, and the call or
 * method chain in it on one line when the chain is this long at most (rustfmt's defaults, measured
 * at every width, a few columns spare). A struct with longer names keeps the derive and flatten.
 */
const LINE_WIDTH = MAX_WIDTH - 4;
const CHAIN_WIDTH = 66;
/** A match arm whose body is a call stays on one line when this wide at most, else becomes a block. */
const ARM_WIDTH = MAX_WIDTH - 2;
/** rustfmt's default struct_lit_width: a literal whose fields take this many columns stays on one line. */
const STRUCT_LIT_WIDTH = 18;

/** A local name that no field has. */
function free(name: string, taken: ReadonlySet<string>): string {
  let candidate = name;
  while (taken.has(candidate)) candidate += "_";
  return candidate;
}

/** clippy's default disallowed_names: a local spelled so (from a field) needs an allow. */
const DISALLOWED_NAMES = new Set(["foo", "baz", "quux"]);

export interface FromMapView {
  /** The impl headers of `Deserialize` and `FromMap`. */
  deserializeHead: string[];
  fromMapHead: string[];
  /** `#[allow(..)]` lines of the `FromMap` impl (the caller adds `deprecated`). */
  allows: string[];
  runtime: string;
  expecting: string;
  map: string;
  key: string;
  bag: string;
  slots: string[];
  arms: string[];
  keep: string;
  /** `Ok(Self { .. })` on one line, or its field lines. */
  oneLine?: string;
  inits: string[];
}

/** The view of the struct's `FromMap` impl, or undefined when rustfmt would lay it out otherwise. */
export function fromMapView(ctx: ModuleContext, decl: ObjectDecl, name: string): FromMapView | undefined {
  if (decl.additional.kind === "closed") return undefined;
  const bag = snakeName(decl.additional.name);
  const names = decl.fields.map((f) => fieldName(f.name));
  const taken = new Set([...names, bag].map(unraw));
  const map = free("map", taken);
  const key = free("key", taken);
  const runtime = ctx.helper("");
  const deserializeHead = implHeader("impl<'de> Deserialize<'de>", name);
  const fromMapHead = implHeader(`impl<'de> ${runtime}FromMap<'de>`, name);
  // (A long `"struct Name"` literal is a line rustfmt leaves alone.)
  const heads = [...deserializeHead, ...fromMapHead];
  const lines: string[] = [
    `        ${runtime}deserialize_object(deserializer)`,
    `    fn from_map<__A: serde::de::MapAccess<'de>>(mut ${map}: __A) -> Result<Self, __A::Error> {`,
    `        use ${runtime}Properties as _;`,
  ];
  const chains: string[] = [];
  const arms: string[] = [];
  const inits: string[] = [];
  decl.fields.forEach((field, i) => {
    const local = names[i]!;
    const wire = rustString(field.wireName);
    const read = `${map}.read(&mut ${local}, &${key})?`;
    const pattern = [wire, ...field.aliases.map(rustString)].join(" | ");
    const arm = `${pattern} => ${read},`;
    arms.push(...(16 + arm.length <= ARM_WIDTH ? [arm] : [`${pattern} => {`, `    ${read}`, "}"]));
    chains.push(read);
    let init: string;
    if (field.required && field.default !== undefined) init = `${local}.unwrap_or_else(Self::${defaultFnName(field)})`;
    else if (field.required) init = `${map}.required(${local}, ${wire})?`;
    // An optional field reads as its `Option`, null as None; one whose type holds null reads as
    // that type (the derive's `present`), so absent stays apart from null.
    else if (ctx.acceptsNull(field.type)) init = local;
    else init = `${local}.unwrap_or_default()`;
    if (init !== local) chains.push(init);
    inits.push(init === local ? `${local},` : `${local}: ${init},`);
  });
  inits.push(`${bag},`);
  const keep = `${map}.keep(&mut ${bag}, ${key})?`;
  chains.push(keep);
  lines.push(...names.map((n) => `        let mut ${n} = None;`), `        let mut ${bag} = Default::default();`);
  lines.push(`        while let Some(${key}) = ${map}.next_name()? {`, `                _ => ${keep},`);
  lines.push(...inits.map((l) => `            ${l}`));
  const fits = heads.every((l) => l.length <= MAX_WIDTH) && lines.every((l) => l.length <= LINE_WIDTH) && arms.every((a) => 16 + a.length <= ARM_WIDTH);
  if (!fits || chains.some((c) => c.length > CHAIN_WIDTH)) return undefined;
  const body = inits.map((l) => l.slice(0, -1)).join(", ");
  const shorthand = inits.every((l) => !l.includes(":"));
  const allows = names.some((n) => DISALLOWED_NAMES.has(n)) ? ["#[allow(clippy::disallowed_names)]"] : [];
  return {
    deserializeHead,
    fromMapHead,
    allows,
    runtime,
    expecting: rustString(`struct ${name}`),
    map,
    key,
    bag,
    slots: names,
    arms,
    keep,
    oneLine: shorthand && body.length <= STRUCT_LIT_WIDTH ? `Ok(Self { ${body} })` : undefined,
    inits,
  };
}
