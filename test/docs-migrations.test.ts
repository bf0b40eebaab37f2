/**
 * docs/migrations.md shows generated code: every code block marked `<!-- generated: ... -->` is,
 * verbatim, part of what lockstep generates (the bundled schemas with --all-versions, or a
 * test/cases golden), and that code is compiled by the emitter tests (tsc --strict, cargo clippy,
 * go vet).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitGo } from "../src/emit/go/index.js";
import { emitRust } from "../src/emit/rust/index.js";
import { emitTypeScript } from "../src/emit/typescript/index.js";
import type { GeneratedFile } from "../src/emit/types.js";
import { loadModules } from "../src/pipeline.js";

const ROOT = join(import.meta.dirname, "..");

describe("docs/migrations.md", () => {
  it("shows only code lockstep generates", async () => {
    const doc = readFileSync(join(ROOT, "docs/migrations.md"), "utf8");
    const blocks = [...doc.matchAll(/<!-- generated: (\S+) (\S+)(?: (\S+))? -->\n```\w+\n([\s\S]*?)```/g)];
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const { modules } = await loadModules(join(ROOT, "schemas"), { allVersions: true, cwd: ROOT });
    const header = { toolVersion: "0.0.0-test" };
    const bundled: Record<string, GeneratedFile[]> = {
      typescript: emitTypeScript(modules, { header }),
      rust: emitRust(modules, { header, crate: "lockstep_schemas" }),
      go: emitGo(modules, { header, module: "example.com/lockstep/schemas", package: "schemas" }),
    };
    for (const [, target, a, b, code] of blocks) {
      const text = target!.endsWith("-case")
        ? readFileSync(join(ROOT, "test/cases", a!, "expected", target!.replace(/-case$/, ""), b!), "utf8")
        : bundled[target!]?.find((f) => f.path === a)?.contents;
      expect(text, `${target} ${a}`).toBeDefined();
      expect(text!.includes(code!), `the block marked ${target} ${a} ${b ?? ""} is not in the generated file`).toBe(true);
    }
  });
});
