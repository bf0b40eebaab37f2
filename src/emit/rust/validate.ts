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

const list = (items: string[]): string => `&[${items.join(", ")}]`;

function ruleLiteral(r: Rule): string {
  const parts = [`kind: Kind::${KINDS[r.kind]}`];
  if (r.child >= 0) parts.push(`child: Some(${r.child})`);
  if (r.children.length > 0) parts.push(`children: ${list(r.children.map(String))}`);
  if (r.numeric.length > 0) parts.push(`numeric: ${list(r.numeric.map((c) => `(${rustString(c.keyword)}, ${f64(c.limit)}, ${rustString(c.text)})`))}`);
  if (r.uniqueItems) parts.push("unique_items: true");
  if (r.pattern >= 0) parts.push(`pattern: Some(${r.pattern})`);
  if (r.format) parts.push(`format: ${rustString(r.format)}`);
  if (r.valuesKeyword) {
    parts.push(`values_keyword: ${rustString(r.valuesKeyword)}`);
    if (r.strings.length > 0) parts.push(`strings: ${list(r.strings.map(rustString))}`);
    if (r.numbers.length > 0) parts.push(`numbers: ${list(r.numbers.map(f64))}`);
    if (r.booleans.length > 0) parts.push(`booleans: ${list(r.booleans.map(String))}`);
    if (r.nullValue) parts.push("null_value: true");
  }
  if (r.fields.length > 0) parts.push(`fields: ${list(r.fields.map((f) => `(${rustString(f.name)}, ${f.rule}, ${f.required})`))}`);
  if (r.required.length > 0) parts.push(`required: ${list(r.required.map(rustString))}`);
  if (r.closed) parts.push("closed: true");
  if (r.tag) parts.push(`tag: ${rustString(r.tag)}`);
  if (r.variants.length > 0) parts.push(`variants: ${list(r.variants.map((v) => `(${rustString(v.key)}, ${v.rule})`))}`);
  return `Rule { ${parts.join(", ")}, ..Rule::NONE }`;
}

/** `pub fn name(param) -> ret {`, or rustfmt's layout when that is wider than MAX_WIDTH. */
function signature(indent: number, name: string, param: string, ret: string): string[] {
  const line = `pub fn ${name}(${param}) -> ${ret} {`;
  return indent + line.length <= MAX_WIDTH ? [line] : [`pub fn ${name}(`, `    ${param},`, `) -> ${ret} {`];
}

function usesRegex(tables: readonly ValidatorTable[]): boolean {
  return tables.some((t) => t.patterns.length > 0 || t.rules.some((r) => r.format !== ""));
}

/** The tables and functions of one module, indented by `indent`. */
function tableItems(module: Module, table: ValidatorTable, regex: boolean, indent: string): string[] {
  // The tables are data, one rule per line: rustfmt would give each field a line of its own.
  // One array literal of a hundred thousand rules costs rustc far more than the same rules in chunks.
  const names: string[] = [];
  const chunks: string[] = [];
  for (let i = 0; i < table.rules.length; i += RULES_PER_CHUNK) {
    const rules = table.rules.slice(i, i + RULES_PER_CHUNK);
    const name = `RULES_${names.length}`;
    names.push(name);
    chunks.push("#[rustfmt::skip]", `static ${name}: [Rule; ${rules.length}] = [`, ...rules.map((r) => `    ${ruleLiteral(r)},`), "];", "");
  }
  const lines = [
    ...chunks,
    "#[rustfmt::skip]",
    `pub static RULES: [&[Rule]; ${names.length}] = [`,
    ...names.map((n) => `    &${n},`),
    "];",
    "",
    "#[rustfmt::skip]",
    `pub static PATTERNS: [Pattern; ${table.patterns.length}] = [`,
    ...table.patterns.map((p) => {
      const translated = p.rust.ok ? `Ok(${rustString(p.rust.source)})` : `Err(${rustString(p.rust.reason)})`;
      return regex ? `    Pattern::new(${rustString(p.source)}, ${translated}),` : "    Pattern,";
    }),
    "];",
  ];
  const roots = new Set(module.entities.map((e) => e.root));
  const taken = new Set(table.entries.map((e) => `validate_${snakeCase(e.decl.name)}`));
  for (const { decl, rule } of table.entries) {
    const name = `validate_${snakeCase(decl.name)}`;
    lines.push(
      "",
      `/// Every constraint of this type's schema that \`value\` breaks; empty when valid.`,
      ...signature(indent.length, name, "value: &Value", "Vec<ValidationError>"),
      `    run(&RULES, &PATTERNS, ${rule}, value)`,
      "}",
    );
    if (roots.has(decl.id)) {
      let json = `${name}_json`;
      for (let n = 2; taken.has(json); n++) json = `${name}_json${n}`;
      taken.add(json);
      lines.push(
        "",
        "/// Parses JSON text and validates it.",
        ...signature(indent.length, json, "json: &str", "Result<Vec<ValidationError>, serde_json::Error>"),
        "    let value: Value = serde_json::from_str(json)?;",
        `    Ok(${name}(&value))`,
        "}",
      );
    }
  }
  return lines.map((l) => (l === "" ? l : indent + l));
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
  const items: string[] = ["", ...tableItems(root!, tables[0]!, regex, "")];
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
      items.push(...tableItems(module, table, regex, "        "), "    }");
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
    items: items.join("\n"),
  });
  return { mod, file: { path: `src/${mod}.rs`, contents }, regex };
}
