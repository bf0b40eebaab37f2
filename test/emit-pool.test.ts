/**
 * src/emit/pool.ts: a target emitted on the worker thread (the bundled dist/emit-worker.cjs, built
 * by npm ci) gives byte for byte the files the main thread gives, and its errors come back as they
 * were thrown. The CLI's choice of the worker by size is covered with LOCKSTEP_TEST_WORKER_MIN_BYTES.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runJob, shareJobs, type EmitJob } from "../src/emit/jobs.js";
import { startEmitWorker } from "../src/emit/pool.js";
import { LockstepError } from "../src/errors.js";
import { loadModules } from "../src/pipeline.js";

const ROOT = join(import.meta.dirname, "..");
const ENTRY = join(ROOT, "dist", "emit-worker.cjs");
const header = { toolVersion: "0.0.0-test" };
const harness = { fixtures: "../fixtures" };
const JOBS: EmitJob[] = [
  { target: "typescript", options: { header, harness } },
  { target: "rust", options: { header, crate: "pool_test", harness } },
  { target: "go", options: { header, module: "example.com/pool", package: "pool", harness } },
];

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

describe("emitting on a worker thread", () => {
  it("gives every target's files exactly as the main thread does (every version of the bundled examples)", async () => {
    const { modules } = await loadModules(join(ROOT, "schemas"), { allVersions: true, cwd: ROOT });
    const worker = startEmitWorker(ENTRY);
    expect(worker, `${ENTRY} (npm run build)`).toBeDefined();
    try {
      const jobs: EmitJob[] = [{ target: "typescript-validators", options: JOBS[0]!.options }, ...JOBS];
      const remote = await Promise.all(worker!.run(modules, jobs));
      jobs.forEach((job, i) => expect(remote[i]).toEqual(runJob(modules, job)));
      // TypeScript with its validators emitted apart is TypeScript.
      expect(runJob(modules, JOBS[0]!, remote[0])).toEqual(remote[1]);
    } finally {
      worker!.close();
    }
  });

  it("throws the emitter's error on the main thread", async () => {
    const { modules } = await loadModules(join(ROOT, "schemas"), { cwd: ROOT });
    const bad: EmitJob = { target: "go", options: { header, module: "example.com/pool", package: "func" } };
    const expected = (() => {
      try {
        runJob(modules, bad);
      } catch (err) {
        return err as Error;
      }
    })();
    expect(expected?.message).toMatch(/not a usable Go identifier/);
    const worker = startEmitWorker(ENTRY)!;
    try {
      const [first, after] = worker.run(modules, [bad, JOBS[1]!]);
      const err = await first!.catch((e: unknown) => e as Error);
      expect(await after!.catch((e: unknown) => e)).toBe(err);
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(LockstepError);
      expect((err as Error).message).toBe(expected!.message);
    } finally {
      worker.close();
    }
  });

  it("shares the jobs: the last target on the worker, and TypeScript's validators with three", () => {
    const targets = (jobs: EmitJob[]) => jobs.map((j) => j.target);
    const three = shareJobs(JOBS);
    expect({ local: targets(three.local), remote: targets(three.remote) }).toEqual({ local: ["rust", "typescript"], remote: ["typescript-validators", "go"] });
    const two = shareJobs(JOBS.slice(0, 2));
    expect({ local: targets(two.local), remote: targets(two.remote) }).toEqual({ local: ["typescript"], remote: ["rust"] });
  });

  it("is undefined without a bundled entry, so that generate emits in process", () => {
    expect(startEmitWorker(join(ROOT, "src", "no-such-worker.cjs"))).toBeUndefined();
  });

  it("the CLI with the worker started reports a schema that does not load as without it: exit 2, file:line:col, nothing written", () => {
    const dir = mkdtempSync(join(tmpdir(), "lockstep-pool-"));
    mkdirSync(join(dir, "schemas", "user"), { recursive: true });
    writeFileSync(join(dir, "schemas", "user", "v1.json"), '{"type": "object",\n  "properties": { "a": { "$ref": "#/nope" } }\n}\n');
    const res = spawnSync(process.execPath, [join(ROOT, "bin", "lockstep.js"), "generate", "-C", dir], { encoding: "utf8", env: { ...process.env, LOCKSTEP_TEST_WORKER_MIN_BYTES: "0" }, timeout: 60_000 });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/^schemas\/user\/v1\.json:2:26: \$ref "#\/nope"/);
    expect(existsSync(join(dir, "generated"))).toBe(false);
  });

  it("the CLI with the worker writes the same files as without it", () => {
    const bin = join(ROOT, "bin", "lockstep.js");
    const trees = ["0", String(2 ** 40)].map((minBytes) => {
      const dir = mkdtempSync(join(tmpdir(), "lockstep-pool-"));
      cpSync(join(ROOT, "schemas"), join(dir, "schemas"), { recursive: true });
      const res = spawnSync(process.execPath, [bin, "generate", "--all-versions", "-q", "-C", dir], { encoding: "utf8", env: { ...process.env, LOCKSTEP_TEST_WORKER_MIN_BYTES: minBytes } });
      expect(res.stderr).toBe("");
      expect(res.status).toBe(0);
      return join(dir, "generated");
    });
    const files = listFiles(trees[0]!).filter((f) => !f.endsWith(".lockstep-manifest.json"));
    expect(files.length).toBeGreaterThan(20);
    expect(listFiles(trees[1]!).filter((f) => !f.endsWith(".lockstep-manifest.json"))).toEqual(files);
    for (const f of files) expect(readFileSync(join(trees[0]!, f), "utf8"), f).toBe(readFileSync(join(trees[1]!, f), "utf8"));
  });
});
