/**
 * The generated Rust round-trip harness (tests/lockstep_roundtrip.rs) on the bundled schemas with
 * every version and seeded fixtures: `cargo test` passes for real, the file is clippy- and
 * rustfmt-clean, LOCKSTEP_OUT and LOCKSTEP_FIXTURES behave as the contract says, and a crate
 * whose enum lost its unknown variant fails naming the future fixtures that need it.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LosslessNumber, parse, stringify } from "lossless-json";
import { beforeAll, describe, expect, it } from "vitest";
import { sameJson } from "../src/canonical.js";
import { harnessCodecs, HARNESS_PATH } from "../src/emit/rust/harness.js";
import { FINGERPRINT_HARNESS_PATH } from "../src/emit/rust/fingerprint.js";
import { emitRust } from "../src/emit/rust/index.js";
import type { GeneratedFile, RustOptions } from "../src/emit/types.js";
import { buildFixtures, type VersionFixtures } from "../src/fixtures/index.js";
import { loadModules, type Loaded } from "../src/pipeline.js";
import {
  closeEnum, CRATES, FIXTURES_FROM_CRATE, fixtureFiles, HARNESS_TARGET, HARNESS_WORKSPACE, writeHarnessWorkspace,
} from "./support/rust-harness.js";
import { evilModules } from "./support/rust-fixtures.js";
import { REPO } from "./support/rust-workspace.js";
import { results as readResults } from "./support/results.js";
import { itWithTool, run } from "./support/toolchains.js";

const SEED = 20261123;
const GOOD = "lockstep_schemas";
const BROKEN = "lockstep_schemas_broken";
const EVIL = "rust_unit_evil_harness";
/** A crate whose every entity has one version: checks no entity runs must not be dead code. */
const SINGLE = "lockstep_single_version";
/** The enum the broken copy closes, and the entity whose future fixtures hold unknown values of it. */
const CLOSED_ENUM = "OrderStatus";
const CLOSED_ENTITY = "order";
const cargoEnv = { CARGO_TARGET_DIR: HARNESS_TARGET, CARGO_TERM_COLOR: "never" };
const OUT = join(HARNESS_WORKSPACE, "out");

const options = (crate: string, harness = true): RustOptions => ({
  header: { toolVersion: "0.0.0-test" },
  crate,
  ...(harness ? { harness: { fixtures: FIXTURES_FROM_CRATE } } : {}),
});

/** `cargo test` on one package (only its harness unless `all`); status and output, never throwing. */
function cargoTest(pkg: string, env: Record<string, string> = {}, all = false): { status: number | null; output: string } {
  const result = spawnSync("cargo", ["test", "-p", pkg, ...(all ? [] : ["--test", "lockstep_roundtrip"])], {
    cwd: HARNESS_WORKSPACE,
    encoding: "utf8",
    env: { ...process.env, ...cargoEnv, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Test names cargo reports with a result: `order::roundtrip` → "ok" | "FAILED". */
function testResults(output: string): Map<string, string> {
  return new Map([...output.matchAll(/^test (\S+) \.\.\. (ok|FAILED)$/gm)].map((m) => [m[1]!, m[2]!]));
}


describe("Rust round-trip harness", () => {
  let loaded: Loaded;
  let sets: VersionFixtures[];
  let good: GeneratedFile[];
  let single: GeneratedFile[];

  beforeAll(async () => {
    loaded = await loadModules(join(REPO, "schemas"), { allVersions: true });
    sets = buildFixtures(loaded, SEED);
    good = emitRust(loaded.modules, options(GOOD));
    const broken = emitRust(loaded.modules, options(BROKEN)).map((f) =>
      f.path === "src/order_types.rs" ? { ...f, contents: closeEnum(f.contents, CLOSED_ENUM) } : f,
    );
    const evil = emitRust(evilModules(), options(EVIL));
    single = emitRust((await loadModules(join(REPO, "test/cases/escaping/schemas"), { allVersions: true })).modules, options(SINGLE));
    writeHarnessWorkspace(new Map([[GOOD, good], [BROKEN, broken], [EVIL, evil], [SINGLE, single]]), fixtureFiles(sets));
  });

  it("is emitted only when options.harness is set, and changes nothing else", () => {
    const plain = emitRust(loaded.modules, options(GOOD, false));
    expect(plain.some((f) => f.path.startsWith("tests/"))).toBe(false);
    expect(good.filter((f) => f.path !== HARNESS_PATH && f.path !== FINGERPRINT_HARNESS_PATH)).toEqual(plain);
    const harness = good.find((f) => f.path === HARNESS_PATH)!;
    expect(harness.contents).toContain(`const FIXTURES: &str = "${FIXTURES_FROM_CRATE}";`);
  });

  it("has a dispatch row for every entity version and one test per check per entity", () => {
    const codecs = harnessCodecs(loaded.modules, GOOD);
    const pairs = codecs.map((c) => `${c.entity} v${c.version}`);
    const expected = sets.map((s) => `${s.entity} v${s.version}`).sort();
    expect(pairs).toEqual(expected);
    expect(codecs.find((c) => c.entity === "order" && c.version === 3)!.typePath).toBe("::lockstep_schemas::Order");
    expect(codecs.find((c) => c.entity === "order" && c.version === 1)!.typePath).toBe("::lockstep_schemas::order::v1::Order");
    const text = good.find((f) => f.path === HARNESS_PATH)!.contents;
    for (const entity of ["category", "event", "order", "user"]) {
      expect(text).toContain(`mod ${entity} {`);
      for (const check of ["roundtrip", "new_reads_old", "old_reads_new"]) expect(text).toContain(`super::check_${check}("${entity}");`);
    }
    // Without older versions there is nothing to read the newest fixtures with.
    const newestOnly = emitRust([loaded.modules[0]!], options(GOOD)).find((f) => f.path === HARNESS_PATH)!.contents;
    expect(newestOnly).toContain("super::check_new_reads_old(");
    expect(newestOnly).not.toContain("super::check_old_reads_new(");
    expect(newestOnly).not.toContain("fn check_old_reads_new(");
    // One version only: neither cross-version check exists, nor what only they use.
    const oneVersion = single.find((f) => f.path === HARNESS_PATH)!.contents;
    for (const unused of ["fn check_new_reads_old(", "fn check_old_reads_new(", "fn is_future("]) expect(oneVersion).not.toContain(unused);
    expect(oneVersion).toContain("super::check_roundtrip(");
  });

  itWithTool("cargo")("lays out the dispatch table as rustfmt does, at every row width, with one row or many", async () => {
    const dir = join(HARNESS_WORKSPACE, "layout");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const paths: string[] = [];
    const oneVersion = await loadModules(join(REPO, "test/cases/escaping/schemas"), { allVersions: true });
    for (let n = 1; n <= 40; n++) {
      for (const [kind, modules] of [["all", loaded.modules], ["one", oneVersion.modules]] as const) {
        const file = emitRust(modules, options(`c${"x".repeat(n)}`)).find((f) => f.path === HARNESS_PATH)!;
        paths.push(join(dir, `harness_${kind}_${n}.rs`));
        writeFileSync(paths[paths.length - 1]!, file.contents);
      }
    }
    run("rustfmt", ["--check", "--edition", "2021", ...paths], dir);
  });

  itWithTool("cargo")("passes `cargo test` on the bundled schemas, clippy- and rustfmt-clean", () => {
    const { status, output } = cargoTest(GOOD, {}, true);
    expect(status, output).toBe(0);
    const results = testResults(output);
    expect([...results.values()].every((r) => r === "ok"), output).toBe(true);
    expect(results.size).toBe(13); // 4 entities × 3 checks, and the fingerprint test (it skips without lockstep test's cases)
    run("cargo", ["clippy", "-p", GOOD, "-p", EVIL, "-p", SINGLE, "--all-targets", "--quiet", "--", "-D", "warnings"], HARNESS_WORKSPACE, cargoEnv);
    const harnesses = [GOOD, EVIL, SINGLE].flatMap((c) => [join(CRATES, c, HARNESS_PATH), join(CRATES, c, FINGERPRINT_HARNESS_PATH)]);
    run("rustfmt", ["--check", "--edition", "2021", ...harnesses], HARNESS_WORKSPACE);
  }, 300_000);

  itWithTool("cargo")("LOCKSTEP_OUT: writes every re-encoding per check, equal to its fixture where the check says so", () => {
    const out = join(OUT, GOOD);
    rmSync(out, { recursive: true, force: true });
    const { status, output } = cargoTest(GOOD, { LOCKSTEP_OUT: out });
    expect(status, output).toBe(0);
    const fixture = new Map(fixtureFiles(sets).map((f) => [f.path, f.contents]));
    const newest = new Map<string, number>();
    for (const s of sets) newest.set(s.entity, Math.max(newest.get(s.entity) ?? 0, s.version));
    const expected: Array<[string, string]> = []; // [written file, fixture path]
    for (const s of sets) {
      for (const f of s.fixtures) {
        const path = `${s.entity}/v${s.version}/${f.name}.json`;
        // lenient-<name>.json must come back as <name>.json; older types may not know its field.
        const lenient = f.name.startsWith("lenient-");
        expected.push([`roundtrip/${path}`, path.replace("/lenient-", "/")]);
        if (s.version < newest.get(s.entity)! && !f.name.startsWith("future-")) expected.push([`new-reads-old/${path}`, path]);
        if (s.version === newest.get(s.entity)! && !lenient) expected.push([`old-reads-new/${path}`, path]);
      }
    }
    const emitted = readResults(out);
    expect([...emitted.keys()].sort()).toEqual(expected.map(([file]) => file).sort());
    for (const [file, source] of expected) {
      const text = emitted.get(file)!;
      expect(text, file).not.toContain("\n"); // compact
      if (!file.startsWith("new-reads-old/")) expect(sameJson(fixture.get(source)!, text), file).toBe(true);
      else JSON.parse(text);
    }
  }, 300_000);

  itWithTool("cargo")("LOCKSTEP_FIXTURES overrides the fixtures directory; decode errors and exact number differences are named", () => {
    const dir = join(HARNESS_WORKSPACE, "fixtures-override");
    rmSync(dir, { recursive: true, force: true });
    const full = sets.find((s) => s.entity === "order" && s.version === 3)!.fixtures.find((f) => f.name === "full")!;
    mkdirSync(join(dir, "order/v3"), { recursive: true });
    const variant = (changes: Record<string, unknown>): string => stringify({ ...(parse(full.json) as object), ...changes })!;
    writeFileSync(join(dir, "order/v3/tampered.json"), variant({ items: "not an array" }));
    // discount_rate is a double: 2^53 + 1 comes back as 2^53, which an exact comparison must notice.
    writeFileSync(join(dir, "order/v3/rounded.json"), variant({ discount_rate: new LosslessNumber("9007199254740993") }));
    const { status, output } = cargoTest(GOOD, { LOCKSTEP_FIXTURES: dir });
    expect(status, output).not.toBe(0);
    expect(output).toContain("roundtrip order: 2 of 2 fixtures failed:\n");
    expect(output).toContain('  order/v3/rounded.json (read as v3): the re-encoding differs: at "/discount_rate": fixture has 9007199254740993, re-encoding has 9007199254740992\n');
    expect(output).toMatch(/^ {2}order\/v3\/tampered\.json \(read as v3\): decode: invalid type: string "not an array", expected a sequence/m);
    const failed = [...testResults(output)].filter(([, r]) => r === "FAILED").map(([name]) => name);
    expect(failed.sort()).toEqual(["order::old_reads_new", "order::roundtrip"]);
  }, 300_000);

  itWithTool("cargo")("fails naming the future fixtures when an enum loses its unknown variant", () => {
    const out = join(OUT, BROKEN);
    rmSync(out, { recursive: true, force: true });
    const { status, output } = cargoTest(BROKEN, { LOCKSTEP_OUT: out });
    expect(status, output).not.toBe(0);
    const results = testResults(output);
    expect(results.size, output).toBe(12);
    const failed = [...results].filter(([, r]) => r === "FAILED").map(([name]) => name);
    expect(failed, output).toEqual([`${CLOSED_ENTITY}::roundtrip`]);
    // Every future fixture of the newest version with an unknown status, and nothing else.
    const newest = sets.filter((s) => s.entity === CLOSED_ENTITY).reduce((a, b) => (a.version > b.version ? a : b));
    const unknown = newest.fixtures
      .filter((f) => f.future && (JSON.parse(f.json) as { status?: unknown }).status === "lockstep-unknown-value")
      .map((f) => f.name);
    expect(unknown.length).toBeGreaterThan(0);
    const listed = [...output.matchAll(/^ {2}(\S+\.json) \(read as v\d+\): (.*)$/gm)];
    expect(listed.map((m) => m[1]).sort()).toEqual(unknown.map((n) => `${CLOSED_ENTITY}/v${newest.version}/${n}.json`).sort());
    for (const m of listed) expect(m[2]).toMatch(/^decode: unknown variant `lockstep-unknown-value`/);
    // Emit mode writes the error in place of the re-encoding.
    const emitted = readResults(out);
    for (const name of unknown) {
      const base = `roundtrip/${CLOSED_ENTITY}/v${newest.version}/${name}`;
      expect(emitted.has(`${base}.json`)).toBe(false);
      expect(emitted.get(`${base}.error.txt`)).toMatch(/unknown variant `lockstep-unknown-value`/);
    }
  }, 300_000);
});
