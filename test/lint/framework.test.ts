/** The pairing framework: $ref, allOf, recursion, shared files, transitive comparisons. */
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint/engine.js";
import { memoryTree } from "../../src/lint/tree.js";
import { runCase } from "./rule-tester.js";

const str = { type: "string" };
const text = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const rules = (r: ReturnType<typeof runCase>) => r.findings.map((f) => `${f.rule} ${f.location.rel}#${f.pointer}`);

describe("pairing", () => {
  it("allOf of a $ref and more properties equals the same object written inline", () => {
    const base = { type: "object", properties: { id: str } };
    const r = runCase({
      name: "allOf",
      previous: { type: "object", properties: { id: str, name: str } },
      current: { allOf: [{ $ref: "#/$defs/Base" }, { properties: { name: str } }], $defs: { Base: base } },
    });
    expect(rules(r)).toEqual([]);
  });

  it("a change inside allOf is reported where the property is written", () => {
    const r = runCase({
      name: "allOf change",
      previous: { allOf: [{ $ref: "#/$defs/Base" }, { properties: { name: { type: "string", maxLength: 9 } } }], $defs: { Base: { type: "object", properties: { id: str } } } },
      current: { allOf: [{ $ref: "#/$defs/Base" }, { properties: { name: { type: "string", maxLength: 5 } } }], $defs: { Base: { type: "object", properties: { id: str } } } },
    });
    expect(rules(r)).toEqual(["constraint-tightened e/v2.json#/allOf/1/properties/name/maxLength"]);
  });

  it("recursive schemas terminate, and a change in the recursive definition is reported once", () => {
    const tree = (label: unknown) => ({ $ref: "#/$defs/Node", $defs: { Node: { type: "object", properties: { label, children: { type: "array", items: { $ref: "#/$defs/Node" } } } } } });
    const r = runCase({ name: "tree", previous: tree(str), current: tree({ type: "integer" }) });
    expect(rules(r)).toEqual(["type-changed e/v2.json#/$defs/Node/properties/label"]);
  });

  it("a $ref cycle is an unresolved-ref finding, not a hang", () => {
    const r = runCase({ name: "cycle", current: { type: "object", properties: { a: { $ref: "#/$defs/A" } }, $defs: { A: { $ref: "#/$defs/B" }, B: { $ref: "#/$defs/A" } } } });
    expect(r.findings.filter((f) => f.rule === "unresolved-ref").length).toBeGreaterThan(0);
  });

  it("a $ref to a dialect's meta-schema is followed from the built-in copy, as generate does", () => {
    const schema = (extra: object) => ({ $schema: "http://json-schema.org/draft-07/schema#", type: "object", properties: { config: { $ref: "http://json-schema.org/draft-07/schema#" }, ...extra } });
    const r = runCase({ name: "meta", previous: schema({}), current: schema({ more: str }) });
    expect(r.findings.filter((f) => f.rule === "unresolved-ref")).toEqual([]);
    const changed = runCase({ name: "meta2", previous: schema({}), current: { ...schema({}), properties: { config: { allOf: [{ $ref: "http://json-schema.org/draft-07/schema#" }, { type: "object" }] } } } });
    expect(changed.findings.filter((f) => f.rule === "unresolved-ref")).toEqual([]);
    expect(changed.findings.map((f) => f.rule)).toContain("type-narrowed");
  });

  it("data quoted for a changed conditional is data of the whole schema, not only of the conditional", () => {
    const schema = (x: string) => ({
      type: "object", required: ["kind", "id"], properties: { kind: { enum: ["a", "b"] }, id: { type: "integer" } },
      if: { properties: { kind: { const: "a" } } }, then: { properties: { x: { type: x } } },
    });
    const r = runCase({ name: "conditional", previous: schema("string"), current: schema("integer") });
    const f = r.findings.find((x) => x.rule === "conditional-changed");
    expect(f, r.findings.map((x) => `${x.rule}: ${x.message}`).join("\n")).toBeDefined();
    const witness = JSON.parse(/reject v1 data such as (\{.*?\})(?:;|$)/.exec(f!.message)![1]!) as Record<string, unknown>;
    const ajv = new Ajv({ strict: false });
    expect(ajv.validate(schema("string"), witness), JSON.stringify(witness)).toBe(true);
    expect(ajv.validate(schema("integer"), witness), JSON.stringify(witness)).toBe(false);
  });

  it("a shared file changed at the --against revision: one finding, in the shared file, for all entities using it", () => {
    const shared = (t: string) => text({ type: "object", properties: { zip: { type: t } } });
    const entity = text({ type: "object", properties: { address: { $ref: "../_common/address.json" } } });
    const before = memoryTree({ "a/v1.json": entity, "b/v1.json": entity, "_common/address.json": shared("string") }, "main");
    const tree = memoryTree({ "a/v1.json": entity, "b/v1.json": entity, "_common/address.json": shared("integer") });
    const r = lint({ cwd: "/", schemas: "/", tree, before });
    expect(r.findings.map((f) => `${f.rule} ${f.location.file}#${f.pointer} (was ${f.old?.file})`)).toEqual([
      "type-changed schemas/_common/address.json#/properties/zip (was main:schemas/_common/address.json)",
    ]);
    expect(r.findings[0]!.old!.ref).toBe("main");
  });

  it("--transitive compares every earlier version with the newest and reports a finding once", () => {
    const v = (props: Record<string, unknown>) => text({ type: "object", properties: props });
    const tree = memoryTree({ "e/v1.json": v({ a: str, b: str }), "e/v2.json": v({ a: str, b: str, c: { type: "integer" } }), "e/v3.json": v({ a: str, c: { type: "integer" } }) });
    const plain = lint({ cwd: "/", schemas: "/", tree });
    expect(plain.comparisons.map((c) => `${c.from}>${c.to}`)).toEqual(["1>2", "2>3"]);
    const t = lint({ cwd: "/", schemas: "/", tree, transitive: true });
    expect(t.comparisons.map((c) => `${c.from}>${c.to}`)).toEqual(["1>2", "2>3", "1>3"]);
    const removed = t.findings.filter((f) => f.rule === "property-removed");
    expect(removed.map((f) => [f.pointer, f.from, f.alsoFrom])).toEqual([["/properties/b", 2, [1]]]);
  });

  it("a removal undone later still fails transitively (v1 → v3), not consecutively", () => {
    const v = (t: string) => text({ type: "object", properties: { a: { type: t } } });
    const tree = memoryTree({ "e/v1.json": v("string"), "e/v2.json": v("string"), "e/v3.json": v("integer") });
    expect(lint({ cwd: "/", schemas: "/", tree, transitive: true }).findings.map((f) => `${f.rule} ${f.from}>${f.to}`)).toEqual(["type-changed 2>3"]);
    const skip = memoryTree({ "e/v1.json": v("integer"), "e/v2.json": text({ type: "object", properties: { a: { type: ["integer", "string"] } } }), "e/v3.json": v("string") });
    const r = lint({ cwd: "/", schemas: "/", tree: skip, transitive: true });
    expect(r.findings.map((f) => `${f.rule} ${f.from}>${f.to}`).sort()).toEqual(["type-changed 1>3", "type-narrowed 2>3", "type-widened 1>2"]);
  });

  it("every finding of a pair carries both positions", () => {
    const r = runCase({ name: "positions", previous: { type: "object", properties: { a: str, b: str } }, current: { type: "object", properties: { a: { type: "integer" } } } });
    for (const f of r.findings) {
      expect(f.location).toMatchObject({ file: "schemas/e/v2.json" });
      expect(f.old).toMatchObject({ file: "schemas/e/v1.json" });
    }
    expect(r.findings.find((f) => f.rule === "type-changed")!.old!.line).toBe(4);
  });
});
