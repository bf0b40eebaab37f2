/**
 * View models for one Go package (one IR module): every name, type, tag, comment and statement is
 * decided here; the templates only print. Each package is self-contained: its own copy of the
 * small runtime (runtime.go) and nothing but the standard library.
 */
import type { AliasDecl, Decl, EnumDecl, KindUnionDecl, Module, ObjectDecl, TaggedUnionDecl } from "../../ir/types.js";
import { Aligner, alignRows } from "./align.js";
import { docComment } from "./docs.js";
import { planField, type FieldPlan } from "./fields.js";
import { readAny, reader } from "./readers.js";
import { TypeMapper } from "./gotypes.js";
import { claimName, fieldNames, goFileName, goName } from "./naming.js";
import { groupByOwner } from "../owners.js";
import { render } from "./render.js";
import { goQuote } from "./text.js";
import { append } from "../../arrays.js";

export interface PackageFiles {
  /** The declarations: one file per entity (`user.go`) and `types.go` for shared ones (src/emit/owners.ts). */
  types: Array<{ name: string; contents: string }>;
  runtime: string;
  /** scan.go: the codecs' fast paths (one-scan object splitting, reflection-free scalars). */
  scan: string;
  /** read.go: the one-pass decoder UnmarshalJSON tries first. */
  read: string;
}

/** Go type name of every declaration of a module (by decl id); `taken` collects them. */
export function declGoNames(module: Module, taken: Set<string> = new Set()): Map<string, string> {
  return new Map(module.decls.map((d) => [d.id, claimName(goName(d.name), taken, "Type")]));
}

/**
 * Builds the declaration files and runtime.go of one package. `header(entity)` is the comment
 * block a file starts with (entity undefined: the package's shared files).
 */
export function emitPackage(module: Module, pkg: string, header: (entity?: string) => string[]): PackageFiles {
  const decls = new Map(module.decls.map((d) => [d.id, d]));
  const taken = new Set<string>();
  const declNames = declGoNames(module, taken);
  const helpers = new Map<string, string>();
  const helper = (base: string): string => {
    if (!helpers.has(base)) helpers.set(base, claimName(base, taken, "Value"));
    return helpers.get(base)!;
  };
  const types = new TypeMapper(decls, declNames, helper);
  const ctx: Ctx = { types, taken, name: (id) => declNames.get(id)! };

  const fileNames = new Set(["runtime", "scan", "read", "validate", "validation", "types"]);
  const typesGo = groupByOwner(module).map(({ entity, decls: group }) => {
    types.usesJson = false;
    const blocks = group.map((d) => trimNewlines(renderDecl(d, ctx)));
    // A tagged union keeps an unknown variant as raw JSON; other code needs json only for raw types.
    const usesJson = types.usesJson || group.some((d) => d.kind === "tagged-union");
    const name = entity === undefined ? "types.go" : `${goFileName(entity, fileNames)}.go`;
    return { name, contents: render("file.go", { header: header(entity), pkg, imports: usesJson ? ['"encoding/json"'] : [], blocks }) };
  });

  const nullable = helpers.get("Nullable");
  const tuples = [...types.tupleArities].sort((a, b) => a - b).map((n) => tupleView(n, helpers.get(`Tuple${n}`)!));
  const runtimeGo = render("runtime.go", {
    header: header(),
    pkg,
    hasNullable: nullable !== undefined,
    nullable: nullable ?? "",
    tuples,
    int64AsString: helpers.get("Int64AsString") ?? "",
  });
  return { types: typesGo, runtime: runtimeGo, scan: render("scan.go", { header: header(), pkg }), read: render("read.go", { header: header(), pkg }) };
}

interface Ctx {
  types: TypeMapper;
  /** Package-level names in use (types, helpers, constants). */
  taken: Set<string>;
  name: (id: string) => string;
}

function renderDecl(decl: Decl, ctx: Ctx): string {
  switch (decl.kind) {
    case "object":
      return renderObject(decl, ctx);
    case "enum":
      return renderEnum(decl, ctx);
    case "tagged-union":
      return renderTaggedUnion(decl, ctx);
    case "kind-union":
      return renderKindUnion(decl, ctx);
    case "alias":
      return renderAlias(decl, ctx);
  }
}

/** Struct body lines: doc comments and aligned `Name Type Tag` rows. */
function structBody(rows: { doc: string[]; cells: string[] }[]): string[] {
  const body = new Aligner();
  for (const r of rows) {
    for (const line of r.doc) body.line(line);
    body.row(r.cells);
  }
  return body.done();
}

function renderObject(decl: ObjectDecl, ctx: Ctx): string {
  const name = ctx.name(decl.id);
  const extra = decl.additional;
  const goNames = fieldNames([...decl.fields.map((f) => goName(f.name)), ...(extra.kind !== "closed" ? [goName(extra.name)] : [])]);
  const fields = decl.fields.map((f, i) => planField(f, goNames[i]!, ctx.types));
  const encode: string[] = [];
  const body = new Aligner();
  for (const f of fields) {
    append(encode, f.encode);
    for (const line of f.doc) body.line(line);
    body.row([f.goName, f.goType, f.tag]);
  }

  let bag: string | undefined;
  if (extra.kind !== "closed") {
    bag = goNames[goNames.length - 1]!;
    const valueType = extra.kind === "typed" ? ctx.types.go(extra.type) : ctx.types.go({ kind: "raw" });
    const what = `properties the schema does not declare, ${extra.kind === "typed" ? "by name" : "kept as raw JSON"}.`;
    body.line(`// ${bag} holds ${what}`);
    body.row([bag, `map[string]${valueType}`, '`json:"-"`']);
  }

  // Exactly one of "kept" or "dropped", as the decoder does.
  const notes = bag === undefined
    ? ["Closed: properties the schema does not declare are dropped on decode."]
    : [`Properties the schema does not declare are kept in ${bag} and written back on encode.`];
  if (extra.kind === "preserve" && extra.closedInSchema === true) {
    notes.push("The schema closes this object, but other keywords (if/then, patternProperties, ...) can add properties.");
  }
  const extraValue = extra.kind === "typed" ? (reader(extra.type, ctx.types)?.fn ?? readAny(ctx.types.go(extra.type))) : "readRaw";
  return render("object", {
    read: readView(fields, bag === undefined ? "r.skip()" : `readExtra(r, key, &x.${bag}, ${extraValue})`),
    doc: docComment(decl.doc, { notes }),
    name,
    empty: fields.length === 0 && bag === undefined,
    body: body.done(),
    encode,
    decode: fields.map((f) => f.decode),
    hasBag: bag !== undefined,
    bag: { name: bag ?? "" },
  });
}

/**
 * The switch of readObject: a case per property (a name claimed by an earlier property stays
 * with it, as takeProperty gives it to the first), the required ones and the defaults.
 */
function readView(fields: FieldPlan[], extra: string): object {
  const claimed = new Set<string>();
  const cases: Array<{ labels: string; index: number; read: string }> = [];
  const defaults: Array<{ index: number; field: string; def: string }> = [];
  let fail = "r.bad";
  fields.forEach((f, index) => {
    const { names, quoted, expr, required, default: def } = f.read;
    const labels = names.filter((n) => !claimed.has(n));
    for (const n of labels) claimed.add(n);
    if (labels.length > 0) cases.push({ labels: labels.length === names.length ? quoted : labels.map(goQuote).join(", "), index, read: expr });
    if (required) fail += ` || !seen[${index}]`;
    if (def !== undefined) defaults.push({ index, field: f.goName, def });
  });
  return { count: fields.length, cases, extra, fail, defaults };
}

function renderEnum(decl: EnumDecl, ctx: Ctx): string {
  const name = ctx.name(decl.id);
  const prefix = goName(decl.name);
  const consts = decl.members.map((m) => ({
    doc: docComment(m.doc),
    name: claimName(prefix + goName(m.name), ctx.taken, "Value"),
    value: goQuote(m.value),
  }));
  const aligner = new Aligner();
  for (const c of consts) {
    for (const line of c.doc) aligner.line(line);
    aligner.row([c.name, name, `= ${c.value}`]);
  }
  const body = aligner.done();
  return render("enum", {
    doc: docComment(decl.doc),
    name,
    hasMembers: consts.length > 0,
    body,
    cases: consts.map((c, i) => `${c.name}${i < consts.length - 1 ? "," : ":"}`),
  });
}

function renderTaggedUnion(decl: TaggedUnionDecl, ctx: Ctx): string {
  const name = ctx.name(decl.id);
  const goNames = fieldNames([...decl.variants.map((v) => goName(v.name)), goName(decl.unknownName)]);
  const variants = decl.variants.map((v, i) => ({
    field: goNames[i]!,
    type: ctx.name(v.target),
    tag: goQuote(v.tagValue),
    doc: docComment(v.doc, { notes: [`Tag ${goQuote(decl.tag)}: ${goQuote(v.tagValue)}.`] }),
  }));
  const unknown = goNames[goNames.length - 1]!;
  const rows = [
    ...variants.map((v) => ({ doc: v.doc, cells: [v.field, `*${v.type}`] })),
    { doc: [`// ${unknown} is the whole object when its tag is missing or not one of the above.`], cells: [unknown, "json.RawMessage"] },
  ];
  return render("tagged-union", {
    doc: docComment(decl.doc, { notes: ["Exactly one field is set."] }),
    name,
    body: structBody(rows),
    tagName: goQuote(decl.tag),
    typeName: goQuote(name),
    variants,
    // A repeated tag value goes to the first variant, as decodeJSON's switch gives it.
    readVariants: variants.filter((v, i) => variants.findIndex((w) => w.tag === v.tag) === i),
    hasVariants: variants.length > 0,
    unknown,
  });
}

const KIND_CASES: Record<string, string> = {
  boolean: '"boolean"',
  integer: '"integer"',
  number: '"number"',
  string: '"string"',
  array: '"array"',
  object: '"object"',
};

function renderKindUnion(decl: KindUnionDecl, ctx: Ctx): string {
  const name = ctx.name(decl.id);
  const goNames = fieldNames(decl.variants.map((v) => goName(v.name)));
  const kinds = new Set(decl.variants.map((v) => v.kind));
  const variants = decl.variants.map((v, i) => {
    const go = ctx.types.go(v.type);
    const elem = go.startsWith("*") ? go.slice(1) : go;
    // Without a number variant an integer variant takes every number, and vice versa.
    let cases = KIND_CASES[v.kind]!;
    if (v.kind === "integer" && !kinds.has("number")) cases += `, ${KIND_CASES.number}`;
    if (v.kind === "number" && !kinds.has("integer")) cases = `${KIND_CASES.integer}, ${cases}`;
    const held = v.type.kind === "ref" ? { ...v.type, indirect: false } : v.type;
    const read = reader(held, ctx.types, elem)?.fn ?? readAny(elem);
    return { field: goNames[i]!, elem, cases, read, cells: [goNames[i]!, `*${elem}`] };
  });
  return render("kind-union", {
    doc: docComment(decl.doc, { notes: ["Exactly one field is set, chosen by the JSON kind of the value."] }),
    name,
    typeName: goQuote(name),
    body: alignRows(variants.map((v) => ({ cells: v.cells }))),
    variants,
  });
}

function renderAlias(decl: AliasDecl, ctx: Ctx): string {
  const defined = ctx.types.definedAlias(decl.type);
  return render("alias", {
    doc: docComment(decl.doc, { type: decl.type }),
    name: ctx.name(decl.id),
    sep: defined ? " " : " = ",
    type: ctx.types.go(decl.type),
  });
}

function tupleView(arity: number, name: string): object {
  const idx = [...Array(arity).keys()];
  return {
    name,
    arity,
    params: idx.map((i) => `T${i}`).join(", "),
    body: alignRows(idx.map((i) => ({ cells: [`V${i}`, `T${i}`] }))),
    values: idx.map((i) => `t.V${i}`).join(", "),
    items: idx.map((i) => ({ index: i })),
  };
}

/** `text` without its trailing newlines (what .replace(/\n+$/, "") gives, without a regular expression scanning the whole text). */
function trimNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return end === text.length ? text : text.slice(0, end);
}
