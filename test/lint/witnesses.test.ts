/** Data a finding quotes is checked with ajv: one version accepts it, the other rejects it, for the reason the rule names. */
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { runCase } from "./rule-tester.js";

const S = "https://json-schema.org/draft/2020-12/schema";
const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ $schema: S, type: "object", properties, ...extra });
/** Validates with ajv (draft-07 semantics suffice here; `$schema` is dropped). */
const accepts = (schema: Record<string, unknown>, data: unknown): boolean => {
  const { $schema: _, ...rest } = schema;
  return new Ajv({ strict: false }).validate(rest, data);
};
const quoted = (message: string, data: string): unknown[] =>
  [...message.matchAll(new RegExp(`reject ${data} data such as (\\{.*?\\})(?:;|$| \\()`, "g"))].map((m) => JSON.parse(m[1]!));
const show = (r: ReturnType<typeof runCase>) => r.all.map((f) => `${f.severity} ${f.rule} ${f.pointer}: ${f.message}`).join("\n");

describe("quoted witnesses", () => {
  it("propertyNames narrowed beside a property widened: the data shows a name the new propertyNames rejects, nothing else", () => {
    const previous = obj({ n: { type: "string" } }, { propertyNames: { maxLength: 5 } });
    const current = obj({ n: { type: ["string", "integer"] } }, { propertyNames: { maxLength: 3 } });
    const r = runCase({ name: "names", previous, current });
    const f = r.all.find((x) => x.rule === "property-names-changed");
    expect(f, show(r)).toBeDefined();
    expect(quoted(f!.message, "v2"), f!.message).toEqual([]);
    const back = quoted(f!.message, "v1");
    expect(back.length, f!.message).toBe(1);
    expect(accepts(previous, back[0]), JSON.stringify(back[0])).toBe(true);
    expect(accepts(current, back[0]), JSON.stringify(back[0])).toBe(false);
    expect(accepts({ propertyNames: current.propertyNames }, back[0]), "rejected for its names").toBe(false);
  });

  it("two patterns in allOf replaced by another: the old data quoted meets both old patterns", () => {
    const previous = obj({ a: { type: "string", allOf: [{ pattern: "^a" }, { pattern: "^ab" }] } });
    const current = obj({ a: { type: "string", pattern: "^b" } });
    const r = runCase({ name: "patterns", previous, current });
    const f = r.all.find((x) => x.rule === "constraint-tightened");
    expect(f, show(r)).toBeDefined();
    const w = JSON.parse(/reject v1 data such as (".*?") \(/.exec(f!.message)![1]!) as unknown;
    expect(accepts(previous, { a: w }), JSON.stringify(w)).toBe(true);
    expect(accepts(current, { a: w }), JSON.stringify(w)).toBe(false);
  });

  it("a property removed from an open object whose new conditional still declares it: the new data quoted breaks old validators", () => {
    const cron = { if: { properties: { k: { const: "cron" } } } };
    const previous = obj({ k: { type: "string" }, c: { type: "string" } }, { ...cron, then: { required: ["c"] } });
    const current = obj({ k: { type: "string" } }, { ...cron, then: { properties: { c: { type: "string" } }, required: ["c"] } });
    const r = runCase({ name: "removed", previous, current, mode: "forward" });
    const f = r.all.find((x) => x.rule === "property-removed");
    expect(f?.severity, show(r)).toBe("error");
    const w = quoted(f!.message, "v2");
    expect(w.length, f!.message).toBe(1);
    expect(w[0]).toHaveProperty("c");
    expect(accepts(current, w[0]), JSON.stringify(w[0])).toBe(true);
    expect(accepts(previous, w[0]), JSON.stringify(w[0])).toBe(false);
  });
});
