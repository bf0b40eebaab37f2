/**
 * Reference resolution (src/load/refs.ts) and dialect normalization (src/load/dialect.ts) over
 * in-memory documents: $id bases, anchors, plain-name ids, nested bases, vendored remotes.
 */
import { describe, expect, it } from "vitest";
import { dialectOf, normalize } from "../src/load/dialect.js";
import { RefIndex, vendoredPaths, type Resolution } from "../src/load/refs.js";

function indexOf(docs: Record<string, unknown>, remotes?: Record<string, string>): RefIndex {
  return new RefIndex({
    read: (rel) => (rel in docs ? structuredClone(docs[rel]) : undefined),
    paths: () => Object.keys(docs).sort(),
    ...(remotes ? { remotes: new Map(Object.entries(remotes)) } : {}),
  });
}

/** Resolves the reference written at `pointer` of document `rel`. */
function at(index: RefIndex, rel: string, pointer: string): Resolution {
  let node = index.doc(rel)!.value as Record<string, unknown>;
  for (const seg of pointer.split("/").slice(1)) node = node[seg] as Record<string, unknown>;
  return index.resolve(node);
}

function target(r: Resolution): string {
  if (!r.ok) throw new Error(r.reason);
  return `${r.place.doc.rel}#${r.place.pointer}`;
}

describe("reference resolution", () => {
  it("a $ref to the document's own absolute $id (and draft-04 id)", () => {
    const index = indexOf({
      "a/v1.json": { $id: "https://example.com/a.json", $defs: { x: { type: "string" } }, properties: { p: { $ref: "https://example.com/a.json#/$defs/x" } } },
      "b/v1.json": { $schema: "http://json-schema.org/draft-04/schema#", id: "https://example.com/b.json", definitions: { x: {} }, properties: { p: { $ref: "https://example.com/b.json#/definitions/x" } } },
    });
    expect(target(at(index, "a/v1.json", "/properties/p"))).toBe("a/v1.json#/$defs/x");
    expect(target(at(index, "b/v1.json", "/properties/p"))).toBe("b/v1.json#/definitions/x");
  });

  it("two versions sharing one $id each resolve to themselves", () => {
    const doc = (t: string) => ({ $id: "https://example.com/u.json", $defs: { x: { type: t } }, properties: { p: { $ref: "https://example.com/u.json#/$defs/x" } } });
    const index = indexOf({ "u/v1.json": doc("string"), "u/v2.json": doc("integer") });
    expect(target(at(index, "u/v1.json", "/properties/p"))).toBe("u/v1.json#/$defs/x");
    expect(target(at(index, "u/v2.json", "/properties/p"))).toBe("u/v2.json#/$defs/x");
  });

  it("plain-name fragments: draft-06/07 $id \"#item\", draft-04 id, 2019-09/2020-12 $anchor", () => {
    const index = indexOf({
      "d6.json": { $schema: "http://json-schema.org/draft-06/schema#", definitions: { i: { $id: "#item", type: "integer" } }, items: { $ref: "#item" } },
      "d4.json": { $schema: "http://json-schema.org/draft-04/schema#", definitions: { i: { id: "#item" } }, items: { $ref: "#item" } },
      "n.json": { $defs: { i: { $anchor: "item" } }, items: { $ref: "#item" } },
      // In 2020-12 "$id": "#item" is not an anchor.
      "bad.json": { $defs: { i: { $id: "#item" } }, items: { $ref: "#item" } },
    });
    expect(target(at(index, "d6.json", "/items"))).toBe("d6.json#/definitions/i");
    expect(target(at(index, "d4.json", "/items"))).toBe("d4.json#/definitions/i");
    expect(target(at(index, "n.json", "/items"))).toBe("n.json#/$defs/i");
    expect(at(index, "bad.json", "/items")).toMatchObject({ ok: false, reason: 'bad.json has no anchor "item"' });
  });

  it("relative refs resolve against a nested $id base; anchors belong to their resource", () => {
    const index = indexOf({
      "root.json": {
        $id: "https://example.com/root.json",
        $defs: {
          inner: { $id: "nested/inner.json", $defs: { leaf: { $anchor: "leaf", type: "string" } }, properties: { a: { $ref: "#leaf" }, b: { $ref: "../root.json#/$defs/other" } } },
          other: { type: "boolean" },
        },
        properties: { c: { $ref: "nested/inner.json#leaf" }, d: { $ref: "https://example.com/nested/inner.json" }, e: { $ref: "#leaf" } },
      },
    });
    expect(target(at(index, "root.json", "/$defs/inner/properties/a"))).toBe("root.json#/$defs/inner/$defs/leaf");
    expect(target(at(index, "root.json", "/$defs/inner/properties/b"))).toBe("root.json#/$defs/other");
    expect(target(at(index, "root.json", "/properties/c"))).toBe("root.json#/$defs/inner/$defs/leaf");
    expect(target(at(index, "root.json", "/properties/d"))).toBe("root.json#/$defs/inner");
    expect(at(index, "root.json", "/properties/e").ok).toBe(false);
  });

  it("up to draft-07 a $ref hides a sibling $id", () => {
    const index = indexOf({
      "s.json": {
        $schema: "http://json-schema.org/draft-07/schema#",
        $id: "https://example.com/base/",
        definitions: { a: { $id: "https://example.com/foo.json", type: "string" }, b: { $id: "foo.json", type: "number" } },
        allOf: [{ $id: "https://example.com/", $ref: "foo.json" }],
      },
    });
    expect(target(at(index, "s.json", "/allOf/0"))).toBe("s.json#/definitions/b");
  });

  it("files by relative path, other.json#/ as the whole document, and cycles between files", () => {
    const index = indexOf({
      "a/v1.json": { properties: { b: { $ref: "../_common/b.json#/" } } },
      "_common/b.json": { properties: { a: { $ref: "../a/v1.json" }, self: { $ref: "#" } } },
    });
    expect(target(at(index, "a/v1.json", "/properties/b"))).toBe("_common/b.json#");
    expect(target(at(index, "_common/b.json", "/properties/a"))).toBe("a/v1.json#");
    expect(target(at(index, "_common/b.json", "/properties/self"))).toBe("_common/b.json#");
  });

  it("an absolute URI that another document under the root declares as its $id", () => {
    const index = indexOf({
      "a/v1.json": { $id: "https://example.com/schemas/a", properties: { b: { $ref: "b#/$defs/x" }, c: { $ref: "https://example.com/schemas/b" } } },
      "shared/b.json": { $id: "https://example.com/schemas/b", $defs: { x: {} } },
    });
    expect(target(at(index, "a/v1.json", "/properties/b"))).toBe("shared/b.json#/$defs/x");
    expect(target(at(index, "a/v1.json", "/properties/c"))).toBe("shared/b.json#");
  });

  it("remote documents are refused unless vendored under _remote/ or mapped in remotes", () => {
    const docs = {
      "a.json": { properties: { x: { $ref: "https://example.com/s/x.json#/$defs/y" }, z: { $ref: "https://other.org/z" }, w: { $ref: "../../w.json" } } },
      "_remote/example.com/s/x.json": { $defs: { y: { type: "string" } } },
      "vendor/z.json": {},
    };
    const index = indexOf(docs, { "https://other.org/z": "vendor/z.json" });
    expect(target(at(index, "a.json", "/properties/x"))).toBe("_remote/example.com/s/x.json#/$defs/y");
    expect(target(at(index, "a.json", "/properties/z"))).toBe("vendor/z.json#");
    expect(at(index, "a.json", "/properties/w")).toMatchObject({ ok: false, kind: "outside" });
    const bare = indexOf({ "a.json": docs["a.json"] });
    const refused = at(bare, "a.json", "/properties/x");
    expect(refused).toMatchObject({ ok: false, kind: "remote" });
    expect(refused.ok ? "" : refused.reason).toMatch(/vendor a copy as _remote\/example\.com\/s\/x\.json/);
    expect(vendoredPaths("https://example.com/a/b")).toEqual(["_remote/example.com/a/b", "_remote/example.com/a/b.json"]);
  });

  it("$recursiveRef and $dynamicRef in their static use; dynamic only when two resources compete", () => {
    const index = indexOf({
      "r.json": { $schema: "https://json-schema.org/draft/2019-09/schema", $recursiveAnchor: true, properties: { kids: { items: { $recursiveRef: "#" } } } },
      "d.json": { $dynamicAnchor: "node", properties: { kids: { items: { $dynamicRef: "#node" } } } },
    });
    expect(target(at(index, "r.json", "/properties/kids/items"))).toBe("r.json#");
    expect(target(at(index, "d.json", "/properties/kids/items"))).toBe("d.json#");
    const kids = (index.doc("d.json")!.value as { properties: { kids: { items: object } } }).properties.kids.items;
    expect(index.isDynamic(kids)).toBe(false);
    index.doc("r.json");
    const two = indexOf({ "d.json": { $dynamicAnchor: "node", items: { $dynamicRef: "#node" } }, "e.json": { $dynamicAnchor: "node", $ref: "d.json" } });
    const items = (two.doc("d.json")!.value as { items: object }).items;
    two.doc("e.json");
    expect(two.isDynamic(items)).toBe(true);
  });
});

describe("dialects", () => {
  it("reads $schema", () => {
    expect(dialectOf("http://json-schema.org/draft-04/schema#")).toBe("draft-04");
    expect(dialectOf("http://json-schema.org/draft-06/schema#")).toBe("draft-06");
    expect(dialectOf("http://json-schema.org/draft-07/schema")).toBe("draft-07");
    expect(dialectOf("https://json-schema.org/draft/2019-09/schema")).toBe("2019-09");
    expect(dialectOf("https://json-schema.org/draft/2020-12/schema")).toBe("2020-12");
    expect(dialectOf(undefined)).toBe("2020-12");
  });

  it("normalizes draft-04 to the 2020-12 model", () => {
    const a = { type: "integer" };
    expect(normalize({ id: "#x", type: "number", minimum: 1, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false }, "draft-04"))
      .toEqual({ $anchor: "x", type: "number", exclusiveMinimum: 1, maximum: 9 });
    const tuple = normalize({ type: "array", items: [a, a], additionalItems: false }, "draft-04");
    expect(tuple).toEqual({ type: "array", prefixItems: [a, a], items: false });
    expect((tuple.prefixItems as unknown[])[0]).toBe(a);
    expect(normalize({ items: [a] }, "2019-09")).toEqual({ prefixItems: [a] });
    expect(normalize({ items: a, additionalItems: false }, "draft-07")).toEqual({ items: a });
    expect(normalize({ dependencies: { x: ["y"], z: a } }, "draft-07")).toEqual({ dependentRequired: { x: ["y"] }, dependentSchemas: { z: a } });
    const same = { items: [a], additionalItems: false };
    expect(normalize(same, "2020-12")).toBe(same);
  });
});
