/**
 * The generated runtime's JSON text functions (src/emit/typescript/runtime-json-source.ts) against
 * references: parseJson gives JSON.parse's values except that integers beyond ±(2^53 − 1) are
 * exact bigints, and rejects exactly what JSON.parse rejects; stringifyJson writes what a plain
 * recursive writer does, also when strings hold the mark its fast path uses.
 */
import { join } from "node:path";
import fc from "fast-check";
import { parse as losslessParse } from "lossless-json";
import { beforeAll, describe, expect, it } from "vitest";
import { emitTypeScript } from "../src/emit/typescript/index.js";
import { kitchenSink } from "./support/ts-ir.js";
import { REPO, fn, importGenerated, writeTree } from "./support/ts-harness.js";

const OUT = join(REPO, ".cache", "ts-json-runtime");
const MARK = "\uf8ff";

type Json = null | boolean | number | bigint | string | Json[] | { [key: string]: Json };

/** The reference writer: what stringifyJson must give (bigint as digits, the rest as JSON.stringify). */
function reference(value: Json): string {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return `[${value.map(reference).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.keys(value).map((k) => `${JSON.stringify(k)}:${reference(value[k] as Json)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The reference reader: lossless-json with JSON.parse's numbers, bigint for integers beyond ±(2^53 − 1). */
function referenceParse(text: string): unknown {
  return losslessParse(text, null, (digits) =>
    /^-?[0-9]+$/.test(digits) && !Number.isSafeInteger(Number(digits)) ? BigInt(digits) : Number(digits));
}

/** value with every bigint made a number, to compare with JSON.parse. */
function asNumbers(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(asNumbers);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: asNumbers(v), enumerable: true, writable: true, configurable: true });
  return out;
}

const piece = fc.constantFrom("1234567890123456", "9007199254740993", "-9223372036854775808", "\"", "\\", MARK, "\\uf8ff", ":", ",", "0.", "e1", "é");
const text = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 6 }).map((parts) => parts.join(""));
const big = fc.oneof(
  fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }),
  fc.constantFrom(2n ** 53n, -(2n ** 53n), 2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n), 10n ** 30n),
);
const leaf: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), // A double written as 16+ digits reads back as bigint (a whole number beyond 2^53), so those are left out.
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0) && !/^-?[0-9]{16,}$/.test(String(d))),
  big.map((b) => (b >= -(2n ** 53n) + 1n && b <= 2n ** 53n - 1n ? Number(b) : b)), text,
);
const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("value")), fc.dictionary(text.filter((k) => k !== "__proto__"), tie("value"))),
})).value;

describe("generated runtime: parseJson and stringifyJson", () => {
  let parseJson: (text: string) => unknown;
  let stringifyJson: (value: unknown) => string;
  beforeAll(async () => {
    const runtime = emitTypeScript(kitchenSink(), { header: { toolVersion: "0.0.0-test" } }).filter((f) => f.path === "runtime.ts");
    writeTree(OUT, runtime);
    const mod = await importGenerated(join(OUT, "runtime.ts"));
    parseJson = fn(mod, "parseJson");
    stringifyJson = fn(mod, "stringifyJson");
  });

  it("writes any value as the reference writer does, and reads it back", () => {
    fc.assert(fc.property(json, (value) => {
      const written = stringifyJson(value);
      expect(written).toBe(reference(value));
      expect(parseJson(written)).toEqual(value);
      expect(parseJson(written)).toEqual(referenceParse(written));
    }), { seed: 20261204, numRuns: 1000 });
  });

  it("rejects what JSON.parse rejects, in text with and without long digit runs", () => {
    const mutated = fc.tuple(json, fc.array(fc.tuple(fc.nat(), fc.oneof(piece, fc.constantFrom("", "{", "}", "[", "]", " ", "0", "-", "\"", "\u0001"))), { maxLength: 3 }))
      .map(([value, edits]) => edits.reduce((s, [at, insert]) => {
        const i = at % (s.length + 1);
        return s.slice(0, i) + insert + s.slice(i + (insert === "" ? 1 : 0));
      }, reference(value)));
    fc.assert(fc.property(mutated, (s) => {
      let valid = true;
      try {
        JSON.parse(s);
      } catch {
        valid = false;
      }
      if (valid) {
        const parsed = parseJson(s);
        expect(asNumbers(parsed)).toEqual(JSON.parse(s));
        // lossless-json refuses repeated names, which JSON.parse and parseJson accept.
        if (!/"__proto__"/.test(s)) {
          let exact: unknown;
          try {
            exact = referenceParse(s);
          } catch {
            return;
          }
          expect(parsed).toEqual(exact);
        }
      } else expect(() => parseJson(s), s).toThrow(SyntaxError);
    }), { seed: 20261205, numRuns: 1500 });
  });

  it("keeps the mark in strings and names, and writes bigints beside them", () => {
    const value = { [MARK]: `${MARK}1`, a: [12345678901234567890n, `"${MARK}-5"`, MARK], b: -(2n ** 63n) };
    expect(stringifyJson(value)).toBe(reference(value));
    expect(parseJson(reference(value))).toEqual(value);
    expect(stringifyJson({ a: [1, { b: 2n ** 70n }], c: { d: "x" } })).toBe(`{"a":[1,{"b":${2n ** 70n}}],"c":{"d":"x"}}`);
    expect(() => stringifyJson({ a: 1n, b: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => stringifyJson([1n, undefined])).toThrow(TypeError);
  });

  it("reads big integers next to strings, names and repeated names that look like them", () => {
    const cases = [
      '{"a":"x 12345678901234567890","b":12345678901234567890}',
      '{"a":"[12345678901234567890","b":[12345678901234567890, -12345678901234567890]}',
      '{"12345678901234567890":12345678901234567890}',
      `{"a":"${MARK}1","b":12345678901234567890}`,
      '{"a":"\\uF8FF1","b":12345678901234567890}',
      '[1234567890123456789.5,1234567890123456789e2,9007199254740991,-9007199254740992, 12345678901234567890 ]',
    ];
    for (const s of cases) expect(parseJson(s), s).toEqual(referenceParse(s));
    // Repeated names: the last wins, as in JSON.parse (lossless-json refuses them).
    expect(parseJson('{"a":12345678901234567890,"a":1}')).toEqual({ a: 1 });
    expect(parseJson('{"a":1,"a":12345678901234567890}')).toEqual({ a: 12345678901234567890n });
    const proto = parseJson('{"__proto__":12345678901234567890}') as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(proto, "__proto__")?.value).toBe(12345678901234567890n);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    for (const bad of ["{12345678901234567890:1}", '{"a":1,12345678901234567890:2}', "[012345678901234567890]", "[12345678901234567890 1]", '["a\\",12345678901234567890]']) {
      expect(() => JSON.parse(bad), bad).toThrow(SyntaxError);
      expect(() => parseJson(bad), bad).toThrow(SyntaxError);
    }
  });

  it("does not change the value it writes", () => {
    const inner = { big: 9007199254740993n, list: [1n, 2] };
    const value = { inner, same: inner };
    stringifyJson(value);
    expect(value).toEqual({ inner: { big: 9007199254740993n, list: [1n, 2] }, same: inner });
    expect(value.inner).toBe(inner);
  });
});
