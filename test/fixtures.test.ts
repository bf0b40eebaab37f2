import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { buildFixtures } from "../src/fixtures/index.js";
import { loadModules } from "../src/pipeline.js";
import { formatText, passed } from "../src/testing/report.js";
import { runTests } from "../src/testing/run.js";
import { runCli } from "./support/cli.js";
import { writeTree } from "./support/tree.js";

const EXAMPLES = join(import.meta.dirname, "..", "schemas");

async function fixturesOf(dir: string, seed = 1) {
  return buildFixtures(await loadModules(dir, { allVersions: true }), seed);
}

const texts = (all: Awaited<ReturnType<typeof fixturesOf>>, entity: string, version: number): string[] =>
  all.find((v) => v.entity === entity && v.version === version)!.fixtures.map((f) => f.json);

describe("fixtures", () => {
  it("are deterministic per seed", async () => {
    const a = await fixturesOf(EXAMPLES, 7);
    const b = await fixturesOf(EXAMPLES, 7);
    const c = await fixturesOf(EXAMPLES, 8);
    expect(a).toEqual(b);
    expect(texts(c, "order", 3)).not.toEqual(texts(a, "order", 3));
  });

  it("spell string-policy integers as strings (extremes too), with lenient copies spelled as numbers; lossy ones stay within 2^53", async () => {
    const all = await fixturesOf(EXAMPLES);
    const v4 = all.find((v) => v.entity === "category" && v.version === 4)!.fixtures;
    const plain = v4.filter((f) => !f.name.startsWith("lenient-")).map((f) => f.json).join("\n");
    for (const n of ["9223372036854775807", "-9223372036854775808", "9007199254740993"]) {
      expect(plain).toContain(`"catalog_id": "${n}"`);
      expect(plain).toContain(`"revenue_micros": ${n}`);
    }
    expect(plain).not.toMatch(/"catalog_id": -?\d/);
    const pageViews = [...plain.matchAll(/"page_views": (\d+)/g)].map((m) => BigInt(m[1]!));
    expect(pageViews.length).toBeGreaterThan(0);
    expect(pageViews.every((n) => n <= 2n ** 53n - 1n)).toBe(true);
    const lenient = v4.filter((f) => f.name.startsWith("lenient-"));
    expect(lenient.length).toBe(2);
    for (const f of lenient) {
      const spelled = v4.find((g) => g.name === f.name.slice("lenient-".length))!;
      expect(f.json).toMatch(/"catalog_id": -?\d/);
      expect(f.json.replace(/"catalog_id": (-?\d+)/g, '"catalog_id": "$1"')).toBe(spelled.json);
    }
  });

  it("cover every enum value, every union variant, absent/null/value, int64 limits and unicode", async () => {
    const all = await fixturesOf(EXAMPLES);
    const order = texts(all, "order", 3).join("\n");
    for (const status of ["pending", "paid", "shipped", "cancelled"]) expect(order).toContain(`"status": "${status}"`);
    const user = texts(all, "user", 3);
    expect(user.some((t) => /"nickname": null/.test(t))).toBe(true);
    expect(user.some((t) => /"nickname": "/.test(t))).toBe(true);
    expect(user.some((t) => !/"nickname"/.test(t))).toBe(true);
    expect(user.join("\n")).toMatch(/"login_count": 9223372036854775807/);
    expect(user.join("\n")).toMatch(/"login_count": 9007199254740993/);
    expect(user.join("\n")).toContain("😀");
    const events = texts(all, "event", 3).join("\n");
    for (const tag of ["user.created", "order.placed", "user.deleted", "order.shipped"]) expect(events).toContain(`"type": "${tag}"`);
    const category = texts(all, "category", 3).join("\n");
    expect(category).toMatch(/"children": \[\s*\{[^]*"children": \[\s*\{/); // recursion several levels deep
    expect(category).toMatch(/"x_unknown_field"/);
  });

  it("name future data separately: unknown enum values and union tags", async () => {
    const all = await fixturesOf(EXAMPLES);
    const future = all.find((v) => v.entity === "event" && v.version === 3)!.fixtures.filter((f) => f.future);
    expect(future.map((f) => f.name)).toEqual(["future-00", "future-01"]);
    expect(future[0]!.json).toContain("lockstep.unknown-variant");
  });

  it("include the user's examples, and reject an example the schema rejects, naming its file", async () => {
    const schema = { type: "object", properties: { n: { type: "integer", minimum: 1 } }, required: ["n"], examples: [{ n: 5 }] };
    const ok = writeTree({ "schemas/thing/v1.json": schema, "schemas/thing/examples/big.json": { n: 9007199254740993 } });
    const names = (await fixturesOf(`${ok}/schemas`))[0]!.fixtures.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(["example-1", "example-big"]));
    const bad = writeTree({ "schemas/thing/v1.json": { ...schema, examples: [{ n: 5 }, { n: -1 }] }, "schemas/thing/examples/zero.json": { n: 0 } });
    const [set] = await fixturesOf(`${bad}/schemas`);
    // Rejected examples are findings naming where they are; the good ones and the synthesized ones stay.
    expect(set!.findings.map((f) => f.format().split("\n")[0])).toEqual([
      expect.stringMatching(/thing\/v1\.json:\d+:\d+: example is not valid under thing v1: \/n must be >= 1 \(at #\/examples\/1\)$/),
      expect.stringMatching(/thing\/examples\/zero\.json: example is not valid under thing v1: \/n must be >= 1$/),
    ]);
    expect(set!.fixtures.map((f) => f.name)).toEqual(expect.arrayContaining(["minimal", "example-1"]));
    expect(set!.fixtures.map((f) => f.name)).not.toContain("example-2");
  });

  it("handle properties named like Object.prototype members (the oracle checks own properties)", async () => {
    const dir = writeTree({ "schemas/p0/v1.json": { type: "object", properties: { valueOf: { type: "string" } } } });
    const all = await fixturesOf(`${dir}/schemas`);
    expect(all[0]!.fixtures.some((f) => !f.json.includes("valueOf"))).toBe(true);
  });

  it("`lockstep fixtures` writes them per released version", async () => {
    const dir = writeTree({ "schemas/thing/v1.json": { type: "object", properties: { a: { type: "string" } } }, "schemas/thing/v2.json": { type: "object", properties: { a: { type: "string" }, b: { type: "boolean" } } } });
    const res = await runCli(["fixtures", "-C", dir, "--seed", "3"]);
    expect(res.code).toBe(0);
    expect(readdirSync(join(dir, "fixtures/thing"))).toEqual(["v1", "v2"]);
    expect(existsSync(join(dir, "fixtures/thing/v2/minimal.json"))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "fixtures/thing/v2/full.json"), "utf8"))).toHaveProperty("b");
  });
});

describe("lockstep test without a toolchain", () => {
  it("names the missing tool; it is a failure only under CI=true", async () => {
    const dir = writeTree({ "schemas/thing/v1.json": { type: "object", properties: { a: { type: "string" } } } });
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const result = await runTests({ config: loadConfig(dir, dir), cwd: dir, languages: ["go"], seed: 1, toolVersion: "test" });
      expect(result.runs).toEqual([expect.objectContaining({ language: "go", status: "missing", message: "go not found on PATH" })]);
      expect(passed(result, false)).toBe(true);
      expect(passed(result, true)).toBe(false);
      expect(formatText(result, true)).toMatch(/go: go not found on PATH \(a failure with CI=true\)/);
    } finally {
      process.env.PATH = path;
    }
  });
});
