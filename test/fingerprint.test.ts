/**
 * Fingerprints and structural diffs: the reference (src/fingerprint.ts) against RFC 8785's own
 * examples and the maintained `canonicalize` package, the diff rules, and then the generated code
 * of all three languages against the reference on the RFC examples, run by `lockstep test` with
 * the real toolchains (one project under .cache/, so builds stay cached).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import canonicalize from "canonicalize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { canonicalJson, changesJson, diffJson, fingerprintJson, fingerprintNumber } from "../src/fingerprint.js";
import type { Language } from "../src/testing/languages.js";
import { runTests } from "../src/testing/run.js";
import { emitGo } from "../src/emit/go/index.js";
import { emitRust } from "../src/emit/rust/index.js";
import { emitTypeScript } from "../src/emit/typescript/index.js";
import { module, object } from "./support/ts-ir.js";
import { hasTool } from "./support/toolchains.js";

/** RFC 8785 appendix B: IEEE 754 bit patterns and their canonical spelling. */
const NUMBER_TABLE: Array<[string, string]> = [
  ["0000000000000000", "0"], ["8000000000000000", "0"], ["0000000000000001", "5e-324"], ["8000000000000001", "-5e-324"],
  ["7fefffffffffffff", "1.7976931348623157e+308"], ["ffefffffffffffff", "-1.7976931348623157e+308"],
  ["4340000000000000", "9007199254740992"], ["c340000000000000", "-9007199254740992"], ["4430000000000000", "295147905179352830000"],
  ["44b52d02c7e14af5", "9.999999999999997e+22"], ["44b52d02c7e14af6", "1e+23"], ["44b52d02c7e14af7", "1.0000000000000001e+23"],
  ["444b1ae4d6e2ef4e", "999999999999999700000"], ["444b1ae4d6e2ef4f", "999999999999999900000"], ["444b1ae4d6e2ef50", "1e+21"],
  ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"], ["3eb0c6f7a0b5ed8d", "0.000001"],
  ["41b3de4355555553", "333333333.3333332"], ["41b3de4355555554", "333333333.33333325"], ["41b3de4355555555", "333333333.3333333"],
  ["41b3de4355555556", "333333333.3333334"], ["41b3de4355555557", "333333333.33333343"],
  ["becbf647612f3696", "-0.0000033333333333333333"], ["43143ff3c1cb0959", "1424953923781206.2"],
];

function double(bits: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${bits}`));
  return view.getFloat64(0);
}

/** RFC 8785 section 3.2.3: members sorted by UTF-16 code units. */
const SORTING_INPUT = '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}';
const SORTED_KEYS = ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\u{1f600}", "\ufb33"];

/** RFC 8785 section 3.2.2 / appendix: numbers, string escapes and literals. */
const SAMPLE_INPUT = '{\n  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n  "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",\n  "literals": [null, true, false]\n}';
const SAMPLE_OUTPUT = '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}';

/** The deliberate difference from RFC 8785: integer literals that fit 64 bits keep their digits. */
const INTEGERS: Array<[string, string]> = [
  ["9007199254740993", "9007199254740993"], ["-9007199254740993", "-9007199254740993"],
  ["9223372036854775807", "9223372036854775807"], ["-9223372036854775808", "-9223372036854775808"],
  ["18446744073709551615", "18446744073709551615"],
  ["18446744073709551616", "18446744073709552000"], ["-9223372036854775809", "-9223372036854776000"],
  ["295147905179352825856", "295147905179352830000"], ["9007199254740993.0", "9007199254740992"],
  ["-0", "0"], ["-0.0", "0"], ["1E3", "1000"], ["2.50", "2.5"], ["1e21", "1e+21"], ["100000000000000000000", "100000000000000000000"],
];

describe("canonical JSON (src/fingerprint.ts)", () => {
  it.each(NUMBER_TABLE)("spells the double 0x%s as RFC 8785 does: %s", (bits, expected) => {
    const d = double(bits);
    expect(fingerprintNumber(String(d))).toBe(expected);
    expect(fingerprintNumber(d.toExponential())).toBe(expected);
  });

  it("refuses numbers beyond a double (RFC 8785: NaN and Infinity are errors)", () => {
    expect(() => fingerprintNumber("1e400")).toThrow(/beyond|range/);
    expect(() => canonicalJson("[-1e400]")).toThrow();
  });

  it.each(INTEGERS)("keeps integers that fit 64 bits exact, and rounds the rest as RFC 8785: %s → %s", (literal, expected) => {
    expect(fingerprintNumber(literal)).toBe(expected);
  });

  it("sorts members by UTF-16 code units (RFC 8785 section 3.2.3)", () => {
    const input = JSON.parse(SORTING_INPUT) as Record<string, string>;
    expect(canonicalJson(SORTING_INPUT)).toBe(`{${SORTED_KEYS.map((k) => `${JSON.stringify(k)}:${JSON.stringify(input[k])}`).join(",")}}`);
    expect(canonicalJson(SORTING_INPUT).startsWith('{"\\r":"Carriage Return","1":"One","\u0080":"Control"')).toBe(true);
  });

  it("writes RFC 8785's sample exactly (numbers, escapes, literals)", () => {
    expect(canonicalJson(SAMPLE_INPUT)).toBe(SAMPLE_OUTPUT);
    expect(fingerprintJson(SAMPLE_INPUT)).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintJson(SAMPLE_INPUT)).toBe(fingerprintJson(SAMPLE_OUTPUT));
  });

  it("agrees with the canonicalize package wherever RFC 8785 and the 64-bit rule agree (doubles only)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(canonicalJson(text)).toBe(canonicalize(JSON.parse(text)));
      }),
      { numRuns: 500, seed: 8785 },
    );
    expect(canonicalJson(SAMPLE_INPUT)).toBe(canonicalize(JSON.parse(SAMPLE_INPUT)));
    expect(canonicalJson(SORTING_INPUT)).toBe(canonicalize(JSON.parse(SORTING_INPUT)));
  });

  it("gives two int64 values beyond 2^53 different fingerprints (RFC 8785 alone would not)", () => {
    expect(fingerprintJson('{"id":9007199254740993}')).not.toBe(fingerprintJson('{"id":9007199254740992}'));
    expect(canonicalize({ id: 9007199254740993 })).toBe(canonicalize({ id: 9007199254740992 }));
  });
});

describe("structural diff (src/fingerprint.ts)", () => {
  const diff = (a: string, b: string): string => changesJson(diffJson(a, b));
  it.each([
    ["equal values, key order and number spelling aside", '{"a":1,"b":[2.0]}', '{"b":[2],"a":1.0}', "[]"],
    ["null is a value: null → absent", '{"a":null}', "{}", '[{"old":null,"pointer":"/a"}]'],
    ["absent → null", "{}", '{"a":null}', '[{"new":null,"pointer":"/a"}]'],
    ["a number and a string", '{"a":1}', '{"a":"1"}', '[{"new":"1","old":1,"pointer":"/a"}]'],
    ["arrays by index", "[1,2,3]", "[1,5]", '[{"new":5,"old":2,"pointer":"/1"},{"old":3,"pointer":"/2"}]'],
    ["RFC 6901 escapes in wire names", '{"a/b~c":1}', '{"a/b~c":2}', '[{"new":2,"old":1,"pointer":"/a~1b~0c"}]'],
    ["the root", "1", "2", '[{"new":2,"old":1,"pointer":""}]'],
    ["different kinds: one change", '{"a":{"b":1}}', '{"a":[1]}', '[{"new":[1],"old":{"b":1},"pointer":"/a"}]'],
    ["int64 beyond 2^53", '{"n":9007199254740993}', '{"n":9007199254740992}', '[{"new":9007199254740992,"old":9007199254740993,"pointer":"/n"}]'],
    ["members in UTF-16 order", '{"\\ufb33":1,"\\ud83d\\ude00":1,"b":1}', '{"a":2}',
      '[{"new":2,"pointer":"/a"},{"old":1,"pointer":"/b"},{"old":1,"pointer":"/\ud83d\ude00"},{"old":1,"pointer":"/\ufb33"}]'],
  ])("%s", (_name, a, b, expected) => {
    expect(diff(a, b)).toBe(expected);
  });

  it("swapping the sides swaps old and new", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (x, y) => {
        const [a, b] = [JSON.stringify(x), JSON.stringify(y)];
        const swapped = diffJson(b, a).map((c) => ({ pointer: c.pointer, ...(c.new === undefined ? {} : { old: c.new }), ...(c.old === undefined ? {} : { new: c.old }) }));
        expect(changesJson(swapped)).toBe(changesJson(diffJson(a, b)));
        expect(diffJson(a, b).length === 0).toBe(canonicalJson(a) === canonicalJson(b));
      }),
      { numRuns: 300, seed: 6901 },
    );
  });
});

describe("where the canonical code goes", () => {
  // An entity named like the canonical module, in two versions.
  const modules = [module([], [["canonical", 2, "doc"]], [object("doc", [])]), module(["canonical", "v1"], [["canonical", 1, "doc"]], [object("doc", [])])];
  const header = { toolVersion: "test" };
  const harness = { fixtures: "../fixtures" };

  it("Rust: a module named canonical unless an entity module is, which the harness still calls canonical", () => {
    const plain = emitRust([modules[0]!], { header, crate: "c", harness });
    expect(plain.find((f) => f.path === "src/lib.rs")!.contents).toContain("pub mod canonical;");
    expect(plain.find((f) => f.path === "tests/lockstep_fingerprint.rs")!.contents).toContain("\nuse ::c::canonical;\n");
    const files = emitRust(modules, { header, crate: "c", harness });
    expect(files.find((f) => f.path === "src/lib.rs")!.contents).toMatch(/pub mod canonical;\npub mod lockstep_canonical;/);
    expect(files.some((f) => f.path === "src/lockstep_canonical.rs")).toBe(true);
    expect(files.find((f) => f.path === "tests/lockstep_fingerprint.rs")!.contents).toContain("\nuse ::c::lockstep_canonical as canonical;\n");
  });

  it("Go: package canonical beside the entity's own directory; TypeScript: canonical.ts at the root", () => {
    const go = emitGo(modules, { header, module: "example.com/m", package: "schemas", harness }).map((f) => f.path);
    expect(go).toEqual(expect.arrayContaining(["canonical/canonical.go", "canonical/v1/canonical.go", "lockstep_fingerprint_test.go"]));
    const ts = emitTypeScript(modules, { header, harness }).map((f) => f.path);
    expect(ts).toEqual(expect.arrayContaining(["canonical.ts", "canonical/v1.ts", "lockstep.fingerprint.test.ts"]));
    expect(emitTypeScript(modules, { header }).map((f) => f.path)).not.toContain("lockstep.fingerprint.test.ts");
    // The generated types need no Node: canonical.ts imports only the runtime.
    const canonical = emitTypeScript(modules, { header }).find((f) => f.path === "canonical.ts")!.contents;
    expect([...canonical.matchAll(/^import .* from "(.*)";$/gm)].map((m) => m[1])).toEqual(["./runtime.js"]);
  });
});

const strict = process.env.CI === "true";
const languages: Language[] = ["typescript", ...(["rust", "go"] as const).filter((l) => strict || hasTool(l === "rust" ? "cargo" : "go"))];
const PROJECT = join(import.meta.dirname, "..", ".cache", "fingerprint", "project");

describe(`generated fingerprints and diffs in ${languages.join(", ")}`, () => {
  it("agree with the reference on RFC 8785's examples, the number table and 64-bit integers", async () => {
    rmSync(join(PROJECT, "schemas"), { recursive: true, force: true });
    mkdirSync(join(PROJECT, "schemas", "doc"), { recursive: true });
    writeFileSync(join(PROJECT, "schemas", "doc", "v1.json"), '{"$schema":"https://json-schema.org/draft/2020-12/schema"}\n');
    const texts: Array<[string, string]> = [
      ["rfc-sample", SAMPLE_INPUT], ["rfc-sorting", SORTING_INPUT],
      ...NUMBER_TABLE.filter(([bits]) => !bits.startsWith("8000000000000000")).map(([bits]): [string, string] => [`table-${bits}`, `[${String(double(bits))},${double(bits).toExponential()}]`]),
      ["integers", `[${INTEGERS.map(([literal]) => literal).join(",")}]`],
      ["members", '{"id":9007199254740993,"a/b~c":{"x":[1,2,{"y":null}]},"€":"\\u0000\\u001f\\u2028"}'],
    ];
    const instances = texts.map(([name, contents]) => ({ path: `doc/v1/${name}.json`, contents }));
    const cwd = PROJECT;
    const result = await runTests({ config: loadConfig(cwd, cwd), cwd, languages, seed: 1, toolVersion: "test", instances });
    expect(result.runs.map((r) => [r.language, r.status])).toEqual(languages.map((l) => [l, "ran"]));
    for (const language of languages) {
      for (const check of ["fingerprint", "diff"]) {
        const outcomes = result.outcomes.filter((o) => o.language === language && o.check === check);
        expect(outcomes.filter((o) => !o.ok), `${language} ${check}`).toEqual([]);
        expect(outcomes.length, `${language} ${check}`).toBe(instances.length);
      }
    }
    expect(result.outcomes.filter((o) => !o.ok && o.language.includes("≠") && (o.check === "fingerprint" || o.check === "diff"))).toEqual([]);
  }, 900_000);
});
