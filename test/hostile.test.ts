/**
 * Hostile input, as a table (test/support/hostile.ts): names, doc text and string values chosen
 * to break generated code. The table is the shared case test/cases/hostile, so the emitters' own
 * tests compile it (tsc --strict; cargo clippy -D warnings and rustfmt --check; go vet and gofmt)
 * and round-trip its instances in all three languages. Here: the case is the table, and every
 * name is spelled as the table says in every target.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fieldNames, goName } from "../src/emit/go/naming.js";
import { fieldName } from "../src/emit/rust/naming.js";
import { propertyName } from "../src/emit/typescript/naming.js";
import type { Decl, Module } from "../src/ir/types.js";
import { loadConfig } from "../src/config.js";
import { loadModules } from "../src/pipeline.js";
import type { Language } from "../src/testing/languages.js";
import { formatText, passed } from "../src/testing/report.js";
import { runTests } from "../src/testing/run.js";
import { ALT_NAMES, CASED_NAMES, hostileInstances, hostileSchemas, NAMES, type NameRow } from "./support/hostile.js";
import { hasTool } from "./support/toolchains.js";

const CASE = join(import.meta.dirname, "cases", "hostile");
const PROJECT = join(import.meta.dirname, "..", ".cache", "hostile", "project");
const strict = process.env.CI === "true";

function listJson(dir: string, rel = ""): string[] {
  if (!existsSync(join(dir, rel))) return [];
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const path = rel === "" ? e.name : `${rel}/${e.name}`;
    return e.isDirectory() ? listJson(dir, path) : [path];
  });
}

describe("hostile input: the table", () => {
  it.each([
    ["schemas", hostileSchemas],
    ["instances", hostileInstances],
  ])("is the shared case test/cases/hostile/%s (UPDATE_GOLDEN=1 rewrites it)", (sub, files) => {
    const want = Object.fromEntries(Object.entries(files()).map(([rel, s]) => [rel, `${JSON.stringify(s, null, 2)}\n`]));
    const dir = join(CASE, sub);
    if (process.env.UPDATE_GOLDEN === "1") {
      rmSync(dir, { recursive: true, force: true });
      for (const [rel, text] of Object.entries(want)) {
        mkdirSync(dirname(join(dir, rel)), { recursive: true });
        writeFileSync(join(dir, rel), text);
      }
    }
    const have = Object.fromEntries(listJson(dir).map((rel) => [rel, readFileSync(join(dir, rel), "utf8")]));
    expect(have).toEqual(want);
  });
});

describe("hostile input: names in every target", () => {
  let root: Module;
  beforeAll(async () => {
    root = (await loadModules(join(CASE, "schemas"), { allVersions: false })).modules[0]!;
  });
  const object = (property: string | undefined): Extract<Decl, { kind: "object" }> => {
    const entity = root.entities.find((e) => e.entity === "hostile")!;
    let decl = root.decls.find((d) => d.id === entity.root)!;
    if (property !== undefined) {
      const field = decl.kind === "object" ? decl.fields.find((f) => f.wireName === property) : undefined;
      const ref = field?.type.kind === "ref" ? field.type.target : undefined;
      decl = root.decls.find((d) => d.id === ref)!;
    }
    if (decl?.kind !== "object") throw new Error(`no object at ${property ?? "the root"}`);
    return decl;
  };
  const rows: Array<[string, NameRow, string | undefined]> = [
    ...NAMES.map((r): [string, NameRow, undefined] => [JSON.stringify(r.name), r, undefined]),
    ...ALT_NAMES.map((r): [string, NameRow, string] => [JSON.stringify(r.name), r, "alt"]),
  ];
  it("tells apart names that differ only by case or punctuation, in every target", () => {
    const fields = object("cased").fields;
    expect(fields.map((f) => f.wireName).sort()).toEqual([...CASED_NAMES].sort());
    const spell = {
      ts: fields.map((f) => propertyName(f.name)),
      rust: fields.map((f) => fieldName(f.name)),
      go: fieldNames(fields.map((f) => goName(f.name))),
    };
    for (const [target, names] of Object.entries(spell)) expect(new Set(names).size, `${target}: ${names.join(", ")}`).toBe(fields.length);
  });
  it.each(rows)("%s", (_, row, within) => {
    const fields = object(within).fields;
    const i = fields.findIndex((f) => f.wireName === row.name);
    expect(i, `no field for ${row.why}`).toBeGreaterThanOrEqual(0);
    const name = fields[i]!.name;
    const go = fieldNames(fields.map((f) => goName(f.name)))[i];
    expect({ ts: propertyName(name), rust: fieldName(name), go }).toEqual({
      ts: row.ts, rust: row.rust, go: row.go,
    });
  });
});

describe("hostile input: lockstep test", () => {
  // The emitters' tests build the case without harnesses; here every language's harness (test
  // modules and packages named after keyword entities) builds and round-trips synthesized fixtures.
  const languages: Language[] = ["typescript", ...(["rust", "go"] as const).filter((l) => strict || hasTool(l === "rust" ? "cargo" : "go"))];
  it(`fixtures of the hostile schemas round-trip through the generated harnesses (${languages.join(", ")})`, async () => {
    rmSync(join(PROJECT, "schemas"), { recursive: true, force: true });
    mkdirSync(PROJECT, { recursive: true });
    cpSync(join(CASE, "schemas"), join(PROJECT, "schemas"), { recursive: true });
    const config = loadConfig(PROJECT, PROJECT);
    const result = await runTests({ config, cwd: PROJECT, languages, seed: 7, maxFixtures: 12, toolVersion: "test" });
    expect(passed(result, strict), formatText(result, strict)).toBe(true);
    expect(result.fixtures).toBeGreaterThan(20);
  }, 600_000);
});
