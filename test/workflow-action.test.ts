/**
 * The composite action (action.yml) and the pre-commit hooks (.pre-commit-hooks.yaml) as users run
 * them: the action's shell step runs with bash in a pull-request checkout (base branch fetched
 * when missing), the hooks' entries in an initialized project. Uses the built bin (dist/).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { writeTree } from "./support/tree.js";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "bin/lockstep.js");

function sh(cwd: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com", ...env } });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

function ok(cwd: string, cmd: string, ...args: string[]): void {
  const r = sh(cwd, cmd, args);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: ${r.out}`);
}

const v1 = { type: "object", required: ["id"], properties: { id: { type: "string" }, email: { type: "string" } } };

describe("action.yml", () => {
  const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8"));

  it("is a composite action whose inputs the step reads", () => {
    expect(action.runs.using).toBe("composite");
    const step = action.runs.steps[0];
    expect(step.shell).toBe("bash");
    for (const input of Object.keys(action.inputs)) expect(JSON.stringify(step), input).toContain(`inputs.${input}`);
  });

  it("on a pull request: fetches the base branch, annotates the breaking change, writes the job summary, exits 1", () => {
    const origin = mkdtempSync(join(tmpdir(), "lockstep-origin-"));
    ok(origin, "git", "init", "-q", "--bare", "-b", "main");
    const work = writeTree({ "schemas/user/v1.json": v1, "schemas/order/v1.json": v1 });
    ok(work, "git", "init", "-q", "-b", "main");
    ok(work, process.execPath, BIN, "generate", "-q");
    ok(work, "git", "add", ".");
    ok(work, "git", "commit", "-q", "-m", "base");
    ok(work, "git", "remote", "add", "origin", origin);
    ok(work, "git", "push", "-q", "origin", "main");
    // The pull request: user v2 drops a property; origin/main is not fetched yet (a shallow CI checkout).
    ok(work, "git", "checkout", "-q", "-b", "feature");
    writeTree({ "schemas/user/v2.json": { ...v1, properties: { id: { type: "string" } } } }, work);
    ok(work, process.execPath, BIN, "generate", "-q");
    ok(work, "git", "update-ref", "-d", "refs/remotes/origin/main");
    const summary = join(work, "summary.md");
    writeFileSync(summary, "");
    const step = action.runs.steps[0];
    const env = { LOCKSTEP_ACTION_PATH: ROOT, LOCKSTEP_AGAINST: "", LOCKSTEP_SUMMARY: "true", LOCKSTEP_ARGS: "", GITHUB_BASE_REF: "main", GITHUB_STEP_SUMMARY: summary };
    const r = sh(work, "bash", ["-c", step.run], env);
    expect(r.status, r.out).toBe(1);
    expect(r.stdout).toMatch(/^::error file=schemas\/user\/v2\.json,line=\d+,col=\d+,title=lockstep property-removed::/m);
    expect(r.stdout).toMatch(/in 1 entity \(entities changed since origin\/main\)/);
    expect(readFileSync(summary, "utf8")).toMatch(/^## ❌ lockstep check: failed/);
    // Fixed in the pull request: the step passes.
    rmSync(join(work, "schemas/user/v2.json"));
    ok(work, process.execPath, BIN, "generate", "-q");
    expect(sh(work, "bash", ["-c", step.run], env).status).toBe(0);
  });
});

describe(".pre-commit-hooks.yaml", () => {
  const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Array<{ id: string; entry: string; pass_filenames: boolean; files: string }>;

  it("offers lockstep-check and lockstep-generate, whose entries run in an initialized project", () => {
    expect(hooks.map((h) => h.id)).toEqual(["lockstep-check", "lockstep-generate"]);
    const dir = mkdtempSync(join(tmpdir(), "lockstep-hooks-"));
    ok(dir, process.execPath, BIN, "init", "--yes");
    const run = (id: string) => {
      const [cmd, ...args] = hooks.find((h) => h.id === id)!.entry.split(" ");
      expect(cmd).toBe("lockstep");
      return sh(dir, process.execPath, [BIN, ...args]);
    };
    expect(run("lockstep-check").status).toBe(1); // nothing generated yet
    expect(run("lockstep-generate").status).toBe(0);
    expect(run("lockstep-check").status).toBe(0);
    for (const h of hooks) {
      expect(h.pass_filenames).toBe(false);
      expect(new RegExp(h.files).test("schemas/user/v1.json")).toBe(true);
    }
  });
});
