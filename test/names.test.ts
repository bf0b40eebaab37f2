/**
 * Names never block generation: colliding names are told apart by a documented rule that depends
 * on the set of names (not their order), with a warning naming both places; names a version gave
 * are kept by the next; entities that define the same type name get entity-qualified names.
 */
import { describe, expect, it } from "vitest";
import { camelCase, pascalCase } from "../src/ir/casing.js";
import type { EnumDecl, Module, ObjectDecl } from "../src/ir/types.js";
import { loadModules } from "../src/pipeline.js";
import { writeTree, type Tree } from "./support/tree.js";

async function load(files: Tree, allVersions = false): Promise<Module[]> {
  return (await loadModules(`${writeTree(files)}/schemas`, { allVersions })).modules;
}
const root = async (files: Tree): Promise<Module> => (await load(files))[0]!;

const typeNames = (m: Module): string[] => m.decls.map((d) => pascalCase(d.name));
const members = (m: Module, id: string): Record<string, string> =>
  Object.fromEntries((m.decls.find((d) => d.id === id) as EnumDecl).members.map((x) => [x.value, pascalCase(x.name)]));
const fields = (m: Module, id: string): Record<string, string> =>
  Object.fromEntries((m.decls.find((d) => d.id === id) as ObjectDecl).fields.map((f) => [f.wireName, camelCase(f.name)]));
const collisions = (m: Module): string[] => m.warnings.filter((w) => w.code === "name-collision").map((w) => `${w.file}#${w.pointer}`);

const str = { type: "string" };
const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: "object", properties, ...extra });

describe("colliding names are told apart", () => {
  it("definitions that differ in case: the capitalised one keeps the name", async () => {
    const m = await root({
      "schemas/log/v1.json": obj({ a: { $ref: "#/$defs/exception" }, b: { $ref: "#/$defs/Exception" } }, {
        $defs: { exception: obj({ x: str }), Exception: obj({ y: str }) },
      }),
    });
    expect(typeNames(m)).toEqual(["Log", "ExceptionLower", "Exception"]);
    expect(collisions(m)).toEqual(["log/v1.json#/$defs/exception"]);
    const w = m.warnings.find((x) => x.code === "name-collision")!;
    expect(w.message).toContain("log/v1.json#/$defs/exception");
    expect(w.message).toContain("log/v1.json#/$defs/Exception");
    expect(w.message).toContain('"x-lockstep-name"');
  });

  it("enum values: case, punctuation, and pins beside the enum", async () => {
    const m = await root({
      "schemas/e/v1.json": obj({
        scope: { enum: ["any", "Any", "none"] },
        tz: { enum: ["Etc/GMT0", "Etc/GMT-0", "Etc/GMT+1"] },
        sep: { enum: ["a b", "a.b", "a-b"] },
        pinned: { enum: ["x", "X"], "x-enum-varnames": ["Small", "Big"] },
        mapped: { enum: ["x", "X"], "x-lockstep-names": { X: "Capital" } },
      }),
    });
    expect(members(m, "e_scope")).toEqual({ any: "AnyLower", Any: "Any", none: "None" });
    expect(members(m, "e_tz")).toEqual({ "Etc/GMT0": "EtcGmt0", "Etc/GMT-0": "EtcSlashGmtDash0", "Etc/GMT+1": "EtcGmt1" });
    expect(members(m, "e_sep")).toEqual({ "a b": "AB", "a.b": "ADotB", "a-b": "ADashB" });
    expect(members(m, "e_pinned")).toEqual({ x: "Small", X: "Big" });
    expect(members(m, "e_mapped")).toEqual({ x: "X", X: "Capital" });
    const w = m.warnings.find((x) => x.pointer === "/properties/tz/enum/1")!;
    expect(w.message).toMatch(/"Etc\/GMT-0" and "Etc\/GMT0" both become EtcGmt0 .*: e\/v1\.json#\/properties\/tz\/enum\/1 and e\/v1\.json#\/properties\/tz\/enum\/0; the first is named EtcSlashGmtDash0/);
    expect(w.message).toMatch(/x-enum-varnames.*x-lockstep-names/);
    expect(collisions(m)).not.toContain("e/v1.json#/properties/pinned/enum/1");
  });

  it("properties: the lower-case spelling keeps the name; x-lockstep-name pins one", async () => {
    const m = await root({
      "schemas/p/v1.json": obj({ Self: str, self: str, env: str, Env: str, a_b: str, aB: { type: "string", "x-lockstep-name": "other" } }),
    });
    expect(fields(m, "p")).toEqual({ Self: "selfCapital", self: "self", env: "env", Env: "envCapital", a_b: "aB", aB: "other" });
    expect(collisions(m).sort()).toEqual(["p/v1.json#/properties/Env", "p/v1.json#/properties/Self"]);
  });

  it("does not depend on the order names are written in", async () => {
    const defs = { exception: obj({ x: str }), Exception: obj({ y: str }) };
    const swapped = { Exception: defs.Exception, exception: defs.exception };
    const a = await root({ "schemas/l/v1.json": obj({ s: { enum: ["Any", "any"] }, Env: str, env: str, b: { $ref: "#/$defs/Exception" }, a: { $ref: "#/$defs/exception" } }, { $defs: defs }) });
    const b = await root({ "schemas/l/v1.json": obj({ a: { $ref: "#/$defs/exception" }, b: { $ref: "#/$defs/Exception" }, env: str, Env: str, s: { enum: ["any", "Any"] } }, { $defs: swapped }) });
    expect(typeNames(a).sort()).toEqual(typeNames(b).sort());
    expect(fields(a, "l")).toEqual(fields(b, "l"));
    expect(members(a, "l_s")).toEqual(members(b, "l_s"));
  });

  it("a path-derived name loses to a definition, and its nested types follow its new name", async () => {
    const m = await root({
      "schemas/user/v1.json": obj(
        { address: obj({ geo: obj({ lat: str }) }), x: { $ref: "#/$defs/UserAddress" } },
        { $defs: { UserAddress: obj({ geo: obj({ lng: str }) }) } },
      ),
    });
    expect(typeNames(m).sort()).toEqual(["User", "UserAddress", "UserAddressGeo", "UserAddressInline", "UserAddressInlineGeo"]);
  });
});

describe("names are stable across versions", () => {
  it("a name version 1 gave is kept in version 2 when a colliding one is added", async () => {
    const v1 = obj({ a: { $ref: "#/$defs/exception" }, s: { enum: ["any"] }, self: str }, { $defs: { exception: obj({ x: str }) } });
    const v2 = obj({ a: { $ref: "#/$defs/exception" }, b: { $ref: "#/$defs/Exception" }, s: { enum: ["any", "Any"] }, self: str, Self: str }, {
      $defs: { exception: obj({ x: str }), Exception: obj({ y: str }) },
    });
    const alone = await root({ "schemas/log/v1.json": v2 });
    expect(typeNames(alone)).toContain("ExceptionLower");
    const [newest, older] = await load({ "schemas/log/v1.json": v1, "schemas/log/v2.json": v2 }, true);
    expect(typeNames(older!)).toEqual(["Log", "Exception", "LogS"]);
    expect(typeNames(newest!).sort()).toEqual(["Exception", "ExceptionCapital", "Log", "LogS"]);
    expect(members(newest!, "log_s")).toEqual({ any: "Any", Any: "AnyCapital" });
    expect(fields(newest!, "log").self).toBe("self");
    // Without --all-versions the older version is still read for its names.
    const [only] = await load({ "schemas/log/v1.json": v1, "schemas/log/v2.json": v2 });
    expect(typeNames(only!)).toEqual(typeNames(newest!));
  });

  it("a suffixed name stays suffixed after its rival is removed", async () => {
    const both = obj({ a: { $ref: "#/$defs/exception" }, b: { $ref: "#/$defs/Exception" } }, { $defs: { exception: obj({ x: str }), Exception: obj({ y: str }) } });
    const one = obj({ a: { $ref: "#/$defs/exception" } }, { $defs: { exception: obj({ x: str }) } });
    const m = await root({ "schemas/log/v1.json": both, "schemas/log/v2.json": one });
    expect(typeNames(m)).toEqual(["Log", "ExceptionLower"]);
  });
});

describe("entities share one namespace", () => {
  it("qualifies a definition two entities both have with its entity's name; roots keep theirs", async () => {
    const withConfig = (field: string) => obj({ [field]: { $ref: "#/$defs/Configuration" } }, { $defs: { Configuration: obj({ [field]: str }) } });
    const m = await root({
      "schemas/user/v1.json": withConfig("u"),
      "schemas/order/v1.json": withConfig("o"),
      "schemas/configuration/v1.json": obj({ c: str }),
    });
    expect(typeNames(m).sort()).toEqual(["Configuration", "Order", "OrderConfiguration", "User", "UserConfiguration"]);
  });

  it("a definition in a shared file reached from two entities stays one type", async () => {
    const m = await root({
      "schemas/user/v1.json": obj({ a: { $ref: "../_common/address.json" } }),
      "schemas/order/v1.json": obj({ a: { $ref: "../_common/address.json" } }),
      "schemas/_common/address.json": obj({ street: str }),
    });
    expect(typeNames(m).sort()).toEqual(["Address", "Order", "User"]);
    expect(collisions(m)).toEqual([]);
  });

  it("entity roots titled alike take their entities' names", async () => {
    const m = await root({ "schemas/app-1/v1.json": obj({ a: str }, { title: "App" }), "schemas/app-2/v1.json": obj({ b: str }, { title: "App" }) });
    expect(typeNames(m).sort()).toEqual(["App1", "App2"]);
  });

  it("two entity directories that spell the same type name are still an error", async () => {
    await expect(root({ "schemas/user-profile/v1.json": {}, "schemas/user_profile/v1.json": {} })).rejects.toThrow(/two types get the same name UserProfile/);
  });
});
