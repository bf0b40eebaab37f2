/**
 * The JSON-Schema-Test-Suite (../shared/corpus) as one lockstep project: every group of the
 * keywords the generated validators check becomes an entity `s<N>` (schemas/s<N>/v1.json), all
 * generated at once, so each language compiles one crate / module / tsconfig for every case.
 * Groups lockstep cannot model exactly are skipped with the reason; ajv (the fixture oracle's
 * configuration, with ajv-formats) gives its own verdict on each test.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeAjv } from "../../src/fixtures/oracle.js";
import type { Module } from "../../src/ir/types.js";
import { dialectOf } from "../../src/load/dialect.js";
import { loadModules } from "../../src/pipeline.js";
import { translatePattern } from "../../src/regex/translate.js";
import { REPO } from "./go-module.js";

export const SUITE = join(REPO, "..", "shared", "corpus", "json-schema-test-suite");
export const SUITE_PRESENT = existsSync(join(SUITE, "tests"));
export const SUITE_DIR = join(REPO, ".cache", "validate-suite");

const DIALECTS: Array<[string, string]> = [
  ["draft7", "http://json-schema.org/draft-07/schema#"],
  ["draft2020-12", "https://json-schema.org/draft/2020-12/schema"],
];
export const KEYWORD_FILES = [
  "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
  "minItems", "maxItems", "uniqueItems", "const", "required", "additionalProperties",
].map((k) => `${k}.json`);
export const FORMAT_FILES = ["date-time", "date", "time", "email", "uuid", "uri", "ipv4", "ipv6"].map((f) => `optional/format/${f}.json`);

export interface SuiteTest {
  /** dialect/file: group / test */
  id: string;
  entity: string;
  data: unknown;
  valid: boolean;
  ajv: boolean;
  /** Languages whose validator cannot run the group's pattern (and so must reject every string). */
  unportable?: Array<"rust" | "go">;
}

export interface SuiteProject {
  modules: Module[];
  tests: SuiteTest[];
  /** Groups not run, with why. */
  skipped: string[];
}

interface Group {
  description: string;
  schema: unknown;
  tests: Array<{ description: string; data: unknown; valid: boolean }>;
}

/** Keywords outside what the validators check: a group using one is skipped. */
const UNMODELLED = ["allOf", "anyOf", "oneOf", "not", "if", "$ref", "patternProperties", "dependencies", "dependentRequired", "dependentSchemas", "contains", "unevaluatedProperties", "unevaluatedItems", "propertyNames", "prefixItems", "additionalItems"];

function keywordsIn(node: unknown, out: Set<string>): Set<string> {
  if (node === null || typeof node !== "object") return out;
  if (Array.isArray(node)) {
    node.forEach((n) => keywordsIn(n, out));
    return out;
  }
  for (const [k, v] of Object.entries(node)) {
    out.add(k);
    if (k === "properties" || k === "$defs" || k === "definitions") Object.values(v as object).forEach((s) => keywordsIn(s, out));
    else if (k !== "const" && k !== "enum" && k !== "default" && k !== "examples") keywordsIn(v, out);
  }
  return out;
}

/** Writes the project's schemas, loads them, and pairs every test with ajv's verdict. */
export async function suiteProject(): Promise<SuiteProject> {
  const schemasDir = join(SUITE_DIR, "schemas");
  rmSync(schemasDir, { recursive: true, force: true });
  const tests: SuiteTest[] = [];
  const skipped: string[] = [];
  const byEntity = new Map<string, SuiteTest[]>();
  let n = 0;
  for (const [dir, meta] of DIALECTS) {
    const ajv = makeAjv(dialectOf(meta));
    for (const file of [...KEYWORD_FILES, ...FORMAT_FILES]) {
      const path = join(SUITE, "tests", dir, file);
      if (!existsSync(path)) continue;
      for (const group of JSON.parse(readFileSync(path, "utf8")) as Group[]) {
        const id = `${dir}/${file}: ${group.description}`;
        if (typeof group.schema !== "object" || group.schema === null) {
          skipped.push(`${id} (a boolean schema: no type to generate)`);
          continue;
        }
        const unmodelled = [...keywordsIn(group.schema, new Set())].filter((k) => UNMODELLED.includes(k));
        if (unmodelled.length > 0) {
          skipped.push(`${id} (uses ${unmodelled.join(", ")}, which the validators do not check)`);
          continue;
        }
        const entity = `s${++n}`;
        const schema = { $schema: meta, ...group.schema };
        mkdirSync(join(schemasDir, entity), { recursive: true });
        writeFileSync(join(schemasDir, entity, "v1.json"), JSON.stringify(schema, null, 2));
        const check = ajv.compile(schema);
        const list = group.tests.map((t) => ({ id: `${id} / ${t.description}`, entity, data: t.data, valid: t.valid, ajv: Boolean(check(t.data)) }));
        byEntity.set(entity, list);
      }
    }
  }
  // ECMAScript pattern semantics (\d, \w, \s, ., \b, \p{..}, classes) through the translation
  // for Rust and Go, with ajv's verdict; patterns they cannot run must say so.
  const ajv = makeAjv("2020-12");
  for (const [pattern, strings] of PATTERN_CASES) {
    const entity = `s${++n}`;
    const schema = { type: "string", pattern };
    mkdirSync(join(schemasDir, entity), { recursive: true });
    writeFileSync(join(schemasDir, entity, "v1.json"), JSON.stringify(schema, null, 2));
    const check = ajv.compile(schema);
    const t = translatePattern(pattern);
    const unportable = (["rust", "go"] as const).filter((e) => !t[e].ok);
    byEntity.set(entity, strings.map((data) => ({ id: `lockstep/patterns: ${JSON.stringify(pattern)} / ${JSON.stringify(data)}`, entity, data, valid: Boolean(check(data)), ajv: Boolean(check(data)), unportable })));
  }
  const { modules } = await loadModules(schemasDir);
  // A group whose schema lockstep types only approximately (a warning) is skipped, saying so.
  const warned = new Map<string, string>();
  for (const w of modules[0]!.warnings) {
    const entity = w.file.split("/")[0]!;
    if (!warned.has(entity)) warned.set(entity, w.message);
  }
  for (const [entity, list] of byEntity) {
    const warning = warned.get(entity);
    if (warning !== undefined) skipped.push(`${list[0]!.id.split(" / ")[0]} (${warning})`);
    else tests.push(...list);
  }
  return { modules, tests, skipped };
}

/** Patterns whose meaning differs between the engines unless translated, with strings that tell. */
const PATTERN_CASES: Array<[string, string[]]> = [
  ["^\\d+$", ["123", "\u0661\u0662", "12a"]],
  ["^\\w+$", ["abc_1", "h\u00e9llo", "\u65e5\u672c"]],
  ["^.$", ["a", "\n", "\r", "\u2028", "\u{1F600}", "\u0085"]],
  ["^\\s$", [" ", "\t", "\u000b", "\u00a0", "\ufeff", "\u200b", "\u0085", "\u3000"]],
  ["^\\S+$", ["abc", "a b", "\u00a0"]],
  ["\\bfoo\\b", ["a foo b", "\u00e9foo\u00e9", "afoob"]],
  ["^\\p{L}+$", ["abc", "\u65e5\u672c", "123"]],
  ["^\\p{Lu}", ["Abc", "abc", "\u00c9mile"]],
  ["^\\p{Letter}+$", ["abc", "1"]],
  ["^\\p{Script=Greek}+$", ["\u03b1\u03b2\u03b3", "abc"]],
  ["^\\P{L}+$", ["123", "a1"]],
  ["^[^a-c]$", ["d", "a", "\u{1F600}"]],
  ["^[\\d\\s]+$", ["1 2", "\u0661", "a"]],
  ["^[\\D]+$", ["abc", "1"]],
  ["^[\\W]+$", ["!?", "a"]],
  ["^[\\S]+$", ["abc", "a b"]],
  ["^a{2,3}?$", ["aa", "aaaa"]],
  ["^(?:ab|cd)*$", ["abcd", "abc"]],
  ["\\u{1F600}", ["\u{1F600}", "x"]],
  ["^[\\u{1F600}-\\u{1F602}]$", ["\u{1F601}", "a"]],
  ["^\\/\\.\\*\\$$", ["/.*$", "x"]],
  ["^\\cJ\\x41\\u0042\\0$", ["\nAB\u0000", "AB"]],
  ["[\\]\\-]", ["]", "-", "a"]],
  ["^(?<year>\\d{4})$", ["2020", "20"]],
  ["^[^]$", ["a", "\n"]],
  ["^[]", ["", "a"]],
  ["^(?=a)", ["abc", "b"]],
  ["(?<!a)b", ["cb", "ab"]],
  ["^(a)\\1$", ["aa", "ab"]],
  ["^a{1001}$", ["a"]],
];
