import { describe, expect, it } from "vitest";
import { pascalCase } from "../src/ir/casing.js";
import type { Decl, Module, ObjectDecl, TypeExpr } from "../src/ir/types.js";
import { loadModules } from "../src/pipeline.js";
import { writeTree, type Tree } from "./support/tree.js";

async function root(files: Tree, allVersions = false): Promise<Module> {
  const { modules } = await loadModules(`${writeTree(files)}/schemas`, { allVersions });
  return modules[0]!;
}

const names = (m: Module): string[] => m.decls.map((d) => pascalCase(d.name));
const decl = (m: Module, id: string): Decl => m.decls.find((d) => d.id === id)!;
const obj = (m: Module, id: string): ObjectDecl => decl(m, id) as ObjectDecl;
const field = (m: Module, id: string, wire: string) => obj(m, id).fields.find((f) => f.wireName === wire)!;

describe("IR naming", () => {
  it("names nested types from their path, definitions from their key, shared files from their name", async () => {
    const m = await root({
      "schemas/user/v1.json": {
        type: "object",
        properties: {
          address: { type: "object", properties: { street: { type: "string" } } },
          status: { enum: ["active", "gone"] },
          orders: { type: "array", items: { type: "object", properties: { id: { type: "string" } } } },
          home: { $ref: "#/$defs/GeoPoint" },
          money: { $ref: "../_shared/money.json" },
        },
        $defs: { GeoPoint: { type: "object", properties: { lat: { type: "number" } } } },
      },
      "schemas/_shared/money.json": { type: "object", properties: { cents: { type: "integer" } } },
    });
    expect(names(m)).toEqual(["User", "UserAddress", "UserStatus", "UserOrder", "GeoPoint", "Money"]);
  });

  it("is stable: adding properties, types and versions renames nothing", async () => {
    const v1 = { type: "object", properties: { b: { type: "object", properties: { x: { type: "string" } } }, c: { enum: ["x"] } } };
    const v2 = { ...v1, properties: { a: { type: "object", properties: { y: { type: "string" } } }, ...v1.properties, d: { type: "boolean" } } };
    const before = await root({ "schemas/thing/v1.json": v1 });
    const after = await root({ "schemas/thing/v1.json": v1, "schemas/thing/v2.json": v2, "schemas/other/v1.json": { type: "string" } });
    for (const n of names(before)) expect(names(after)).toContain(n);
    expect(names(after)).not.toContain("Thing1");
  });

  it("lets x-lockstep-name and an identifier title pin a name", async () => {
    const m = await root({
      "schemas/user/v1.json": {
        type: "object",
        properties: {
          a: { "x-lockstep-name": "PostalAddress", type: "object", properties: { s: { type: "string" } } },
          b: { title: "Geo", type: "object", properties: { s: { type: "string" } } },
          c: { title: "Not an identifier", type: "object", properties: { s: { type: "string" } } },
        },
      },
    });
    expect(names(m)).toEqual(["User", "PostalAddress", "Geo", "UserC"]);
  });

  it("tells apart two types that get the same name, naming both places", async () => {
    const files = {
      "schemas/user/v1.json": {
        type: "object",
        properties: { address: { type: "object", properties: { a: { type: "string" } } }, x: { $ref: "#/$defs/UserAddress" } },
        $defs: { UserAddress: { type: "object", properties: { b: { type: "string" } } } },
      },
    };
    const m = await root(files);
    expect(names(m)).toEqual(["User", "UserAddressInline", "UserAddress"]);
    expect(m.warnings.map((w) => w.message).join("\n")).toMatch(/user\/v1\.json#\/properties\/address.*user\/v1\.json#\/\$defs\/UserAddress/);
  });

  it("tells apart properties that collide after case conversion", async () => {
    const files = { "schemas/user/v1.json": { type: "object", properties: { first_name: { type: "string" }, firstName: { type: "string" } } } };
    const m = await root(files);
    expect(obj(m, "user").fields.map((f) => f.name.join("_"))).toEqual(["first_underscore_name", "first_name"]);
    expect(m.warnings[0]!.message).toMatch(/"first_name" and "firstName" both become FirstName .*: user\/v1\.json#\/properties\/first_name and user\/v1\.json#\/properties\/firstName;/);
  });

  it("invents names for unknown variants and bags that do not clash with the schema's", async () => {
    const m = await root({
      "schemas/e/v1.json": { type: "object", properties: { additional_properties: { type: "string" }, kind: { enum: ["unknown", "b"] } } },
    });
    expect(obj(m, "e").additional).toEqual({ kind: "preserve", name: ["extra", "properties"] });
    expect((decl(m, "e_kind") as { unknownName: string[] }).unknownName).toEqual(["other"]);
  });
});

describe("IR types", () => {
  const schema = {
    type: "object",
    required: ["req", "req_null"],
    properties: {
      req: { type: "integer", format: "int32" },
      req_null: { type: ["string", "null"] },
      opt: { type: "integer" },
      opt_null: { oneOf: [{ type: "number" }, { type: "null" }] },
      closed: { type: "object", additionalProperties: false, properties: { a: { type: "string" } } },
      typed: { type: "object", properties: { a: { type: "string" } }, additionalProperties: { type: "boolean" } },
      map: { type: "object", additionalProperties: { type: "string" } },
      tuple: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: false, minItems: 2 },
      short: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: false },
      kinds: { type: ["string", "integer", "null"] },
      weird: { not: { type: "string" } },
      big: { type: "integer", format: "int64", default: 9007199254740993 },
    },
  };

  it("maps presence, maps, tuples and kind unions", async () => {
    const m = await root({ "schemas/r/v1.json": schema });
    const t = (w: string): TypeExpr => field(m, "r", w).type;
    expect(field(m, "r", "req")).toMatchObject({ required: true, type: { kind: "integer", bits: 32 } });
    expect(field(m, "r", "req_null")).toMatchObject({ required: true, type: { kind: "nullable", inner: { kind: "string" } } });
    expect(field(m, "r", "opt")).toMatchObject({ required: false, type: { kind: "integer", bits: 64 } });
    expect(t("opt_null")).toEqual({ kind: "nullable", inner: { kind: "number" } });
    expect(obj(m, "r_closed").additional).toEqual({ kind: "closed" });
    expect(obj(m, "r_typed").additional).toMatchObject({ kind: "typed", type: { kind: "boolean" } });
    expect(t("map")).toEqual({ kind: "map", values: { kind: "string" } });
    expect(t("tuple")).toEqual({ kind: "tuple", items: [{ kind: "string" }, { kind: "number" }] });
    // Without minItems, [] and ["a"] are accepted too: no fixed-length type.
    expect(t("short")).toMatchObject({ kind: "raw" });
    expect(t("kinds")).toEqual({ kind: "nullable", inner: { kind: "ref", target: "r_kinds", indirect: false } });
    expect(decl(m, "r_kinds")).toMatchObject({ kind: "kind-union", variants: [{ kind: "integer" }, { kind: "string" }] });
  });

  it("falls back to raw JSON with a warning naming the pointer, never silently", async () => {
    const m = await root({ "schemas/r/v1.json": schema });
    expect(field(m, "r", "weird").type).toMatchObject({ kind: "raw", at: { file: "r/v1.json", pointer: "/properties/weird" } });
    expect(m.warnings).toContainEqual(expect.objectContaining({ file: "r/v1.json", pointer: "/properties/weird" }));
  });

  it("keeps int64 defaults exact", async () => {
    const text = '{"type":"object","properties":{"big":{"type":"integer","format":"int64","default":9007199254740993}}}';
    const m = await root({ "schemas/r/v1.json": text });
    expect(field(m, "r", "big").defaultJson).toBe("9007199254740993");
  });

  it("detects tagged unions and merges the parent's shared properties into each variant", async () => {
    const m = await root({
      "schemas/ev/v1.json": {
        type: "object",
        properties: { id: { type: "string" } },
        required: ["id"],
        oneOf: [
          { properties: { kind: { const: "a" }, x: { type: "string" } }, required: ["kind"] },
          { properties: { kind: { const: "b" } }, required: ["kind"] },
        ],
      },
    });
    expect(decl(m, "ev")).toMatchObject({ kind: "tagged-union", tag: "kind", variants: [{ tagValue: "a", target: "ev_a" }, { tagValue: "b", target: "ev_b" }] });
    expect(obj(m, "ev_a").fields.map((f) => f.wireName)).toEqual(["id", "x"]);
  });

  it("keeps a union's null branch on every use of the union, not just the first", async () => {
    const m = await root({
      "schemas/a/v1.json": {
        type: "object",
        properties: { p: { $ref: "#/$defs/U" }, q: { $ref: "#/$defs/U" }, r: { $ref: "#/$defs/K" }, s: { $ref: "#/$defs/K" } },
        $defs: {
          U: { oneOf: [{ type: "null" }, { type: "string" }, { type: "integer" }] },
          K: { anyOf: [{ type: ["boolean", "null"] }, { type: "object", properties: { x: { type: "string" } } }] },
        },
      },
    });
    for (const f of obj(m, "a").fields) expect(f.type, f.wireName).toMatchObject({ kind: "nullable", inner: { kind: "ref" } });
    expect(decl(m, "k")).toMatchObject({ kind: "kind-union", variants: [{ kind: "boolean", type: { kind: "boolean" } }, { kind: "object" }] });
  });

  it("boxes only the references that close a by-value cycle", async () => {
    const m = await root({
      "schemas/node/v1.json": {
        type: "object",
        properties: { next: { $ref: "#" }, children: { type: "array", items: { $ref: "#" } }, leaf: { $ref: "#/$defs/Leaf" } },
        $defs: { Leaf: { type: "object", properties: { v: { type: "string" } } } },
      },
    });
    expect(field(m, "node", "next").type).toMatchObject({ kind: "ref", indirect: true });
    expect(field(m, "node", "children").type).toMatchObject({ kind: "array", items: { kind: "ref", indirect: false } });
    expect(field(m, "node", "leaf").type).toMatchObject({ kind: "ref", indirect: false });
  });

  it("builds one module per older version with --all-versions", async () => {
    const v1 = { type: "object", properties: { a: { type: "string" } } };
    const { modules } = await loadModules(`${writeTree({ "schemas/x/v1.json": v1, "schemas/x/v2.json": v1 })}/schemas`, { allVersions: true });
    expect(modules.map((m) => m.path.join("/"))).toEqual(["", "x/v1"]);
    expect(modules[0]!.entities[0]).toMatchObject({ entity: "x", version: 2, root: "x" });
  });
});

describe("IR kinds: a schema is typed as what it accepts", () => {
  const kindsOf = (d: Decl): string[] => (d.kind === "kind-union" ? d.variants.map((v) => v.kind) : []);

  it("types a schema without `type` as a union of every kind, each typed by its own keywords", async () => {
    const m = await root({
      "schemas/loose/v1.json": { properties: { n: { type: "string" }, at: { type: "object", properties: { x: { type: "number" } } } }, required: ["n"], items: { type: "integer" }, minLength: 2 },
    });
    const union = decl(m, "loose");
    expect(kindsOf(union)).toEqual(["boolean", "integer", "number", "string", "array", "object"]);
    const variants = union.kind === "kind-union" ? union.variants : [];
    expect(variants.find((v) => v.kind === "array")!.type).toEqual({ kind: "array", items: { kind: "integer", bits: 64 } });
    expect(variants.find((v) => v.kind === "string")!.type).toEqual({ kind: "string", checks: { minLength: 2 } });
    expect(variants.find((v) => v.kind === "object")!.type).toMatchObject({ kind: "ref", target: "loose_object" });
    expect(obj(m, "loose_object").fields.map((f) => [f.wireName, f.required])).toEqual([["n", true], ["at", false]]);
    // Types inside keep the names they had when the schema was read as an object.
    expect(field(m, "loose_object", "at").type).toMatchObject({ kind: "ref", target: "loose_at" });
    // null is accepted too: the entity's type is the union or null.
    const entity = decl(m, m.entities[0]!.root);
    expect(entity).toMatchObject({ kind: "alias", id: "loose_or_null", type: { kind: "nullable", inner: { kind: "ref", target: "loose" } } });
  });

  it("keeps `type: object` a plain object and a type list a union of exactly those kinds", async () => {
    const m = await root({
      "schemas/thing/v1.json": {
        type: "object",
        properties: {
          both: { type: ["object", "array"], properties: { a: { type: "integer" } }, items: { type: "string" } },
          label: { type: ["string", "integer", "null"] },
          typed: { type: "object", oneOf: [{ properties: { b: { type: "boolean" } } }] },
        },
      },
    });
    expect(decl(m, "thing").kind).toBe("object");
    expect(kindsOf(decl(m, "thing_both"))).toEqual(["array", "object"]);
    expect(field(m, "thing", "label").type).toEqual({ kind: "nullable", inner: { kind: "ref", target: "thing_label", indirect: false } });
    expect(kindsOf(decl(m, "thing_label"))).toEqual(["integer", "string"]);
    // The union's `type` narrows its untyped single branch.
    expect(decl(m, "thing_typed").kind).toBe("object");
  });

  it("types an enum of several kinds as a union by kind holding each kind's values", async () => {
    const m = await root({ "schemas/thing/v1.json": { type: "object", properties: { mixed: { enum: ["a", 1, 2.5, true, null, [1]] } } } });
    expect(field(m, "thing", "mixed").type).toEqual({ kind: "nullable", inner: { kind: "ref", target: "thing_mixed", indirect: false } });
    const union = decl(m, "thing_mixed");
    expect(union.kind === "kind-union" && union.variants.map((v) => [v.kind, v.type.kind === "ref" ? [] : (v.type as { checks?: { values?: unknown[] } }).checks?.values])).toEqual([
      ["boolean", [true]], ["integer", [1]], ["number", [2.5]], ["string", ["a"]], ["array", [[1]]],
    ]);
  });

  it("types a property whose $dynamicRef points to a boolean schema", async () => {
    const m = await root({
      "schemas/d/v1.json": { type: "object", $defs: { yes: true, no: false }, properties: { a: { $dynamicRef: "#/$defs/yes" }, b: { $dynamicRef: "#/$defs/no" } } },
    });
    expect(obj(m, "d").fields.map((f) => f.type.kind)).toEqual(["raw", "raw"]);
  });

  it("makes every use of an untyped schema nullable, recursive ones included", async () => {
    const m = await root({ "schemas/tree/v1.json": { properties: { child: { $ref: "#" } } } });
    expect(field(m, "tree_object", "child").type).toEqual({ kind: "nullable", inner: { kind: "ref", target: "tree", indirect: true } });
  });

  it("keeps as raw JSON what kinds cannot tell apart once untyped branches accept every kind, and tags what they can", async () => {
    const m = await root({
      "schemas/thing/v1.json": {
        type: "object",
        properties: {
          // Under anyOf a string is accepted (neither branch constrains strings): every kind, objects tagged.
          shapes: { anyOf: [{ properties: { k: { const: "a" } }, required: ["k"] }, { properties: { k: { const: "b" } }, required: ["k"] }] },
          // oneOf: a string matches both branches (rejected); a number only the second one.
          pick: { oneOf: [{ type: "string" }, { properties: { a: { type: "integer" } } }] },
          // Under oneOf every non-object matches both branches: only objects are accepted.
          tagged: { oneOf: [{ properties: { k: { const: "a" } }, required: ["k"] }, { properties: { k: { const: "b" } }, required: ["k"] }] },
        },
      },
    });
    const shapes = decl(m, "thing_shapes");
    expect(kindsOf(shapes)).toEqual(["boolean", "integer", "number", "string", "array", "object"]);
    expect(shapes.kind === "kind-union" && shapes.variants.at(-1)!.type).toEqual({ kind: "ref", target: "thing_shapes_object", indirect: false });
    expect(decl(m, "thing_shapes_object")).toMatchObject({ kind: "tagged-union", tag: "k", variants: [{ target: "thing_shapes_a" }, { target: "thing_shapes_b" }] });
    expect(field(m, "thing", "pick").type.kind).toBe("raw");
    expect(decl(m, "thing_tagged").kind).toBe("tagged-union");
  });
});
