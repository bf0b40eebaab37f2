/**
 * Generated validators for Rust: one module (`validate`, or `lockstep_validate` when an entity
 * module has that name) holding the table interpreter (templates/rust/validate.rs.hbs), the root
 * module's tables with `validate_<type>(&Value)` per type, and each older version's in
 * `<entity>::<version>` submodules. Depends on `regex` only when a schema has a pattern or format.
 */
import { snakeCase } from "../../ir/casing.js";
import type { Module } from "../../ir/types.js";
import { FORMAT_PATTERNS } from "../validate-formats.js";
import { MESSAGES } from "../validate-messages.js";
import { validatorTable, type Rule, type ValidatorTable } from "../validate-rules.js";
import { MAX_WIDTH } from "./layout.js";
import { moduleName } from "./naming.js";
import { render } from "./render.js";
import { rustString } from "./text.js";

const KINDS: Record<Rule["kind"], string> = {
  any: "Any", nullable: "Nullable", string: "String", integer: "Integer", number: "Number", boolean: "Boolean", array: "Array",
  tuple: "Tuple", map: "Map", object: "Object", enum: "Enum", tagged: "Tagged", kinds: "Kinds", ref: "Ref",
};

/** A Rust f64 literal. */
function f64(n: number): string {
  const text = Object.is(n, -0) ? "0" : String(n);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** `&[a, b]` of each item spelled by `spell`, built as one string (a hundred thousand rules: no array per list). */
function list<T>(items: readonly T[], spell: (item: T) => string): string {
  let out = "&[";
  for (let i = 0; i < items.length; i++) out += i === 0 ? spell(items[i]!) : `, ${spell(items[i]!)}`;
  return `${out}]`;
}

const numeric = (c: Rule["numeric"][number]): string => `(${rustString(c.keyword)}, ${f64(c.limit)}, ${rustString(c.text)})`;
const field = (f: Rule["fields"][number]): string => `(${rustString(f.name)}, ${f.rule}, ${f.required})`;
const variant = (v: Rule["variants"][number]): string => `(${rustString(v.key)}, ${v.rule})`;

function ruleLiteral(r: Rule): string {
  let out = `Rule { kind: Kind::${KINDS[r.kind]}`;
  if (r.child >= 0) out += `, child: Some(${r.child})`;
  if (r.children.length > 0) out += `, children: ${list(r.children, String)}`;
  if (r.numeric.length > 0) out += `, numeric: ${list(r.numeric, numeric)}`;
  if (r.uniqueItems) out += ", unique_items: true";
  if (r.pattern >= 0) out += `, pattern: Some(${r.pattern})`;
  if (r.format) out += `, format: ${rustString(r.format)}`;
  if (r.valuesKeyword) {
    out += `, values_keyword: ${rustString(r.valuesKeyword)}`;
    if (r.strings.length > 0) out += `, strings: ${list(r.strings, rustString)}`;
    if (r.numbers.length > 0) out += `, numbers: ${list(r.numbers, f64)}`;
    if (r.booleans.length > 0) out += `, booleans: ${list(r.booleans, String)}`;
    if (r.nullValue) out += ", null_value: true";
  }
  if (r.fields.length > 0) out += `, fields: ${list(r.fields, field)}`;
  if (r.required.length > 0) out += `, required: ${list(r.required, rustString)}`;
  if (r.closed) out += ", closed: true";
  if (r.tag) out += `, tag: ${rustString(r.tag)}`;
  if (r.variants.length > 0) out += `, variants: ${list(r.variants, variant)}`;
  return `${out}, ..Rule::NONE }`;
}

/** `pub fn name(param) -> ret {`, or rustfmt's layout when that is wider than MAX_WIDTH. */
function signature(indent: number, name: string, param: string, ret: string): string[] {
  const line = `pub fn ${name}(${param}) -> ${ret} {`;
  return indent + line.length <= MAX_WIDTH ? [line] : [`pub fn ${name}(`, `    ${param},`, `) -> ${ret} {`];
}

function usesRegex(tables: readonly ValidatorTable[]): boolean {
  return tables.some((t) => t.patterns.length > 0 || t.rules.some((r) => r.format !== ""));
}

/** Appends the tables and functions of one module, indented by `indent`, to `out`. */
function tableItems(out: string[], module: Module, table: ValidatorTable, regex: boolean, indent: string): void {
  const line = (text: string): void => {
    out.push(text === "" ? text : indent + text);
  };
  // The tables are data, one rule per line: rustfmt would give each field a line of its own.
  // One array literal of a hundred thousand rules costs rustc far more than the same rules in chunks.
  const names: string[] = [];
  for (let i = 0; i < table.rules.length; i += RULES_PER_CHUNK) {
    const end = Math.min(i + RULES_PER_CHUNK, table.rules.length);
    const name = `RULES_${names.length}`;
    names.push(name);
    line("#[rustfmt::skip]");
    line(`static ${name}: [Rule; ${end - i}] = [`);
    for (let r = i; r < end; r++) line(`    ${ruleLiteral(table.rules[r]!)},`);
    line("];");
    line("");
  }
  line("#[rustfmt::skip]");
  line(`pub static RULES: [&[Rule]; ${names.length}] = [`);
  for (const n of names) line(`    &${n},`);
  line("];");
  line("");
  line("#[rustfmt::skip]");
  line(`pub static PATTERNS: [Pattern; ${table.patterns.length}] = [`);
  for (const p of table.patterns) {
    const translated = p.rust.ok ? `Ok(${rustString(p.rust.source)})` : `Err(${rustString(p.rust.reason)})`;
    line(regex ? `    Pattern::new(${rustString(p.source)}, ${translated}),` : "    Pattern,");
  }
  line("];");
  const roots = new Set(module.entities.map((e) => e.root));
  const taken = new Set(table.entries.map((e) => `validate_${snakeCase(e.decl.name)}`));
  for (const { decl, rule } of table.entries) {
    const name = `validate_${snakeCase(decl.name)}`;
    line("");
    line(`/// Every constraint of this type's schema that \`value\` breaks; empty when valid.`);
    for (const l of signature(indent.length, name, "value: &Value", "Vec<ValidationError>")) line(l);
    line(`    run(&RULES, &PATTERNS, ${rule}, value)`);
    line("}");
    if (roots.has(decl.id)) {
      let json = `${name}_json`;
      for (let n = 2; taken.has(json); n++) json = `${name}_json${n}`;
      taken.add(json);
      line("");
      line("/// Parses JSON text and validates it.");
      for (const l of signature(indent.length, json, "json: &str", "Result<Vec<ValidationError>, serde_json::Error>")) line(l);
      line("    let value: Value = serde_json::from_str(json)?;");
      line(`    Ok(${name}(&value))`);
      line("}");
    }
  }
}

export interface RustValidators {
  /** Module name in lib.rs. */
  mod: string;
  file: { path: string; contents: string };
  /** The crate needs the `regex` dependency. */
  regex: boolean;
}

/** Rules per static array (the template's RULES_PER_CHUNK). */
const RULES_PER_CHUNK = 256;

export function emitRustValidators(modules: readonly Module[], entityMods: Iterable<string>, header: string[]): RustValidators {
  const taken = new Set(entityMods);
  const mod = ["validate", "lockstep_validate", "lockstep_validators"].find((c) => !taken.has(c));
  if (!mod) throw new Error("no free name for the validators module");
  const tables = modules.map((m) => validatorTable(m));
  const regex = usesRegex(tables);
  const [root, ...older] = modules;
  const items: string[] = [""];
  tableItems(items, root!, tables[0]!, regex, "");
  // Older versions: `pub mod <entity> { pub mod <version> { ... } }`, grouped by entity.
  const byEntity = new Map<string, Array<{ version: string; module: Module; table: ValidatorTable }>>();
  older.forEach((module, i) => {
    const entity = moduleName(module.path[0]!);
    byEntity.set(entity, [...(byEntity.get(entity) ?? []), { version: moduleName(module.path[1]!), module, table: tables[i + 1]! }]);
  });
  for (const [entity, versions] of byEntity) {
    items.push("", `pub mod ${entity} {`);
    versions.forEach(({ version, module, table }, i) => {
      if (i > 0) items.push("");
      items.push(`    pub mod ${version} {`, `        use crate::${mod}::{run, Kind, Pattern, Rule, ValidationError};`, "        use serde_json::Value;", "");
      tableItems(items, module, table, regex, "        ");
      items.push("    }");
    });
    items.push("}");
  }
  const names = Object.keys(FORMAT_PATTERNS);
  const contents = render("validate.rs", {
    header,
    regex,
    rulesPerChunk: RULES_PER_CHUNK,
    formatCount: names.length,
    formatPatterns: Object.values(FORMAT_PATTERNS).map(rustString),
    formatIndexes: names.map((n, index) => ({ name: `FORMAT_${snakeCase(n.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/\s+/)).toUpperCase()}`, index })),
    messages: Object.entries(MESSAGES).map(([key, text]) => ({ key: rustString(key), text: rustString(text) })),
    items,
  });
  return { mod, file: { path: `src/${mod}.rs`, contents }, regex };
}
