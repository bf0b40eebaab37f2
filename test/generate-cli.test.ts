import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { writeTree } from "./support/tree.js";

const user = { type: "object", properties: { id: { type: "string" } }, required: ["id"] };

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

describe("lockstep generate", () => {
  it("writes all three targets with no config, then is quiet when nothing changed", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user });
    const first = await runCli(["generate", "-C", dir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/typescript .* written/);
    for (const f of ["generated/typescript/index.ts", "generated/rust/Cargo.toml", "generated/rust/src/lib.rs", "generated/go/go.mod"]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    const second = await runCli(["generate", "-C", dir]);
    expect(second).toMatchObject({ code: 0, stderr: "" });
    expect(second.stdout).toMatch(/^lockstep: up to date \(\d+ files\)\n$/);
  });

  it("restores a generated file that was edited or deleted, even when the schemas did not change", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user });
    await runCli(["generate", "-C", dir]);
    const path = join(dir, "generated/go/user.go");
    const original = readFileSync(path, "utf8");
    writeFileSync(path, "// edited\n");
    const res = await runCli(["generate", "-C", dir]);
    expect(res.stdout).toMatch(/go .*1 written/);
    expect(readFileSync(path, "utf8")).toBe(original);
  });

  it("--check exits 1 when the output is stale and 0 when it is current", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user });
    expect((await runCli(["generate", "-C", dir, "--check"])).code).toBe(1);
    expect(existsSync(join(dir, "generated"))).toBe(false);
    await runCli(["generate", "-C", dir]);
    expect((await runCli(["generate", "-C", dir, "--check"])).code).toBe(0);
  });

  it("--check trusts a file's recorded size and time, and reads it when they differ (a same-size edit is caught)", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user });
    await runCli(["generate", "-C", dir]);
    const manifestPath = join(dir, "generated/go/.lockstep-manifest.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { stats?: Record<string, [number, number]> };
    expect(Object.keys(manifest.stats ?? {})).toContain("user.go");
    const path = join(dir, "generated/go/user.go");
    const text = readFileSync(path, "utf8");
    writeFileSync(path, text.replace("package", "pockage"));
    expect((await runCli(["generate", "-C", dir, "--check"])).code).toBe(1);
    await runCli(["generate", "-C", dir]);
    expect(readFileSync(path, "utf8")).toBe(text);
    expect((await runCli(["generate", "-C", dir, "--check"])).code).toBe(0);
    // A manifest without stats (an older lockstep wrote it) is checked by content.
    const rewritten = JSON.parse(readFileSync(manifestPath, "utf8")) as { stats?: unknown };
    delete rewritten.stats;
    writeFileSync(manifestPath, JSON.stringify(rewritten));
    expect((await runCli(["generate", "-C", dir, "--check"])).code).toBe(0);
    writeFileSync(path, text.replace("package", "pockage"));
    expect((await runCli(["generate", "-C", dir, "--check"])).code).toBe(1);
  });

  it("--all-versions adds one module per older version", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user, "schemas/user/v2.json": user });
    await runCli(["generate", "-C", dir, "--all-versions"]);
    const ts = listFiles(join(dir, "generated/typescript"));
    expect(ts).toContain("user/v1.ts");
    expect(listFiles(join(dir, "generated/go")).some((f) => f.startsWith("user/v1/"))).toBe(true);
    expect(listFiles(join(dir, "generated/rust")).some((f) => f.includes("v1"))).toBe(true);
  });

  it("removes files it generated before and never touches files it did not", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user, "schemas/user/v2.json": user });
    await runCli(["generate", "-C", dir, "--all-versions"]);
    writeFileSync(join(dir, "generated/typescript/mine.ts"), "// mine\n");
    const res = await runCli(["generate", "-C", dir]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/removed/);
    expect(existsSync(join(dir, "generated/typescript/user/v1.ts"))).toBe(false);
    expect(readFileSync(join(dir, "generated/typescript/mine.ts"), "utf8")).toBe("// mine\n");
  });

  it("refuses to overwrite a file it did not generate, and writes nothing", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user, "generated/go/go.mod": "module mine\n" });
    const res = await runCli(["generate", "-C", dir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/refusing to overwrite generated\/go\/go\.mod: it was not generated by lockstep/);
    expect(readFileSync(join(dir, "generated/go/go.mod"), "utf8")).toBe("module mine\n");
    expect(existsSync(join(dir, "generated/typescript"))).toBe(false);
  });

  it("leaves the previous output intact when a run fails", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user });
    await runCli(["generate", "-C", dir]);
    const before = readFileSync(join(dir, "generated/typescript/index.ts"), "utf8");
    writeFileSync(join(dir, "schemas/user/v2.json"), '{"type": "object", "properties": {');
    const res = await runCli(["generate", "-C", dir]);
    expect(res.code).toBe(2);
    expect(readFileSync(join(dir, "generated/typescript/index.ts"), "utf8")).toBe(before);
  });

  it("honours lockstep.config.json: output dirs, names, disabled targets", async () => {
    const dir = writeTree({
      "defs/user/v1.json": user,
      "lockstep.config.json": { schemas: "defs", typescript: { out: "web/src/gen" }, rust: false, go: { out: "svc/model", module: "example.org/svc/model", package: "model" } },
    });
    expect((await runCli(["generate", "-C", dir])).code).toBe(0);
    expect(existsSync(join(dir, "web/src/gen/index.ts"))).toBe(true);
    expect(existsSync(join(dir, "generated/rust"))).toBe(false);
    expect(readFileSync(join(dir, "svc/model/go.mod"), "utf8")).toMatch(/^module example\.org\/svc\/model$/m);
  });

  it("prints warnings for constructs typed as raw JSON, with file:line:col", async () => {
    const dir = writeTree({ "schemas/user/v1.json": '{\n  "type": "object",\n  "properties": {\n    "x": { "not": { "type": "string" } }\n  }\n}\n' });
    const res = await runCli(["generate", "-C", dir]);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/^schemas\/user\/v1\.json:4:5: warning: not cannot be expressed .* \(at #\/properties\/x\)$/m);
  });

  it("answers --help for the program and for generate", async () => {
    expect((await runCli(["--help"])).stdout).toMatch(/generate/);
    const help = await runCli(["generate", "--help"]);
    expect(help.stdout).toMatch(/--all-versions/);
    expect(help.stdout).toMatch(/-C/);
  });

  it("exits 2 on unknown options and commands", async () => {
    expect((await runCli(["generate", "--nope"])).code).toBe(2);
    expect((await runCli(["frobnicate"])).code).toBe(2);
  });

  it("runs as the installed bin (built by npm ci)", () => {
    const dir = writeTree({ "schemas/user/v1.json": user });
    const bin = join(import.meta.dirname, "../bin/lockstep.js");
    const res = spawnSync(process.execPath, [bin, "generate", "-C", dir], { encoding: "utf8" });
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
  });
});
