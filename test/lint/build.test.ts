/**
 * Valid instances built goal-directed (src/lint/inclusion/build.ts), over every schema of the
 * JSON-Schema-Test-Suite (draft2020-12 and draft7, ../shared/corpus): building never throws, every
 * instance built is valid for ajv (an independent validator), and most schemas the suite shows
 * valid data for get one. Plus the shapes the builder exists for: conditionals in allOf with a
 * oneOf, nested in required array items.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { buildValid } from "../../src/lint/inclusion/build.js";
import { Resolver } from "../../src/lint/resolver.js";
import { memoryTree } from "../../src/lint/tree.js";

const SUITE = new URL("../../../shared/corpus/json-schema-test-suite/tests/", import.meta.url).pathname;
const present = existsSync(SUITE);
if (!present) console.warn(`build tests over the JSON-Schema-Test-Suite skipped: ${SUITE} is absent (it lives beside the repository in shared/)`);

function built(schema: unknown): unknown[] {
  const r = new Resolver(memoryTree({ "s/v1.json": JSON.stringify(schema) }));
  return buildValid(r.doc("s/v1.json"), r);
}

interface Group {
  description: string;
  schema: unknown;
  tests: Array<{ data: unknown; valid: boolean }>;
}

describe.skipIf(!present)("built instances over the JSON-Schema-Test-Suite", () => {
  for (const [dialect, make] of [["draft2020-12", () => new Ajv2020({ strict: false, validateFormats: false })], ["draft7", () => new Ajv({ strict: false, validateFormats: false })]] as const) {
    it(`${dialect}: never throws; every instance built is valid for ajv; most satisfiable schemas get one`, () => {
      let satisfiable = 0;
      let found = 0;
      const invalid: string[] = [];
      const ajv = make();
      for (const file of readdirSync(join(SUITE, dialect)).filter((f) => f.endsWith(".json")).sort()) {
        const groups = JSON.parse(readFileSync(join(SUITE, dialect, file), "utf8")) as Group[];
        for (const g of groups) {
          const values = built(g.schema);
          let check: ((v: unknown) => boolean) | undefined;
          try {
            check = ajv.compile(g.schema as object) as (v: unknown) => boolean;
          } catch {
            continue; // remote refs ajv cannot load here
          }
          // A group where ajv itself disagrees with the suite (an inherited `constructor`) or overflows cannot judge.
          const judge = (v: unknown): boolean | undefined => {
            try {
              return check!(v);
            } catch {
              return undefined;
            }
          };
          if (g.tests.some((t) => judge(t.data) !== t.valid)) continue;
          for (const v of values) if (judge(v) !== true) invalid.push(`${file}: ${g.description}: ${JSON.stringify(v)}`);
          if (g.tests.some((t) => t.valid)) {
            satisfiable++;
            if (values.length > 0) found++;
          }
        }
      }
      console.log(`${dialect}: instances built for ${found} of ${satisfiable} schemas with valid data`);
      expect(invalid).toEqual([]);
      expect(found / satisfiable).toBeGreaterThan(0.8);
    });
  }
});

describe("built instances", () => {
  const update = {
    type: "object", additionalProperties: false, required: ["eco"],
    properties: { eco: { enum: ["npm", "docker"] }, directory: { type: "string" }, directories: { type: "array", items: { type: "string" } }, group: { type: "string" }, patterns: { type: "array", minItems: 1, items: { type: "string" } }, schedule: { type: "object", required: ["interval"], properties: { interval: { enum: ["daily", "cron"] }, cronjob: { type: "string" } }, allOf: [{ if: { properties: { interval: { const: "cron" } } }, then: { required: ["cronjob"] } }] } },
    allOf: [
      { if: { not: { required: ["group"] } }, then: { required: ["schedule"] } },
      { oneOf: [{ required: ["directory"] }, { required: ["directories"] }] },
      { if: { required: ["group"] }, then: { required: ["patterns"] } },
    ],
  };
  const config = { $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", required: ["version", "updates"], additionalProperties: false, properties: { version: { const: 2 }, updates: { type: "array", minItems: 1, items: { $ref: "#/$defs/update" } } }, $defs: { update } };

  it("a configuration whose items meet conditionals in allOf and exactly one oneOf branch", () => {
    const values = built(config);
    expect(values.length).toBeGreaterThanOrEqual(2);
    const check = new Ajv2020({ strict: false }).compile(config);
    for (const v of values) expect(check(v), JSON.stringify(v)).toBe(true);
    // Both ways through the schedule's condition and the presence of a group.
    const updates = values.flatMap((v) => (v as { updates: Array<Record<string, unknown>> }).updates);
    expect(updates.some((u) => "group" in u)).toBe(true);
    expect(updates.some((u) => (u.schedule as { interval?: string } | undefined)?.interval === "daily")).toBe(true);
  });

  it("nothing for a schema no instance meets; hostile schemas end within the budget", () => {
    expect(built({ allOf: [{ type: "string" }, { type: "integer" }] })).toEqual([]);
    expect(built({ type: "object", required: ["a"], properties: { a: false } })).toEqual([]);
    expect(built({ $defs: { n: { type: "object", required: ["next"], properties: { next: { $ref: "#/$defs/n" } } } }, $ref: "#/$defs/n" })).toEqual([]);
    const wide = { type: "object", properties: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`p${i}`, { oneOf: [{ type: "string" }, { type: "integer" }, { if: { minimum: 3 }, then: { maximum: 2 } }] }])) };
    expect(built(wide).length).toBeGreaterThan(0);
  });
});
