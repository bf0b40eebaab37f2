/**
 * Generated validators for TypeScript: `validate.ts` beside `index.ts` (and `<entity>/v<N>.validate.ts`
 * beside each older version), with `validate<Type>(value)` for every type and
 * `validate<Type>Json(text)` for entity roots, and the shared `validation.ts` runtime.
 */
import { pascalCase } from "../../ir/casing.js";
import type { Module } from "../../ir/types.js";
import type { GeneratedFile, HeaderInfo } from "../types.js";
import { validatorTable, type Rule } from "../validate-rules.js";
import { header } from "./emit.js";
import { tsString } from "./naming.js";
import { validationRuntimeSource } from "./validate-runtime-source.js";

/** Output path of a module's validators: index.ts → validate.ts, user/v1.ts → user/v1.validate.ts. */
export function validatePath(module: Module): string {
  return module.path.length === 0 ? "validate.ts" : `${module.path.join("/")}.validate.ts`;
}

const num = (n: number): string => (Object.is(n, -0) ? "0" : String(n));

function ruleLiteral(r: Rule): string {
  const parts = [`k: ${tsString(r.kind)}`];
  if (r.child >= 0) parts.push(`c: ${r.child}`);
  if (r.kind === "tuple") parts.push(`cs: [${r.children.join(", ")}]`);
  if (r.numeric.length > 0) parts.push(`n: [${r.numeric.map((c) => `[${tsString(c.keyword)}, ${num(c.limit)}, ${tsString(c.text)}]`).join(", ")}]`);
  if (r.uniqueItems) parts.push("u: true");
  if (r.pattern >= 0) parts.push(`p: ${r.pattern}`);
  if (r.format) parts.push(`f: ${tsString(r.format)}`);
  if (r.valuesKeyword) {
    parts.push(`vk: ${tsString(r.valuesKeyword)}`, `s: [${r.strings.map(tsString).join(", ")}]`, `nv: [${r.numbers.map(num).join(", ")}]`, `b: [${r.booleans.join(", ")}]`);
    if (r.nullValue) parts.push("vn: true");
  }
  if (r.kind === "object") parts.push(`fs: [${r.fields.map((f) => `[${tsString(f.name)}, ${f.rule}, ${f.required}]`).join(", ")}]`);
  if (r.required.length > 0) parts.push(`rq: [${r.required.map(tsString).join(", ")}]`);
  if (r.closed) parts.push("x: true");
  if (r.tag) parts.push(`t: ${tsString(r.tag)}`);
  if (r.variants.length > 0) parts.push(`v: [${r.variants.map((v) => `[${tsString(v.key)}, ${v.rule}]`).join(", ")}]`);
  return `{ ${parts.join(", ")} }`;
}

/** Rules per typed array literal: tsc gives up on one literal of thousands of object types (TS2590). */
const RULES_PER_CHUNK = 256;

function rulesTable(literals: string[]): string[] {
  if (literals.length <= RULES_PER_CHUNK) return ["const RULES: readonly v.Rule[] = [", ...literals.map((l) => `  ${l},`), "];"];
  const out: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < literals.length; i += RULES_PER_CHUNK) {
    const name = `RULES_${names.length}`;
    names.push(name);
    out.push(`const ${name}: readonly v.Rule[] = [`, ...literals.slice(i, i + RULES_PER_CHUNK).map((l) => `  ${l},`), "];");
  }
  out.push(`const RULES: readonly v.Rule[] = [${names.map((n) => `...${n}`).join(", ")}];`);
  return out;
}

function emitValidateModule(module: Module, info: HeaderInfo): string {
  const up = module.path.length <= 1 ? "./" : "../".repeat(module.path.length - 1);
  const table = validatorTable(module);
  const roots = new Set(module.entities.map((e) => e.root));
  const lines = [
    ...header([module], info),
    "",
    `import * as rt from ${tsString(`${up}runtime.js`)};`,
    `import * as v from ${tsString(`${up}validation.js`)};`,
    "",
    "export type ValidationError = v.ValidationError;",
    "",
    ...rulesTable(table.rules.map(ruleLiteral)),
    "",
    `const PATTERNS: v.Pattern[] = [${table.patterns.map((p) => `{ source: ${tsString(p.source)} }`).join(", ")}];`,
  ];
  // validate<Type>Json could be the name of a type called <Type>Json: those get a number.
  const taken = new Set(table.entries.map((e) => `validate${pascalCase(e.decl.name)}`));
  const free = (base: string): string => {
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    return name;
  };
  for (const { decl, rule } of table.entries) {
    const name = pascalCase(decl.name);
    lines.push(
      "",
      `/** Every constraint of the schema of ${name} that \`value\` (JSON as rt.parseJson gives it) breaks; [] when valid. */`,
      `export function validate${name}(value: rt.JsonValue): ValidationError[] {`,
      `  return v.validate(RULES, PATTERNS, ${rule}, value);`,
      "}",
    );
    if (roots.has(decl.id)) {
      const json = free(`validate${name}Json`);
      lines.push(
        "",
        `/** Parses JSON text and validates it as ${name}. Throws SyntaxError on malformed JSON. */`,
        `export function ${json}(json: string): ValidationError[] {`,
        `  return validate${name}(rt.parseJson(json));`,
        "}",
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** validate.ts per module plus validation.ts. */
export function emitValidators(modules: readonly Module[], info: HeaderInfo): GeneratedFile[] {
  const files = modules.map((m) => ({ path: validatePath(m), contents: emitValidateModule(m, info) }));
  files.push({ path: "validation.ts", contents: `${header(modules, info).join("\n")}\n\n${validationRuntimeSource()}` });
  return files;
}
