/**
 * Generated validators for TypeScript: `validate.ts` beside `index.ts` (and `<entity>/v<N>.validate.ts`
 * beside each older version), with `validate<Type>(value)` for every type and
 * `validate<Type>Json(text)` for entity roots, and the shared `validation.ts` runtime.
 */
import { pascalCase } from "../../ir/casing.js";
import type { Module } from "../../ir/types.js";
import type { GeneratedFile, HeaderInfo } from "../types.js";
import { validatorTable, type Rule } from "../validate-rules.js";
import { append } from "../../arrays.js";
import { header } from "./emit.js";
import { Lines } from "./lines.js";
import { tsString } from "./naming.js";
import { validationRuntimeSource } from "./validate-runtime-source.js";

/** Output path of a module's validators: index.ts → validate.ts, user/v1.ts → user/v1.validate.ts. */
export function validatePath(module: Module): string {
  return module.path.length === 0 ? "validate.ts" : `${module.path.join("/")}.validate.ts`;
}

const num = (n: number): string => (Object.is(n, -0) ? "0" : String(n));

/** A rule as one line of the RULES array: `  { k: "string", ... },`. */
function ruleLine(r: Rule): string {
  let s = `  { k: ${tsString(r.kind)}`;
  if (r.child >= 0) s += `, c: ${r.child}`;
  if (r.kind === "tuple") s += `, cs: [${r.children.join(", ")}]`;
  if (r.numeric.length > 0) s += `, n: [${r.numeric.map((c) => `[${tsString(c.keyword)}, ${num(c.limit)}, ${tsString(c.text)}]`).join(", ")}]`;
  if (r.uniqueItems) s += ", u: true";
  if (r.pattern >= 0) s += `, p: ${r.pattern}`;
  if (r.format) s += `, f: ${tsString(r.format)}`;
  if (r.valuesKeyword) {
    s += `, vk: ${tsString(r.valuesKeyword)}, s: [${r.strings.map(tsString).join(", ")}], nv: [${r.numbers.map(num).join(", ")}], b: [${r.booleans.join(", ")}]`;
    if (r.nullValue) s += ", vn: true";
  }
  if (r.kind === "object") {
    s += ", fs: [";
    r.fields.forEach((f, i) => {
      s += `${i === 0 ? "" : ", "}[${tsString(f.name)}, ${f.rule}, ${f.required}]`;
    });
    s += "]";
  }
  if (r.required.length > 0) s += `, rq: [${r.required.map(tsString).join(", ")}]`;
  if (r.closed) s += ", x: true";
  if (r.tag) s += `, t: ${tsString(r.tag)}`;
  if (r.variants.length > 0) s += `, v: [${r.variants.map((v) => `[${tsString(v.key)}, ${v.rule}]`).join(", ")}]`;
  return `${s} },`;
}

/** Rules per typed array literal: tsc gives up on one literal of thousands of object types (TS2590). */
const RULES_PER_CHUNK = 256;

function rulesTable(text: Lines, rules: readonly Rule[]): void {
  if (rules.length <= RULES_PER_CHUNK) {
    text.out.push("const RULES: readonly v.Rule[] = [");
    for (const r of rules) text.out.push(ruleLine(r));
    text.out.push("];");
    return;
  }
  const names: string[] = [];
  for (let i = 0; i < rules.length; i += RULES_PER_CHUNK) {
    const name = `RULES_${names.length}`;
    names.push(name);
    text.out.push(`const ${name}: readonly v.Rule[] = [`);
    const end = Math.min(rules.length, i + RULES_PER_CHUNK);
    for (let j = i; j < end; j++) text.out.push(ruleLine(rules[j]!));
    text.out.push("];");
    text.settle();
  }
  text.out.push(`const RULES: readonly v.Rule[] = [${names.map((n) => `...${n}`).join(", ")}];`);
}

function emitValidateModule(module: Module, info: HeaderInfo): string {
  const up = module.path.length <= 1 ? "./" : "../".repeat(module.path.length - 1);
  const table = validatorTable(module);
  const roots = new Set(module.entities.map((e) => e.root));
  const text = new Lines();
  append(text.out, header([module], info));
  text.out.push(
    "",
    `import * as rt from ${tsString(`${up}runtime.js`)};`,
    `import * as v from ${tsString(`${up}validation.js`)};`,
    "",
    "export type ValidationError = v.ValidationError;",
    "",
  );
  rulesTable(text, table.rules);
  text.out.push("", `const PATTERNS: v.Pattern[] = [${table.patterns.map((p) => `{ source: ${tsString(p.source)} }`).join(", ")}];`);
  // validate<Type>Json could be the name of a type called <Type>Json: those get a number.
  const names = table.entries.map((e) => pascalCase(e.decl.name));
  const taken = new Set(names.map((name) => `validate${name}`));
  const free = (base: string): string => {
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    return name;
  };
  table.entries.forEach(({ decl, rule }, i) => {
    const name = names[i]!;
    text.out.push(
      "",
      `/** Every constraint of the schema of ${name} that \`value\` (JSON as rt.parseJson gives it) breaks; [] when valid. */`,
      `export function validate${name}(value: rt.JsonValue): ValidationError[] {`,
      `  return v.validate(RULES, PATTERNS, ${rule}, value);`,
      "}",
    );
    if (roots.has(decl.id)) {
      const json = free(`validate${name}Json`);
      text.out.push(
        "",
        `/** Parses JSON text and validates it as ${name}. Throws SyntaxError on malformed JSON. */`,
        `export function ${json}(json: string): ValidationError[] {`,
        `  return validate${name}(rt.parseJson(json));`,
        "}",
      );
    }
    text.settle();
  });
  return text.text();
}

/** validate.ts per module plus validation.ts. */
export function emitValidators(modules: readonly Module[], info: HeaderInfo): GeneratedFile[] {
  const files = modules.map((m) => ({ path: validatePath(m), contents: emitValidateModule(m, info) }));
  files.push({ path: "validation.ts", contents: `${header(modules, info).join("\n")}\n\n${validationRuntimeSource()}` });
  return files;
}
