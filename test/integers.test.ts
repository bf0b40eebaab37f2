/** Integer widths by bounds (src/ir/integers.ts): the table in docs/semantics.md. */
import { describe, expect, it } from "vitest";
import { integerBounds, integerRange, integerType, widthName, widthOf } from "../src/ir/integers.js";
import type { TypeExpr } from "../src/ir/types.js";
import { loadConfig } from "../src/config.js";
import { LockstepError } from "../src/errors.js";
import { loadModules } from "../src/pipeline.js";
import { writeTree } from "./support/tree.js";

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

describe("integer policies", () => {
  const schema = {
    type: "object",
    properties: {
      plain: { type: "integer" },
      stated: { type: "integer", "x-lockstep-int64": "number" },
      small: { type: "integer", minimum: 0, maximum: 9, "x-lockstep-int64": "string" },
      list: { type: "array", items: { type: "integer", "x-lockstep-int64": "string" } },
      either: { type: ["integer", "string"] },
    },
  };
  const fields = async (config: Record<string, unknown> | undefined) => {
    const dir = writeTree({ "schemas/thing/v1.json": schema, ...(config ? { "lockstep.config.json": config } : {}) });
    const cfg = loadConfig(dir, dir);
    const { modules } = await loadModules(cfg.schemas, { int64: cfg.int64 });
    const thing = modules[0]!.decls.find((d) => d.kind === "object")!;
    const union = modules[0]!.decls.find((d) => d.kind === "kind-union");
    const policy = (t: TypeExpr): string => (t.kind === "integer" ? (t.policy ?? "number") + (t.safe ? " safe" : "") : t.kind === "array" ? `[${policy(t.items)}]` : t.kind);
    const out = Object.fromEntries((thing.kind === "object" ? thing.fields : []).map((f) => [f.wireName, policy(f.type)]));
    return { ...out, eitherInteger: union?.kind === "kind-union" ? policy(union.variants.find((v) => v.kind === "integer")!.type) : "-" };
  };

  it("defaults to number; a node's x-lockstep-int64 overrides the config; bounded integers and kind unions stay numbers", async () => {
    expect(await fields(undefined)).toEqual({ plain: "number", stated: "number", small: "number safe", list: "[string]", either: "ref", eitherInteger: "number" });
    expect(await fields({ int64: "string" })).toEqual({ plain: "string", stated: "number", small: "number safe", list: "[string]", either: "ref", eitherInteger: "number" });
    expect(await fields({ int64: "number-lossy" })).toMatchObject({ plain: "number-lossy", stated: "number" });
  });

  it("reads the earlier config value \"bigint\" as \"number\", and refuses others with the file's position", async () => {
    expect(await fields({ int64: "bigint" })).toMatchObject({ plain: "number" });
    const dir = writeTree({ "schemas/thing/v1.json": schema, "lockstep.config.json": '{\n  "int64": "double"\n}\n' });
    let error: unknown;
    try {
      loadConfig(dir, dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LockstepError);
    expect((error as LockstepError).message).toBe('lockstep.config.json: /int64 must be one of "number", "string", "number-lossy", "bigint"');
    expect((error as LockstepError).location).toMatchObject({ line: 2 });
  });
});
