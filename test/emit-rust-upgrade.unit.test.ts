/**
 * Rust upgrade functions (src/emit/rust/upgrade.ts, upgrade-layout.ts) at every width: tag names
 * and values, hook names and property names (changed, renamed, kept, defaulted) from 1 to 100
 * characters, ASCII and escaped non-ASCII (`ü` is `\u{fc}` in a literal), each as rustfmt prints it.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { emitRust } from "../src/emit/rust/index.js";
import { loadModules } from "../src/pipeline.js";
import { REPO } from "./support/rust-workspace.js";
import { itWithTool } from "./support/toolchains.js";

const DIR = join(REPO, ".cache/rust-unit/upgrade-widths");
const WIDEST = 100;

/** n characters: odd n ASCII, even n mostly `ü` (six characters each once escaped). */
const text = (n: number, c: string): string => (n % 2 === 0 ? "ü".repeat(Math.floor(n / 6)) + c.repeat(n % 6) : c.repeat(n));

const variant = (key: string, tag: string, added?: { wire: string; name?: string }): object => ({
  type: "object",
  "x-lockstep-name": tag === "o" ? "other" : "v",
  properties: { [key]: { const: tag }, ...(added ? { [added.wire]: { type: "integer", ...(added.name ? { "x-lockstep-name": added.name } : {}) } } : {}) },
  required: [key, ...(added ? [added.wire] : [])],
  additionalProperties: { type: "array" },
});

/** Entities whose v1 → v2 upgrade prints each statement with a literal or name of width n. */
function writeSchemas(): void {
  rmSync(DIR, { recursive: true, force: true });
  const write = (entity: string, v1: object, v2: object): void => {
    mkdirSync(join(DIR, "schemas", entity), { recursive: true });
    for (const [v, s] of [[1, v1], [2, v2]] as const) writeFileSync(join(DIR, "schemas", entity, `v${v}.json`), JSON.stringify({ $schema: "https://json-schema.org/draft/2020-12/schema", title: entity, ...s }));
  };
  const union = (key: string, tag: string, added?: { wire: string; name?: string }): object => ({ oneOf: [variant(key, tag, added), variant(key, "o")] });
  for (let n = 1; n <= WIDEST; n++) {
    const long = text(n, "t");
    // A long tag value (match arm), a long tag name (its lookup, the variant's `remove`).
    write(`a${n}`, union("k", long), union("k", long, { wire: "p" }));
    write(`t${n}`, union(long, "a"), union(long, "a", { wire: "p" }));
    // A long hook name (the hook's call and its trait method), its property's wire name as long.
    if (n <= 64) write(`h${n}`, union("k", "a"), union("k", "a", { wire: "h".repeat(n) }));
    // A long wire name with a short hook name: a changed type, a rename, a kept key, a default.
    const wire = text(n, "q");
    const props = (type: string): object => ({ [wire]: { type, "x-lockstep-name": "f" }, x: { type: "integer" } });
    write(`c${n}`, { type: "object", "x-lockstep-name": "c", properties: props("integer") }, { type: "object", "x-lockstep-name": "c", properties: props("string"), required: ["x", wire] });
    write(`r${n}`, { type: "object", properties: { [wire]: { type: "integer" }, gone: { type: "integer" } } }, {
      type: "object", additionalProperties: false, required: [`d${wire}`],
      properties: { [`${wire}2`]: { type: "integer", "x-lockstep-renamed-from": wire, "x-lockstep-name": "g" }, [`d${wire}`]: { type: "string", default: wire, "x-lockstep-name": "d" } },
    });
  }
}

describe("Rust upgrade functions at every width", () => {
  itWithTool("cargo")("are what rustfmt prints: long tags, tag names, hook names and property names, ASCII or escaped", async () => {
    writeSchemas();
    const { modules } = await loadModules(join(DIR, "schemas"), { allVersions: true, cwd: DIR });
    const upgrades = emitRust(modules, { header: { toolVersion: "0.0.0-test" }, crate: "widths" }).filter((f) => f.path.endsWith("/upgrade.rs"));
    expect(upgrades.length).toBe(4 * WIDEST + 64);
    const all = upgrades.map((f) => f.contents).join("\n");
    // Every layout is met: broken arms, lookups, removals, calls, inserts and conditions.
    for (const shape of ["        Some(\n", "        Some(\"", ") => {\n", "    let tag = v\n        .get(\n", "    fields\n        .remove(", "    fields.remove(\n", "let value = serde_json::to_value(\n", "    o.insert(\n", "        .to_owned(),\n", "    if let Some(x) =\n", "    if !o\n", "    ) {\n", "\n        -> "]) {
      expect(all, shape).toContain(shape);
    }
    const paths = upgrades.map((f, i) => {
      const path = join(DIR, `upgrade_${i}.rs`);
      writeFileSync(path, f.contents);
      return path;
    });
    const fmt = spawnSync("rustfmt", ["--check", "--edition", "2021", ...paths], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(fmt.stdout.slice(0, 4000) + fmt.stderr).toBe("");
    expect(fmt.status).toBe(0);
  }, 120_000);

});
