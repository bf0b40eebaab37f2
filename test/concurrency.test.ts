/**
 * Two runs at once and a run killed midway. Writers take `<out>/.lockstep.lock` (src/lock.ts) and
 * move each file into place with a rename (src/write.ts): a SIGKILL leaves every file whole, old
 * or new, and the next run takes over the dead run's lock and repairs the rest. The child runs use
 * the built bin (dist/, built by npm ci) and the LOCKSTEP_TEST_WRITE_DELAY_MS seam, which pauses
 * after each file is moved so the kill lands between two moves.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LOCK_FILE } from "../src/lock.js";
import { MANIFEST } from "../src/write.js";
import { runCli } from "./support/cli.js";
import { writeTree } from "./support/tree.js";

const BIN = join(import.meta.dirname, "../bin/lockstep.js");

function schema(entity: number, extra: boolean): object {
  return {
    type: "object",
    required: ["id"],
    properties: {
      id: { type: "string" },
      [`count_${entity}`]: { type: "integer", format: "int64" },
      ...(extra ? { added: { type: "string", description: "Added later." } } : {}),
    },
  };
}

function project(extra: boolean, dir?: string): string {
  const files: Record<string, unknown> = {};
  for (let e = 0; e < 12; e++) files[`schemas/e${String(e).padStart(2, "0")}/v1.json`] = schema(e, extra);
  return writeTree(files, dir);
}

/** Generated files (lockstep's own bookkeeping files aside) with their contents. */
function outputs(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (abs: string, rel: string): void => {
    if (!existsSync(abs)) return;
    for (const d of readdirSync(abs, { withFileTypes: true })) {
      if (d.name.startsWith(".lockstep")) continue;
      if (d.isDirectory()) walk(join(abs, d.name), `${rel}${d.name}/`);
      else out.set(`${rel}${d.name}`, readFileSync(join(abs, d.name), "utf8"));
    }
  };
  walk(join(dir, "generated"), "");
  return out;
}

const OUT_DIRS = ["typescript", "rust", "go"];

/** lockstep's locks and staged files, in every output directory and below. */
function leftovers(dir: string): string[] {
  const found: string[] = [];
  const walk = (abs: string, rel: string): void => {
    for (const d of readdirSync(abs, { withFileTypes: true })) {
      if (d.name.startsWith(".lockstep") && d.name !== MANIFEST) found.push(`${rel}${d.name}`);
      else if (d.isDirectory()) walk(join(abs, d.name), `${rel}${d.name}/`);
    }
  };
  for (const t of OUT_DIRS) walk(join(dir, "generated", t), `${t}/`);
  return found;
}

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("concurrent and killed runs", () => {
  it("a run killed between two file moves leaves every file whole; the next run repairs everything", async () => {
    // Old output, and (in a second directory) what the new schemas generate.
    const dir = project(false);
    expect((await runCli(["generate", "-C", dir])).code).toBe(0);
    const before = outputs(dir);
    const reference = project(true);
    expect((await runCli(["generate", "-C", reference])).code).toBe(0);
    const after = outputs(reference);
    const changing = [...after.keys()].filter((p) => before.get(p) !== after.get(p));
    expect(changing.length, "the change touches several files").toBeGreaterThanOrEqual(3);

    project(true, dir);
    const child = spawn(process.execPath, [BIN, "generate", "-C", dir], { env: { ...process.env, LOCKSTEP_TEST_WRITE_DELAY_MS: "400" }, stdio: "ignore" });
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    // Kill as soon as the first changed file is in place (the run then sleeps before the next move).
    const deadline = Date.now() + 60_000;
    while (!changing.some((p) => existsSync(join(dir, "generated", p)) && readFileSync(join(dir, "generated", p), "utf8") === after.get(p))) {
      expect(Date.now(), "the run started writing").toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill("SIGKILL");
    await exited;

    const killed = outputs(dir);
    let fresh = 0;
    let stale = 0;
    for (const [path, text] of killed) {
      expect([before.get(path), after.get(path)], `${path} is whole (old or new)`).toContain(text);
      if (changing.includes(path)) text === after.get(path) ? fresh++ : stale++;
    }
    expect(leftovers(dir).filter((p) => p.includes(".lockstep-tmp-")), "killed midway: staged files not yet moved").not.toEqual([]);
    expect(fresh, "killed midway: some files new").toBeGreaterThan(0);
    expect(stale, "killed midway: some files still old").toBeGreaterThan(0);
    expect(existsSync(join(dir, "generated", "typescript", LOCK_FILE)) || existsSync(join(dir, "generated", "rust", LOCK_FILE)) || existsSync(join(dir, "generated", "go", LOCK_FILE)), "the dead run's lock is left behind").toBe(true);

    const repair = await runCli(["generate", "-C", dir]);
    expect(repair.code, repair.stderr).toBe(0);
    expect(repair.stderr).toMatch(/took over the lock of process \d+ \(no longer running\)/);
    expect(outputs(dir)).toEqual(after);
    expect(leftovers(dir), "no lock or staging left").toEqual([]);
    for (const t of OUT_DIRS) {
      const manifest = JSON.parse(readFileSync(join(dir, "generated", t, MANIFEST), "utf8")) as { files: Record<string, string> };
      for (const [path, hash] of Object.entries(manifest.files)) {
        expect(createHash("sha256").update(readFileSync(join(dir, "generated", t, path))).digest("hex"), `${t}/${path} matches the manifest`).toBe(hash);
      }
      expect(Object.keys(manifest.files).sort()).toEqual([...after.keys()].filter((p) => p.startsWith(`${t}/`)).map((p) => p.slice(t.length + 1)).sort());
    }
    expect((await runCli(["generate", "-C", dir])).stdout).toMatch(/^lockstep: up to date/);
  }, 120_000);

  it("a live lock: a clear message, exit 2, nothing written", async () => {
    const dir = project(false);
    mkdirSync(join(dir, "generated", "rust"), { recursive: true });
    writeFileSync(join(dir, "generated", "rust", LOCK_FILE), JSON.stringify({ pid: process.pid, host: (await import("node:os")).hostname(), since: "2026-01-01T00:00:00.000Z" }));
    process.env.LOCKSTEP_LOCK_WAIT_MS = "0";
    const res = await runCli(["generate", "-C", dir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(new RegExp(`^generated/rust/\\${LOCK_FILE}: another lockstep run is writing here: process ${process.pid} \\(since 2026-01-01T00:00:00.000Z\\) holds`));
    expect(outputs(dir).size, "nothing written").toBe(0);
    expect(existsSync(join(dir, "generated", "rust", LOCK_FILE)), "the other run's lock stays").toBe(true);
  });

  it("a lock left by a dead process is taken over with a note", async () => {
    const dir = project(false);
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
    mkdirSync(join(dir, "generated", "go"), { recursive: true });
    writeFileSync(join(dir, "generated", "go", LOCK_FILE), JSON.stringify({ pid: dead, host: (await import("node:os")).hostname(), since: "2026-01-01T00:00:00.000Z" }));
    const res = await runCli(["generate", "-C", dir]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toBe(`lockstep: note: took over the lock of process ${dead} (no longer running) in generated/go\n`);
    expect(leftovers(dir)).toEqual([]);
  });

  it("two runs at once: the second waits for the first; both succeed and the output is whole", async () => {
    const dir = project(false);
    const reference = project(false);
    expect((await runCli(["generate", "-C", reference])).code).toBe(0);
    const run = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [BIN, "generate", "-C", dir], { env: { ...process.env, LOCKSTEP_TEST_WRITE_DELAY_MS: "50" }, stdio: "ignore" });
        child.on("exit", (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    expect(outputs(dir)).toEqual(outputs(reference));
    expect(leftovers(dir)).toEqual([]);
  }, 120_000);
});
