/**
 * src/load/locate.ts places pointers as locate() (src/load/json-file.ts, through the position
 * tree) does: every value's pointer, pointers that go past what exists, and odd spellings.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { locate, parseJsonFile, pointerFrom } from "../src/load/json-file.js";
import { anchorOffsets } from "../src/load/locate.js";
import { positionAt } from "../src/load/json-file.js";

/** The pointer of every value in `value`, and a few that do not exist below each. */
function pointers(value: unknown, path: Array<string | number> = [], out: string[] = []): string[] {
  out.push(pointerFrom(path), pointerFrom([...path, "missing"]), pointerFrom([...path, 0, "x"]));
  if (Array.isArray(value)) value.forEach((v, i) => pointers(v, [...path, i], out));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) pointers(v, [...path, k], out);
  return out;
}

function same(text: string, extra: string[] = []): void {
  const file = parseJsonFile("/x.json", "x.json", text);
  const all = [...pointers(file.value), ...extra];
  const offsets = anchorOffsets(file.text, all);
  const got = all.map((p, i) => ({ p, ...positionAt(file.text, offsets[i]!) }));
  const want = all.map((p) => {
    const { line, column } = locate(file, p);
    return { p, line, column };
  });
  expect(got).toEqual(want);
}

describe("anchorOffsets places pointers as locate does", () => {
  it("objects, arrays, scalars, nesting, white space", () => {
    same('{"a":1,"b":[true,null,{"c":"d"}],"e":{"f":{"g":[[],{}]}},"h":-1.5e3}');
    same('\n  {\n\t"a" :  [ 1 ,\r\n 2 ] , "b"\n:\n{ "c" : [ { } ] }\n}\n');
    same('[1, [2, [3, {"a": [4]}]], "x"]');
    same('"just a string"');
    same("42");
  });

  it("keys with escapes, quotes and pointer characters; strings with brackets and escaped quotes", () => {
    same(String.raw`{"a/b":{"~c":1},"q\"uote":[2],"back\\slash":{"x":"]}\"{["},"\u00e9t\u00e9":3,"":{"":4}}`);
  });

  it("array items spelled with leading zeros, and pointers past scalars", () => {
    same('{"a":[10,20,{"b":1}]}', ["/a/01", "/a/002/b", "/a/1/deeper", "/a/-", "/a/99", "/nope/a/b"]);
  });

  const corpus = join(import.meta.dirname, "..", "..", "shared", "corpus", "schemastore");
  it.skipIf(!existsSync(corpus))("a sample of the SchemaStore corpus, every value", () => {
    const files = readdirSync(corpus).filter((f) => f.endsWith(".json")).sort();
    for (const f of files.filter((_, i) => i % 40 === 0)) same(readFileSync(join(corpus, f), "utf8").replace(/^\uFEFF/, ""));
  });
});
