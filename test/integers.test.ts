/** Integer widths by bounds (src/ir/integers.ts): the table in docs/semantics.md. */
import { describe, expect, it } from "vitest";
import { integerBounds, integerRange, integerType, widthName, widthOf } from "../src/ir/integers.js";

const width = (schema: Record<string, unknown>) => {
  const t = integerType(schema);
  return `${widthName(t)}${t.safe ? " safe" : ""}`;
};

describe("integer width by bounds", () => {
  it.each([
    [{ minimum: 0, maximum: 100 }, "u8 safe"],
    [{ minimum: -5, maximum: 5 }, "i8 safe"],
    [{ minimum: 0, maximum: 255 }, "u8 safe"],
    [{ minimum: 0, maximum: 256 }, "u16 safe"],
    [{ minimum: -1, maximum: 200 }, "i16 safe"],
    [{ format: "int8" }, "i8 safe"],
    [{ format: "uint8" }, "u8 safe"],
    [{ format: "int16" }, "i16 safe"],
    [{ format: "uint16" }, "u16 safe"],
    [{ format: "int32" }, "i32 safe"],
    [{ format: "uint32" }, "u32 safe"],
    [{ format: "int64" }, "i64"],
    [{ format: "uint64" }, "i64"],
    [{}, "i64"],
    [{ minimum: 0 }, "i64"],
    [{ maximum: 10 }, "i64"],
    [{ exclusiveMinimum: -1, exclusiveMaximum: 256 }, "u8 safe"],
    [{ minimum: 0, exclusiveMaximum: 4294967296 }, "u32 safe"],
    [{ exclusiveMinimum: 0.5, maximum: 10.5 }, "u8 safe"],
    [{ format: "int32", minimum: 0, maximum: 10 }, "u8 safe"],
    [{ format: "uint8", maximum: 1000 }, "u8 safe"],
    [{ enum: [1, 2, 3000] }, "u16 safe"],
    [{ enum: [-1, 2, null] }, "i8 safe"],
    [{ const: 7 }, "u8 safe"],
    [{ minimum: 0, maximum: 9007199254740991 }, "i64 safe"],
    [{ minimum: -9007199254740991, maximum: 9007199254740991 }, "i64 safe"],
    [{ minimum: 0, maximum: 9007199254740992 }, "i64"],
    [{ minimum: 10, maximum: 1 }, "i64"],
  ])("%j is %s", (schema, expected) => {
    expect(width(schema)).toBe(expected);
  });

  it("intersects bounds with the format's range", () => {
    expect(integerBounds({ format: "uint8", minimum: -10, maximum: 1000 })).toEqual([0, 255]);
    expect(widthOf([0, 2 ** 32])).toEqual({ bits: 64, unsigned: false, safe: true });
  });

  it("gives each width its exact range", () => {
    expect(integerRange({ bits: 8, unsigned: true })).toEqual([0n, 255n]);
    expect(integerRange({ bits: 32 })).toEqual([-(2n ** 31n), 2n ** 31n - 1n]);
    expect(integerRange({ bits: 64 })).toEqual([-(2n ** 63n), 2n ** 63n - 1n]);
    expect(integerRange({ bits: 64, safe: true })).toEqual([-(2n ** 53n - 1n), 2n ** 53n - 1n]);
  });
});
