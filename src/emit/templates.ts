/**
 * Templates under templates/<lang>/*.hbs, compiled once per process. They only print: views are
 * computed in TypeScript. Handlebars parses them and ./template-compile.ts turns each into a plain
 * function printing what Handlebars prints with COMPILE_OPTIONS (noEscape: all escaping is done in
 * TypeScript; strict: a missing view field is a bug). The build (build.mjs) replaces this module
 * with one holding the same functions compiled, so an installed lockstep neither reads nor
 * compiles templates at run time.
 */
import { readFileSync } from "node:fs";
import { packagePath } from "../paths.js";
import { templateCode } from "./template-compile.js";
import { TEMPLATE_RUNTIME, type TemplateFunction } from "./template-runtime.js";

/** The Handlebars options whose output the compiled templates reproduce (test/templates.unit.test.ts). */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

const compiled = new Map<string, TemplateFunction>();

/** The compiled `templates/<lang>/<name>.hbs`. */
export function template(lang: "go" | "rust", name: string): TemplateFunction {
  const key = `${lang}/${name}`;
  let t = compiled.get(key);
  if (t === undefined) {
    const code = templateCode(readFileSync(packagePath("templates", lang, `${name}.hbs`), "utf8"), `templates/${key}.hbs`);
    t = (new Function(`return ${code};`)() as (rt: typeof TEMPLATE_RUNTIME) => TemplateFunction)(TEMPLATE_RUNTIME);
    compiled.set(key, t);
  }
  return t;
}
