/**
 * src/ir/settle.ts renames a built module as building it again with its type names decided would
 * name it. Checked against that build itself: every module here is loaded twice, once renamed in
 * place and once with renameAsRebuilt answering false (so buildModule builds again), and the two
 * must be equal in every declaration, warning and recorded name.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Module } from "../src/ir/types.js";
import { loadModules } from "../src/pipeline.js";
import { writeTree, type Tree } from "./support/tree.js";

const mode = vi.hoisted(() => ({ rebuild: false, renamed: 0 }));
vi.mock("../src/ir/settle.js", async (original) => {
  const real = await original<typeof import("../src/ir/settle.js")>();
  return {
    ...real,
    renameAsRebuilt: (...args: Parameters<typeof real.renameAsRebuilt>) => {
      if (mode.rebuild) return false;
      const done = real.renameAsRebuilt(...args);
      if (done) mode.renamed++;
      return done;
    },
  };
});

beforeEach(() => {
  mode.renamed = 0;
});

const plain = (m: Module) => ({ ...m, names: [...(m.names ?? new Map())] });

async function both(schemas: string): Promise<{ renamed: unknown[]; rebuilt: unknown[]; inPlace: number }> {
  mode.rebuild = false;
  const renamed = (await loadModules(schemas, { allVersions: true })).modules.map(plain);
  const inPlace = mode.renamed;
  mode.rebuild = true;
  const rebuilt = (await loadModules(schemas, { allVersions: true })).modules.map(plain);
  mode.rebuild = false;
  return { renamed, rebuilt, inPlace };
}

const str = { type: "string" };
const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: "object", properties, ...extra });

/** An entity whose `Configuration` definition has types named after it of every kind. */
const entity = (field: string) =>
  obj({ [field]: { $ref: "#/$defs/Configuration" }, setting: { oneOf: [str, { $ref: "#/$defs/Configuration" }] } }, {
    $defs: {
      Configuration: obj({
        database: obj({ host: str, replicas: { type: "array", items: obj({ zone: str }) } }),
        modes: { type: "array", items: { enum: ["a", "b"] } },
        pair: { type: "array", prefixItems: [obj({ x: str }), obj({ y: str })], items: false, minItems: 2 },
        shape: { oneOf: [obj({ kind: { const: "circle" }, r: { type: "number" } }, { required: ["kind"] }), obj({ kind: { const: "square" }, side: { type: "number" } }, { required: ["kind"] })] },
        anything: { properties: { deep: obj({ z: str }) } },
        labels: { type: "object", additionalProperties: obj({ text: str }) },
        colliding: { enum: ["x", "X"] },
      }),
    },
  });

describe("renaming a built module in place gives what building it again gives", () => {
  it("entity-qualified definitions with nested objects, arrays, tuples, unions, maps and enums", async () => {
    const tree: Tree = { "schemas/user/v1.json": entity("config"), "schemas/order/v1.json": entity("settings") };
    const { renamed, rebuilt, inPlace } = await both(`${writeTree(tree)}/schemas`);
    expect(inPlace).toBeGreaterThan(0);
    expect(renamed).toEqual(rebuilt);
  });

  it("older versions: a shared file's type added since, and names kept from the version before", async () => {
    const tree: Tree = {
      "schemas/user/v1.json": entity("config"),
      "schemas/user/v2.json": { ...entity("config"), properties: { ...entity("config").properties, extra: { $ref: "../_shared/configuration.json" } } },
      "schemas/_shared/configuration.json": obj({ shared: obj({ s: str }) }),
      "schemas/order/v1.json": entity("settings"),
    };
    const { renamed, rebuilt, inPlace } = await both(`${writeTree(tree)}/schemas`);
    expect(inPlace).toBeGreaterThan(0);
    expect(renamed).toEqual(rebuilt);
  });

  const cases = join(import.meta.dirname, "cases");
  for (const name of readdirSync(cases).filter((c) => readdirSync(join(cases, c)).includes("schemas"))) {
    it(`test/cases/${name}`, async () => {
      const { renamed, rebuilt } = await both(join(cases, name, "schemas"));
      expect(renamed).toEqual(rebuilt);
    });
  }
});
