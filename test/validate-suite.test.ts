/**
 * The generated validators against the JSON-Schema-Test-Suite (../shared/corpus): every group of
 * minLength, maxLength, pattern, minimum, maximum, exclusive bounds, multipleOf, minItems,
 * maxItems, uniqueItems, const, required, additionalProperties and the date-time, date, time,
 * email, uuid, uri, ipv4 and ipv6 formats (draft7 and draft2020-12), as one project per language.
 * Each language's verdict must be the suite's; where ajv-formats (the reference) disagrees with
 * the suite, it must be ajv's, and the case is listed. Skipped groups are listed with the reason.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emitGo } from "../src/emit/go/index.js";
import { emitCrate } from "../src/emit/rust/emit.js";
import { emitTypeScript } from "../src/emit/typescript/index.js";
import { goPascalCase, pascalCase, snakeCase } from "../src/ir/casing.js";
import type { Words } from "../src/ir/types.js";
import { GO_ENV } from "./support/go-module.js";
import { itWithTool, run } from "./support/toolchains.js";
import { importGenerated, typecheck, writeTree } from "./support/ts-harness.js";
import { SUITE, SUITE_DIR, SUITE_PRESENT, suiteProject, type SuiteProject, type SuiteTest } from "./support/validate-suite.js";

if (!SUITE_PRESENT) console.warn(`[lockstep tests] ${SUITE} not found: skipping the validator suite tests`);

type Verdicts = Map<string, boolean>;

/**
 * Cases where a language's verdict is not the expected one: the suite's, or ajv's where they
 * differ; and invalid where that language cannot run the pattern (it says so rather than passing).
 */
function wrong(tests: readonly SuiteTest[], verdicts: Verdicts, language?: "rust" | "go"): string[] {
  const expected = (t: SuiteTest): boolean => (language && t.unportable?.includes(language) ? false : t.ajv);
  return tests.filter((t) => verdicts.get(t.id) !== expected(t)).map((t) => `${t.id}: expected ${expected(t) ? "valid" : "invalid"}`);
}

describe.runIf(SUITE_PRESENT)("generated validators: JSON-Schema-Test-Suite", () => {
  let project: SuiteProject;
  const rootWords = (entity: string): Words => project.modules[0]!.decls.find((d) => d.id === project.modules[0]!.entities.find((e) => e.entity === entity)!.root)!.name;
  const rootName = (entity: string): string => pascalCase(rootWords(entity));
  /** One line per test: entity, tab, the data as JSON; the program answers one line each. */
  const input = (): string => project.tests.map((t) => `${t.entity}\t${JSON.stringify(t.data)}`).join("\n") + "\n";
  const verdictsOf = (stdout: string): Verdicts => {
    const lines = stdout.trim().split("\n");
    expect(lines.length).toBe(project.tests.length);
    return new Map(project.tests.map((t, i) => [t.id, lines[i] === "[]"]));
  };

  beforeAll(async () => {
    project = await suiteProject();
    console.log(`[validate-suite] ${project.tests.length} tests run, ${project.skipped.length} groups skipped:\n  ${project.skipped.join("\n  ")}`);
    const disagree = project.tests.filter((t) => t.ajv !== t.valid);
    console.log(`[validate-suite] ajv-formats disagrees with the suite on ${disagree.length} (the validators follow ajv):\n  ${disagree.map((t) => t.id).join("\n  ")}`);
  }, 120_000);

  it("runs most of the suite's tests for these keywords", () => {
    expect(project.tests.length).toBeGreaterThan(600);
    expect(project.tests.filter((t) => t.ajv !== t.valid).length).toBeLessThan(20);
  });

  it("TypeScript: tsc --strict, and every verdict", async () => {
    const dir = join(SUITE_DIR, "typescript");
    // The validators need index.ts's runtime only; canonical.ts (fingerprints) is not under test here.
    writeTree(dir, emitTypeScript(project.modules, { header: { toolVersion: "0.0.0-test" } }).filter((f) => f.path !== "canonical.ts"));
    typecheck(dir);
    const mod = await importGenerated(join(dir, "validate.ts"));
    const verdicts: Verdicts = new Map();
    const rt = await importGenerated(join(dir, "runtime.ts"));
    const parse = rt.parseJson as (text: string) => unknown;
    for (const t of project.tests) {
      const validate = mod[`validate${rootName(t.entity)}`] as (v: unknown) => unknown[];
      verdicts.set(t.id, validate(parse(JSON.stringify(t.data))).length === 0);
    }
    expect(wrong(project.tests, verdicts)).toEqual([]);
  }, 120_000);

  itWithTool("cargo")("Rust: cargo clippy -D warnings, rustfmt --check, and every verdict", () => {
    const dir = join(SUITE_DIR, "rust");
    const files = emitCrate(project.modules, { header: { toolVersion: "0.0.0-test" }, crate: "lockstep_suite" });
    writeTree(join(dir, "crate"), files);
    const arms = [...new Set(project.tests.map((t) => t.entity))].map((e) => `            ${JSON.stringify(e)} => lockstep_suite::validate::validate_${snakeCase(rootWords(e))}(&value),`);
    const main = [
      "use std::io::BufRead;",
      "",
      "fn main() {",
      "    for line in std::io::stdin().lock().lines() {",
      "        let line = line.expect(\"stdin\");",
      "        let (entity, json) = line.split_once('\\t').expect(\"entity\\tjson\");",
      "        let value: serde_json::Value = serde_json::from_str(json).expect(\"json\");",
      "        let errors = match entity {",
      ...arms,
      "            _ => panic!(\"no entity {entity}\"),",
      "        };",
      "        println!(\"{}\", serde_json::to_string(&errors).expect(\"encode\"));",
      "    }",
      "}",
    ];
    mkdirSync(join(dir, "crate", "src", "bin"), { recursive: true });
    writeFileSync(join(dir, "crate", "src", "bin", "suite.rs"), `${main.join("\n")}\n`);
    const env = { CARGO_TARGET_DIR: join(dir, "target") };
    run("cargo", ["clippy", "--quiet", "--all-targets", "--", "-D", "warnings"], join(dir, "crate"), env);
    run("rustfmt", ["--check", "--edition", "2021", join(dir, "crate", "src", "lib.rs")], dir);
    run("cargo", ["build", "--quiet", "--bin", "suite"], join(dir, "crate"), env);
    const res = spawnSync(join(dir, "target", "debug", "suite"), [], { input: input(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(res.status, res.stderr).toBe(0);
    expect(wrong(project.tests, verdictsOf(res.stdout), "rust")).toEqual([]);
  }, 600_000);

  itWithTool("go")("Go: go vet, gofmt, and every verdict", () => {
    const dir = join(SUITE_DIR, "go");
    const files = emitGo(project.modules, { header: { toolVersion: "0.0.0-test" }, module: "example.com/suite", package: "suite" });
    const cases = [...new Set(project.tests.map((t) => t.entity))].map((e) => `\tcase ${JSON.stringify(e)}:\n\t\terrs = suite.Validate${goPascalCase(rootWords(e))}(value)`);
    const main = [
      "package main",
      "",
      "import (",
      '\t"bufio"',
      '\t"bytes"',
      '\t"encoding/json"',
      '\t"fmt"',
      '\t"os"',
      "",
      '\t"example.com/suite"',
      ")",
      "",
      "func main() {",
      "\tin := bufio.NewScanner(os.Stdin)",
      "\tin.Buffer(make([]byte, 1<<20), 1<<24)",
      "\tfor in.Scan() {",
      '\t\tentity, data, _ := bytes.Cut(in.Bytes(), []byte("\\t"))',
      "\t\tdecoder := json.NewDecoder(bytes.NewReader(data))",
      "\t\tdecoder.UseNumber()",
      "\t\tvar value any",
      "\t\tif err := decoder.Decode(&value); err != nil {",
      "\t\t\tpanic(err)",
      "\t\t}",
      "\t\tvar errs []suite.ValidationError",
      "\t\tswitch string(entity) {",
      ...cases,
      "\tdefault:",
      '\t\tpanic("no entity " + string(entity))',
      "\t\t}",
      "\t\tout, err := json.Marshal(errs)",
      "\t\tif err != nil {",
      "\t\t\tpanic(err)",
      "\t\t}",
      "\t\tif errs == nil {",
      '\t\t\tout = []byte("[]")',
      "\t\t}",
      "\t\tfmt.Println(string(out))",
      "\t}",
      "}",
    ];
    writeTree(dir, [...files, { path: "cmd/suite/main.go", contents: `${main.join("\n")}\n` }]);
    run("go", ["vet", "./..."], dir, GO_ENV);
    const unformatted = run("gofmt", ["-l", "."], dir).trim().split("\n").filter((f) => f !== "" && !f.startsWith("cmd/"));
    expect(unformatted).toEqual([]);
    run("go", ["build", "-o", join(dir, "suite-bin"), "./cmd/suite"], dir, GO_ENV);
    const res = spawnSync(join(dir, "suite-bin"), [], { input: input(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(res.status, res.stderr).toBe(0);
    expect(wrong(project.tests, verdictsOf(res.stdout), "go")).toEqual([]);
  }, 600_000);
});
