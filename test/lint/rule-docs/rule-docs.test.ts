/**
 * docs/rules/<id>.md are goldens: the page is built from the rule's metadata, the hand-written
 * text in bodies.ts, and the output lint really gives on the example. UPDATE_GOLDEN=1 rewrites them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { expect, it } from "vitest";
import { lintDefaults } from "../../../src/config.js";
import { lint } from "../../../src/lint/engine.js";
import { fingerprint, renderLock, LOCK_FILE, type LockEntry } from "../../../src/lint/lock.js";
import { RULES } from "../../../src/lint/rules/index.js";
import { memoryTree } from "../../../src/lint/tree.js";
import { DOCS } from "./bodies.js";

const text = (v: unknown) => (typeof v === "string" ? v : `${JSON.stringify(v, null, 2)}\n`);
const SIDE: Record<string, string> = { "old-readers": "readers built from the old version, reading new data", "new-readers": "readers built from the new version, reading old data", source: "code compiled against the generated types" };
const KIND: Record<string, string> = { pair: "compares two versions", hazard: "checks the newest version alone", history: "checks the versions and trees of an entity", framework: "checks suppressions" };

it("docs/rules/<id>.md match the rules and their real output (UPDATE_GOLDEN=1 rewrites them)", () => {
  for (const rule of RULES) {
    const d = DOCS[rule.meta.id];
    if (!d) throw new Error(`no doc body for ${rule.meta.id}`);
    const files: Record<string, string> = {};
    if (d.previous !== undefined) files["user/v1.json"] = text(d.previous);
    if (d.current !== undefined) files[d.previous !== undefined ? "user/v2.json" : "user/v1.json"] = text(d.current);
    for (const [k, v] of Object.entries(d.files ?? {})) files[k] = text(v);
    if (d.released) {
      const rel = memoryTree(Object.fromEntries(Object.entries(d.released).map(([k, v]) => [k, text(v)])));
      const lock = new Map<string, Map<number, LockEntry>>();
      for (const [e, vs] of rel.entities) lock.set(e, new Map(vs.map((v) => [v.version, fingerprint(rel, v.rel)])));
      files[LOCK_FILE] = renderLock(lock);
    }
    const tree = memoryTree(files);
    const before = d.before ? memoryTree(Object.fromEntries(Object.entries(d.before).map(([k, v]) => [k, text(v)])), "origin/main") : undefined;
    const r = lint({ cwd: "/", schemas: "/schemas", keepOff: true, lint: { ...lintDefaults(), ...(d.config ?? {}) }, tree, ...(before ? { before } : {}), ...(d.mode ? { mode: d.mode as never } : {}) });
    const mine = r.all.filter((f) => f.rule === rule.meta.id);
    if (mine.length === 0) throw new Error(`example of ${rule.meta.id} produces no finding`);
    const shown = mine.map((f) => `${f.location.file}:${f.location.line}:${f.location.column}  ${f.severity === "info" ? "note" : f.severity}  ${f.rule}  ${f.pointer || "#"}  ${f.message}`);
    const m = rule.meta;
    const targets = Object.entries(m.targets).map(([t, k]) => `${t} (${k!.join(", ")})`).join(", ") || "none";
    const out: string[] = [
      `# ${m.id}`, "", `${m.description}`, "",
      "| | |", "|---|---|",
      `| Default severity | **${m.severity === "info" ? "note" : m.severity}** in the default \`additive\` mode ([modes](../lint.md#modes)) |`,
      `| Breaks | ${m.breaks.map((b) => SIDE[b]).join("; ") || "nothing at run time"} |`,
      `| Targets | ${targets} |`,
      `| Checks | ${KIND[m.kind]} |`,
      "", "## What", "", d.what, "", "## Why", "", d.why, "", "## Example", "",
    ];
    const allFiles = { ...(d.before ? Object.fromEntries(Object.entries(d.before).map(([k, v]) => [`${k} at origin/main`, text(v)])) : {}), ...(d.released ? Object.fromEntries(Object.entries(d.released).map(([k, v]) => [`${k} as released`, text(v)])) : {}), ...files };
    for (const [k, v] of Object.entries(allFiles)) {
      if (k === LOCK_FILE) continue;
      out.push(`\`schemas/${k}\`:`, "", "```json", v.trimEnd(), "```", "");
    }
    const how = d.mode ? `\`lockstep lint --mode ${d.mode}\`` : d.before ? "`lockstep lint --against origin/main`" : "`lockstep lint`";
    out.push(mine.every((f) => f.severity === "off") ? "`lockstep diff user` lists (lint does not report it):" : `${how} reports:`, "", "```text", ...shown, "```", "", "## Fix", "", d.fix, "");
    const path = new URL(`../../../docs/rules/${m.id}.md`, import.meta.url);
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, out.join("\n"));
    else expect(readFileSync(path, "utf8"), `docs/rules/${m.id}.md is out of date: UPDATE_GOLDEN=1 npx vitest run test/lint/rule-docs`).toBe(out.join("\n"));
  }
});
