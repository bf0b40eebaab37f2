/**
 * Input that outgrows JavaScript's own limits: nesting beyond the depth limit, numbers beyond a
 * double, repeated names, lone surrogates, $ref chains longer than any stack. Each is one clear
 * error and exit 2 with nothing written; a byte order mark is accepted.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { append, maxOf, minOf } from "../src/arrays.js";
import { codeFrame } from "../src/errors.js";
import { runCli } from "./support/cli.js";
import { writeTree, type Tree } from "./support/tree.js";

const nested = (depth: number): string => `${'{"type":"object","properties":{"a":'.repeat(depth)}{"type":"string"}${"}}".repeat(depth)}`;

async function run(command: string, files: Tree): Promise<{ code: number; stderr: string; dir: string }> {
  const dir = writeTree(files);
  const res = await runCli([command, "-C", dir]);
  return { code: res.code, stderr: res.stderr, dir };
}

async function refused(files: Tree, command = "generate"): Promise<string> {
  const { code, stderr, dir } = await run(command, files);
  expect(code, stderr).toBe(2);
  expect(existsSync(join(dir, "generated")), "nothing written").toBe(false);
  expect(existsSync(join(dir, "fixtures")), "nothing written").toBe(false);
  return stderr;
}

describe("input limits", () => {
  it("a schema nested 10,000 objects deep: file:line:col and pointer, in every command", async () => {
    for (const command of ["generate", "lint", "fixtures"]) {
      const err = await refused({ "schemas/deep/v1.json": nested(10_000) }, command);
      expect(err).toMatch(/^schemas\/deep\/v1\.json:1:\d+: nested more than 256 levels deep .*"maxDepth".* \(at #\/properties\/a\/properties\/a\/.*….*\/properties\/a\)/);
      expect(err.length, "the message stays short").toBeLessThan(1200);
    }
  });

  it("maxDepth in lockstep.config.json moves the limit both ways", async () => {
    const ok = await run("generate", { "schemas/deep/v1.json": nested(140), "lockstep.config.json": { maxDepth: 300 } });
    expect(ok.code, ok.stderr).toBe(0);
    expect(await refused({ "schemas/deep/v1.json": nested(140) })).toMatch(/nested more than 256 levels/);
    expect(await refused({ "schemas/deep/v1.json": nested(20), "lockstep.config.json": { maxDepth: 16 } })).toMatch(/nested more than 16 levels/);
  });

  it("a $ref chain longer than the call stack: exit 2 naming the file", async () => {
    const n = 4000;
    const defs = Object.fromEntries(Array.from({ length: n }, (_, i) => [`d${i}`, i + 1 < n ? { type: "array", items: { $ref: `#/$defs/d${i + 1}` } } : { type: "string" }]));
    const files = { "schemas/chain/v1.json": { type: "object", properties: { x: { $ref: "#/$defs/d0" } }, $defs: defs } };
    expect(await refused(files)).toMatch(/^schemas\/chain\/v1\.json: too large or too deeply nested to process/);
    expect(await refused(files, "lint")).toMatch(/too large or too deeply nested/);
  });

  it("numbers beyond a double, repeated names and lone surrogates are refused at their place", async () => {
    expect(await refused({ "schemas/a/v1.json": '{\n  "type": "integer",\n  "maximum": 1e400\n}\n' })).toMatch(
      /^schemas\/a\/v1\.json:3:3: number 1e400 is outside the range of a double.* \(at #\/maximum\)/,
    );
    expect(await refused({ "schemas/a/v1.json": '{\n  "type": "object",\n  "type": "string"\n}\n' })).toMatch(
      /^schemas\/a\/v1\.json:3:3: property name "type" appears twice in one object .* \(at #\/type\)/,
    );
    expect(await refused({ "schemas/a/v1.json": '{"type":"object","properties":{"x":{"enum":["ok","\\udc00"]}}}' })).toMatch(
      /^schemas\/a\/v1\.json:1:\d+: a lone UTF-16 surrogate .* \(at #\/properties\/x\/enum\/1\)/,
    );
    expect(await refused({ "schemas/a/v1.json": '{"type":"object","properties":{"\\ud800":{}}}' })).toMatch(/a lone UTF-16 surrogate/);
  });

  it("30-digit integers and a byte order mark are fine", async () => {
    const res = await run("generate", { "schemas/a/v1.json": '\ufeff{"type":"object","properties":{"n":{"type":"integer","maximum":123456789012345678901234567890}}}' });
    expect(res.code, res.stderr).toBe(0);
  });

  it("descriptions and enums far longer than the argument limit generate", async () => {
    // 150,000 items: past what one call takes as arguments (about 120,000 on Node 20).
    const lines = Array.from({ length: 150_000 }, (_, i) => `${i} \``).join("\n");
    const values = Array.from({ length: 150_000 }, (_, i) => i);
    const res = await run("generate", { "schemas/big/v1.json": { type: "object", properties: { n: { type: "integer", enum: values }, s: { type: "string", description: lines } } } });
    expect(res.code, res.stderr.slice(0, 500)).toBe(0);
  }, 120_000);

  it("a code frame in a one-line 1 MB file shows a window around the column", () => {
    const text = `${"x".repeat(500_000)}!${"y".repeat(500_000)}`;
    const frame = codeFrame(text, 1, 500_001);
    expect(frame.length).toBeLessThan(300);
    const [src, caret] = frame.split("\n");
    expect(src!.indexOf("!") - src!.indexOf("|")).toBe(caret!.indexOf("^") - caret!.indexOf("|"));
  });

  it("array helpers take arrays far beyond the argument limit", () => {
    const big = Array.from({ length: 500_000 }, (_, i) => i);
    expect(append([-1], big, [7]).length).toBe(500_002);
    expect(maxOf(big)).toBe(499_999);
    expect(minOf(big)).toBe(0);
    expect(maxOf([], 3)).toBe(3);
  });
});
