/**
 * `lockstep test` end to end on the bundled example schemas, with the real toolchains, and proof
 * that it catches real defects in generated code (injected through the test seam).
 */
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import type { GeneratedFile } from "../src/emit/types.js";
import type { Language } from "../src/testing/languages.js";
import { passed } from "../src/testing/report.js";
import { runTests, type TestOptions } from "../src/testing/run.js";
import { runCli } from "./support/cli.js";
import { closeEnum } from "./support/rust-harness.js";
import { hasTool, itWithTool } from "./support/toolchains.js";

const ROOT = join(import.meta.dirname, "..");
const PROJECT = join(ROOT, ".cache", "lockstep-test", "project");
const strict = process.env.CI === "true";

/** A project with the bundled schemas (or others); its build cache survives between runs of the suite. */
function project(schemas = join(ROOT, "schemas")): string {
  rmSync(join(PROJECT, "schemas"), { recursive: true, force: true });
  mkdirSync(PROJECT, { recursive: true });
  cpSync(schemas, join(PROJECT, "schemas"), { recursive: true });
  return PROJECT;
}

const available = (): Language[] => ["typescript", ...(hasTool("go") || strict ? ["go" as const] : []), ...(hasTool("cargo") || strict ? ["rust" as const] : [])];

function options(languages: Language[], mutate?: TestOptions["mutate"], schemas?: string): TestOptions {
  const cwd = project(schemas);
  return { config: loadConfig(cwd, cwd), cwd, languages, seed: 1, toolVersion: "test", ...(mutate ? { mutate } : {}) };
}

function patch(files: GeneratedFile[], path: string, from: string | RegExp, to: string): GeneratedFile[] {
  return files.map((f) => {
    if (f.path !== path) return f;
    const contents = f.contents.replace(from, to);
    if (contents === f.contents) throw new Error(`fault injection found nothing to change in ${path}: ${String(from)}`);
    return { ...f, contents };
  });
}

describe("lockstep test", () => {
  it("passes on the bundled schemas: every entity × language × check, and the languages agree", async () => {
    const res = await runCli(["test", "-C", project(), "--language", available().join(","), "--format", "json"]);
    const report = JSON.parse(res.stdout) as { ok: boolean; rows: Array<{ entity: string; language: string; check: string; passed: number; failed: number }>; failures: unknown[] };
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(res.code).toBe(0);
    for (const entity of ["user", "order", "event", "category"]) {
      for (const language of available()) {
        for (const check of ["roundtrip", "new-reads-old", "old-reads-new", "fingerprint", "diff", "upgrade-to-v2", "upgrade-to-v3"]) {
          const row = report.rows.find((r) => r.entity === entity && r.language === language && r.check === check);
          expect(row?.passed, `${entity} ${language} ${check}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it("catches a TypeScript codec that reads int64 through a double", async () => {
    const result = await runTests(options(["typescript"], (_l, files) =>
      patch(files, "runtime.ts", /(export function decodeInt64[\s\S]*?)return value;/, "$1return BigInt(Number(value));")));
    expect(passed(result, strict)).toBe(false);
    const failures = result.outcomes.filter((o) => !o.ok);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((f) => f.language === "typescript")).toBe(true);
    const bigint = failures.find((f) => f.check === "roundtrip" && /9223372036854775807|9007199254740993/.test(f.detail ?? ""));
    expect(bigint?.fixture).toMatch(/^(user|order|event|category)\/v\d\/[\w-]+\.json$/);
  });

  it("catches a TypeScript fingerprint that spells int64 values through a double (plain RFC 8785)", async () => {
    const result = await runTests(options(["typescript"], (_l, files) =>
      patch(files, "canonical.ts", "value >= INT64_MIN && value <= UINT64_MAX ? value.toString() : String(Number(value))", "String(Number(value))")));
    const failures = result.outcomes.filter((o) => !o.ok);
    expect(passed(result, strict)).toBe(false);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((f) => f.check === "fingerprint" || f.check === "diff")).toBe(true);
    expect(failures.some((f) => f.check === "fingerprint")).toBe(true);
    // Only records holding an integer beyond 2^53 change.
    for (const f of failures.filter((f) => f.check === "fingerprint")) expect(result.outcomes.some((o) => o.fixture === f.fixture && o.check === "roundtrip" && o.ok)).toBe(true);
  });

  itWithTool("go")("catches a Go encoder that drops a required zero (omitempty on a required field)", async () => {
    const result = await runTests(options(["go"], (_l, files) =>
      patch(files, "user.go", '\tw.propInt("login_count", x.LoginCount)\n', '\tif x.LoginCount != 0 {\n\t\tw.propInt("login_count", x.LoginCount)\n\t}\n')));
    const failures = result.outcomes.filter((o) => !o.ok);
    expect(passed(result, strict)).toBe(false);
    expect(failures.length).toBeGreaterThan(0);
    const own = failures.filter((x) => !x.check.startsWith("upgrade-"));
    for (const f of own) expect(f.fixture).toMatch(/^user\/v3\//);
    for (const f of own.filter((f) => f.check !== "fingerprint" && f.check !== "diff")) {
      expect(f.detail).toMatch(/\/login_count: missing \(expected 0\)/);
    }
    // The fingerprint of a record that lost a field is not the fixture's.
    expect(failures.some((f) => f.check === "fingerprint" && /fingerprint/.test(f.detail ?? ""))).toBe(true);
    // Older data upgraded to v3 gets the default 0, which the broken encoder drops too.
    expect(failures.some((f) => f.check === "upgrade-to-v3" && /^user\/v[12]\//.test(f.fixture) && /login_count/.test(f.detail ?? ""))).toBe(true);
  });

  itWithTool("cargo")("catches a Rust enum that has lost its unknown variant", async () => {
    const result = await runTests(options(["rust"], (_l, files) =>
      files.map((f) => (f.path === "src/user_types.rs" ? { ...f, contents: closeEnum(f.contents, "UserStatus") } : f))));
    const failures = result.outcomes.filter((o) => !o.ok);
    expect(passed(result, strict)).toBe(false);
    expect(failures.some((f) => /^user\/v3\/future-\d+\.json$/.test(f.fixture))).toBe(true);
  });

  itWithTool("go")("catches an upgrade that fills a default the other languages do not (valid, but different)", async () => {
    const result = await runTests(options(["typescript", "go"], (l, files) =>
      (l === "typescript" ? patch(files, "user/upgrade.ts", 'rt.put(v, "login_count", rt.parseJson("0"))', 'rt.put(v, "login_count", rt.parseJson("1"))') : files)));
    const failures = result.outcomes.filter((o) => !o.ok);
    expect(passed(result, strict)).toBe(false);
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures) {
      expect(f.check).toBe("upgrade-to-v3");
      expect(f.language).toBe("typescript≠go");
      expect(f.detail).toMatch(/\/login_count: expected 1, got 0/);
    }
  });

  it("fills the hooks of changes it cannot derive (test/cases/upgrades): every upgrade valid under the newer schema, in every language", async () => {
    const languages = available();
    const result = await runTests(options(languages, undefined, join(ROOT, "test/cases/upgrades/schemas")));
    const upgrades = result.outcomes.filter((o) => o.check.startsWith("upgrade-"));
    expect(upgrades.filter((o) => !o.ok)).toEqual([]);
    for (const language of languages) {
      for (const check of ["upgrade-to-v2", "upgrade-to-v3"]) expect(upgrades.filter((o) => o.language === language && o.check === check).length, `${language} ${check}`).toBeGreaterThan(0);
    }
    // The v2 schema breaks v1 data on purpose (a split, a type change): only reading it as is fails.
    expect(result.outcomes.filter((o) => !o.ok).every((o) => o.check === "new-reads-old" && o.fixture.startsWith("person/v1/"))).toBe(true);
    expect(result.runs.every((r) => r.status === "ran")).toBe(true);
  });

  it("prints a table and a closing count in text form", async () => {
    const res = await runCli(["test", "-C", project(), "--language", "typescript"]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^entity\s+language\s+check\s+passed\s+failed$/m);
    expect(res.stdout).toMatch(/^user\s+typescript\s+roundtrip\s+\d+\s+0$/m);
    expect(res.stdout).toMatch(/^\d+ passed, 0 failed \(\d+ fixtures;/m);
  });

  it("rejects an unknown language with exit 2", async () => {
    expect((await runCli(["test", "-C", project(), "--language", "cobol"])).code).toBe(2);
  });
});

