/**
 * The fixture synthesizer on schemas the IR types only loosely: every fixture it writes is valid
 * under the oracle, what it cannot solve falls back to the schema's examples, and what has
 * neither is a finding at file:line:col, never a crash.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SchemaValues } from "../src/fixtures/from-schema.js";
import { buildFixtures, toPlain, type VersionFixtures } from "../src/fixtures/index.js";
import { makeOracle } from "../src/fixtures/oracle.js";
import { loadModules } from "../src/pipeline.js";
import { runCli } from "./support/cli.js";
import { writeTree } from "./support/tree.js";

/** Fixtures of a one-entity project, each checked by the oracle here too. */
async function fixtures(schema: object, extra: Record<string, unknown> = {}): Promise<VersionFixtures> {
  const dir = writeTree({ "schemas/thing/v1.json": schema, ...extra });
  const loaded = await loadModules(`${dir}/schemas`, { allVersions: true });
  const [set] = buildFixtures(loaded, 1);
  const oracle = makeOracle(loaded.history);
  for (const f of set!.fixtures) if (!f.future) expect(oracle.validate("thing", 1, f.json), `${f.name}: ${f.json}`).toEqual([]);
  return set!;
}

const values = (set: VersionFixtures): unknown[] => set.fixtures.filter((f) => !f.future).map((f) => JSON.parse(f.json));

describe("synthesizer", () => {
  it("solves oneOf exclusivity, required names without properties and minProperties with patternProperties", async () => {
    const set = await fixtures({
      type: "object",
      required: ["pick", "bag", "named"],
      properties: {
        // Both branches accept {}: a value must match exactly one.
        pick: { oneOf: [{ type: "object", properties: { a: { type: "string" } } }, { type: "object", required: ["b"], properties: { b: { type: "integer" } } }] },
        bag: { type: "object", minProperties: 2, patternProperties: { "^x-[a-z]+$": { type: "integer", minimum: 3 } }, additionalProperties: false },
        named: { type: "object", required: ["id", "kind"] },
      },
    });
    expect(set.findings.map((f) => f.format())).toEqual([]);
    expect(set.stats.synthesized).toBeGreaterThan(3);
    for (const v of values(set) as Array<Record<string, Record<string, unknown>>>) {
      expect(Object.keys(v.bag!).length).toBeGreaterThanOrEqual(2);
      expect(Object.keys(v.named!)).toEqual(expect.arrayContaining(["id", "kind"]));
    }
  });

  it("solves bounds (exclusive, multipleOf), pattern alternations, if/then/else and not", async () => {
    const set = await fixtures({
      type: "object",
      required: ["n", "f", "code", "mode", "other"],
      properties: {
        n: { type: "integer", exclusiveMinimum: 10, maximum: 20, multipleOf: 7 },
        f: { type: "number", exclusiveMinimum: 0.25, exclusiveMaximum: 0.5, multipleOf: 0.125 },
        code: { type: "string", pattern: "^(?:AB|CD)-[0-9]{3}$" },
        mode: { if: { type: "string", pattern: "^a" }, then: { minLength: 3 }, else: { maxLength: 1 } },
        other: { not: { type: ["string", "number", "boolean", "null", "array"] } },
      },
    });
    expect(set.findings.map((f) => f.format())).toEqual([]);
    for (const v of values(set) as Array<Record<string, unknown>>) {
      expect(v.n).toBe(14);
      expect(v.f).toBe(0.375);
      expect(v.code).toMatch(/^(AB|CD)-\d{3}$/);
    }
  });

  it("falls back to the schema's own examples where nothing else fits, and says so", async () => {
    // randexp ignores lookaheads: what it makes from this pattern almost never matches.
    const hard = { type: "string", pattern: "^(?=xyz)[a-z]{12}$", examples: ["xyzabcdefghi"] };
    const set = await fixtures({ type: "object", required: ["token"], properties: { token: hard } });
    expect(set.findings.map((f) => f.format())).toEqual([]);
    expect(values(set).some((v) => (v as { token: string }).token === "xyzabcdefghi")).toBe(true);
    expect(set.stats.fromExamples).toBeGreaterThan(0);
  });

  it("writes a required __proto__ property as a property, not a prototype", async () => {
    const set = await fixtures({ type: "object", required: ["__proto__", "a"], properties: { a: { type: "integer" } } });
    expect(set.findings.map((f) => f.format())).toEqual([]);
    for (const v of values(set)) expect(Object.keys(v as object)).toContain("__proto__");
  });

  it("ends a required nullable self-reference with null, in every fixture", async () => {
    const set = await fixtures({ $defs: { node: { type: "object", required: ["next"], properties: { next: { anyOf: [{ $ref: "#/$defs/node" }, { type: "null" }] } } } }, $ref: "#/$defs/node" });
    expect(set.findings.map((f) => f.format())).toEqual([]);
    expect(set.fixtures.map((f) => f.name)).toEqual(expect.arrayContaining(["minimal", "full"]));
  });

  it("does not write null where `oneOf: [X, null]` has X admitting null too", async () => {
    const set = await fixtures({
      type: "object",
      required: ["v"],
      properties: { v: { oneOf: [{ $ref: "#/$defs/x" }, { type: "null" }] } },
      $defs: { x: { type: ["object", "null"], properties: { a: { type: "string" } } } },
    });
    expect(set.findings.map((f) => f.format())).toEqual([]);
    expect(values(set).some((v) => (v as { v: unknown }).v === null)).toBe(false);
  });

  it("solves a spot the IR places under a type list's branch (<schema>/anyOf/<i>, not in the file): the oracle checks it where it is written", async () => {
    const dir = writeTree({
      "schemas/thing/v1.json": { type: ["string", "null", "object"], properties: { level: { type: "integer", minimum: 3 } }, required: ["level"] },
    });
    const loaded = await loadModules(`${dir}/schemas`, { allVersions: true });
    const oracle = makeOracle(loaded.history);
    const checked: string[] = [];
    const values = new SchemaValues((rel) => loaded.history.files.get(join(loaded.history.root, ...rel.split("/")))?.value, (at, value) => {
      checked.push(at.pointer);
      return oracle.acceptsAt(at.file, at.pointer, toPlain(value));
    }, 1);
    // The branches are the non-null kinds: 0 string, 1 object.
    const field = { file: "thing/v1.json", pointer: "/anyOf/1/properties/level" };
    expect(values.written(field)).toEqual({ file: "thing/v1.json", pointer: "/properties/level" });
    expect(toPlain(values.solveAt(field)!.value)).toBeGreaterThanOrEqual(3);
    const branch = values.solveAt({ file: "thing/v1.json", pointer: "/anyOf/1" })!.value;
    expect(oracle.acceptsAt("thing/v1.json", "", toPlain(branch))).toBe(true);
    expect(typeof toPlain(branch)).toBe("object");
    expect(typeof toPlain(values.solveAt({ file: "thing/v1.json", pointer: "/anyOf/0" })!.value)).toBe("string");
    expect(values.solveAt({ file: "thing/v1.json", pointer: "/anyOf/2" })).toBeUndefined();
    expect(checked.filter((p) => p.includes("anyOf"))).toEqual([]);
  });

  it("reports a schema nothing satisfies at file:line:col, exits 2 and still writes every other entity", async () => {
    const impossible = { type: "object", required: ["a"], properties: { a: { type: "string", allOf: [{ minLength: 3 }, { maxLength: 2 }] } } };
    const dir = writeTree({ "schemas/broken/v1.json": impossible, "schemas/fine/v1.json": { type: "object", properties: { b: { type: "boolean" } } } });
    const res = await runCli(["fixtures", "-C", dir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/schemas\/broken\/v1\.json:\d+:\d+: no fixture for broken v1: .*add "examples"/);
    expect(readdirSync(join(dir, "fixtures/fine/v1"))).toContain("minimal.json");
    expect(existsSync(join(dir, "fixtures/broken"))).toBe(false);
    // lockstep test: the same finding in its report, exit 2, and the other entity tested.
    const tested = await runCli(["test", "-C", dir, "--language", "typescript", "--format", "json"]);
    expect(tested.code).toBe(2);
    const report = JSON.parse(tested.stdout) as { rows: Array<{ entity: string; passed: number; failed: number }>; findings: Array<{ file: string; line?: number; message: string }> };
    expect(report.findings).toEqual([expect.objectContaining({ file: expect.stringMatching(/schemas\/broken\/v1\.json$/), line: expect.any(Number), message: expect.stringMatching(/^no fixture for broken v1/) })]);
    expect(report.rows.filter((r) => r.entity === "fine").every((r) => r.passed > 0 && r.failed === 0)).toBe(true);
    expect(report.rows.some((r) => r.entity === "fine")).toBe(true);
    // With an example, the same schema is tested through it.
    const withExample = writeTree({ "schemas/broken/v1.json": { ...impossible, properties: { a: { ...impossible.properties.a, allOf: [{ minLength: 1 }, { maxLength: 2 }], pattern: "^(?!x)y$" } }, examples: [{ a: "y" }] } });
    expect((await runCli(["fixtures", "-C", withExample])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(withExample, "fixtures/broken/v1/example-1.json"), "utf8"))).toEqual({ a: "y" });
  });
});
