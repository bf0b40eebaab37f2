/** The report's pieces without a browser: the line diff, self-containment, the saved test run. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { buildReport } from "../src/report/index.js";
import { hunks, lineDiff } from "../src/report/line-diff.js";
import { cacheDir } from "../src/testing/run.js";
import { saveTestSummary } from "../src/testing/summary.js";
import { writeTree } from "./support/tree.js";

describe("lineDiff", () => {
  it("its kept and removed lines give the old file, its kept and added lines the new one", () => {
    const lines = fc.array(fc.constantFrom("a", "b", "c", "{", "}", ""), { maxLength: 30 });
    fc.assert(fc.property(lines, lines, (a, b) => {
      const d = lineDiff(a.map((l) => `${l}\n`).join(""), b.map((l) => `${l}\n`).join(""))!;
      expect(d.filter((l) => l.op !== "+").map((l) => l.text)).toEqual(a);
      expect(d.filter((l) => l.op !== "-").map((l) => l.text)).toEqual(b);
    }), { numRuns: 300, seed: 7 });
  });

  it("hunks keep three lines of context and mark gaps", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join("\n");
    const after = before.replace("line 10", "line ten");
    const h = hunks(lineDiff(before, after)!);
    expect(h.map((l) => (l ? `${l.op}${l.text}` : "…"))).toEqual([" line 7", " line 8", " line 9", "-line 10", "+line ten", " line 11", " line 12", " line 13"]);
  });
});

describe("lockstep report (HTML)", () => {
  const user = { type: "object", properties: { id: { type: "string", description: "</pre><img src=x onerror=alert(1)>" } } };

  it("is self-contained: no script, no external resource, schema text escaped; shows the last lockstep test run", () => {
    const dir = writeTree({ "schemas/user/v1.json": user, "schemas/user/v2.json": { ...user, properties: { ...user.properties, n: { type: "integer" } } } });
    const config = loadConfig(dir, dir);
    const without = buildReport({ config, cwd: dir, toolVersion: "t" }).text;
    expect(without).toMatch(/No saved run/);
    expect(without).not.toMatch(/<(script|link|img|iframe|object)\b|@import|url\(/i);
    expect(without).not.toMatch(/<[a-z][^>]*\s(src|href)=(?!["']?#)/i);
    expect(without).toContain("&lt;img src=x onerror=alert(1)&gt;");
    const outcome = (ok: boolean) => ({ entity: "user", language: "go", check: "roundtrip" as const, fixture: "user/v2/a.json", ok });
    saveTestSummary(cacheDir(dir), { runs: [{ language: "go", status: "ran" } as never], outcomes: [outcome(true), outcome(false)], timings: { generateMs: 1 }, fixtures: 2, findings: [] }, false, new Date("2026-01-02T03:04:05Z"));
    const html = buildReport({ config, cwd: dir, toolVersion: "t" }).text;
    expect(html).toMatch(/lockstep test <span class="badge breaks">failed<\/span>/);
    expect(html).toMatch(/Last run 2026-01-02T03:04:05\.000Z; go: ran/);
    expect(html).toMatch(/<td>user<\/td><td>go<\/td><td>roundtrip<\/td><td>1<\/td><td class="breaks">1<\/td>/);
  });

  it("a malformed schema is exit 2 naming the file, and no report is written", async () => {
    const { runCli } = await import("./support/cli.js");
    const dir = mkdtempSync(join(tmpdir(), "lockstep-report-bad-"));
    writeTree({ "schemas/user/v1.json": user, "schemas/user/v2.json": "{ nope" }, dir);
    const res = await runCli(["report", "-C", dir, "--out", "r.html"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/schemas\/user\/v2\.json:1:\d+/);
    expect(() => writeFileSync(join(dir, "r.html"), "", { flag: "wx" })).not.toThrow();
  });
});
