/**
 * `lockstep init` and `lockstep check`: a new repository passes after init + generate; a hand edit,
 * a stale schema, a breaking change or a mutated released version fails naming the file; check
 * never writes. The last test runs the built bin (dist/), one bundled file with its code cache.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "./support/cli.js";
import { writeTree } from "./support/tree.js";

const BIN = join(import.meta.dirname, "../bin/lockstep.js");

function snapshot(dir: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.name === ".git") continue;
    if (e.isDirectory()) Object.assign(out, snapshot(dir, rel));
    else out[rel] = `${statSync(join(dir, rel)).mtimeMs}:${readFileSync(join(dir, rel), "utf8")}`;
  }
  return out;
}

function git(dir: string, ...args: string[]): void {
  const r = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
}

async function initialized(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "lockstep-init-"));
  expect((await runCli(["init", "--yes", "-C", dir])).code).toBe(0);
  expect((await runCli(["generate", "-q", "-C", dir])).code).toBe(0);
  return dir;
}

const v1 = { type: "object", required: ["id"], properties: { id: { type: "string" }, email: { type: "string" } } };

describe("lockstep init", () => {
  it("writes config, example schema, pre-commit hook, workflow and .gitignore; a second run skips them all", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lockstep-init-"));
    const first = await runCli(["init", "--yes", "-C", dir]);
    expect(first.code).toBe(0);
    for (const f of ["lockstep.config.json", "schemas/example/v1.json", ".pre-commit-config.yaml", ".github/workflows/lockstep.yml", ".gitignore"]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
      expect(first.stdout).toMatch(new RegExp(`${f.replace(/\./g, "\\.")} +create`));
    }
    const config = JSON.parse(readFileSync(join(dir, "lockstep.config.json"), "utf8"));
    expect(config.$schema).toBe("./node_modules/lockstep/lockstep.config.schema.json");
    const hooks = parse(readFileSync(join(dir, ".pre-commit-config.yaml"), "utf8"));
    expect(hooks.repos[0].hooks[0]).toMatchObject({ id: "lockstep-check", entry: "npx --no-install lockstep check", pass_filenames: false });
    expect(new RegExp(hooks.repos[0].hooks[0].files).test("schemas/user/v2.json")).toBe(true);
    const workflow = parse(readFileSync(join(dir, ".github/workflows/lockstep.yml"), "utf8"));
    expect(workflow.jobs.check.steps.map((s: { uses?: string; run?: string }) => s.uses ?? s.run)).toEqual(["actions/checkout@v4", "actions/setup-node@v4", "npm install --no-audit --no-fund", "./node_modules/lockstep"]);
    const before = snapshot(dir);
    const second = await runCli(["init", "--yes", "-C", dir]);
    expect(second.stdout).toMatch(/nothing to do/);
    expect(second.stdout).not.toMatch(/ create/);
    expect(snapshot(dir)).toEqual(before);
  });

  it("never overwrites: existing files are skipped and named, .gitignore only gains missing entries", async () => {
    const dir = writeTree({
      "schemas/user/v1.json": v1,
      ".gitignore": "node_modules\ndist/",
      ".pre-commit-config.yaml": "repos: []\n",
      "package-lock.json": "{}",
    });
    const res = await runCli(["init", "--yes", "-C", dir]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/schemas\/example\/v1\.json +skip \(schemas\/ already has entities\)/);
    expect(res.stdout).toMatch(/\.pre-commit-config\.yaml +skip/);
    expect(res.stdout).toMatch(/add this hook to its repos:\n(.*\n)*\s+- id: lockstep-check/);
    expect(existsSync(join(dir, "schemas/example"))).toBe(false);
    expect(readFileSync(join(dir, ".pre-commit-config.yaml"), "utf8")).toBe("repos: []\n");
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe("node_modules\ndist/\n.lockstep-cache/\n.lockstep.lock\n.lockstep-tmp-*\n");
    expect(readFileSync(join(dir, ".github/workflows/lockstep.yml"), "utf8")).toMatch(/cache: npm\n\s+- run: npm ci/);
  });
});

describe("lockstep init on a terminal", () => {
  const hasScript = spawnSync("script", ["--version"]).status === 0;
  (hasScript ? it : it.skip)("asks before writing: n writes nothing, y writes the files", () => {
    const dir = mkdtempSync(join(tmpdir(), "lockstep-init-tty-"));
    const answer = (text: string) => spawnSync("script", ["-qec", `"${process.execPath}" "${BIN}" init -C "${dir}"`, "/dev/null"], { input: text, encoding: "utf8" });
    const no = answer("n\n");
    expect(no.stdout).toMatch(/Write 5 files\? \[Y\/n\]/);
    expect(no.stdout).toMatch(/nothing written/);
    expect(readdirSync(dir)).toEqual([]);
    expect(answer("y\n").stdout).toMatch(/lockstep init: done/);
    expect(existsSync(join(dir, "lockstep.config.json"))).toBe(true);
  });
});

describe("lockstep check", () => {
  it("passes in a new repository after init and generate; a second generate rewrites nothing", async () => {
    const dir = await initialized();
    const before = snapshot(dir);
    const res = await runCli(["check", "-C", dir]);
    expect(res).toMatchObject({ code: 0, stderr: "" });
    expect(res.stdout).toMatch(/^lockstep check: ok: \d+ generated files up to date; 0 lint errors in 1 entity/);
    expect((await runCli(["generate", "-C", dir])).stdout).toMatch(/^lockstep: up to date/);
    expect(snapshot(dir)).toEqual(before);
  });

  it("names a generated file edited by hand, and writes nothing", async () => {
    const dir = await initialized();
    writeFileSync(join(dir, "generated/go/example.go"), `${readFileSync(join(dir, "generated/go/example.go"), "utf8")}// tweak\n`);
    const before = snapshot(dir);
    const res = await runCli(["check", "-C", dir]);
    expect(res.code).toBe(1);
    const lines = readFileSync(join(dir, "generated/go/example.go"), "utf8").split("\n").length - 1;
    expect(res.stdout).toContain(`generated/go/example.go:${lines}:1: error: hand-edit: edited by hand: its SHA-256 differs from the one in generated/go/.lockstep-manifest.json (first difference at line ${lines}: "// tweak", generated end of file)`);
    expect(res.stdout).not.toMatch(/out-of-date/);
    expect(snapshot(dir)).toEqual(before);
    const gh = await runCli(["check", "-C", dir, "--format", "github"]);
    expect(gh.stdout).toContain(`::error file=generated/go/example.go,line=${lines},title=lockstep hand-edit::edited by hand`);
  });

  it("names the schema changed since the last generate, and the generated files out of date", async () => {
    const dir = await initialized();
    const path = join(dir, "schemas/example/v1.json");
    writeFileSync(path, readFileSync(path, "utf8").replace('"minLength": 1', '"minLength": 2'));
    const before = snapshot(dir);
    const res = await runCli(["check", "-C", dir]);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/^schemas\/example\/v1\.json:1:1: error: schema-changed: changed since the generated code was written/m);
    expect(res.stdout).toMatch(/^generated\/typescript\/index\.ts:1:1: error: out-of-date/m);
    expect(snapshot(dir)).toEqual(before);
    await runCli(["generate", "-q", "-C", dir]);
    expect((await runCli(["check", "-C", dir])).code).toBe(0);
  });

  it("fails on a breaking change; released, unchanged entities are not linted; a mutated release is named", async () => {
    const dir = writeTree({ "schemas/user/v1.json": v1, "schemas/order/v1.json": v1 });
    await runCli(["generate", "-q", "-C", dir]);
    expect((await runCli(["release", "--all", "-C", dir])).code).toBe(0);
    // Regenerate: the lock file is an input, so generated headers record it.
    await runCli(["generate", "-q", "-C", dir]);
    const ok = await runCli(["check", "-C", dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/no entity to lint/);
    writeTree({ "schemas/user/v2.json": { ...v1, properties: { id: { type: "string" } } } }, dir);
    await runCli(["generate", "-q", "-C", dir]);
    const broken = await runCli(["check", "-C", dir]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/schemas\/user\/v2\.json:\d+:\d+ +error +property-removed/);
    expect(broken.stdout).toMatch(/1 lint error in 1 entity \(entities with versions not in lockstep\.lock\.json/);
    writeTree({ "schemas/order/v1.json": { ...v1, description: "edited after release" } }, dir);
    await runCli(["generate", "-q", "-C", dir]);
    const mutated = await runCli(["check", "-C", dir]);
    expect(mutated.code).toBe(1);
    expect(mutated.stdout).toMatch(/schemas\/order\/v1\.json:1:1 +error +version-mutated/);
  });

  it("--against lints only the entities changed since a git revision, and --summary appends markdown", async () => {
    const dir = writeTree({ "schemas/user/v1.json": v1, "schemas/order/v1.json": v1, "schemas/order/v2.json": { ...v1, properties: { id: { type: "string" } } } });
    await runCli(["generate", "-q", "-C", dir]);
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "base");
    writeTree({ "schemas/user/v2.json": { ...v1, required: ["id", "email"] } }, dir);
    await runCli(["generate", "-q", "-C", dir]);
    const summary = join(dir, "summary.md");
    writeFileSync(summary, "# earlier step\n");
    const res = await runCli(["check", "-C", dir, "--against", "main", "--summary", "summary.md"]);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/schemas\/user\/v2\.json.*error/);
    // order's breaking v2 was already on main: not this change's business.
    expect(res.stdout).not.toMatch(/order/);
    expect(res.stdout).toMatch(/in 1 entity \(entities changed since main\)/);
    const md = readFileSync(summary, "utf8");
    expect(md).toMatch(/^# earlier step\n## ❌ lockstep check: failed/);
    expect(md).toMatch(/\| ❌ error \|/);
    expect((await runCli(["check", "-C", dir, "--against", "no-such-branch"])).code).toBe(2);
  });

  it("bad input is exit 2 with the file named", async () => {
    const dir = writeTree({ "schemas/user/v1.json": "{ \"type\": \"object\", }" });
    const res = await runCli(["check", "-C", dir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/schemas\/user\/v1\.json:1:\d+/);
  });

  it("runs from the built bin (dist/): init, generate, check, then a hand edit fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "lockstep-bin-"));
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, "-C", dir], { encoding: "utf8" });
    expect(run("init", "--yes").status).toBe(0);
    expect(run("generate").status).toBe(0);
    const ok = run("check");
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    writeFileSync(join(dir, "generated/typescript/index.ts"), "// mine\n");
    const bad = run("check");
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/generated\/typescript\/index\.ts:1:1: error: hand-edit/);
  });
});
