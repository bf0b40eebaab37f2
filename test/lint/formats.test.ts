/**
 * Every output format on one result with errors, warnings, notes and a suppressed finding. SARIF is
 * validated against the SARIF 2.1.0 JSON Schema (sarif-2.1.0-rtm.5.json, vendored from the npm
 * package @microsoft/jest-sarif 1.0.0-beta.0, MIT; draft-04: Ajv 8 reads it once $schema is dropped and
 * its `id` spelled `$id`, as nothing in it differs between draft-04 and draft-07).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint/engine.js";
import { format } from "../../src/lint/format/index.js";
import { escapeData, escapeProperty } from "../../src/lint/format/github.js";
import { memoryTree } from "../../src/lint/tree.js";
import { RULES } from "../../src/lint/rules/index.js";
import { runCli } from "../support/cli.js";
import { writeTree } from "../support/tree.js";

const v1 = { type: "object", properties: { id: { type: "string" }, email: { type: "string" }, kind: { enum: ["a", "b"] }, tag: { type: "string" } }, required: ["id", "email"] };
const v2 = {
  type: "object",
  properties: {
    id: { type: "string", maxLength: 10 },
    kind: { enum: ["a", "b", "c|d"], "x-lockstep-allow": [{ rule: "enum-value-added", reason: "c|d is new" }] },
    tag: { type: "string", default: "x" },
  },
  required: ["id"],
};
const tree = memoryTree({ "user/v1.json": `${JSON.stringify(v1, null, 2)}\n`, "user/v2.json": `${JSON.stringify(v2, null, 2)}\n` });
const result = lint({ cwd: "/repo", schemas: "/repo/schemas", tree });
const ctx = { toolVersion: "9.9.9", cwd: "/repo", textOf: result.textOf };

describe("output formats", () => {
  it("the result has errors, warnings, notes and a suppressed finding", () => {
    const by = (s: string) => result.findings.filter((f) => f.severity === s && !f.suppressed).map((f) => f.rule).sort();
    expect(by("error")).toEqual(["constraint-tightened", "property-removed"]);
    expect(by("warning")).toEqual(["default-changed"]);
    expect(result.findings.filter((f) => f.suppressed).map((f) => f.rule)).toEqual(["enum-value-added"]);
  });

  it("text: grouped by entity, one line per finding with a code frame, a summary", () => {
    const out = format("text", result, ctx);
    expect(out.split("\n")[0]).toBe("user");
    expect(out).toMatch(/^schemas\/user\/v2\.json:\d+:\d+ {2}error {2}constraint-tightened {2}\/properties\/id\/maxLength {2}maxLength added to 10 in v2 \(tighter\); breaks v2 readers of v1 data: validators reject v1 data outside the new maxLength/m);
    expect(out).toMatch(/^ {4}> +\d+ \| +"maxLength": 10,?$/m);
    expect(out).not.toMatch(/enum-value-added/);
    expect(out.trimEnd().split("\n").pop()).toBe("lockstep lint: 2 errors, 1 warning, 0 notes, 1 suppressed (1 comparison, 1 entity; mode additive)");
  });

  it("json: every finding with rule, severity, position on both sides, impacts, suppression", () => {
    const json = JSON.parse(format("json", result, ctx)) as { lockstep: string; summary: Record<string, number>; findings: Array<Record<string, unknown>> };
    expect(json.lockstep).toBe("9.9.9");
    expect(json.summary).toEqual({ errors: 2, warnings: 1, infos: 0, suppressed: 1 });
    const removed = json.findings.find((f) => f.rule === "property-removed")!;
    expect(removed).toMatchObject({ severity: "error", entity: "user", from: 1, to: 2, pointer: "/properties/email", anchor: "", file: "schemas/user/v2.json", line: 3, column: 3 });
    expect(removed.old).toEqual({ file: "schemas/user/v1.json", line: 7, column: 5, pointer: "/properties/email" });
    expect(removed.impacts).toContainEqual({ side: "old-readers", targets: ["rust", "go", "typescript", "validators"], why: 'reject data without "email"', fails: true });
  });

  it("sarif: valid against the SARIF 2.1.0 schema, with rules, levels, locations, fingerprints, suppressions", () => {
    const schema = JSON.parse(readFileSync(new URL("./sarif-2.1.0-rtm.5.json", import.meta.url), "utf8")) as Record<string, unknown>;
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }); // one pattern in the schema is not valid with the u flag
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(format("sarif", result, ctx)) as { version: string; runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<Record<string, unknown>> }> };
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ ...log, version: "2.0.0" }), "the validator does reject bad logs").toBe(false);
    expect(log.version).toBe("2.1.0");
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex as number]!.id).toBe(r.ruleId);
    const removed = run.results.find((r) => r.ruleId === "property-removed")!;
    expect(removed.level).toBe("error");
    expect(removed.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: "schemas/user/v2.json", uriBaseId: "%SRCROOT%" }, region: { startLine: 3, startColumn: 3 } }, logicalLocations: [{ fullyQualifiedName: "user#/properties/email", kind: "member" }] },
    ]);
    expect((removed.relatedLocations as Array<{ physicalLocation: { region: unknown } }>)[0]!.physicalLocation.region).toEqual({ startLine: 7, startColumn: 5 });
    expect(run.results.find((r) => r.ruleId === "default-changed")!.level).toBe("warning");
    expect(run.results.find((r) => r.ruleId === "enum-value-added")!.suppressions).toEqual([{ kind: "inSource", status: "accepted", justification: "c|d is new" }]);
  });

  it("sarif: fingerprints do not depend on the message", () => {
    const a = JSON.parse(format("sarif", result, ctx)) as { runs: Array<{ results: Array<{ partialFingerprints: unknown }> }> };
    const reworded = { ...result, findings: result.findings.map((f) => ({ ...f, message: `${f.message} (reworded)` })) };
    const b = JSON.parse(format("sarif", reworded, ctx)) as typeof a;
    expect(b.runs[0]!.results.map((r) => r.partialFingerprints)).toEqual(a.runs[0]!.results.map((r) => r.partialFingerprints));
  });

  it("github: one workflow command per unsuppressed finding, escaped", () => {
    const lines = format("github", result, ctx).trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("::error ")).length).toBe(2);
    expect(lines.filter((l) => l.startsWith("::warning ")).length).toBe(1);
    expect(lines.some((l) => l.includes("enum-value-added"))).toBe(false);
    expect(lines).toContain(lines.find((l) => /^::error file=schemas\/user\/v2\.json,line=3,col=3,title=lockstep property-removed::\/properties\/email: property "email" removed in v2/.test(l)));
    expect(escapeData("50%\nnext")).toBe("50%25%0Anext");
    expect(escapeProperty("a:b,c")).toBe("a%3Ab%2Cc");
  });

  it("markdown: a summary heading, then per entity and version pair a one-line summary and a table, cells escaped", () => {
    const out = format("markdown", result, ctx);
    expect(out).toMatch(/^### lockstep lint: 2 errors, 1 warning, 0 notes, 1 suppressed/);
    expect(out).toMatch(/^#### user v1 → v2\n\nbreaking: 2 errors, 1 warning \([a-z-]+(, [a-z-]+)*\)\n\n\| \| Rule \| Where \| Change \|\n\|---\|---\|---\|---\|$/m);
    expect(out).toMatch(/^\| ❌ error \| `property-removed` \| `schemas\/user\/v2\.json:3:3` `\/properties\/email` \| property "email" removed/m);
    expect(out).toMatch(/<details><summary>Allowed on purpose<\/summary>/);
    expect(out).toMatch(/c\\\|d is new/);
  });

  it("the CLI writes any format to a file with -o and still exits 1 on errors", async () => {
    const dir = writeTree({ "schemas/user/v1.json": v1, "schemas/user/v2.json": v2 });
    const r = await runCli(["lint", "-C", dir, "--format", "sarif", "-o", "lint.sarif"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/wrote lint\.sarif \(2 errors\)/);
    const log = JSON.parse(readFileSync(join(dir, "lint.sarif"), "utf8")) as { version: string };
    expect(log.version).toBe("2.1.0");
    for (const f of ["json", "github", "markdown", "text"]) expect((await runCli(["lint", "-C", dir, "-f", f])).code).toBe(1);
  });
});
