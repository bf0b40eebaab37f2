/**
 * Rust emitter on the shared cases and the bundled schemas: goldens, then one cargo workspace
 * that must build, pass clippy -D warnings and rustfmt --check, and a round-trip binary that
 * decodes and re-encodes every instance.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sameJson } from "../src/canonical.js";
import { caseNames, loadAllCases, type RustCase } from "./support/rust-cases.js";
import { fixtureCrates } from "./support/rust-fixtures.js";
import { HARNESS, HARNESS_BIN, TARGET_DIR, WORKSPACE, writeWorkspace } from "./support/rust-workspace.js";
import { itWithTool, run } from "./support/toolchains.js";

const UPDATE = process.env.UPDATE_GOLDEN === "1";
const cargoEnv = { CARGO_TARGET_DIR: TARGET_DIR, CARGO_TERM_COLOR: "never" };

function listFiles(dir: string, rel = ""): string[] {
  if (!existsSync(join(dir, rel))) return [];
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const path = rel === "" ? e.name : `${rel}/${e.name}`;
    return e.isDirectory() ? listFiles(dir, path) : [path];
  });
}

describe("emitRust on test/cases and schemas/", () => {
  let cases: RustCase[] = [];
  beforeAll(async () => {
    cases = [...(await loadAllCases()), ...fixtureCrates()];
    writeWorkspace(cases, cases.flatMap((c) => c.trips));
  });

  for (const name of caseNames()) {
    it(`matches the golden files of ${name}`, () => {
      const c = cases.find((x) => x.dir?.endsWith(`/${name}`))!;
      const expectedDir = join(c.dir!, "expected/rust");
      if (UPDATE) {
        rmSync(expectedDir, { recursive: true, force: true });
        for (const f of c.files) {
          mkdirSync(dirname(join(expectedDir, f.path)), { recursive: true });
          writeFileSync(join(expectedDir, f.path), f.contents);
        }
      }
      expect(c.files.map((f) => f.path).sort()).toEqual(listFiles(expectedDir).sort());
      for (const f of c.files) expect(f.contents, f.path).toBe(readFileSync(join(expectedDir, f.path), "utf8"));
    });
  }

  itWithTool("cargo")("builds, and passes clippy -D warnings and rustfmt --check", () => {
    run("cargo", ["build", "--workspace", "--quiet"], WORKSPACE, cargoEnv);
    run("cargo", ["clippy", "--workspace", "--all-targets", "--quiet", "--", "-D", "warnings"], WORKSPACE, cargoEnv);
    const libs = cases.map((c) => join(WORKSPACE, "crates", c.name, "src/lib.rs"));
    run("rustfmt", ["--check", "--edition", "2021", ...libs], WORKSPACE);
  }, 300_000);

  itWithTool("cargo")("documents cleanly, and schema text never becomes a doctest", () => {
    const hostile = ["-p", "rust_unit_evil", ...cases.filter((c) => c.dir?.endsWith("/escaping") || c.dir?.endsWith("/hostile")).flatMap((c) => ["-p", c.name])];
    run("cargo", ["doc", "--no-deps", "--quiet", ...hostile], WORKSPACE, { ...cargoEnv, RUSTDOCFLAGS: "-D warnings" });
    const out = run("cargo", ["test", "--doc", ...hostile], WORKSPACE, cargoEnv);
    expect(out).not.toMatch(/running [1-9]/);
  }, 120_000);

  itWithTool("cargo")("round-trips every instance exactly (decode, encode, compare canonical JSON)", () => {
    run("cargo", ["build", "-p", HARNESS, "--quiet"], WORKSPACE, cargoEnv); // a no-op after the build test
    const trips = cases.flatMap((c) => c.trips);
    expect(trips.length).toBeGreaterThan(0);
    const out = spawnSync(HARNESS_BIN, [], { input: trips.map((t) => `${t.typePath}\t${t.file}`).join("\n"), encoding: "utf8" });
    expect(out.status, out.stderr).toBe(0);
    const results = out.stdout.trim().split("\n").map((line) => JSON.parse(line) as { file: string; ok?: string; error?: string });
    expect(results.length).toBe(trips.length);
    const failures: string[] = [];
    results.forEach((r, i) => {
      const name = relative(process.cwd(), r.file);
      const want = trips[i]!.expected ?? readFileSync(r.file, "utf8");
      if (r.error !== undefined) failures.push(`${name}: ${r.error}`);
      else if (!sameJson(want, r.ok!)) failures.push(`${name}:\n  want: ${want.trim()}\n  got:  ${r.ok}`);
    });
    expect(failures.join("\n")).toBe("");
  }, 120_000);
});
