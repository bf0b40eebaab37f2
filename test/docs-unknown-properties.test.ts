/**
 * Generated doc comments never contradict each other or the decoder: an object's doc says either
 * that undeclared properties are kept (and where) or that they are dropped, never both, for every
 * kind of `additional` in every target.
 */
import { describe, expect, it } from "vitest";
import { emitGo } from "../src/emit/go/index.js";
import { emitRust } from "../src/emit/rust/index.js";
import { emitTypeScript } from "../src/emit/typescript/index.js";
import type { Additional } from "../src/ir/types.js";
import { field, module, object, t } from "./support/ts-ir.js";

const KINDS: Array<[string, Additional]> = [
  ["preserve", { kind: "preserve", name: ["extra", "props"] }],
  ["preserve, closedInSchema", { kind: "preserve", name: ["extra", "props"], closedInSchema: true }],
  ["closed", { kind: "closed" }],
  ["typed", { kind: "typed", name: ["extra", "props"], type: t.int32 }],
];

/** The generated source of one object `Thing` with the given additional. */
function sources(additional: Additional): Record<string, string> {
  const modules = [module([], [["thing", 1, "thing"]], [object("thing", [field("a", "a", t.string)], additional)])];
  const header = { toolVersion: "0.0.0-test" };
  const pick = (files: Array<{ path: string; contents: string }>, path: string): string => files.find((f) => f.path === path)!.contents;
  return {
    typescript: pick(emitTypeScript(modules, { header }), "index.ts"),
    rust: pick(emitRust(modules, { header, crate: "unit" }), "src/thing.rs"),
    go: pick(emitGo(modules, { header, module: "example.com/unit", package: "unit" }), "thing.go"),
  };
}

/** The comment lines right above the line declaring Thing, without comment markers. */
function docAbove(source: string, declaration: RegExp): string {
  const lines = source.split("\n");
  let at = lines.findIndex((l) => declaration.test(l));
  expect(at, `no declaration ${declaration}`).toBeGreaterThan(0);
  const doc: string[] = [];
  while (at > 0 && /^\s*(\/\/|\/\*\*|\*|#\[)/.test(lines[at - 1]!)) doc.unshift(lines[--at]!);
  return doc
    .filter((l) => !l.startsWith("#["))
    .map((l) => l.replace(/^\s*(\/\/\/?|\/\*\*|\*\/|\*)\s?/, "").replace(/\*\/$/, ""))
    .join(" ");
}

const DECLARATIONS: Record<string, RegExp> = {
  typescript: /^export interface Thing \{/,
  rust: /^pub struct Thing \{/,
  go: /^type Thing struct \{/,
};
const BAG: Record<string, string> = { typescript: "extraProps", rust: "extra_props", go: "ExtraProps" };

describe("object docs say what the decoder does with undeclared properties", () => {
  for (const [label, additional] of KINDS) {
    const generated = sources(additional);
    for (const language of ["typescript", "rust", "go"]) {
      it(`${label} in ${language}`, () => {
        const text = docAbove(generated[language]!, DECLARATIONS[language]!);
        const kept = /\bkept\b/.test(text);
        const dropped = /\bdropped\b|\bignored\b|\bdiscarded\b/.test(text);
        expect({ kept, dropped }, text).toEqual({ kept: additional.kind !== "closed", dropped: additional.kind === "closed" });
        if (additional.kind !== "closed") {
          expect(text).toContain(`kept in \`${BAG[language]}\``.replace(language === "go" ? /`/g : /(?!)/, ""));
          // The bag the doc names is a member of the type.
          expect(generated[language]).toMatch(new RegExp(`^\\s+(pub )?${BAG[language]}\\??[: ]`, "m"));
        }
        expect(/closes this object/.test(text)).toBe(additional.kind === "preserve" && additional.closedInSchema === true);
      });
    }
  }
});
