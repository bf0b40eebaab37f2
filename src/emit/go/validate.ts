/**
 * Generated validators for Go: per package, validate.go (the rule table and `Validate<Type>(value
 * any)` per type, plus `Validate<Type>JSON(data)` for entity roots) and validation.go (the table
 * interpreter, templates/go/validation.go.hbs). Standard library only: regexp (RE2) runs the
 * translated patterns (src/regex/translate.ts).
 */
import type { Module } from "../../ir/types.js";
import { FORMAT_PATTERNS } from "../validate-formats.js";
import { MESSAGES } from "../validate-messages.js";
import { validatorTable, type Rule, type ValidatorTable } from "../validate-rules.js";
import { claimName, goName } from "./naming.js";
import { render } from "./render.js";
import { goQuote } from "./text.js";

const KINDS: Record<Rule["kind"], string> = {
  any: "Any", nullable: "Nullable", string: "String", integer: "Integer", number: "Number", boolean: "Boolean", array: "Array",
  tuple: "Tuple", map: "Map", object: "Object", enum: "Enum", tagged: "Tagged", kinds: "Kinds", ref: "Ref",
};

const num = (n: number): string => (Object.is(n, -0) ? "0" : String(n));

/** Items spelled by `spell`, ", " between two, built as one string (a hundred thousand rules: no array per list). */
function list<T>(items: readonly T[], spell: (item: T) => string): string {
  let out = "";
  for (let i = 0; i < items.length; i++) out += i === 0 ? spell(items[i]!) : `, ${spell(items[i]!)}`;
  return out;
}

const limit = (c: Rule["numeric"][number]): string => `{${goQuote(c.keyword)}, ${num(c.limit)}, ${goQuote(c.text)}}`;
const field = (f: Rule["fields"][number]): string => `{${goQuote(f.name)}, ${f.rule}, ${f.required}}`;
const variant = (v: Rule["variants"][number]): string => `{${goQuote(v.key)}, ${v.rule}}`;

function ruleLiteral(r: Rule): string {
  let out = `{kind: validation${KINDS[r.kind]}, child: ${r.child}`;
  if (r.children.length > 0) out += `, children: []int{${r.children.join(", ")}}`;
  if (r.numeric.length > 0) out += `, numeric: []validationLimit{${list(r.numeric, limit)}}`;
  if (r.uniqueItems) out += ", uniqueItems: true";
  if (r.pattern >= 0) out += `, pattern: &validationPatterns[${r.pattern}]`;
  if (r.format) out += `, format: ${goQuote(r.format)}`;
  if (r.valuesKeyword) {
    out += `, valuesKeyword: ${goQuote(r.valuesKeyword)}`;
    if (r.strings.length > 0) out += `, strings: []string{${list(r.strings, goQuote)}}`;
    if (r.numbers.length > 0) out += `, numbers: []float64{${list(r.numbers, num)}}`;
    if (r.booleans.length > 0) out += `, booleans: []bool{${r.booleans.join(", ")}}`;
    if (r.nullValue) out += ", nullValue: true";
  }
  if (r.fields.length > 0) out += `, fields: []validationField{${list(r.fields, field)}}`;
  if (r.required.length > 0) out += `, required: []string{${list(r.required, goQuote)}}`;
  if (r.closed) out += ", closed: true";
  if (r.tag) out += `, tag: ${goQuote(r.tag)}`;
  if (r.variants.length > 0) out += `, variants: []validationVariant{${list(r.variants, variant)}}`;
  return `${out}}`;
}

/** Appends a package-level slice variable, as gofmt writes it, to `out`. */
function slice<T>(out: string[], name: string, type: string, items: readonly T[], spell: (item: T) => string): void {
  if (items.length === 0) {
    out.push(`var ${name} = []${type}{}`);
    return;
  }
  out.push(`var ${name} = []${type}{`);
  for (const item of items) out.push(`\t${spell(item)},`);
  out.push("}");
}

/** An ASCII word character (\w). */
const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * Every ASCII word of `text` that starts with a capital, or with `prefix` (a capital, then word
 * characters) when given. With a prefix, indexOf jumps from one occurrence to the next: the text
 * is a whole package, and a regular expression over it costs more.
 */
export function exportedWords(text: string, prefix = ""): Set<string> {
  if (prefix === "") return new Set(text.match(/(?<!\w)[A-Z]\w*/g));
  const words = new Set<string>();
  for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
    if (at > 0 && isWordChar(text.charCodeAt(at - 1))) continue;
    let end = at + prefix.length;
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
    words.add(text.slice(at, end));
    at = end - 1;
  }
  return words;
}

/** validate.go and validation.go of one package; `declared` are the package's other Go files. */
export function emitGoValidators(module: Module, pkg: string, header: string[], declared: string[]): Array<{ name: string; contents: string }> {
  const table = validatorTable(module);
  // Every exported identifier already in the package is taken (an over-approximation: safe); the
  // names claimed below all start with "Validat", so only those words are looked for.
  // File by file: no word spans two files, and joining them copies megabytes.
  const taken = new Set(declared.flatMap((text) => [...exportedWords(text, "Validat")]));
  const errorType = claimName("ValidationError", taken, "Lockstep");
  // The file is the header and package clause, the imports, then `lines`.
  const lines: string[] = [];
  const pattern = (p: ValidatorTable["patterns"][number]): string =>
    `{source: ${goQuote(p.source)}, ${p.go.ok ? `translated: ${goQuote(p.go.source)}` : `reason: ${goQuote(p.go.reason)}`}}`;
  slice(lines, "validationPatterns", "validationPattern", table.patterns, pattern);
  lines.push("");
  slice(lines, "validationRules", "validationRule", table.rules, ruleLiteral);
  const roots = new Set(module.entities.map((e) => e.root));
  for (const { decl, rule } of table.entries) {
    const name = claimName(`Validate${goName(decl.name)}`, taken, "Value");
    lines.push(
      "",
      `// ${name} lists every constraint of the schema that value (as encoding/json decodes into any) breaks; nil when valid.`,
      `func ${name}(value any) []${errorType} {`,
      `\treturn validationRunTable(${rule}, value)`,
      "}",
    );
    if (roots.has(decl.id)) {
      const json = claimName(`${name}JSON`, taken, "Text");
      lines.push(
        "",
        `// ${json} decodes JSON (numbers as json.Number) and validates it.`,
        `func ${json}(data []byte) ([]${errorType}, error) {`,
        "\tvar value any",
        "\tdecoder := json.NewDecoder(bytes.NewReader(data))",
        "\tdecoder.UseNumber()",
        "\tif err := decoder.Decode(&value); err != nil {",
        "\t\treturn nil, err",
        "\t}",
        `\treturn ${name}(value), nil`,
        "}",
      );
    }
  }
  const head = [...header, "", `package ${pkg}`, ""].join("\n");
  const body = lines.join("\n");
  // The imports follow what the text calls (schema text in a literal or the header included: a safe over-approximation).
  const usesBytes = body.includes("bytes.NewReader") || head.includes("bytes.NewReader");
  const imports = usesBytes ? 'import (\n\t"bytes"\n\t"encoding/json"\n)\n\n' : "";
  const names = Object.keys(FORMAT_PATTERNS) as Array<keyof typeof FORMAT_PATTERNS>;
  const runtime = render("validation.go", {
    header,
    pkg,
    errorType,
    formatPatterns: names.map((n) => `{${goQuote(n)}, ${goQuote(FORMAT_PATTERNS[n])}}`),
    messages: Object.entries(MESSAGES).map(([key, text]) => ({ key: goQuote(key), text: goQuote(text) })),
  });
  return [
    { name: "validate.go", contents: `${head}\n${imports}${body}\n` },
    { name: "validation.go", contents: runtime },
  ];
}
