/**
 * Dialects and references end to end: test/cases/dialects mixes draft-04 (`id`, a tuple, boolean
 * exclusiveMinimum), draft-06 (a plain-name `"$id": "#line"`) and 2020-12 (`$anchor`, a nested
 * `$id`, `other.json#/`); `lockstep test` passes on it in every language (the emitter tests
 * compile it with tsc --strict, clippy and go vet). Remote documents: refused with a position,
 * accepted when vendored under _remote/ or mapped in the config.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeOracle } from "../src/fixtures/oracle.js";
import { loadModules } from "../src/pipeline.js";
import { runCli } from "./support/cli.js";
import { hasTool } from "./support/toolchains.js";
import { writeTree } from "./support/tree.js";

const ROOT = join(import.meta.dirname, "..");
const CASE = join(ROOT, "test", "cases", "dialects");
const PROJECT = join(ROOT, ".cache", "lockstep-test", "dialects");
const strict = process.env.CI === "true";
const languages = ["typescript", ...(hasTool("go") || strict ? ["go"] : []), ...(hasTool("cargo") || strict ? ["rust"] : [])];

/** The case's schemas, with its instances as each entity's examples (so ajv checks them too). */
function project(): string {
  rmSync(join(PROJECT, "schemas"), { recursive: true, force: true });
  mkdirSync(PROJECT, { recursive: true });
  cpSync(join(CASE, "schemas"), join(PROJECT, "schemas"), { recursive: true });
  for (const entity of readdirSync(join(CASE, "instances"))) {
    cpSync(join(CASE, "instances", entity), join(PROJECT, "schemas", entity, "examples"), { recursive: true });
  }
  return PROJECT;
}

describe("dialects", () => {
  it("lockstep test passes on draft-04, draft-06 and 2020-12 documents side by side", async () => {
    const res = await runCli(["test", "-C", project(), "--language", languages.join(","), "--format", "json"]);
    const report = JSON.parse(res.stdout) as { ok: boolean; rows: Array<{ entity: string; language: string; passed: number; failed: number }>; failures: unknown[] };
    expect(report.failures).toEqual([]);
    expect(res.code).toBe(0);
    for (const entity of ["point", "basket", "catalog"]) {
      for (const language of languages) {
        expect(report.rows.find((r) => r.entity === entity && r.language === language)?.passed, `${entity} ${language}`).toBeGreaterThan(0);
      }
    }
    expect(res.stderr).not.toMatch(/unknown format|no schema with key/);
  }, 600_000);

  it("the oracle validates each document by its dialect, across dialects too", async () => {
    const loaded = await loadModules(join(CASE, "schemas"), { allVersions: true, cwd: ROOT });
    const oracle = makeOracle(loaded.history);
    const point = (weight: number, coords: unknown[] = [1, "x"]) => ({ coords, weight });
    const errors = (entity: string, value: unknown) => oracle.validate(entity, 1, JSON.stringify(value));
    // draft-04: boolean exclusiveMinimum, items list + additionalItems: false.
    expect(errors("point", point(0.5))).toEqual([]);
    expect(errors("point", point(0))).not.toEqual([]);
    expect(errors("point", point(1, [1, "x", 2]))).not.toEqual([]);
    // draft-06: a plain-name $id; draft-06 exclusiveMinimum is a number.
    expect(errors("basket", { lines: [{ sku: "a", qty: 1 }] })).toEqual([]);
    expect(errors("basket", { lines: [{ sku: "a", qty: 0 }] })).not.toEqual([]);
    // 2020-12 referring to the draft-04 document by its absolute id.
    const catalog = (origin: unknown) => ({ sections: [], price: { cents: 1 }, currency: "EUR", origin });
    expect(errors("catalog", catalog(point(0.5)))).toEqual([]);
    expect(errors("catalog", catalog(point(0)))).not.toEqual([]);
    expect(errors("catalog", { ...catalog(point(1)), currency: "GBP" })).not.toEqual([]);
  });

  it("lint follows anchors and $id references (no unresolved-ref)", async () => {
    const res = await runCli(["lint", "-C", project(), "--format", "json"]);
    expect(res.stdout).not.toMatch(/unresolved-ref/);
    expect(res.code).toBe(0);
  });

  it("an unknown format is a warning, not ajv noise", async () => {
    const dir = writeTree({ "schemas/thing/v1.json": { type: "object", properties: { c: { type: "string", format: "colour" } } } });
    const gen = await runCli(["generate", "-C", dir, "--target", "typescript"]);
    expect(gen.code).toBe(0);
    expect(gen.stderr).toMatch(/schemas\/thing\/v1\.json:\d+:\d+: warning: format "colour" is not one the fixture oracle \(ajv-formats\) knows/);
    const fx = await runCli(["fixtures", "-C", dir]);
    expect(fx.code).toBe(0);
    expect(fx.stderr).not.toMatch(/unknown format/);
  });

  const refers = (ref: string) => ({ type: "object", properties: { a: { $ref: ref } }, required: ["a"] });
  const vendored = { $id: "https://example.com/s/money.json", type: "object", properties: { cents: { type: "integer" } } };

  it("a remote document is refused at its $ref, with how to vendor it", async () => {
    const dir = writeTree({ "schemas/order/v1.json": refers("https://example.com/s/money.json#/properties/cents") });
    const res = await runCli(["generate", "-C", dir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^schemas\/order\/v1\.json:\d+:\d+: remote \$ref "https:\/\/example\.com\/s\/money\.json#\/properties\/cents" is not allowed: .*vendor a copy as _remote\/example\.com\/s\/money\.json/);
    expect(existsSync(join(dir, "generated"))).toBe(false);
  });

  it("a vendored copy under _remote/<host>/<path>, or one mapped in remotes, is read instead", async () => {
    for (const files of [
      { "schemas/order/v1.json": refers("https://example.com/s/money.json"), "schemas/_remote/example.com/s/money.json": vendored },
      { "schemas/order/v1.json": refers("https://example.com/s/money.json"), "vendor/money.json": vendored, "lockstep.config.json": { remotes: { "https://example.com/s/money.json": "vendor/money.json" } } },
    ]) {
      const dir = writeTree(files);
      const res = await runCli(["generate", "-C", dir, "--target", "typescript"]);
      expect(res.stderr).toBe("");
      expect(res.code).toBe(0);
      const fx = await runCli(["fixtures", "-C", dir]);
      expect(fx.stderr).toBe("");
      expect(fx.code).toBe(0);
    }
  });

  it("the meta-schemas of every dialect are known without the network (src/load/well-known.ts)", async () => {
    const metas = ["http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-06/schema#", "http://json-schema.org/draft-07/schema#", "https://json-schema.org/draft/2019-09/schema", "https://json-schema.org/draft/2020-12/schema"];
    const files = Object.fromEntries(metas.map((m, i) => [`schemas/plugin${i}/v1.json`, { ...refers(m), $schema: m }]));
    const dir = writeTree(files);
    const gen = await runCli(["generate", "-C", dir, "--target", "typescript", "-q"]);
    expect(gen.stderr.split("\n").filter((l) => l !== "" && !/: warning: /.test(l))).toEqual([]);
    expect(gen.code).toBe(0);
    const loaded = await loadModules(join(dir, "schemas"), { allVersions: true, cwd: dir });
    // Named by where a vendored copy would be, not by where node_modules happens to be.
    expect(loaded.modules.flatMap((m) => m.inputs)).toContain("_remote/json-schema.org/draft-07/schema.json");
    const oracle = makeOracle(loaded.history);
    for (const i of metas.keys()) {
      expect(oracle.validate(`plugin${i}`, 1, JSON.stringify({ a: { type: "string", minLength: 1 } })), metas[i]).toEqual([]);
      expect(oracle.validate(`plugin${i}`, 1, JSON.stringify({ a: { type: 5 } })), metas[i]).not.toEqual([]);
    }
  });

  it("a vendored copy of a meta-schema wins over the built-in one", async () => {
    const dir = writeTree({ "schemas/plugin/v1.json": refers("http://json-schema.org/draft-07/schema#"), "schemas/_remote/json-schema.org/draft-07/schema.json": { type: "integer" } });
    const loaded = await loadModules(join(dir, "schemas"), { allVersions: true, cwd: dir });
    const oracle = makeOracle(loaded.history);
    expect(oracle.validate("plugin", 1, JSON.stringify({ a: 3 }))).toEqual([]);
    expect(oracle.validate("plugin", 1, JSON.stringify({ a: { type: "string" } }))).not.toEqual([]);
  });
});
