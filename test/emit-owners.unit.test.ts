/**
 * One file per entity (src/emit/owners.ts): which declarations go in an entity's file, which stay
 * shared, and how Go and Rust lay the files out without moving a public name.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitGo } from "../src/emit/go/index.js";
import { goFileName } from "../src/emit/go/naming.js";
import { declOwners } from "../src/emit/owners.js";
import { emitRust } from "../src/emit/rust/index.js";
import { useList } from "../src/emit/rust/layout.js";
import type { Decl, Module } from "../src/ir/types.js";
import { itWithTool, run } from "./support/toolchains.js";
import { doc, enumDecl, field, module, object, t } from "./support/ts-ir.js";

const at = (file: string) => ({ source: { file, pointer: "" } });

/** Entities a and b: each has a private type; both reach `common` from a shared file; b reaches a's root. */
function twoEntities(): Module {
  const decls: Decl[] = [
    object("a", [field("own", "own", t.ref("a_own")), field("common", "common", t.ref("common"))], { kind: "closed" }, at("a/v1.json")),
    object("a_own", [field("x", "x", t.string)], { kind: "closed" }, at("a/v1.json")),
    object("b", [field("common", "common", t.ref("common")), field("a", "a", t.ref("a")), field("only", "only", t.ref("only_b"))], { kind: "closed" }, at("b/v1.json")),
    { ...enumDecl("common", [["one", "one"]]), ...at("_shared/common.json") },
    { ...object("only_b", [field("y", "y", t.string)]), ...at("_shared/other.json"), doc: doc({ deprecated: true }) },
  ];
  return module([], [["a", 1, "a"], ["b", 1, "b"]], decls);
}

describe("declaration owners", () => {
  it("an entity's own file, the one entity reaching a shared type, or shared", () => {
    const owners = declOwners(twoEntities());
    expect(Object.fromEntries(owners)).toEqual({ a: "a", a_own: "a", b: "b", common: undefined, only_b: "b" });
  });

  it("names Go files so the go command neither skips nor constrains them", () => {
    const taken = new Set(["runtime", "types"]);
    expect(goFileName("user-profile", taken)).toBe("user_profile");
    expect(goFileName("config_linux", taken)).toBe("config_linux_schema");
    expect(goFileName("my-test", taken)).toBe("my_test_schema");
    expect(goFileName("runtime", taken)).toBe("runtime_schema");
    expect(goFileName("UserProfile", taken)).toBe("user_profile_schema");
    expect(goFileName("linux", taken)).toBe("linux");
  });

  it("Go: <entity>.go per entity, shared declarations in types.go, each importing only what it uses", () => {
    const files = emitGo([twoEntities()], { header: { toolVersion: "0.0.0-test" }, module: "example.com/two", package: "two" });
    const file = (p: string): string => files.find((f) => f.path === p)?.contents ?? "";
    expect(files.map((f) => f.path).filter((p) => /^[a-z_]+\.go$/.test(p))).toEqual(["a.go", "b.go", "types.go", "runtime.go", "scan.go", "read.go", "validate.go", "validation.go"]);
    expect(file("a.go")).toMatch(/^type AOwn struct/m);
    expect(file("b.go")).toMatch(/^type OnlyB struct/m);
    expect(file("types.go")).toMatch(/^type Common string/m);
    expect(file("types.go")).not.toContain("encoding/json");
    expect(file("a.go")).toContain("//   a/v1.json (a v1)\n// inputs sha256");
  });

  it("Rust: a private module per entity, re-exported at the crate root; shared items stay in lib.rs", () => {
    const files = emitRust([twoEntities()], { header: { toolVersion: "0.0.0-test" }, crate: "two" });
    const file = (p: string): string => files.find((f) => f.path === p)?.contents ?? "";
    const lib = file("src/lib.rs");
    expect(lib).toContain("\nmod a;\nmod b;\n\npub use a::{AOwn, A};\n#[allow(deprecated)]\npub use b::{OnlyB, B};\n");
    expect(lib).toMatch(/^pub enum Common \{/m);
    expect(file("src/a.rs")).toContain("\nuse crate::Common;\nuse serde::{Deserialize, Serialize};\n");
    expect(file("src/b.rs")).toContain("\nuse crate::{Common, A};\nuse serde::{Deserialize, Serialize};\n");
  });

  itWithTool("cargo")("rustfmt --check accepts the module files and lib.rs; gofmt -l the Go files", () => {
    const dir = mkdtempSync(join(tmpdir(), "lockstep-owners-"));
    try {
      const many = twoEntities();
      // A use list too long for one line.
      for (let i = 0; i < 9; i++) many.decls.push({ ...object(`shared_type_number_${i}`, [field("x", "x", t.string)]), ...at("_shared/many.json") });
      (many.decls[0] as Extract<Decl, { kind: "object" }>).fields.push(...Array.from({ length: 9 }, (_, i) => field(`s${i}`, `s${i}`, t.ref(`shared_type_number_${i}`))));
      for (const [lang, files] of [["rust", emitRust([many], { header: { toolVersion: "0.0.0-test" }, crate: "two" })], ["go", emitGo([many], { header: { toolVersion: "0.0.0-test" }, module: "example.com/two", package: "two" })]] as const) {
        for (const f of files) {
          mkdirSync(dirname(join(dir, lang, f.path)), { recursive: true });
          writeFileSync(join(dir, lang, f.path), f.contents);
        }
      }
      expect(emitRust([many], { header: { toolVersion: "0.0.0-test" }, crate: "two" }).find((f) => f.path === "src/a.rs")!.contents).toContain("use crate::{\n    Common,");
      run("rustfmt", ["--check", "--edition", "2021", "src/lib.rs"], join(dir, "rust"));
      expect(run("gofmt", ["-l", "."], join(dir, "go"))).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("prints use lists the way rustfmt does", () => {
    expect(useList("use crate::", ["Zed", "A1", "Ab", "A_b", "AB"])).toEqual(["use crate::{A_b, Ab, Zed, A1, AB};"]);
    expect(useList("use crate::", ["Solo"])).toEqual(["use crate::Solo;"]);
    const long = Array.from({ length: 12 }, (_, i) => `TypeNumber${String.fromCharCode(65 + i)}`);
    const lines = useList("pub use entity::", long);
    expect(lines[0]).toBe("pub use entity::{");
    expect(lines.at(-1)).toBe("};");
    expect(lines.slice(1, -1).every((l) => l.startsWith("    ") && l.endsWith(",") && l.length <= 100)).toBe(true);
  });
});
