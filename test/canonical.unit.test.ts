/** src/canonical.ts: canonicalValue (from a parsed value) agrees with canonicalize (from the text). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalValue, canonicalize } from "../src/canonical.js";

/** JSON texts with numbers written in every form: exponents, fractions, zeros, big integers. */
const literal = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.nat(999), fc.integer({ min: -30, max: 30 })).map(([i, f, e]) => `${i}.${f}e${e}`),
  fc.constantFrom("-0", "0.0", "-0.0e5", "1e20", "1E21", "123456789012345e6", "9007199254740993", "4503599627370495.5"),
);
const text: fc.Arbitrary<string> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, literal, fc.string().map((s) => JSON.stringify(s)), fc.constantFrom("true", "false", "null"), tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }).map((xs) => `[${xs.join(", ")}]`),
  object: fc.uniqueArray(fc.tuple(fc.string(), tie("value")), { maxLength: 4, selector: ([k]) => k }).map((es) => `{${es.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(",")}}`),
})).value as fc.Arbitrary<string>;

describe("canonicalValue", () => {
  it("is canonicalize of the text whenever it answers, and answers unless an integer from 2^53 to 1e21 is in it", () => {
    fc.assert(
      fc.property(text, (t) => {
        const v = JSON.parse(t) as unknown;
        const fast = canonicalValue(v);
        if (fast !== undefined) expect(fast).toBe(canonicalize(t));
        else expect(JSON.stringify(v)).toMatch(/\d{16}/);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it("declines the integers parsing rounds, and spells the rest as canonicalize does", () => {
    expect(canonicalValue(JSON.parse("9007199254740993"))).toBeUndefined();
    expect(canonicalValue(JSON.parse('{"a": [1e20]}'))).toBeUndefined();
    expect(canonicalValue(JSON.parse('{"b": -0.0, "a": [1E21, 0.5, "x\\u0000"]}'))).toBe(canonicalize('{"b": -0.0, "a": [1E21, 0.5, "x\\u0000"]}'));
  });
});
