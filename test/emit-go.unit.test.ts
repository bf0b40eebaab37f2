/**
 * Go emitter on a hand-built IR (test/support/go-fixture.ts): the text helpers on their own, then
 * the generated packages compiled (build, vet, gofmt) and exercised: round trips with exact
 * expectations (defaults filled, former names read), zero values, decode errors, and a check
 * that every Go string literal the emitter writes is exactly strconv.Quote's.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalize, sameJson } from "../src/canonical.js";
import { alignRows } from "../src/emit/go/align.js";
import { emitGo } from "../src/emit/go/index.js";
import { commentLines, docParagraphs, goQuote, textLines } from "../src/emit/go/text.js";
import { exportedWords } from "../src/emit/go/validate.js";
import type { GeneratedFile } from "../src/emit/types.js";
import type { Decl, Doc, Module } from "../src/ir/types.js";
import { EVIL, unitModules } from "./support/go-fixture.js";
import { checkPackages, GO_ENV, GO_MODULE_DIR, prepareModule, roundTrip, writePackages, type GoTrip } from "./support/go-module.js";
import { itWithTool, run } from "./support/toolchains.js";

const options = { header: { toolVersion: "0.0.0-test" }, module: "example.com/unit", package: "unit" };
const QUOTE_SAMPLES = [
  "", "plain", 'a"b\\c', "\n\r\t\x07\b\f\v", "\u0000", "\u007f", "\u0080", "\u00a0", "é", "e\u0301", "😀",
  "\u2028\u2029", "\ufeff", "\u200b", "\ud800", "x\udc00y", "`", "${x}", "*/", "\u{10ffff}", "\ue000", "\u0378", "Größe",
];

describe("Go text helpers", () => {
  it("finds the capitalized words a package declares, as /\\b[A-Z]\\w*\\b/g does", () => {
    const text = "type User struct{}\nfunc (u *User) MarshalJSON_2() x9Y _Z Été A\u00e9B é\nB `C` d.E F";
    expect([...exportedWords(text)].sort()).toEqual([...new Set(text.match(/\b[A-Z][A-Za-z0-9_]*\b/g))].sort());
    expect([...exportedWords(text)].sort()).toEqual(["A", "B", "C", "E", "F", "MarshalJSON_2", "User"]);
  });

  it("finds the capitalized words with a prefix as the whole scan does, filtered", () => {
    const text = "Validate ValidateUser xValidateNo _ValidateNo ValidationError(\nValidat\tValidatX9_ é ValidateÉ Valid ValidateValidate";
    for (const prefix of ["Validat", "Validate", "V"]) {
      expect([...exportedWords(text, prefix)].sort()).toEqual([...exportedWords(text)].filter((w) => w.startsWith(prefix)).sort());
    }
    expect([...exportedWords(text, "Validat")].sort()).toEqual(["Validat", "ValidatX9_", "Validate", "ValidateUser", "ValidateValidate", "ValidationError"]);
  });

  it("quotes like strconv.Quote for the usual cases", () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote("\n\t\u0000\u007f")).toBe('"\\n\\t\\x00\\x7f"');
    expect(goQuote("é😀\u2028\ufeff\u00a0")).toBe('"é😀\\u2028\\ufeff\\u00a0"');
    expect(goQuote("\ud800")).toBe('"\ufffd"');
    expect(goQuote("`")).toBe('"`"');
  });

  it("turns text into comment lines that cannot end the comment or hide a line break", () => {
    const lines = textLines(EVIL);
    expect(lines).toEqual([
      "Ends a comment */ and a line",
      "}",
      "func evil() {}",
      '// "quotes" \\backslash\\ `tick`',
      "after U+2028\\u0000nul \\ufeffbom tab",
    ]);
  });

  it("keeps doc comments in the form gofmt prints them", () => {
    const out = docParagraphs(textLines("Intro.\n\nHeading Like This\n\nText.\n\n[a]: http://x.org\n\n#  Real\n\n\n\nEnd."));
    expect(out).toEqual(["Intro.", "", "# Heading Like This", "", "Text.", "", "\t[a]: http://x.org", "", "# Real", "", "End."]);
    expect(commentLines(["+build ignore", "x +build", "+builder"])).toEqual(["// \\+build ignore", "// x +build", "// +builder"]);
    expect(docParagraphs(["Set ``a`` or ''b''; ```fenced``` stays, ''' does not.", "", "\tcode ``kept``"])).toEqual(["Set \u201ca\u201c or \u201db\u201d; ```fenced``` stays, \u201d' does not.", "", "\tcode ``kept``"]);
  });

  it("aligns columns like gofmt: runs of rows, broken by comment lines", () => {
    const out = alignRows([
      { cells: ["A", "int", "`a`"] },
      { cells: ["Bbb", "string", "`b`"] },
      { line: "// c" },
      { cells: ["C", "x"] },
      { cells: ["Dd", "y", "`d`"] },
    ]);
    expect(out).toEqual(["A   int    `a`", "Bbb string `b`", "// c", "C  x", "Dd y `d`"]);
  });

  it("counts code points when it aligns (a surrogate pair is one, a lone surrogate one)", () => {
    const out = alignRows([{ cells: ["😀é", "x"] }, { cells: ["\ud800a", "y"] }, { cells: ["abcd", "z"] }, { cells: ["\udc00\ud800", "w"] }]);
    expect(out).toEqual(["😀é   x", "\ud800a   y", "abcd z", "\udc00\ud800   w"]);
  });
});

describe("emitGo on a hand-built IR", () => {
  let files: GeneratedFile[] = [];
  const file = (path: string): string => files.find((f) => f.path === path)!.contents;
  beforeAll(() => {
    files = emitGo(unitModules, options);
  });

  it("lays out one module: go.mod, the root package, older versions in <entity>/v<N>/", () => {
    expect(files.map((f) => f.path)).toEqual(["go.mod", "thing.go", "runtime.go", "scan.go", "read.go", "validate.go", "validation.go", "thing/v1/thing.go", "thing/v1/runtime.go", "thing/v1/scan.go", "thing/v1/read.go", "thing/v1/validate.go", "thing/v1/validation.go", "canonical/canonical.go", "thing/upgrade/upgrade.go"]);
    expect(file("go.mod")).toContain("\nmodule example.com/unit\n\ngo 1.22\n");
    expect(file("go.mod")).toContain("inputs sha256: " + "1".repeat(64) + " (thing/v1)");
    expect(file("thing/v1/thing.go")).toContain("\npackage thingv1\n");
    for (const f of files) {
      expect(f.contents.startsWith("// Code generated by lockstep. DO NOT EDIT.\n"), f.path).toBe(true);
      expect(f.contents).toContain("lockstep 0.0.0-test");
    }
  });

  it("maps fields, names and helpers as designed", () => {
    const types = file("thing.go");
    expect(types).toMatch(/\tID +string +`json:"id"`/);
    expect(types).toMatch(/\tUserID +int64 +`json:"user_id"`/);
    expect(types).toMatch(/\tAge +\*int32 +`json:"age"`/);
    expect(types).toMatch(/\tBio +\*NullableValue\[string\] +`json:"bio,omitempty"`/);
    expect(types).toMatch(/\tTags +\[\]string +`json:"tags"`/);
    expect(types).toMatch(/\tLabels +map\[string\]string +`json:"labels,omitzero"`/);
    expect(types).toMatch(/\tMarshalJSONField +\*string +`json:"marshal_json,omitempty"`/);
    expect(types).toMatch(/\tWeirdName +\*string +`json:"-"`/);
    expect(types).toMatch(/\tDash +\*bool +`json:"-,omitempty"`/);
    expect(types).toMatch(/\tPair +Tuple2\[string, int64\] +`json:"pair"`/);
    expect(types).toMatch(/\tPoint +\*\[2\]float64 +`json:"point,omitempty"`/);
    expect(types).toMatch(/\tRight +\*NullableValue\[Tree\] +`json:"right,omitempty"`/);
    expect(types).toMatch(/\tLeft +\*Tree +`json:"left,omitempty"`/);
    expect(types).toContain("\tRoleAdminValue Role = \"admin\"");
    expect(types).toContain("type Tags []string\n");
    expect(types).toContain("type RawAlias = json.RawMessage\n");
    expect(types).toContain("type MaybeID = *int64\n");
    expect(types).toContain("// Deprecated: the schema marks this as deprecated.");
    expect(types).toContain('decodeDefault(obj, &x.Big, "9007199254740993", "big")');
    expect(types).toContain('decodeRequired(obj, &x.FullName, "full_name", "name", "fullName")');
    expect(file("runtime.go")).toContain("type NullableValue[T any] struct {");
    expect(file("thing/v1/runtime.go")).not.toContain("Nullable");
  });

  it("never lets schema text out of a comment or a string literal", () => {
    const types = file("thing.go");
    for (const line of types.split("\n")) {
      expect(line).not.toMatch(/^func evil|^var x|^\}\s*$.*evil/);
      expect(line).not.toMatch(/[\u0000\u2028\u2029\ufeff\r]/);
    }
    expect(types).toContain("// func evil() {}");
    expect(types).toContain("// A role. */\n// }\n// var x = 1\n");
  });

  itWithTool("go")("compiles (build, vet, gofmt -l), round-trips exactly and reports where decoding failed", () => {
    prepareModule();
    writePackages("unit", files);
    const samples = join(GO_MODULE_DIR, "unit/quotecheck");
    mkdirSync(samples, { recursive: true });
    writeFileSync(
      join(samples, "main.go"),
      `// Checks the emitter's Go string literals against strconv.Quote.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
)

var literals = []string{
${QUOTE_SAMPLES.map((s) => `\t${goQuote(s)},`).join("\n")}
}

func main() {
	var want struct{ Strings, Quoted []string }
	data, err := os.ReadFile(os.Args[1])
	if err == nil {
		err = json.Unmarshal(data, &want)
	}
	if err != nil {
		panic(err)
	}
	for i, s := range want.Strings {
		if literals[i] != s || strconv.Quote(s) != want.Quoted[i] {
			fmt.Printf("sample %d: literal %q, strconv.Quote %s, emitter %s\\n", i, literals[i], strconv.Quote(s), want.Quoted[i])
			os.Exit(1)
		}
	}
}
`,
    );
    const zero = join(GO_MODULE_DIR, "unit/zerovalues");
    mkdirSync(zero, { recursive: true });
    writeFileSync(
      join(zero, "main.go"),
      `// Prints how zero values and hand-built values of generated types encode.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"

	unit "lockstepcases/unit"
)

func main() {
	for _, v := range []any{
		unit.Holder{},
		unit.Holder{OptList: []string{}},
		unit.Tree{},
		unit.Thing{}.Shape,
		unit.Value{},
		unit.Role("anything"),
		unit.Tree{Right: &unit.NullableValue[unit.Tree]{}, Counts: map[string]int64{"value": 1, "k": 2}},
		unit.Shape{Square: &unit.Square{Side: 1, AdditionalProperties: map[string]json.RawMessage{"kind": json.RawMessage(\`"x"\`), "side": nil}}},
	} {
		data, err := json.Marshal(v)
		fmt.Printf("%s|%v\\n", data, err)
	}
	fmt.Println(unit.RoleMember.IsKnown(), unit.Role("x").IsKnown(), unit.RoleLineSep)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(unit.Address{Street: "<&>"})
	escaped, _ := json.Marshal(unit.Address{Street: "<&>"})
	fmt.Print(buf.String(), string(escaped), "\\n")
}
`,
    );
    writePackages("unit/docs", emitGo([docsModule()], { ...options, package: "docs" }));
    // A package of a kind union alone: its file must not import encoding/json.
    const kinds = unitModules[0]!.decls.filter((d) => d.id === "int_only");
    writePackages("unit/kinds", emitGo([{ ...unitModules[0]!, decls: kinds }], { ...options, package: "kinds" }));
    checkPackages(["unit"]);

    const strings = QUOTE_SAMPLES.map((s) => s.replace(/[\ud800-\udfff]/gu, (c) => (c.length === 1 ? "\ufffd" : c)));
    const wantFile = join(GO_MODULE_DIR, "unit/quotecheck/want.json");
    writeFileSync(wantFile, JSON.stringify({ Strings: strings, Quoted: QUOTE_SAMPLES.map(goQuote) }));
    run("go", ["run", "./unit/quotecheck", wantFile], GO_MODULE_DIR, GO_ENV);

    const zeros = run("go", ["run", "./unit/zerovalues"], GO_MODULE_DIR, GO_ENV).trim().split("\n");
    expect(zeros).toEqual([
      '{"list":[],"dict":{},"tags":[],"n":0,"b":false,"s":"","r":null}|<nil>',
      '{"list":[],"dict":{},"tags":[],"opt_list":[],"n":0,"b":false,"s":"","r":null}|<nil>',
      '{"value":0,"parent":null}|<nil>',
      "|json: error calling MarshalJSON for type unit.Shape: Shape: no variant is set",
      "|json: error calling MarshalJSON for type unit.Value: Value: no variant is set",
      '"anything"|<nil>',
      '{"value":0,"right":null,"parent":null,"k":2}|<nil>',
      '{"kind":"square","side":1}|<nil>',
      "true false x\u2028y",
      "z",
      '{"street":"<&>"}',
      '{"street":"\\u003c\\u0026\\u003e"}',
    ]);

    const dir = join(GO_MODULE_DIR, "unit/instances");
    mkdirSync(dir, { recursive: true });
    const cases: Array<{ name: string; key: string; typeName: string; importPath: string; input: string; want?: string; error?: string }> = [];
    const add = (name: string, input: unknown, want?: unknown, error?: string, typeName = "Thing", importPath = "unit"): void => {
      const text = typeof input === "string" ? input : JSON.stringify(input, null, 2);
      cases.push({ name, key: `${importPath}/${typeName}`, typeName, importPath, input: text, ...(want !== undefined ? { want: typeof want === "string" ? want : JSON.stringify(want) } : {}), ...(error !== undefined ? { error } : {}) });
    };
    add("full", FULL);
    add("full-with-unicode", FULL.replace('"id": "abc"', '"id": "a\\u2028b\\u0000\\ud83d\\ude00"'));
    const minimalOut = { ...MINIMAL, count: 10, big: 9007199254740993n, role: "member", full_name: "old name" } as Record<string, unknown>;
    delete minimalOut.name;
    add("minimal", JSON.stringify(MINIMAL), stringifyBig(minimalOut));
    add("both-names", JSON.stringify({ ...MINIMAL, full_name: "new", fullName: "older" }), stringifyBig({ ...minimalOut, full_name: "new" }));
    add("wrong-kind", JSON.stringify({ ...MINIMAL, id: 1 }), undefined, "decoding /id: json: cannot unmarshal number into Go value of type string");
    add("missing-nested", JSON.stringify({ ...MINIMAL, address: {} }), undefined, "decoding /address/street: required property is missing");
    add("missing", JSON.stringify({ ...MINIMAL, user_id: undefined }), undefined, "decoding /user_id: required property is missing");
    add("int-only-number", "9", undefined, undefined, "IntOnly");
    add("int-only-fraction", "1.5", undefined, "number 1.5", "IntOnly");
    add("value-nested", '[1, [2.5, "x", {"street": "s", "city": null}]]', '[1,[2.5,"x",{"street":"s"}]]', undefined, "Value");
    add("variant-alone", '{"kind": "square", "side": 1, "x": [2]}', undefined, undefined, "Square");
    add("v1", '{"id": "old", "dropped": 1}', '{"id":"old"}', undefined, "Thing", "unit/thing/v1");

    const trips: GoTrip[] = cases.map((c) => {
      const path = join(dir, `${c.name}.json`);
      writeFileSync(path, c.input);
      return { key: c.key, importPath: c.importPath, typeName: c.typeName, file: path };
    });
    const results = roundTrip("roundtrip-unit", trips);
    const failures: string[] = [];
    results.forEach((r, i) => {
      const c = cases[i]!;
      if (c.error !== undefined) {
        if (r.error === undefined || !r.error.includes(c.error)) failures.push(`${c.name}: expected error ${c.error}, got ${r.error ?? r.out}`);
      } else if (r.error !== undefined) failures.push(`${c.name}: ${r.error}`);
      else if (!sameJson(c.want ?? c.input, r.out!)) failures.push(`${c.name}:\n  want: ${canonicalize(c.want ?? c.input)}\n  got:  ${canonicalize(r.out!)}`);
    });
    expect(failures.join("\n")).toBe("");
    expect(spawnSync("go", ["version"]).status).toBe(0);
  }, 180_000);
});

/** Adversarial doc texts (gofmt markup, directives, odd spaces) on types, fields and constants. */
function docsModule(): Module {
  const fragments = [
    "Heading Like This", "Another Heading", "# Heading", "#\tTabbed", "#", "  indented", "\tcode", "- item", "* star", "1. one",
    "[x]: http://a.b", "[y]: https://c.d/e", "}", "func main() {", "Text ending with {", "Text ending with \\", "", "", "",
    "\u00a0", "\u3000 ideographic", "Possessive's Thing", "URL http://example.com/x.", "//go:generate rm -rf /", "go:build ignore",
    "+build ignore", "line 1", "Deprecated: fake", "A.B", "Some (paren) Heading", "trailing   ", "ends with period.", "\r\n", "*/",
    "``tool.setuptools`` table", "two '' quotes '''", "```fenced``` ````four````",
  ];
  let seed = 7;
  const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const text = (): string => Array.from({ length: 1 + next(8) }, () => fragments[next(fragments.length)]!).join("\n");
  const doc = (): Doc => ({ description: text(), constraints: next(3) === 0 ? ["pattern: \"[x]: http://a.b\""] : [] });
  const source = { file: "docs/v1.json", pointer: "" };
  const decls: Decl[] = Array.from({ length: Number(process.env.GO_DOC_FUZZ ?? 60) }, (_, i) => ({ kind: "alias", id: `a${i}`, name: ["a", String(i)], doc: doc(), source, type: { kind: "string" } }));
  decls.push({
    kind: "object",
    id: "holder",
    name: ["holder"],
    doc: doc(),
    source,
    additional: { kind: "closed" },
    fields: Array.from({ length: 30 }, (_, i) => ({ name: ["f", String(i)], wireName: `f${i}`, type: { kind: "boolean" }, required: next(2) === 0, aliases: [], doc: doc(), source })),
  });
  decls.push({
    kind: "enum",
    id: "e",
    name: ["e"],
    doc: doc(),
    source,
    unknownName: ["unknown"],
    members: Array.from({ length: 20 }, (_, i) => ({ name: ["m", String(i)], value: `${i} ${text()}`, doc: doc() })),
  });
  return { path: [], entities: [{ entity: "docs", version: 1, file: "docs/v1.json", root: "holder" }], decls, inputsHash: "2".repeat(64), inputs: ["docs/v1.json"], warnings: [] };
}

function stringifyBig(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `__big${v}__` : v)).replace(/"__big(-?\d+)__"/g, "$1");
}

const MINIMAL = {
  id: "m",
  user_id: 1,
  age: 5,
  tags: ["t"],
  matrix: [],
  shape: { kind: "circle", radius: 0 },
  value: null,
  payload: { p: 1 },
  pair: ["", 0],
  name: "old name",
  req_maybe_id: null,
  tags_alias: ["x"],
};

const FULL = `{
  "id": "abc", "user_id": -9223372036854775808, "count": 0, "big": 9223372036854775807, "role": "not-listed",
  "nick": "", "age": null, "bio": null, "tags": [], "labels": {}, "scores": null, "matrix": [[1, null], []],
  "address": {"street": "", "city": "x"},
  "shape": {"kind": "square", "side": 2, "color": "red"},
  "shapes": [{"kind": "circle", "radius": 1}, {"kind": "hexagon", "n": {"deep": [1, 2]}}, {"kind": "we\\"ird\\n"}, {"radius": 3}, {"kind": 7}],
  "value": [true, 1, 1.5, "s", [], {"street": "s"}, 12345678901234567, -0.5e-3],
  "maybe_value": null,
  "int_only": 7,
  "meta": {"a": [1, 2.50, 18446744073709551616]},
  "payload": null,
  "point": [1.5, -2],
  "pair": ["a", 9007199254740993],
  "triple": ["x", 1, false],
  "tree": {"value": 1, "children": [{"value": 2, "parent": null}], "left": {"value": 3, "parent": null}, "right": null,
           "parent": {"value": 0, "parent": null, "right": {"value": 4, "parent": null}}, "extra_count": 5},
  "we\\"ird\`name": "w",
  "marshal_json": "m",
  "full_name": "F",
  "old": "o",
  "-": false,
  "": "empty key",
  "maybe_id": null,
  "req_maybe_id": 5,
  "tags_alias": [],
  "raw_alias": "anything",
  "nullable": "n",
  "role_admin": "ra",
  "unknown_field": {"x": [null, 123456789012345678901234567890]}
}`;
