/**
 * The compiled templates (src/emit/template-compile.ts) print exactly what Handlebars prints with
 * the same options: every template under templates/ on random views shaped by its own paths, and
 * the corner cases (whitespace control, standalone lines, ../ and @data in nested blocks).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { templateCode } from "../src/emit/template-compile.js";
import { TEMPLATE_RUNTIME, type TemplateFunction } from "../src/emit/template-runtime.js";
import { COMPILE_OPTIONS } from "../src/emit/templates.js";
import { prng } from "../src/fixtures/values.js";

/** Views and Handlebars' AST are loose by nature. */
const compile = (source: string): TemplateFunction => (new Function(`return ${templateCode(source)};`)() as (rt: typeof TEMPLATE_RUNTIME) => TemplateFunction)(TEMPLATE_RUNTIME);
const reference = (source: string): ((view: object) => string) => Handlebars.create().compile(source, COMPILE_OPTIONS);

const outcome = (f: () => string): string => {
  try {
    return `ok:${f()}`;
  } catch {
    return "threw";
  }
};

const TEXTS = ["", "x", "two words", "line\nbreak", "\n", "trailing\n\n", "  indented", "{{not}}", "`code`", "ünï", "42"];

/** A view with every path the template reads, values drawn at random (arrays of 0–3 items, truthy and falsy tests). */
function randomView(source: string, random: () => number): object {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const view: any = {};
  const usesThis = (prog: any): boolean => (prog?.body ?? []).some((s: any) => s.type === "MustacheStatement" && s.path.parts?.length === 0 && !s.path.data);
  const holder = (path: any, depths: any[]): { parent: any; last: string } | undefined => {
    if (path.type !== "PathExpression" || path.data || path.parts.length === 0) return undefined;
    let parent = depths[path.depth];
    if (parent === null || typeof parent !== "object") return undefined;
    for (const part of path.parts.slice(0, -1)) {
      if (parent[part] === undefined) parent[part] = {};
      parent = parent[part];
      if (parent === null || typeof parent !== "object") return undefined;
    }
    const last = path.parts[path.parts.length - 1];
    return Array.isArray(parent) && last === "length" ? undefined : { parent, last };
  };
  const walk = (prog: any, depths: any[]): void => {
    for (const s of prog?.body ?? []) {
      if (s.type === "MustacheStatement") {
        const h = holder(s.path, depths);
        if (h && h.parent[h.last] === undefined) h.parent[h.last] = random() < 0.8 ? pick(TEXTS) : Math.floor(random() * 20);
      } else if (s.type === "BlockStatement") {
        const h = holder(s.params[0], depths);
        if (s.path.original === "each") {
          if (h && !Array.isArray(h.parent[h.last])) {
            const strings = usesThis(s.program);
            h.parent[h.last] = Array.from({ length: Math.floor(random() * 4) }, () => (strings ? pick(TEXTS) : {}));
          }
          const items = h ? h.parent[h.last] : [];
          for (const item of items) if (typeof item === "object") walk(s.program, item !== depths[0] ? [item, ...depths] : depths);
          if (items.length === 0 && random() < 0.5) walk(s.program, [{}, ...depths]);
        } else {
          if (h && h.parent[h.last] === undefined) h.parent[h.last] = pick([true, false, "", "x", 0, 1, [], ["x"], null, {}, {}, {}, {}]);
          walk(s.program, depths);
        }
        walk(s.inverse, depths);
      }
    }
  };
  walk(Handlebars.parse(source), [view]);
  return view;
}

describe("compiled templates", () => {
  const root = join(import.meta.dirname, "..", "templates");
  for (const lang of ["go", "rust"]) {
    for (const file of readdirSync(join(root, lang)).filter((f) => f.endsWith(".hbs"))) {
      it(`print what Handlebars prints: templates/${lang}/${file}`, () => {
        const source = readFileSync(join(root, lang, file), "utf8");
        const ours = compile(source);
        const theirs = reference(source);
        const random = prng([...`${lang}/${file}`].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7));
        let printed = 0;
        for (let n = 0; n < 40; n++) {
          const view = randomView(source, random);
          const expected = outcome(() => theirs(view));
          expect(outcome(() => ours(view))).toBe(expected);
          if (expected.startsWith("ok:")) printed++;
        }
        // The views are complete: (nearly) every one prints.
        expect(printed).toBeGreaterThan(30);
      });
    }
  }

  const cases: Array<[string, object]> = [
    ["a\n{{#each xs}}\n  {{this}}\n{{/each}}\nb\n", { xs: ["1", "2"] }],
    ["{{#each xs}}{{#if @first}}{{this}}{{else}}, {{this}}{{/if}}{{#if @last}}.{{/if}}{{@index}}{{/each}}", { xs: ["a", "b", "c"] }],
    ["{{#each xs}}{{#each ys}}{{../n}}{{../../n}}{{this}}{{/each}}{{/each}}", { n: "R", xs: [{ n: "A", ys: ["1", "2"] }, { n: "B", ys: [] }] }],
    ["{{#each xs}}[{{../n}}]{{/each}}", { n: "R", xs: ["s", 3] }],
    ["  {{~x~}}  \n{{#if y}}\n  yes\n{{else}}\n  no\n{{/if}}\n", { x: "X", y: [] }],
    ["{{#each xs}}x{{else}}empty{{/each}}|{{#each ys}}y{{else}}none{{/each}}", { xs: [], ys: false }],
    ["{{a.b}}{{{c}}}{{#if a.list.length}}L{{/if}}{{!comment}}", { a: { b: 1, list: [0] }, c: "<&>" }],
    ["{{a}}", { a: null }],
    ["{{a}}", {}],
    ["{{a.b}}", { a: {} }],
    ["{{#each xs}}{{#if this}}{{this}}{{/if}}{{/each}}", { xs: [0, "", "z", false, [], [1]] }],
    ["{{x}}", Object.create({ x: "inherited" })],
    ["{{#each xs}}\t{{this}}\n{{/each}}{{#each ys}}{{this}};{{/each}}{{#each zs}}{{this}}{{else}}none{{/each}}", { xs: ["a", 1, null, undefined, {}, ["b", "c"]], ys: ["a", , "b"], zs: [] }],
    ["{{#each xs}}\n  {{this}}\n{{/each}}\n", { xs: ["a", "b"] }],
  ];
  for (const [source, view] of cases) {
    it(`prints ${JSON.stringify(source)} as Handlebars does`, () => {
      expect(outcome(() => compile(source)(view))).toBe(outcome(() => reference(source)(view)));
    });
  }

  it("refuses what it cannot print the same", () => {
    for (const source of ["{{> partial}}", "{{#with x}}{{/with}}", "{{lookup x y}}", "{{#each x as |y|}}{{/each}}", "{{log}}", '{{#if x includeZero=true}}{{/if}}']) {
      expect(() => templateCode(source), source).toThrow(/not supported/);
    }
  });
});
