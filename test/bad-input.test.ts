import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { writeTree, type Tree } from "./support/tree.js";

async function fails(files: Tree): Promise<string> {
  const dir = writeTree(files);
  const res = await runCli(["generate", "-C", dir]);
  expect(res.code).toBe(2);
  expect(res.stdout).toBe("");
  expect(existsSync(join(dir, "generated")), "nothing written").toBe(false);
  return res.stderr;
}

const ref = (r: string) => `{\n  "type": "object",\n  "properties": {\n    "a": { "$ref": "${r}" }\n  }\n}\n`;

describe("bad input: one clear error, exit 2, nothing written", () => {
  it("malformed JSON: file:line:col and a code frame", async () => {
    const err = await fails({ "schemas/user/v1.json": '{\n  "type": "object",\n  "properties": {\n    "a": { "type": "string" },\n  }\n}\n' });
    expect(err).toMatch(/^schemas\/user\/v1\.json:5:3: invalid JSON: property name expected/);
    expect(err).toMatch(/> 5 \|   }\n\s+\|   \^/);
  });

  it("remote $ref", async () => {
    const err = await fails({ "schemas/user/v1.json": ref("https://example.com/s.json") });
    expect(err).toMatch(/^schemas\/user\/v1\.json:4:12: remote \$ref "https:\/\/example\.com\/s\.json" is not allowed.* \(at #\/properties\/a\/\$ref\)/);
  });

  it("$ref escaping the schemas root", async () => {
    const err = await fails({ "schemas/user/v1.json": ref("../../secret.json"), "secret.json": "{}" });
    expect(err).toMatch(/^schemas\/user\/v1\.json:4:12: \$ref "\.\.\/\.\.\/secret\.json" points outside the schemas root/);
  });

  it("$ref to a missing file", async () => {
    const err = await fails({ "schemas/user/v1.json": ref("../common/nope.json") });
    expect(err).toMatch(/4:12: \$ref "\.\.\/common\/nope\.json": file schemas\/common\/nope\.json does not exist/);
  });

  it("$ref to a missing pointer, and to an anchor", async () => {
    expect(await fails({ "schemas/user/v1.json": ref("#/$defs/Nope") })).toMatch(/4:12: \$ref "#\/\$defs\/Nope": schemas\/user\/v1\.json has nothing at #\/\$defs\/Nope/);
    expect(await fails({ "schemas/user/v1.json": ref("#thing") })).toMatch(/4:12: \$ref "#thing": schemas\/user\/v1\.json has no anchor "thing"/);
  });

  it("a gap in versions", async () => {
    const err = await fails({ "schemas/user/v1.json": "{}", "schemas/user/v3.json": "{}" });
    expect(err).toMatch(/^schemas\/user\/v3\.json: version gap: user has v1, v3 but no v2\.json/);
  });

  it("unknown config keys, with line and column", async () => {
    const err = await fails({ "schemas/user/v1.json": "{}", "lockstep.config.json": '{\n  "rust": { "crate": "x", "edition": 2021 }\n}\n' });
    expect(err).toMatch(/^lockstep\.config\.json:2:27: unknown key "edition" in lockstep\.config\.json \(at #\/rust\/edition\)/);
  });

  it("two entities or types with the same name", async () => {
    const err = await fails({ "schemas/user-profile/v1.json": "{}", "schemas/user_profile/v1.json": "{}" });
    expect(err).toMatch(/two types get the same name UserProfile.*user-profile\/v1\.json.*user_profile\/v1\.json/);
  });

  it("names that collide, with --strict-names or config strictNames: both places, file:line:col", async () => {
    const schema = '{\n  "type": "object",\n  "properties": {\n    "env": { "type": "string" },\n    "Env": { "type": "string" }\n  }\n}\n';
    const err = await fails({ "schemas/user/v1.json": schema, "lockstep.config.json": '{ "strictNames": true }' });
    expect(err).toMatch(/^schemas\/user\/v1\.json:5:5: properties of User "Env" and "env" both become Env in .*: user\/v1\.json#\/properties\/Env and user\/v1\.json#\/properties\/env; pin names with "x-lockstep-name" on the property \(--strict-names\)/);
    const dir = writeTree({ "schemas/user/v1.json": schema });
    const strict = await runCli(["generate", "-C", dir, "--strict-names"]);
    expect([strict.code, existsSync(join(dir, "generated"))]).toEqual([2, false]);
    const lenient = await runCli(["generate", "-C", dir]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/^schemas\/user\/v1\.json:5:5: warning: properties of User "Env" and "env" .* the first is named envCapital/);
  });

  it("a missing schemas directory", async () => {
    expect(await fails({ "README.md": "x" })).toMatch(/schemas directory not found: schemas/);
  });
});
