/**
 * End to end through the CLI: exit codes, --against on a temporary git repository, the lock file
 * (release, version-mutated, new-version), suppressions in source and in the config, and diff.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { writeTree } from "../support/tree.js";

const user1 = { type: "object", properties: { id: { type: "string" }, email: { type: "string" } }, required: ["id", "email"] };
const user2 = { ...user1, properties: { ...user1.properties, nickname: { type: "string" } } };
const user2Breaking = { type: "object", properties: { id: { type: "string" } }, required: ["id"] };

describe("lockstep lint: exit codes", () => {
  it("0 on additive history", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user1, "schemas/user/v2.json": user2 });
    const r = await runCli(["lint", "-C", dir]);
    expect(r.stdout).toMatch(/lockstep lint: no problems \(1 comparison, 1 entity; mode additive\)/);
    expect(r.code).toBe(0);
  });

  it("1 on an error finding, with file:line:col, the rule, the pointer, the old side and a code frame", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user1, "schemas/user/v2.json": user2Breaking });
    const r = await runCli(["lint", "-C", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^user$/m);
    expect(r.stdout).toMatch(/^schemas\/user\/v2\.json:3:3 {2}error {2}property-removed {2}\/properties\/email {2}property "email" removed in v2 \(required in v1\); breaks v1 readers of v2 data: rust, go, typescript, validators reject data without "email"/m);
    expect(r.stdout).toMatch(/\(v1 → v2; was schemas\/user\/v1\.json:7:5\)/);
    expect(r.stdout).toMatch(/> 3 \| {3}"properties": \{\n +\| {3}\^/);
    expect(r.stdout).toMatch(/lockstep lint: 1 error, 0 warnings, 0 notes \(1 comparison, 1 entity; mode additive\)/);
  });

  it("0 when the same change is compatible in the chosen mode (backward: new readers read old data)", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user1, "schemas/user/v2.json": { ...user1, required: ["id"] } });
    expect((await runCli(["lint", "-C", dir])).code).toBe(1);
    const backward = await runCli(["lint", "-C", dir, "--mode", "backward"]);
    expect(backward.code).toBe(0);
    expect(backward.stdout).toMatch(/note {2}required-removed/);
  });

  it("per-entity mode from the config", async () => {
    const dir = writeTree({
      "schemas/user/v1.json": user1, "schemas/user/v2.json": { ...user1, required: ["id"] },
      "lockstep.config.json": { lint: { entities: { user: { mode: "backward" } } } },
    });
    expect((await runCli(["lint", "-C", dir])).code).toBe(0);
  });

  it("2 on malformed JSON, with file:line:col and a code frame", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user1, "schemas/user/v2.json": '{\n  "type": "object",\n  "properties": {,}\n}\n' });
    const r = await runCli(["lint", "-C", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^schemas\/user\/v2\.json:3:18: invalid JSON/m);
    expect(r.stderr).toMatch(/> 3 \|/);
  });

  it("2 on usage errors: unknown mode, unknown entity, unknown target, missing schemas directory", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user1 });
    expect((await runCli(["lint", "-C", dir, "--mode", "sideways"])).code).toBe(2);
    const unknown = await runCli(["lint", "-C", dir, "nobody"]);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toMatch(/unknown entity "nobody" \(entities: user\)/);
    expect((await runCli(["lint", "-C", dir, "--targets", "cobol"])).stderr).toMatch(/unknown target "cobol"/);
    const missing = await runCli(["lint", "-C", join(dir, "nowhere")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/schemas directory not found/);
  });

  it("a version gap is a finding (exit 1), and the versions around it are still compared", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user1, "schemas/user/v3.json": user2Breaking });
    const r = await runCli(["lint", "-C", dir, "--no-frames"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/schemas\/user\/v3\.json:1:1 {2}error {2}version-gap {2}# {2}version gap: user has v1, v3 but no v2\.json/);
    expect(r.stdout).toMatch(/property-removed {2}\/properties\/email/);
  });
});

function git(dir: string, ...args: string[]): string {
  const r = spawnSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" } });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

describe("lockstep lint --against <git ref>", () => {
  function repo(files: Record<string, unknown>): string {
    const dir = writeTree(files);
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "base");
    return dir;
  }

  it("compares the working tree with the revision, without touching the working tree", async () => {
    const dir = repo({ "schemas/user/v1.json": user1 });
    writeFileSync(join(dir, "schemas/user/v1.json"), `${JSON.stringify(user2Breaking, null, 2)}\n`);
    const before = git(dir, "status", "--porcelain");
    const r = await runCli(["lint", "-C", dir, "--against", "main", "--no-frames"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/schemas\/user\/v1\.json:3:3 {2}error {2}property-removed {2}\/properties\/email {2}property "email" removed in v1 \(required in v1 at main\); breaks v1 at main readers of v1 data/);
    expect(r.stdout).toMatch(/was main:schemas\/user\/v1\.json:7:5/);
    expect(r.stdout).toMatch(/against main/);
    expect(git(dir, "status", "--porcelain")).toBe(before);
    expect(readFileSync(join(dir, "schemas/user/v1.json"), "utf8")).toContain('"required"');
  });

  it("a new version is compared with the newest one at the revision; entities gone are reported", async () => {
    const dir = repo({ "schemas/user/v1.json": user1, "schemas/session/v1.json": user1 });
    writeTree({ "schemas/user/v2.json": user2 }, dir);
    git(dir, "rm", "-q", "-r", "schemas/session");
    const r = await runCli(["lint", "-C", dir, "--against", "HEAD", "--format", "json"]);
    const json = JSON.parse(r.stdout) as { comparisons: unknown[]; findings: Array<{ rule: string; file: string }> };
    expect(json.comparisons).toEqual([{ entity: "user", from: 1, to: 2, against: "HEAD" }]);
    expect(json.findings.map((f) => `${f.rule} ${f.file}`)).toEqual(["entity-removed HEAD:schemas/session/v1.json"]);
    expect(r.code).toBe(1);
  });

  it("an unreadable revision is a usage error (exit 2)", async () => {
    const dir = repo({ "schemas/user/v1.json": user1 });
    const r = await runCli(["lint", "-C", dir, "--against", "no-such-branch"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--against no-such-branch: unknown git revision/);
    const outside = writeTree({ "schemas/user/v1.json": user1 });
    expect((await runCli(["lint", "-C", outside, "--against", "main"])).stderr).toMatch(/not in a git repository/);
  });
});

describe("lock file: release, version-mutated, new-version", () => {
  it("release records hashes; editing a released version is version-mutated; release then refuses", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user1 });
    const rel = await runCli(["release", "-C", dir, "--all"]);
    expect(rel).toMatchObject({ code: 0 });
    expect(rel.stdout).toMatch(/released user v1/);
    const lock = JSON.parse(readFileSync(join(dir, "schemas/lockstep.lock.json"), "utf8")) as { lockstep: number; entities: { user: { v1: { sha256: string } } } };
    expect(lock.lockstep).toBe(1);
    expect(lock.entities.user.v1.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await runCli(["lint", "-C", dir])).code).toBe(0);
    // Reformatting is not a change: the hash is over the canonical form.
    writeFileSync(join(dir, "schemas/user/v1.json"), JSON.stringify(user1));
    expect((await runCli(["lint", "-C", dir])).code).toBe(0);
    writeFileSync(join(dir, "schemas/user/v1.json"), JSON.stringify(user2));
    const lint = await runCli(["lint", "-C", dir, "--no-frames"]);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/schemas\/user\/v1\.json:1:1 {2}error {2}version-mutated {2}# {2}user v1 was changed after its release/);
    const again = await runCli(["release", "-C", dir, "user"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/version-mutated: user v1 was changed after its release/);
  });

  it("a shared file referenced by a released version is immutable too", async () => {
    const dir = writeTree({ "schemas/user/v1.json": { type: "object", properties: { a: { $ref: "../_common/a.json" } } }, "schemas/_common/a.json": { type: "string" } });
    await runCli(["release", "-C", dir, "--all"]);
    writeFileSync(join(dir, "schemas/_common/a.json"), '{"type": "integer"}');
    const r = await runCli(["lint", "-C", dir, "--no-frames"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/schemas\/user\/v1\.json:5:7 {2}error {2}version-mutated {2}\/properties\/a\/\$ref {2}user v1 refers to _common\/a\.json, which was changed/);
  });

  it("new-version copies the newest version to the next number without its x-lockstep-allow", async () => {
    const v2 = { ...user2Breaking, "x-lockstep-allow": [{ rule: "property-removed", reason: "email moved to the account entity" }] };
    const dir = writeTree({ "schemas/user/v1.json": user1, "schemas/user/v2.json": v2 });
    expect((await runCli(["lint", "-C", dir])).code).toBe(0);
    await runCli(["release", "-C", dir, "user"]);
    const r = await runCli(["new-version", "-C", dir, "user"]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toMatch(/created schemas\/user\/v3\.json from v2 \(1 x-lockstep-allow dropped\)/);
    const v3 = JSON.parse(readFileSync(join(dir, "schemas/user/v3.json"), "utf8")) as Record<string, unknown>;
    expect(v3).toEqual(user2Breaking);
    expect((await runCli(["lint", "-C", dir])).code).toBe(0);
    expect((await runCli(["new-version", "-C", dir, "nobody"])).code).toBe(2);
  });
});

describe("suppressions", () => {
  const removed = (allow?: unknown) => ({ ...user2Breaking, ...(allow ? { "x-lockstep-allow": allow } : {}) });

  it("x-lockstep-allow with a reason suppresses the finding (exit 0) and is listed in JSON", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user1, "schemas/user/v2.json": removed([{ rule: "property-removed", reason: "email moved to account" }]) });
    const r = await runCli(["lint", "-C", dir, "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { summary: { suppressed: number }; findings: Array<{ rule: string; suppressed?: { kind: string; reason: string } }> };
    expect(json.summary.suppressed).toBe(1);
    expect(json.findings.find((f) => f.rule === "property-removed")?.suppressed).toEqual({ kind: "inSource", reason: "email moved to account" });
  });

  it("without a reason: the suppression is an error and the finding stays", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user1, "schemas/user/v2.json": removed([{ rule: "property-removed" }]) });
    const r = await runCli(["lint", "-C", dir, "--no-frames"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error {2}suppression-invalid {2}\/x-lockstep-allow\/0 {2}x-lockstep-allow: the suppression of property-removed has no reason/);
    expect(r.stdout).toMatch(/error {2}property-removed/);
  });

  it("a stale suppression is reported (warning)", async () => {
    const dir = writeTree({ "schemas/user/v1.json": user1, "schemas/user/v2.json": { ...user2, "x-lockstep-allow": [{ rule: "property-removed", reason: "old" }] } });
    const r = await runCli(["lint", "-C", dir, "--no-frames"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/schemas\/user\/v2\.json:\d+:\d+ {2}warning {2}suppression-unused {2}\/x-lockstep-allow\/0/);
  });

  it("config suppressions match rule, entity and pointer (never the message), and need a reason", async () => {
    const entry = { rule: "property-removed", entity: "user", pointer: "/properties/email" };
    const ok = writeTree({ "schemas/user/v1.json": user1, "schemas/user/v2.json": removed(), "lockstep.config.json": { lint: { suppressions: [{ ...entry, reason: "moved" }] } } });
    expect((await runCli(["lint", "-C", ok])).code).toBe(0);
    const noReason = writeTree({ "schemas/user/v1.json": user1, "schemas/user/v2.json": removed(), "lockstep.config.json": { lint: { suppressions: [entry] } } });
    const r = await runCli(["lint", "-C", noReason, "--no-frames"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^lockstep\.config\.json:4:7 {2}error {2}suppression-invalid {2}\/lint\/suppressions\/0/m);
    const otherVersion = writeTree({ "schemas/user/v1.json": user1, "schemas/user/v2.json": removed(), "lockstep.config.json": { lint: { suppressions: [{ ...entry, version: 3, reason: "x" }] } } });
    const s = await runCli(["lint", "-C", otherVersion, "--no-frames"]);
    expect(s.code).toBe(1);
    expect(s.stdout).toMatch(/suppression-unused/);
  });
});

describe("lockstep diff", () => {
  const dir = writeTree({ "schemas/user/v1.json": user1, "schemas/user/v2.json": user2, "schemas/user/v3.json": { ...user2, properties: { ...user2.properties, id: { type: "string", description: "Id." } }, required: ["id"] } });

  it("lists every change of the newest two versions, classified", async () => {
    const r = await runCli(["diff", "-C", dir, "user"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^user v2 → v3 \(mode additive\): breaking: 1 breaking, 0 to review, 1 compatible \(required-removed, annotation-changed\)$/m);
    expect(r.stdout).toMatch(/breaking {4}required-removed +\/properties\/email/);
    expect(r.stdout).toMatch(/compatible {2}annotation-changed +\/properties\/id\/description/);
  });

  it("as markdown for a changelog, between any two versions", async () => {
    const r = await runCli(["diff", "-C", dir, "user", "v1", "2", "--format", "markdown"]);
    expect(r.stdout).toMatch(/^## user v1 → v2\n\n\*\*compatible: 0 breaking, 0 to review, \d+ compatible \([a-z-, ]+\)\*\* \(mode additive\)\n\n### Compatible changes\n\n- `\/properties\/nickname`: property "nickname" added in v2 \(`property-added`\)/);
  });

  it("a missing version is an input error", async () => {
    const r = await runCli(["diff", "-C", dir, "user", "7"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/user has no v7 \(versions: v1, v2, v3\)/);
    expect(existsSync(join(dir, "schemas/user/v7.json"))).toBe(false);
  });
});

describe("lockstep lint --strict", () => {
  const dir = writeTree({
    "schemas/code/v1.json": { type: "object", properties: { id: { type: "string", pattern: "^[a-z]+$" } } },
    "schemas/code/v2.json": { type: "object", properties: { id: { type: "string", pattern: "^[a-z]*[a-z]$" } } },
  });

  it("two patterns lockstep cannot compare: a warning in backward mode, an error with --strict", async () => {
    const r = await runCli(["lint", "-C", dir, "--mode", "backward", "--no-frames"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning {2}not-comparable {2}\/properties\/id\/pattern {2}pattern changed .*cannot prove either direction: lockstep cannot decide whether every string matching/);
    const s = await runCli(["lint", "-C", dir, "--mode", "backward", "--strict", "--no-frames"]);
    expect(s.code).toBe(1);
    expect(s.stdout).toMatch(/error {2}not-comparable/);
  });
});
